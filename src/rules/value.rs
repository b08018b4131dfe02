//! Parameter values as the rules hold them, and how a written value is read for its unit.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::money::{percent, plain, Money};
use crate::month::YearMonth;
use crate::params::Unit;

/// A share written as a decimal (`0.074`) or a fraction (`1/3`), kept exact: applying it
/// multiplies by the numerator and divides by the denominator once, before rounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub num: Decimal,
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

    pub fn show(self) -> String {
        if self.den == Decimal::ONE {
            percent(self.num)
        } else {
            format!("{}/{}", plain(self.num), plain(self.den))
        }
    }
}

/// A known value of a parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Rate(Ratio),
    Money(Money),
    Years(Decimal),
    Months(u32),
    Flag(bool),
    Choice(String),
    Set(Vec<String>),
    Month(YearMonth),
}

impl Value {
    /// How the value is shown in steps and listings.
    pub fn show(&self) -> String {
        match self {
            Value::Rate(r) => r.show(),
            Value::Money(m) => m.to_string(),
            Value::Years(y) => plain(*y),
            Value::Months(n) => n.to_string(),
            Value::Flag(b) => b.to_string(),
            Value::Choice(c) => c.clone(),
            Value::Set(s) => s.join(","),
            Value::Month(m) => m.to_string(),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Rate(r) if r.den == Decimal::ONE => s.collect_str(&r.num.normalize()),
            Value::Rate(r) => s.collect_str(&format_args!("{}/{}", plain(r.num), plain(r.den))),
            Value::Flag(b) => s.serialize_bool(*b),
            Value::Months(n) => s.serialize_u32(*n),
            other => s.collect_str(&other.show()),
        }
    }
}

/// Reads a value written as text (a rule file's string, an override) for a unit.
/// The error is a short English reason; callers wrap it with file, key or field.
pub fn parse_text(unit: Unit, text: &str) -> Result<Value, String> {
    let t = text.trim();
    let dec = |t: &str| -> Result<Decimal, String> {
        let ok = !t.is_empty()
            && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && t.bytes().filter(|b| *b == b'.').count() <= 1
            && t.len() <= 30;
        if !ok {
            return Err(format!("`{t}` is not a non-negative decimal number"));
        }
        t.parse::<Decimal>()
            .map_err(|_| format!("`{t}` is not a decimal number"))
    };
    match unit {
        Unit::Rate => {
            let ratio = match t.split_once('/') {
                Some((n, d)) => {
                    let (num, den) = (dec(n.trim())?, dec(d.trim())?);
                    if den.is_zero() {
                        return Err("a fraction's denominator must not be 0".into());
                    }
                    Ratio { num, den }
                }
                None => Ratio::decimal(dec(t)?),
            };
            match ratio.as_decimal() {
                Some(r) if r <= Decimal::ONE => Ok(Value::Rate(ratio)),
                _ => Err(format!(
                    "a rate must be between 0 and 1 (write 8% as 0.08), not `{t}`"
                )),
            }
        }
        Unit::YuanPerMonth | Unit::YuanPerYear => {
            let d = dec(t)?;
            if d > Decimal::from(crate::input::MAX_AMOUNT) {
                return Err(format!("`{t}` is too large"));
            }
            Money::from_fen_exact(d)
                .map(Value::Money)
                .ok_or_else(|| format!("`{t}` has more than two decimals"))
        }
        Unit::Years => {
            let d = dec(t)?;
            if d > Decimal::from(200) {
                return Err(format!("`{t}` years is more than a lifetime"));
            }
            Ok(Value::Years(d))
        }
        Unit::Months => match t.parse::<u32>() {
            Ok(n) if n <= 2400 => Ok(Value::Months(n)),
            _ => Err(format!("`{t}` is not a whole number of months (0 to 2400)")),
        },
        Unit::Flag => match t {
            "true" => Ok(Value::Flag(true)),
            "false" => Ok(Value::Flag(false)),
            _ => Err(format!("`{t}` is not true or false")),
        },
        Unit::Choice(choices) => {
            if choices.contains(&t) {
                Ok(Value::Choice(t.to_string()))
            } else {
                Err(format!("`{t}` is not one of {}", choices.join(", ")))
            }
        }
        Unit::ChoiceSet(choices) => {
            let mut out: Vec<String> = Vec::new();
            for item in t.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !choices.contains(&item) {
                    return Err(format!("`{item}` is not one of {}", choices.join(", ")));
                }
                if !out.iter().any(|o| o == item) {
                    out.push(item.to_string());
                }
            }
            Ok(Value::Set(out))
        }
        Unit::Month => t
            .parse::<YearMonth>()
            .map(Value::Month)
            .map_err(|_| format!("`{t}` is not a month (YYYY-MM)")),
    }
}

/// A value as a rule file wrote it, before it is read for its unit.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    Str(String),
    Int(i64),
    /// A TOML float, refused: it would lose exactness.
    Float(String),
    Bool(bool),
    List(Vec<String>),
    Other,
}

/// Reads a value as a rule file writes it. Decimals must be strings: a float would pass
/// through binary floating point and lose exactness.
pub fn parse_written(unit: Unit, value: &Written) -> Result<Value, String> {
    match value {
        Written::Str(s) => parse_text(unit, s),
        Written::Int(i) if *i >= 0 => parse_text(unit, &i.to_string()),
        Written::Int(i) => Err(format!("{i} is negative")),
        Written::Float(f) => Err(format!(
            "write decimals as strings (\"{f}\"), so they stay exact"
        )),
        Written::Bool(b) => parse_text(unit, if *b { "true" } else { "false" }),
        Written::List(words) => parse_text(unit, &words.join(",")),
        Written::Other => Err(format!("expected {}", unit.describe())),
    }
}
