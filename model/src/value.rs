//! Parameter values as the rules hold them, and how a written value is read for its unit.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalogue::Unit;
use crate::money::{percent, plain, Money};
use crate::month::YearMonth;
use crate::text::Text;

/// Largest amount of money accepted anywhere: far above any wage, far below where
/// exact arithmetic could overflow.
pub const MAX_AMOUNT: u64 = 1_000_000_000;

/// A share written as a decimal (`0.074`) or a fraction (`1/3`), kept exact: applying it
/// multiplies by the numerator and divides by the denominator once, before rounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ratio {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub num: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub den: Decimal,
}

impl Ratio {
    pub fn decimal(d: Decimal) -> Ratio {
        Ratio {
            num: d,
            den: Decimal::ONE,
        }
    }

    /// `amount × rate`, unrounded; `None` on overflow (cannot happen within input limits).
    pub fn of(self, amount: Decimal) -> Option<Decimal> {
        amount.checked_mul(self.num)?.checked_div(self.den)
    }

    pub fn as_decimal(self) -> Option<Decimal> {
        self.num.checked_div(self.den)
    }

    /// `1 − self`: the other side of a split.
    pub fn complement(self) -> Ratio {
        Ratio {
            num: self.den - self.num,
            den: self.den,
        }
    }

    /// "8%" for a decimal rate, "1/3" for a fraction.
    pub fn show(self) -> String {
        if self.den == Decimal::ONE {
            percent(self.num)
        } else {
            format!("{}/{}", plain(self.num), plain(self.den))
        }
    }

    /// A split as people write it, `8:2` for 8/10 (its complement on the right).
    pub fn show_split(self) -> String {
        let (a, b) = (self.num, self.den - self.num);
        if self.den == Decimal::ONE {
            // As a document writes a split: common factors of ten are taken out (0.7 → 7:3,
            // 0.8 → 8:2), but not other factors (8:2, never 4:1).
            let (mut x, mut y) = (
                (a * Decimal::ONE_HUNDRED).normalize(),
                (b * Decimal::ONE_HUNDRED).normalize(),
            );
            let ten = Decimal::TEN;
            while x.scale() == 0
                && y.scale() == 0
                && !x.is_zero()
                && !y.is_zero()
                && (x % ten).is_zero()
                && (y % ten).is_zero()
            {
                x /= ten;
                y /= ten;
            }
            format!("{}:{}", plain(x), plain(y))
        } else {
            format!("{}:{}", plain(a), plain(b))
        }
    }
}

/// A known value of a parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Rate(Ratio),
    Money(Money),
    Years(Decimal),
    /// A whole number: months, or days.
    Count(u32),
    Flag(bool),
    Choice(String),
    Set(Vec<String>),
    Month(YearMonth),
}

impl Value {
    /// How the value is shown in steps and listings (words as written; see [`Unit`] for labels).
    pub fn show(&self) -> String {
        match self {
            Value::Rate(r) => r.show(),
            Value::Money(m) => m.text(),
            Value::Years(y) => plain(*y),
            Value::Count(n) => n.to_string(),
            Value::Flag(b) => b.to_string(),
            Value::Choice(c) => c.clone(),
            Value::Set(s) => s.join(","),
            Value::Month(m) => m.to_string(),
        }
    }
}

