//! Turning what a person typed into typed values, with an error that names the field and
//! the reason in both languages. Every check a request field goes through lives here.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::money::Money;
use crate::month::{MonthParseError, YearMonth};
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
pub const MAX_AMOUNT: u64 = 1_000_000_000;

/// A non-negative amount of yuan with at most two decimals. Accepts `5000`, `5000.5`,
/// `5,000.00`, `¥5000`, `5000元`.
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

/// A non-negative decimal (a rate, years of life expectancy, an age), any number of decimals.
pub fn decimal(field: &str, raw: &Raw) -> Result<Decimal, Error> {
    let cleaned: String = raw
        .0
        .trim()
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches('元')
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
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
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|b| *b == b'.').count() <= 1
        && body.bytes().any(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(Error::field(
            field,
            "not_a_number",
            text!("不是数字：{raw}", "not a number: {raw}"),
        ));
    }
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
    body.parse::<Decimal>().map_err(|_| {
        Error::field(
            field,
            "not_a_number",
            text!("不是数字：{raw}", "not a number: {raw}"),
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

/// A month, `YYYY-MM`.
pub fn month(field: &str, raw: &Raw) -> Result<YearMonth, Error> {
    raw.0.parse::<YearMonth>().map_err(|e| match e {
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

/// A yes/no field; empty means no.
pub fn flag(field: &str, raw: &Raw) -> Result<bool, Error> {
    match raw.0.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" | "否" => Ok(false),
        "true" | "yes" | "1" | "是" => Ok(true),
        _ => Err(Error::field(
            field,
            "not_a_flag",
            text!(
                "应为 是/否（true/false）：{raw}",
                "must be true or false: {raw}"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<impl std::fmt::Debug, Error>) -> String {
        match r {
            Err(Error::Input { errors }) => errors[0].code.clone(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(
            amount("wage", &"5,000.5".into()).unwrap().to_string(),
            "5000.50"
        );
        assert_eq!(
            amount("wage", &"¥5000元".into()).unwrap().to_string(),
            "5000.00"
        );
        assert_eq!(
            amount("wage", &"5000.000".into()).unwrap().to_string(),
            "5000.00"
        );
        assert_eq!(code(amount("wage", &"".into())), "empty");
        assert_eq!(code(amount("wage", &"-1".into())), "negative");
        assert_eq!(code(amount("wage", &"abc".into())), "not_a_number");
        assert_eq!(code(amount("wage", &"1e5".into())), "not_a_number");
        assert_eq!(code(amount("wage", &"1.001".into())), "too_many_decimals");
        assert_eq!(
            code(amount("wage", &"99999999999999999999999999999999".into())),
            "too_large"
        );
        assert_eq!(code(amount("wage", &"1000000000.01".into())), "too_large");
        assert_eq!(amount("wage", &"-0".into()).unwrap().to_string(), "0.00");
    }

    #[test]
    fn counts() {
        assert_eq!(count("m", &"72".into(), 100).unwrap(), 72);
        assert_eq!(code(count("m", &"7.5".into(), 100)), "not_whole");
        assert_eq!(code(count("m", &"101".into(), 100)), "too_large");
        assert_eq!(count_or_zero("m", &"".into(), 100).unwrap(), 0);
    }
}
