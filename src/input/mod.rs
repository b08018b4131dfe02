//! Turning what a person typed into typed values, with an error that names the field and
//! the reason in both languages. Numbers are taken as people type them: full-width digits
//! from a Chinese keyboard (`５０００`), `¥`/`元`, thousands separators (`5,000`), and rates
//! as `8`, `8%` or `0.08`, saying how an ambiguous one was read. What cannot be read one
//! way only (`5000,00`: 5000.00 or 500000?) is refused with the reason.

use std::fmt;

mod figure;
pub use self::figure::*;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::model::month::MonthParseError;
use crate::model::{Money, ParamDef, Ratio, Text, Unit, Value, YearMonth};
use crate::text;

/// A raw request field as typed: a string, or a number from JSON. Kept as text so that
/// "more than two decimals" or "not a number" can be told apart and reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Raw(pub String);

impl Raw {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<&str> for Raw {
    fn from(s: &str) -> Self {
        Raw(s.to_string())
    }
}

impl From<String> for Raw {
    fn from(s: String) -> Self {
        Raw(s)
    }
}

impl fmt::Display for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'v> serde::de::Visitor<'v> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
                // Shortest text that reads back as the same float: 5000.1 stays "5000.1".
                Ok(Raw(
                    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
                        format!("{}", v as i64)
                    } else {
                        format!("{v}")
                    },
                ))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::default())
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::default())
            }
            fn visit_some<D: Deserializer<'v>>(self, d: D) -> Result<Raw, D::Error> {
                d.deserialize_any(V)
            }
        }
        d.deserialize_any(V)
    }
}

/// Largest amount of money accepted in any field: far above any wage, far below where
/// exact arithmetic could overflow.
pub const MAX_AMOUNT: u64 = crate::model::value::MAX_AMOUNT;

/// Full-width forms (`５０００．５`, `８％`) to ASCII, the ideographic space to a space.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// Why a typed number could not be read, in both languages.
fn not_a_number(raw: &str) -> Text {
    text!("不是数字：{raw}", "not a number: {raw}")
}

/// Checks the commas of a number: thousands separators in groups of three (`5,000`,
/// `1,234,567.89`). `5000,00` could be 5000.00 or 500000, so it is refused.
fn check_commas(body: &str, raw: &str) -> Result<(), (&'static str, Text)> {
    if !body.contains(',') {
        return Ok(());
    }
    let int = body.split('.').next().unwrap_or("");
    let mut groups = int.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    let rest: Vec<&str> = groups.collect();
    if first_ok && rest.iter().all(|g| g.len() == 3) {
        return Ok(());
    }
    if rest.len() == 1 && rest.iter().all(|g| (1..=2).contains(&g.len())) && !body.contains('.') {
        return Err((
            "ambiguous_comma",
            text!(
                "「{raw}」读法不明确（是小数还是千分位？）：小数点请写「.」，如 5000.00",
                "“{raw}” is ambiguous (a decimal comma or a thousands separator?): write the decimal point as “.”, e.g. 5000.00"
            ),
        ));
    }
    Err((
        "ambiguous_comma",
        text!(
            "「{raw}」中的逗号位置不对：千位分隔符每三位一组（如 5,000），小数点请写「.」",
            "the commas in “{raw}” are misplaced: thousands go in groups of three (5,000); the decimal point is “.”"
        ),
    ))
}

/// A non-negative decimal (a rate, years, an age), any number of decimals.
pub fn decimal(field: &str, raw: &Raw) -> Result<Decimal, Error> {
    let typed = half_width(raw.as_str());
    let cleaned: String = typed
        .trim()
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches("元/月")
        .trim_end_matches("元/年")
        .trim_end_matches('元')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '，' { ',' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err(Error::field(
            field,
            "empty",
            text!("不能为空", "must not be empty"),
        ));
    }
    let negative = cleaned.starts_with('-');
    let body = cleaned.trim_start_matches(['-', '+']);
    let well_formed = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && body.bytes().filter(|b| *b == b'.').count() <= 1
        && body.bytes().any(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(Error::field(
            field,
            "not_a_number",
            not_a_number(raw.as_str()),
        ));
    }
    if let Err((code, message)) = check_commas(body, raw.as_str()) {
        return Err(Error::field(field, code, message));
    }
    let body: String = body.chars().filter(|c| *c != ',').collect();
    if negative && body.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        return Err(Error::field(
            field,
            "negative",
            text!("不能为负数：{raw}", "must not be negative: {raw}"),
        ));
    }
    // Integer part longer than any accepted amount: too large, before Decimal overflows.
    let int_len = body
        .split('.')
        .next()
        .map_or(0, |s| s.trim_start_matches('0').len());
    let frac_len = body.split('.').nth(1).map_or(0, str::len);
    if int_len > 15 {
        return Err(Error::field(
            field,
            "too_large",
            text!("数值过大：{raw}", "the number is too large: {raw}"),
        ));
    }
    if frac_len > 12 {
        return Err(Error::field(
            field,
            "too_many_decimals",
            text!("小数位过多：{raw}", "too many decimals: {raw}"),
        ));
    }
    body.parse::<Decimal>()
        .map_err(|_| Error::field(field, "not_a_number", not_a_number(raw.as_str())))
}