impl Value {
    /// The value in words where it is a word or a yes/no (a choice's label, "是"), so no page
    /// shows `true` or `one_off`; `None` for numbers, which show as themselves.
    pub fn words(&self, unit: Unit) -> Option<crate::text::Text> {
        let label = |w: &str| {
            unit.choices()
                .iter()
                .find(|c| c.word == w)
                .map(|c| (c.zh, c.en))
        };
        match self {
            Value::Flag(true) => Some(Text::new("是", "yes")),
            Value::Flag(false) => Some(Text::new("否", "no")),
            Value::Choice(w) => label(w).map(|(zh, en)| Text::new(zh, en)),
            Value::Set(ws) => {
                let labels: Vec<(&str, &str)> = ws.iter().filter_map(|w| label(w)).collect();
                let zh: Vec<&str> = labels.iter().map(|l| l.0).collect();
                let en: Vec<&str> = labels.iter().map(|l| l.1).collect();
                Some(Text::new(zh.join("、"), en.join(", ")))
            }
            // A count or a length reads with its unit ("3 个月", "30 年"), so a citation never
            // leaves a bare number a person must guess the meaning of.
            Value::Count(_) | Value::Years(_) | Value::Money(_) => {
                let label = unit.label();
                let (zh, en) = (label.zh.to_string(), label.en.to_string());
                if zh.is_empty() {
                    return None;
                }
                let n = self.show();
                let en = match (self, unit) {
                    (Value::Count(1), Unit::Months) => "month".to_string(),
                    (Value::Count(1), Unit::Days) => "day".to_string(),
                    (Value::Years(y), Unit::Years) if *y == rust_decimal::Decimal::ONE => {
                        "year".to_string()
                    }
                    _ => en,
                };
                Some(Text::new(format!("{n} {zh}"), format!("{n} {en}")))
            }
            _ => None,
        }
    }
}

/// How values travel in the embedded (binary) rules.
#[derive(Serialize, Deserialize)]
enum Repr {
    Rate(Ratio),
    Money(Money),
    Years(Decimal),
    /// A whole number: months, or days.
    Count(u32),
    Flag(bool),
    Choice(String),
    Set(Vec<String>),
    Month(YearMonth),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            let repr = match self.clone() {
                Value::Rate(r) => Repr::Rate(r),
                Value::Money(m) => Repr::Money(m),
                Value::Years(y) => Repr::Years(y),
                Value::Count(n) => Repr::Count(n),
                Value::Flag(b) => Repr::Flag(b),
                Value::Choice(c) => Repr::Choice(c),
                Value::Set(v) => Repr::Set(v),
                Value::Month(m) => Repr::Month(m),
            };
            return repr.serialize(s);
        }
        // JSON: a rate as its decimal or fraction, flags and months as JSON scalars, the
        // rest as shown.
        match self {
            Value::Rate(r) if r.den == Decimal::ONE => s.collect_str(&r.num.normalize()),
            Value::Rate(r) => s.collect_str(&format_args!("{}/{}", plain(r.num), plain(r.den))),
            Value::Flag(b) => s.serialize_bool(*b),
            Value::Count(n) => s.serialize_u32(*n),
            other => s.collect_str(&other.show()),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Repr::deserialize(d)? {
            Repr::Rate(r) => Value::Rate(r),
            Repr::Money(m) => Value::Money(m),
            Repr::Years(y) => Value::Years(y),
            Repr::Count(n) => Value::Count(n),
            Repr::Flag(b) => Value::Flag(b),
            Repr::Choice(c) => Value::Choice(c),
            Repr::Set(v) => Value::Set(v),
            Repr::Month(m) => Value::Month(m),
        })
    }
}

/// A reason in both languages, for a value that cannot be read.
fn why(zh: String, en: String) -> Text {
    Text::new(zh, en)
}

/// A non-negative decimal in plain ASCII (`0.074`), the form rule files use.
fn plain_decimal(t: &str) -> Result<Decimal, Text> {
    let ok = !t.is_empty()
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().filter(|b| *b == b'.').count() <= 1
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.len() <= 30;
    if !ok {
        return Err(why(
            format!("`{t}` 不是非负的十进制数"),
            format!("`{t}` is not a non-negative decimal number"),
        ));
    }
    t.parse::<Decimal>().map_err(|_| {
        why(
            format!("`{t}` 不是十进制数"),
            format!("`{t}` is not a decimal number"),
        )
    })
}

