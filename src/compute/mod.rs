//! The computations. Each takes a request of raw fields, checks every field, looks up the
//! rules in force, and returns its figures with an explanation, or an error that names
//! what is wrong or what is missing.

pub mod contribution;
pub mod eligibility;
pub mod flexible;
#[cfg(feature = "fund")]
pub mod fund;
pub mod resident;
pub mod retirement;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::context::{parse_overrides, Overrides};
use crate::error::{Error, Problems};
use crate::explain::Cite;
use crate::input::{self, Raw};
use crate::money::{Money, Rounding};
use crate::month::YearMonth;
use crate::rules::{rules, City, Ratio, Rules, Value};
use crate::text;

/// The city named by a request field: its id (`jining`) or Chinese name (`济宁`, `济宁市`).
pub fn city<'r>(rules: &'r Rules, field: &str, raw: &Raw) -> Result<&'r City, Error> {
    if raw.is_blank() {
        return Err(Error::field(
            field,
            "empty",
            text!("请选择城市", "choose a city"),
        ));
    }
    rules.city(raw.as_str()).ok_or_else(|| {
        let known: Vec<String> = rules
            .cities
            .iter()
            .map(|c| format!("{} ({})", c.id, c.name.zh))
            .collect();
        let known = known.join(", ");
        Error::field(
            field,
            "unknown_city",
            text!(
                "没有这个城市：{raw}；可选：{known}",
                "unknown city: {raw}; choose one of: {known}"
            ),
        )
    })
}

/// Checks that `month` lies in the time the city's pooling rules cover.
pub fn in_pooling(city: &City, field: &str, month: YearMonth) -> Result<(), Error> {
    if month < city.pooling_from {
        let (name_zh, name_en, from) = (&city.name.zh, &city.name.en, city.pooling_from);
        return Err(Error::field(
            field,
            "before_pooling",
            text!(
                "{month} 早于{name_zh}市级统筹开始（{from}），没有适用的市级统筹规则",
                "{month} is before city-level pooling in {name_en} began ({from}); no pooled rules apply"
            ),
        ));
    }
    if let Some(to) = city.pooling_to.filter(|to| month > *to) {
        let (name_zh, name_en) = (&city.name.zh, &city.name.en);
        return Err(Error::field(
            field,
            "after_rules_end",
            text!(
                "{month} 晚于{name_zh}统筹文件的有效期（至 {to}），新的规定尚未收录",
                "{month} is after {name_en}'s pooling document expires ({to}); no later rules are on file"
            ),
        ));
    }
    Ok(())
}

/// What every computation starts with: the validated rules, the city, the month the rules
/// are read at, and the parsed overrides. All bad fields are reported together.
pub struct Opened {
    pub rules: &'static Rules,
    pub city: &'static City,
    pub month: YearMonth,
    pub overrides: BTreeMap<&'static str, Value>,
}

pub fn open(
    problems: &mut Problems,
    city_raw: &Raw,
    month_field: &'static str,
    month: Result<YearMonth, Error>,
    overrides: &Overrides,
) -> Result<Option<Opened>, Error> {
    let rules = rules()?;
    let city = problems.take(city(rules, "city", city_raw))?;
    let month = problems.take(month)?;
    if let (Some(c), Some(m)) = (city, month) {
        problems.take(in_pooling(c, month_field, m))?;
    }
    let overrides = match parse_overrides(overrides) {
        Ok(o) => Some(o),
        Err(errors) => {
            problems.absorb(Error::Input { errors })?;
            None
        }
    };
    Ok(match (city, month, overrides) {
        (Some(city), Some(month), Some(overrides)) if problems.is_empty() => Some(Opened {
            rules,
            city,
            month,
            overrides,
        }),
        _ => None,
    })
}

/// `amount × rate`, rounded by `rounding`; overflow is an input error on `field`.
pub fn apply(
    field: &str,
    amount: Decimal,
    rate: Ratio,
    rounding: Rounding,
) -> Result<Money, Error> {
    rate.of(amount)
        .map(|d| rounding.apply(d))
        .ok_or_else(|| overflow(field))
}

pub fn overflow(field: &str) -> Error {
    Error::field(
        field,
        "overflow",
        text!("数值过大，无法计算", "the figures are too large to compute"),
    )
}

pub fn add(field: &str, a: Money, b: Money) -> Result<Money, Error> {
    a.checked_add(b).ok_or_else(|| overflow(field))
}

pub fn times(field: &str, a: Money, n: u32) -> Result<Money, Error> {
    a.times(n).ok_or_else(|| overflow(field))
}

/// A citation for a figure the person typed.
pub fn typed(field: &str, value: impl ToString) -> Cite {
    Cite {
        param: None,
        value: format!("{field} = {}", value.to_string()),
        origin: crate::explain::Origin::Input,
        status: None,
        source: None,
        note: None,
    }
}

/// Reads an optional amount field: empty → `None`.
pub fn opt_amount(problems: &mut Problems, field: &str, raw: &Raw) -> Result<Option<Money>, Error> {
    if raw.is_blank() {
        Ok(None)
    } else {
        Ok(problems.take(input::amount(field, raw))?)
    }
}

/// How a step says it rounded: (Chinese, English).
pub fn rounding_note(r: Rounding) -> (&'static str, &'static str) {
    match r {
        Rounding::HalfUp => ("四舍五入到分", "rounded half up to the fen"),
        Rounding::Up => ("进位到分", "rounded up to the fen"),
    }
}
