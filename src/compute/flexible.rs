//! 灵活就业: a flexible worker in employee insurance pays both shares alone.
//!
//! monthly = base × rate (rounded) + fixed amount; benefits begin after the waiting period
//! counted from the first month paid. 济宁 (三（二）1、2，三（三）): base = Shandong's prior-year
//! full-caliber average wage, 9%, plus 10 yuan; six months' wait; no maternity benefit.

use serde::{Deserialize, Serialize};

use super::{add, apply, open, rounding_note, times};
use crate::context::{self, Ctx, Overrides};
use crate::error::{Error, Problems};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::money::Money;
use crate::month::YearMonth;
use crate::text;
use crate::text::Text;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FlexibleRequest {
    pub city: Raw,
    /// The month, `YYYY-MM`.
    pub month: Raw,
    /// First month paid after first enrolment (optional), for when benefits begin.
    pub first_paid: Raw,
    /// `flexible.base` here is the level the person chose, where the city lets them choose.
    pub overrides: Overrides,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlexibleResult {
    pub city: String,
    pub city_name: Text,
    pub month: YearMonth,
    pub base: Money,
    pub rate: String,
    pub basic: Money,
    pub fixed: Money,
    pub monthly_total: Money,
    pub yearly_total: Money,
    /// Months from the first month paid to the first month of benefits, where known.
    pub waiting_months: Option<u32>,
    /// The first month of benefits, where the first month paid was given and the wait is known.
    pub benefits_from: Option<YearMonth>,
    /// Whether maternity benefits are covered, where known.
    pub maternity_covered: Option<bool>,
    pub rules_version: String,
    pub explanation: Explanation,
}

pub fn flexible(req: &FlexibleRequest) -> Result<FlexibleResult, Error> {
    let mut problems = Problems::default();
    let first_paid = if req.first_paid.is_blank() {
        None
    } else {
        problems.take(input::month("first_paid", &req.first_paid))?
    };
    let opened = open(
        &mut problems,
        &req.city,
        "month",
        input::month("month", &req.month),
        &req.overrides,
    )?;
    problems.finish()?;
    let Some(o) = opened else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let mut cx = Ctx::new(o.rules, o.city, o.month, "month", o.overrides);

    let base_g = cx.need("flexible.base");
    let rate_g = cx.need("flexible.rate");
    let fixed_g = cx.need("flexible.fixed");
    let wait_g = cx.optional(
        "flexible.waiting_months",
        text!(
            "无法给出开始享受待遇的月份",
            "the month benefits begin cannot be given"
        ),
    );
    let mat_g = cx.optional(
        "flexible.maternity_covered",
        text!(
            "不确定是否享受生育保险待遇",
            "whether maternity is covered is not known"
        ),
    );
    let (rounding, rcite) = cx.rounding("rounding.money");
    cx.check()?;
    let (Some(base), Some(rate), Some(fixed)) = (
        context::money(&base_g),
        context::rate(&rate_g),
        context::money(&fixed_g),
    ) else {
        return Err(Error::Input { errors: Vec::new() });
    };

    cx.ex.step(
        "base",
        text!("灵活就业缴费基数", "flexible worker's base"),
        Text::same(base.to_string()),
        base,
        "yuan/month",
        context::cite(&base_g),
    );
    let basic = apply("flexible.base", base.amount(), rate, rounding)?;
    let (rs, (rz, re)) = (rate.show(), rounding_note(rounding));
    let mut c = context::cite(&rate_g);
    c.extend(rcite);
    cx.ex.step(
        "basic",
        text!(
            "基本医疗保险费（单位和个人部分均由本人缴纳）",
            "basic premium (both shares, paid by the person)"
        ),
        text!(
            "{base} × {rs} = {basic}（{rz}）",
            "{base} × {rs} = {basic} ({re})"
        ),
        basic,
        "yuan/month",
        c,
    );
    let monthly_total = add("flexible.base", basic, fixed)?;
    cx.ex.step(
        "total",
        text!("每月合计", "monthly total"),
        text!(
            "{basic} + 定额 {fixed} = {monthly_total}",
            "{basic} + fixed {fixed} = {monthly_total}"
        ),
        monthly_total,
        "yuan/month",
        context::cite(&fixed_g),
    );
    let yearly_total = times("flexible.base", monthly_total, 12)?;
    cx.ex.step(
        "yearly",
        text!("全年", "year"),
        text!(
            "{monthly_total} × 12 = {yearly_total}",
            "{monthly_total} × 12 = {yearly_total}"
        ),
        yearly_total,
        "yuan/year",
        vec![],
    );

    let waiting_months = context::months(&wait_g);
    let benefits_from = match (waiting_months, first_paid) {
        (Some(w), Some(fp)) => {
            let from = fp
                .plus(w as i32)
                .ok_or_else(|| super::overflow("first_paid"))?;
            cx.ex.step("benefits_from", text!("开始享受待遇", "benefits begin"), text!("首月缴费 {fp} + 等待期 {w} 个月 = {from}（须连续缴费）", "first month paid {fp} + {w} months' wait = {from} (payments must be continuous)"), from, "month", context::cite(&wait_g));
            Some(from)
        }
        (Some(w), None) => {
            cx.ex.step(
                "waiting",
                text!("待遇等待期", "waiting period"),
                text!(
                    "首次参保后自首月缴费起 {w} 个月",
                    "{w} months from the first month paid after first enrolment"
                ),
                w,
                "months",
                context::cite(&wait_g),
            );
            None
        }
        _ => None,
    };
    let maternity_covered = context::flag(&mat_g);
    if maternity_covered == Some(false) {
        cx.ex.step(
            "maternity",
            text!("生育保险待遇", "maternity benefits"),
            text!("不享受", "not covered"),
            "false",
            "",
            context::cite(&mat_g),
        );
        cx.ex.note(text!(
            "灵活就业人员不享受生育保险待遇",
            "flexible workers get no maternity benefits"
        ));
    }
    Ok(FlexibleResult {
        city: o.city.id.clone(),
        city_name: o.city.name.clone(),
        month: o.month,
        base,
        rate: rate.show(),
        basic,
        fixed,
        monthly_total,
        yearly_total,
        waiting_months,
        benefits_from,
        maternity_covered,
        rules_version: o.rules.version.clone(),
        explanation: std::mem::take(&mut cx.ex),
    })
}