/// Reads a value written as text (a rule file's string, or an override already brought to
/// this plain form) for a unit. The error is a short reason in both languages; callers wrap
/// it with file, key or field.
pub fn parse_text(unit: Unit, text: &str) -> Result<Value, Text> {
    let t = text.trim();
    match unit {
        Unit::Rate => {
            let ratio = match t.split_once('/') {
                Some((n, d)) => {
                    let (num, den) = (plain_decimal(n.trim())?, plain_decimal(d.trim())?);
                    if den.is_zero() {
                        return Err(Text::new(
                            "分数的分母不能为 0",
                            "a fraction's denominator must not be 0",
                        ));
                    }
                    Ratio { num, den }
                }
                None => Ratio::decimal(plain_decimal(t)?),
            };
            match ratio.as_decimal() {
                Some(r) if r <= Decimal::ONE => Ok(Value::Rate(ratio)),
                _ => Err(why(
                    format!("费率须在 0 到 1 之间（8% 写作 0.08），不是 `{t}`"),
                    format!("a rate must be between 0 and 1 (write 8% as 0.08), not `{t}`"),
                )),
            }
        }
        Unit::YuanPerMonth | Unit::YuanPerYear => {
            let d = plain_decimal(t)?;
            if d > Decimal::from(MAX_AMOUNT) {
                return Err(why(format!("`{t}` 过大"), format!("`{t}` is too large")));
            }
            Money::from_fen_exact(d).map(Value::Money).ok_or_else(|| {
                why(
                    format!("`{t}` 超过两位小数（金额精确到分）"),
                    format!("`{t}` has more than two decimals"),
                )
            })
        }
        Unit::Years => {
            let d = plain_decimal(t)?;
            if d > Decimal::from(200) {
                return Err(why(
                    format!("`{t}` 年超过人的一生"),
                    format!("`{t}` years is more than a lifetime"),
                ));
            }
            Ok(Value::Years(d))
        }
        Unit::Months => match t.parse::<u32>() {
            Ok(n) if n <= 2400 => Ok(Value::Count(n)),
            _ => Err(why(
                format!("`{t}` 不是整数月数（0 到 2400）"),
                format!("`{t}` is not a whole number of months (0 to 2400)"),
            )),
        },
        Unit::Days => match t.parse::<u32>() {
            Ok(n) if n <= 366 => Ok(Value::Count(n)),
            _ => Err(why(
                format!("`{t}` 不是整数天数（0 到 366）"),
                format!("`{t}` is not a whole number of days (0 to 366)"),
            )),
        },
        Unit::Flag => match t {
            "true" => Ok(Value::Flag(true)),
            "false" => Ok(Value::Flag(false)),
            _ => Err(why(
                format!("`{t}` 须为 true 或 false"),
                format!("`{t}` is not true or false"),
            )),
        },
        Unit::Choice(choices) => choices
            .iter()
            .find(|c| c.word == t)
            .map(|c| Value::Choice(c.word.to_string()))
            .ok_or_else(|| {
                why(
                    format!("`{t}` 须为以下之一：{}", unit.words()),
                    format!("`{t}` is not one of {}", unit.words()),
                )
            }),
        Unit::ChoiceSet(choices) => {
            let mut out: Vec<String> = Vec::new();
            for item in t.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !choices.iter().any(|c| c.word == item) {
                    return Err(why(
                        format!("`{item}` 须为以下之一：{}", unit.words()),
                        format!("`{item}` is not one of {}", unit.words()),
                    ));
                }
                if !out.iter().any(|o| o == item) {
                    out.push(item.to_string());
                }
            }
            Ok(Value::Set(out))
        }
        Unit::Month => t.parse::<YearMonth>().map(Value::Month).map_err(|_| {
            why(
                format!("`{t}` 不是月份（YYYY-MM）"),
                format!("`{t}` is not a month (YYYY-MM)"),
            )
        }),
    }
}
