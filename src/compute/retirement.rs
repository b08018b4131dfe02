//! 法定退休年龄 under the 2025 reform: the month a person reaches the statutory retirement
//! age, from the birth month and category.
//!
//! delay = min(cap, ⌈n ÷ step⌉) months, where n counts birth months from the first
//! affected one (that month = 1); births before it keep the original age.
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
    let [age_id, first_id, step_id, cap_id] = ParamId::retirement(category);
    let needs = (cx.need::<Decimal>(age_id), cx.need::<YearMonth>(first_id), cx.need::<u32>(step_id), cx.need::<u32>(cap_id));
    let (age, first, step, cap) = cx.resolve(needs)?;
    let original = whole(age.value);
    let n = birth.months_since(first.value) + 1;
    let label = text!("法定退休年龄及到龄月份", "statutory retirement age and month");
    let delay = if n <= 0 || step.value == 0 {
        let (b, f) = (birth, first.value);
        cx.fact(
            "retirement_month.delay",
            label.clone(),
            text!("出生 {b} 早于 {f}，不延迟", "born {b}, before {f}: no delay"),
            0,
            "months",
            std::slice::from_ref(&first.cite),
        );
        0
    } else {
        let (b, f) = (birth, first.value);
        let e = Expr::min(
            cap.expr().named("最多", "at most"),
            Expr::ceil_div(Expr::count(n).named("出生月序", "birth month number"), step.expr()),
        );
        let lead = text!("出生 {b} 为自 {f} 起第 {n} 个月；延迟月数", "born {b}, month {n} counted from {f}; months of delay");
        whole(cx.number("retirement_month.delay", lead, "birth", e, "months")?)
    };
    let total = original * 12 + delay;
    let month = birth.plus(total as i32).ok_or_else(|| super::overflow("birth"))?;
    let (ay, am) = (total / 12, total % 12);
    cx.fact(
        "retirement_month",
        label,
        text!(
            "{original} 岁 + {delay} 个月 = {ay} 岁 {am} 个月；出生 {birth} → {month}",
            "{original} years + {delay} months = {ay} y {am} m; born {birth} → {month}"
        ),
        month,
        "month",
        &[age.cite.clone(), first.cite.clone(), step.cite.clone(), cap.cite.clone()],
    );
    Ok(Retirement { original_age_years: original, delay_months: delay, age_years: ay, age_months: am, month })
}
