//! The computations. Each takes a request of raw fields, checks every field, looks up the
//! rules in force, and returns its figures with an explanation, or an error that names
//! what is wrong or what is missing. [`crate::registry`] lists them.

pub mod contribution;
pub mod eligibility;
pub mod flexible;
#[cfg(feature = "fund")]
pub mod fund;
pub mod resident;
pub mod retirement;
pub mod wages;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{AllOk, Error};
use crate::input::Raw;
use crate::lookup::{parse_overrides, Overrides, Supplied};
use crate::model::{City, ParamId, Rules, Text, Vocabulary, YearMonth};
use crate::rules::rules;
use crate::text;

/// Options every request takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Use only figures from seed or other official documents; anything less (secondary,
    /// low-reliability, inferred) is treated as unpublished and asked for.
    #[serde(alias = "officialOnly")]
    pub official_only: bool,
    /// Write the steps (default). Off: figures only, much faster (the batch, a JS caller
    /// that only needs numbers).
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            official_only: false,
            explain: true,
        }
    }
}

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
        let zh: Vec<&str> = rules.cities.iter().map(|c| c.name.zh.as_ref()).collect();
        let en: Vec<String> = rules
            .cities
            .iter()
            .map(|c| format!("{} ({})", c.name.en, c.id))
            .collect();
        Error::field(
            field,
            "unknown_city",
            Text::new(
                format!("没有这个城市：{raw}；可选：{}", zh.join("、")),
                format!("unknown city: {raw}; choose one of: {}", en.join(", ")),
            ),
        )
    })
}

/// Checks that `month` is not before the city's pooling began. A month after a document's
/// term is not refused: its rules are carried provisionally, and a notice says so.
pub fn in_pooling(
    city: &City,
    field: impl Into<crate::error::Field>,
    month: YearMonth,
) -> Result<(), Error> {
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
    Ok(())
}

/// What every computation starts with: the validated rules, the city, the month the rules
/// are read at, the person's own figures and the options.
#[derive(Clone, Debug)]
pub struct Setup {
    pub rules: &'static Rules,
    pub city: &'static City,
    pub month: YearMonth,
    pub overrides: BTreeMap<ParamId, Supplied>,
    pub official_only: bool,
    pub explain: bool,
}

/// Checks the city, the month and the overrides together; every bad field is reported.
pub fn open(
    city_raw: &Raw,
    month_field: &'static str,
    month: Result<YearMonth, Error>,
    overrides: &Overrides,
    options: Options,
) -> Result<Setup, Error> {
    let rules = rules()?;
    let overrides = parse_overrides(overrides).map_err(|errors| Error::Input { errors });
    let (city, month, overrides) = (city(rules, "city", city_raw), month, overrides).all_ok()?;
    in_pooling(city, month_field, month)?;
    Ok(Setup {
        rules,
        city,
        month,
        overrides,
        official_only: options.official_only,
        explain: options.explain,
    })
}

/// A word of a vocabulary in a request field (`employer`, `category`, `situation`).
pub fn word<T: Vocabulary>(
    field: &str,
    raw: &Raw,
    empty: Text,
    unknown_code: &str,
    unknown: (&str, &str),
) -> Result<T, Error> {
    if raw.is_blank() {
        return Err(Error::field(field, "empty", empty));
    }
    T::parse(raw.as_str()).ok_or_else(|| {
        let zh: Vec<&str> = T::CHOICES.iter().map(|c| c.zh).collect();
        // The English label and the word a file or request may use (“public body (public_body)”).
        let en: Vec<String> = T::CHOICES
            .iter()
            .map(|c| {
                if c.en == c.word {
                    c.en.to_string()
                } else {
                    format!("{} ({})", c.en, c.word)
                }
            })
            .collect();
        Error::field(
            field,
            unknown_code,
            Text::new(
                format!("{}：{raw}；可选：{}", unknown.0, zh.join("、")),
                format!("{}: {raw}; use {}", unknown.1, en.join(", ")),
            ),
        )
    })
}

/// A count the arithmetic gave as a decimal, as a whole number (rounded up: a part of a
/// month counts as a month); 0 for a negative, `u32::MAX` beyond.
pub fn whole(d: rust_decimal::Decimal) -> u32 {
    use rust_decimal::prelude::ToPrimitive;
    if d.is_sign_negative() {
        return 0;
    }
    d.ceil().to_u32().unwrap_or(u32::MAX)
}

pub fn overflow(field: &str) -> Error {
    Error::field(
        field,
        "overflow",
        text!("数值过大，无法计算", "the figures are too large to compute"),
    )
}

/// A monthly total: the rate part plus the fixed amount, or the rate part alone where the
/// fixed amount was not published (and the step's label says so). Employee shares and the
/// flexible worker's month both use it.
pub(crate) fn with_fixed(
    cx: &mut crate::lookup::Ctx,
    key: &'static str,
    label: crate::model::Text,
    basic: crate::model::Money,
    fixed: Option<&crate::lookup::Cited<crate::model::Money>>,
    field: &str,
    r: crate::model::Rounding,
) -> Result<crate::model::Money, Error> {
    use crate::trace::{Expr, Term};
    match fixed {
        Some(f) => cx.money(
            key,
            label,
            field,
            Expr::money(basic) + f.expr().named("定额", "fixed"),
            r,
        ),
        None => {
            let label = crate::model::Text::new(
                format!("{}（未含未公布的定额）", label.zh),
                format!("{} (without the unpublished fixed amount)", label.en),
            );
            cx.money(key, label, field, Expr::money(basic), r)
        }
    }
}
