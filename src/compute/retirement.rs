//! 法定退休年龄 under the 2025 reform: the month a person reaches the statutory retirement
//! age, from the birth month and category.
//!
//! The decision states the original age, the age the delay reaches, the pace ("每四个月延迟
//! 一个月") and the start (从2025年1月1日起); the rest follows, each as a step:
//! first affected birth month = start − original age (men: 2025-01 − 60 years = 1965-01, the
//! first to reach 60 from the start); cap = (final − original age) × 12 months (36);
//! delay = min(cap, ⌈n ÷ step⌉) months, where n counts birth months from the first affected
//! one (that month = 1); births before it keep the original age.
//! Men born 1965-01: 60 years + ⌈1 ÷ 4⌉ = 1 month → retirement month 2025-02.

use rust_decimal::Decimal;
use serde::Serialize;

use super::whole;
use crate::error::Error;
use crate::lookup::Ctx;
use crate::model::{Category, ParamId, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Retirement {
    pub original_age_years: u32,
    pub delay_months: u32,
    /// The statutory age: whole years and months.
    pub age_years: u32,
    pub age_months: u32,
    /// The month the person reaches it.
    pub month: YearMonth,
}

/// The statutory retirement month; the national parameters are read at `cx`'s month.
pub fn retirement(cx: &mut Ctx, birth: YearMonth, category: Category) -> Result<Retirement, Error> {
    let [age_id, final_id, step_id] = ParamId::retirement(category);
    let needs = (
        cx.need::<Decimal>(age_id),
        cx.need::<Decimal>(final_id),
        cx.need::<u32>(step_id),
        cx.need::<YearMonth>(ParamId::ReformFrom),
    );
    let (age, final_age, step, from) = cx.resolve(needs)?;
    let original = whole(age.value);
    // The first birth month to reach the original age on or after the start.
    let first = cx.month_before(
        "retirement_month.first",
        text!("首个延迟的出生年月", "first birth month delayed"),
        "birth",
        (&from, text!("延迟起始", "delay starts")),
        age.expr().named("原法定退休年龄", "original age") * Expr::count(12),
    )?;
    let f = first;
    let cap = whole(cx.number(
        "retirement_month.cap",
        text!("最多延迟月数", "most months of delay"),
        "birth",
        (final_age.expr().named("延迟至", "to") - age.expr().named("原", "from")) * Expr::count(12),
        "months",
    )?);
    let n = birth.months_since(first) + 1;
    let label = text!(
        "法定退休年龄及到龄月份",
        "statutory retirement age and month"
    );
    let delay = if n <= 0 || step.value == 0 {
        let b = birth;
        cx.fact(
            "retirement_month.delay",
            label.clone(),
            text!(
                "出生 {b} 早于 {f}，不延迟",
                "born {b}, before {f}: no delay"
            ),
            0,
            "months",
            std::slice::from_ref(&from.cite),
        );
        0
    } else {
        let b = birth;
        let e = Expr::min(
            Expr::count(cap).named("最多", "at most"),
            Expr::ceil_div(
                Expr::count(n).named("出生月序", "birth month number"),
                step.expr(),
            ),
        );
        let lead = text!(
            "出生 {b} 为自 {f} 起第 {n} 个月；延迟月数",
            "born {b}, month {n} counted from {f}; months of delay"
        );
        whole(cx.number("retirement_month.delay", lead, "birth", e, "months")?)
    };
    let total = original * 12 + delay;
    let (ay, am) = (total / 12, total % 12);
    let month = cx.month_after(
        "retirement_month",
        label,
        "birth",
        (birth, text!("出生", "born")),
        age.expr().named("原法定退休年龄", "original age") * Expr::count(12)
            + Expr::count(delay).named("延迟", "delay"),
    )?;
    cx.fact(
        "retirement_age",
        text!("法定退休年龄", "statutory retirement age"),
        text!("{ay} 岁 {am} 个月", "{ay} years {am} months"),
        total,
        "months",
        &[final_age.cite.clone(), step.cite.clone()],
    );
    Ok(Retirement {
        original_age_years: original,
        delay_months: delay,
        age_years: ay,
        age_months: am,
        month,
    })
}
