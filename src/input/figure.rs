//! Reading a figure a person typed for a parameter, by its unit: rates, amounts, months, words.

use super::*;

/// A rate as people write it. `8%` is 8%; a number of 1 or more is a percentage (`8` →
/// 8%); a number below 1 is a share (`0.08` → 8%); `1/3` is a fraction. The reading is
/// returned where the person might have meant something else.
pub fn rate(field: &str, raw: &Raw) -> Result<(Ratio, Option<Text>), Error> {
    let typed = half_width(raw.as_str()).trim().to_string();
    if let Some((n, d)) = typed.split_once('/') {
        let (num, den) = (
            decimal(field, &Raw(n.into()))?,
            decimal(field, &Raw(d.into()))?,
        );
        if den.is_zero() {
            return Err(Error::field(
                field,
                "not_a_rate",
                text!(
                    "分母不能为 0：{raw}",
                    "a fraction's denominator must not be 0: {raw}"
                ),
            ));
        }
        if num > den {
            return Err(Error::field(
                field,
                "not_a_rate",
                text!(
                    "分数须在 0 到 1 之间：{raw}",
                    "a fraction must be between 0 and 1: {raw}"
                ),
            ));
        }
        return Ok((Ratio { num, den }, None));
    }
    let (body, percent) = match typed.strip_suffix('%') {
        Some(b) => (b.trim(), true),
        None => (typed.as_str(), false),
    };
    let d = decimal(field, &Raw(body.into()))?;
    let as_percent = percent || d >= Decimal::ONE;
    let share = if as_percent {
        d / Decimal::ONE_HUNDRED
    } else {
        d
    };
    if share > Decimal::ONE {
        return Err(Error::field(
            field,
            "not_a_rate",
            text!(
                "比例不能超过 100%：{raw}",
                "a rate or share cannot exceed 100%: {raw}"
            ),
        ));
    }
    let ratio = Ratio::decimal(share.normalize());
    let shown = ratio.show();
    let note = (!percent && !d.is_zero())
        .then(|| text!("「{body}」按 {shown} 计", "“{body}” read as {shown}"));
    Ok((ratio, note))
}

/// A figure the person supplied for a parameter, read for its unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub value: Value,
    /// How the value is shown ("8%", "3500.00", the words of a choice).
    pub shown: Text,
    /// How an ambiguous entry was read ("8" → 8%), to show beside the box.
    pub note: Option<Text>,
}

/// Reads a figure a person typed (or chose) for a parameter. The error is on the field
/// `set:KEY`, with the reason in both languages and the figure's name, never its id.
pub fn figure(def: &ParamDef, raw: &Raw) -> Result<Reading, Error> {
    let wrap = |e: Error| {
        e.map_fields(|mut f| {
            f.message = Text::new(
                format!("「{raw}」不是有效的{}：{}", def.label_zh, f.message.zh),
                format!("“{raw}” is not a valid {}: {}", def.label_en, f.message.en),
            );
            f.moved(def.id)
        })
    };
    reading(def.unit, &format!("set:{}", def.key()), raw).map_err(wrap)
}

pub(super) fn reading(unit: Unit, field: &str, raw: &Raw) -> Result<Reading, Error> {
    let plain = |value: Value| {
        let shown = Text::same(value.show());
        Reading {
            value,
            shown,
            note: None,
        }
    };
    match unit {
        Unit::Rate => rate(field, raw).map(|(r, note)| Reading {
            shown: Text::same(r.show()),
            value: Value::Rate(r),
            note,
        }),
        Unit::YuanPerMonth | Unit::YuanPerYear => {
            amount(field, raw).map(|m| plain(Value::Money(m)))
        }
        Unit::Years => {
            let d = decimal(field, raw)?;
            if d > Decimal::from(200) {
                return Err(Error::field(
                    field,
                    "too_large",
                    text!("年数过大：{raw}", "too many years: {raw}"),
                ));
            }
            Ok(plain(Value::Years(d.normalize())))
        }
        Unit::Months => count(field, raw, 2400).map(|n| plain(Value::Count(n))),
        Unit::Days => count(field, raw, 366).map(|n| plain(Value::Count(n))),
        Unit::Month => month(field, raw).map(|m| plain(Value::Month(m))),
        Unit::Flag => {
            let b = yes_no(&half_width(raw.as_str())).ok_or_else(|| {
                Error::field(
                    field,
                    "not_a_flag",
                    text!("应为 是 或 否：{raw}", "must be yes or no: {raw}"),
                )
            })?;
            Ok(Reading {
                value: Value::Flag(b),
                shown: if b {
                    Text::new("是", "yes")
                } else {
                    Text::new("否", "no")
                },
                note: None,
            })
        }
        Unit::Choice(choices) => {
            let c = choice(choices, raw.as_str()).ok_or_else(|| not_one_of(field, unit, raw))?;
            Ok(Reading {
                value: Value::Choice(c.word.into()),
                shown: c.label(),
                note: None,
            })
        }
        Unit::ChoiceSet(choices) => {
            let mut words: Vec<String> = Vec::new();
            let mut shown = (Vec::new(), Vec::new());
            for item in raw
                .as_str()
                .split([',', '，', '、'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let c = choice(choices, item).ok_or_else(|| not_one_of(field, unit, raw))?;
                if !words.iter().any(|w| w == c.word) {
                    words.push(c.word.into());
                    shown.0.push(c.zh);
                    shown.1.push(c.en);
                }
            }
            Ok(Reading {
                value: Value::Set(words),
                shown: Text::new(shown.0.join("、"), shown.1.join(", ")),
                note: None,
            })
        }
    }
}

pub(super) fn choice(
    choices: &'static [crate::model::Choice],
    typed: &str,
) -> Option<&'static crate::model::Choice> {
    // The vocabulary's own reading: aliases too (`reserve_waterfall`), as its `parse` does.
    choices.iter().find(|c| c.is(typed))
}

pub(super) fn not_one_of(field: &str, unit: Unit, raw: &Raw) -> Error {
    let zh: Vec<&str> = unit.choices().iter().map(|c| c.zh).collect();
    let en: Vec<&str> = unit.choices().iter().map(|c| c.en).collect();
    Error::field(
        field,
        "not_a_choice",
        Text::new(
            format!("「{raw}」不是可选项；可选：{}", zh.join("、")),
            format!("“{raw}” is not one of the choices: {}", en.join("; ")),
        ),
    )
}