/// A non-negative amount of yuan with at most two decimals. Accepts `5000`, `5000.5`,
/// `5,000.00`, `¥5000`, `5000元`, `５０００`.
pub fn amount(field: &str, raw: &Raw) -> Result<Money, Error> {
    let d = decimal(field, raw)?;
    if d.scale() > 2 && d.normalize().scale() > 2 {
        return Err(Error::field(
            field,
            "too_many_decimals",
            text!(
                "金额最多两位小数（到分）：{raw}",
                "an amount has at most two decimals (fen): {raw}"
            ),
        ));
    }
    if d > Decimal::from(MAX_AMOUNT) {
        return Err(Error::field(
            field,
            "too_large",
            text!(
                "金额过大（上限 {MAX_AMOUNT} 元）：{raw}",
                "the amount is too large (at most {MAX_AMOUNT} yuan): {raw}"
            ),
        ));
    }
    Money::from_fen_exact(d.round_dp(2)).ok_or_else(|| {
        Error::field(
            field,
            "too_many_decimals",
            text!("金额最多两位小数：{raw}", "at most two decimals: {raw}"),
        )
    })
}

/// A whole number of months (or years) from 0 to `max`.
pub fn count(field: &str, raw: &Raw, max: u32) -> Result<u32, Error> {
    let d = decimal(field, raw)?;
    if d.fract() != Decimal::ZERO {
        return Err(Error::field(
            field,
            "not_whole",
            text!("必须是整数：{raw}", "must be a whole number: {raw}"),
        ));
    }
    match u32::try_from(d.trunc().mantissa() / 10i128.pow(d.scale())) {
        Ok(n) if n <= max => Ok(n),
        _ => Err(Error::field(
            field,
            "too_large",
            text!("不能大于 {max}：{raw}", "must be at most {max}: {raw}"),
        )),
    }
}

/// Like [`count`], but an empty field means 0.
pub fn count_or_zero(field: &str, raw: &Raw, max: u32) -> Result<u32, Error> {
    if raw.is_blank() {
        Ok(0)
    } else {
        count(field, raw, max)
    }
}

/// A month, `YYYY-MM` (also `2024年3月`, full-width digits).
pub fn month(field: &str, raw: &Raw) -> Result<YearMonth, Error> {
    half_width(raw.as_str())
        .parse::<YearMonth>()
        .map_err(|e| match e {
            MonthParseError::Empty => Error::field(
                field,
                "empty",
                text!("不能为空（格式 YYYY-MM）", "must not be empty (YYYY-MM)"),
            ),
            MonthParseError::Malformed => Error::field(
                field,
                "malformed_month",
                text!(
                    "不是有效的年月（格式 YYYY-MM，如 2024-03）：{raw}",
                    "not a month (use YYYY-MM, e.g. 2024-03): {raw}"
                ),
            ),
            MonthParseError::OutOfRange => Error::field(
                field,
                "month_out_of_range",
                text!(
                    "年月超出范围（1900-01 至 2200-12，月份 1–12）：{raw}",
                    "month out of range (1900-01 to 2200-12, months 1–12): {raw}"
                ),
            ),
        })
}

/// A month field that may be left empty.
pub fn opt_month(field: &str, raw: &Raw) -> Result<Option<YearMonth>, Error> {
    if raw.is_blank() {
        Ok(None)
    } else {
        month(field, raw).map(Some)
    }
}

/// An amount that may be negative (a balance in deficit): `-1200`, `−1200`, `（1200）` are
/// all minus 1200; otherwise as [`amount`].
pub fn signed_amount(field: &str, raw: &Raw) -> Result<Money, Error> {
    let t = half_width(raw.as_str());
    let t = t.trim();
    let negative = t
        .strip_prefix('-')
        .or_else(|| t.strip_prefix('−'))
        .or_else(|| t.strip_prefix('(').and_then(|r| r.strip_suffix(')')));
    match negative {
        Some(rest) => amount(field, &Raw(rest.to_string())).map(Money::negate),
        None => amount(field, raw),
    }
}

/// A signed amount field that may be left empty.
pub fn opt_signed_amount(field: &str, raw: &Raw) -> Result<Option<Money>, Error> {
    if raw.is_blank() {
        Ok(None)
    } else {
        signed_amount(field, raw).map(Some)
    }
}

/// An amount field that may be left empty.
pub fn opt_amount(field: &str, raw: &Raw) -> Result<Option<Money>, Error> {
    if raw.is_blank() {
        Ok(None)
    } else {
        amount(field, raw).map(Some)
    }
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "false" | "no" | "0" | "否" | "不" | "无" | "不是" | "不享受" => Some(false),
        "true" | "yes" | "1" | "是" | "有" | "享受" => Some(true),
        _ => None,
    }
}

/// A yes/no field; empty means no.
pub fn flag(field: &str, raw: &Raw) -> Result<bool, Error> {
    if raw.is_blank() {
        return Ok(false);
    }
    yes_no(&half_width(raw.as_str())).ok_or_else(|| {
        Error::field(
            field,
            "not_a_flag",
            text!(
                "应为 是/否（true/false）：{raw}",
                "must be yes or no (true or false): {raw}"
            ),
        )
    })
}

#[cfg(test)]
mod tests;

// A field as a person gives it: text, or a JS number (read exactly as written).
#[cfg(feature = "ts")]
crate::model::ts_as! { Raw => "string | number" }
