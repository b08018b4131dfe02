//! 灵活就业: a flexible worker in employee insurance pays both shares alone.
//!
//! monthly = base × rate (rounded) + fixed amount; benefits begin after the waiting period
//! counted from the first month paid. 济宁 (三（二）1、2，三（三）): base = Shandong's prior-year
//! full-caliber average wage, 9%, plus 10 yuan; six months' wait; no maternity benefit.

use serde::{Deserialize, Serialize};

use super::{open, Options};
use crate::error::{AllOk, Error};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::lookup::{Ctx, Overrides};
use crate::model::{Money, ParamId, Text, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

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
    #[serde(alias = "officialOnly")]
    pub official_only: bool,
    pub explain: Option<bool>,
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
    let options = Options { official_only: req.official_only, explain: req.explain.unwrap_or(true) };
    let (first_paid, setup) = (
        input::opt_month("first_paid", &req.first_paid),
        open(&req.city, "month", input::month("month", &req.month), &req.overrides, options),
    )
        .all_ok()?;
    let mut cx = Ctx::new(&setup, "month");
    let base = cx.need::<Money>(ParamId::FlexibleBase);
    let rate = cx.need::<crate::model::Ratio>(ParamId::FlexibleRate);
    let fixed = cx.need::<Money>(ParamId::FlexibleFixed);
    let wait = cx.optional::<u32>(
        ParamId::FlexibleWaiting,
        text!("无法给出开始享受待遇的月份", "the month benefits begin cannot be given"),
    );
    let maternity = cx.optional::<bool>(
        ParamId::FlexibleMaternity,
        text!("不确定是否享受生育保险待遇", "whether maternity is covered is not known"),
    );
    let rounding = cx.rounding(ParamId::RoundingMoney)?;
    let (base, rate, fixed) = cx.resolve((base, rate, fixed))?;

    let basic = cx.money(
        "basic",
        text!("基本医疗保险费（单位和个人部分均由本人缴纳）", "basic premium (both shares, paid by the person)"),
        "flexible.base",
        base.expr().named("基数", "base") * rate.expr(),
        rounding,
    )?;
    let monthly_total = cx.money(
        "total",
        text!("每月合计", "monthly total"),
        "flexible.base",
        Expr::money(basic) + fixed.expr().named("定额", "fixed"),
        rounding,
    )?;
    let yearly_total = cx.money("yearly", text!("全年", "year"), "flexible.base", Expr::money(monthly_total) * Expr::count(12), rounding)?;

    let benefits_from = match (&wait, first_paid) {
        (Some(w), Some(fp)) => Some(cx.month_after(
            "benefits_from",
            text!("开始享受待遇（须连续缴费）", "benefits begin (payments must be continuous)"),
            "first_paid",
            (fp, text!("首月缴费", "first month paid")),
            w.expr().named("等待期", "waiting months"),
        )?),
        (Some(w), None) => {
            let n = w.value;
            cx.fact(
                "waiting",
                text!("待遇等待期", "waiting period"),
                text!("首次参保后自首月缴费起 {n} 个月", "{n} months from the first month paid after first enrolment"),
                n,
                "months",
                std::slice::from_ref(&w.cite),
            );
            None
        }
        _ => None,
    };
    if let Some(m) = maternity.as_ref().filter(|m| !m.value) {
        cx.fact("maternity", text!("生育保险待遇", "maternity benefits"), text!("不享受", "not covered"), "false", "", std::slice::from_ref(&m.cite));
        cx.ex.note(text!("灵活就业人员不享受生育保险待遇", "flexible workers get no maternity benefits"));
    }
    Ok(FlexibleResult {
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        month: setup.month,
        base: base.value,
        rate: rate.value.show(),
        basic,
        fixed: fixed.value,
        monthly_total,
        yearly_total,
        waiting_months: wait.map(|w| w.value),
        benefits_from,
        maternity_covered: maternity.map(|m| m.value),
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
    })
}

/// 灵活就业 in the registry.
pub struct Flexible;

impl crate::registry::Computation for Flexible {
    const KIND: &'static str = "flexible";
    type Request = FlexibleRequest;
    type Result = FlexibleResult;
    fn compute(req: &FlexibleRequest) -> Result<FlexibleResult, Error> {
        flexible(req)
    }
    fn headline(r: &FlexibleResult) -> Vec<crate::registry::Headline> {
        use crate::registry::Headline as H;
        let mut out = vec![
            H::money("monthly", text!("每月缴费", "per month"), r.monthly_total, &["basic", "total"]).detail(text!("全部由本人缴纳", "all paid by you")),
            H::money("yearly", text!("全年", "per year"), r.yearly_total, &["yearly"]),
        ];
        if let Some(w) = r.waiting_months {
            out.push(H::months("waiting", text!("待遇等待期", "waiting period"), w, &["waiting", "benefits_from"]));
        }
        if let Some(b) = r.benefits_from {
            out.push(H::plain("benefits_from", text!("开始享受待遇", "benefits from"), b, &["benefits_from"]));
        }
        if r.maternity_covered == Some(false) {
            out.push(H::new("maternity", text!("生育保险待遇", "maternity benefits"), text!("不享受", "not covered"), Text::default(), &["maternity"]));
        }
        out
    }
    fn explanation(r: &FlexibleResult) -> &Explanation {
        &r.explanation
    }
    fn params() -> &'static [crate::model::ParamId] {
        use crate::model::ParamId::*;
        &[FlexibleBase, FlexibleRate, FlexibleFixed, FlexibleWaiting, FlexibleMaternity, RoundingMoney]
    }
    fn options(req: &mut FlexibleRequest) -> crate::registry::RequestOptions<'_> {
        crate::registry::RequestOptions { overrides: &mut req.overrides, official_only: &mut req.official_only, explain: &mut req.explain }
    }
}
