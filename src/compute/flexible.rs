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
use crate::lookup::{Cited, Ctx, Overrides};
use crate::model::text::count_en;
use crate::model::{Money, ParamId, Ratio, Rounding, Text, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct FlexibleRequest {
    pub city: Raw,
    /// The month, `YYYY-MM`.
    pub month: Raw,
    /// First month paid (optional), for when benefits begin: of the first enrolment, or of
    /// paying again after an interruption (`interrupted`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub first_paid: Raw,
    /// Paying again after an interruption rather than enrolling for the first time: the
    /// waiting period is the city's rule after a break, where it has one (温州).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub interrupted: Raw,
    /// `flexible.base` here is the level the person chose, where the city lets them choose.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub overrides: Overrides,
    #[serde(alias = "officialOnly")]
    #[cfg_attr(feature = "ts", ts(rename = "officialOnly", optional = nullable))]
    pub official_only: bool,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub explain: Option<bool>,
}

/// What a flexible worker pays and when benefits begin. Where a figure was not published
/// the amounts that need it are absent (`null`) and `explanation.not_known` says which.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FlexibleResult {
    pub city: String,
    pub city_name: Text,
    pub month: YearMonth,
    pub base: Option<Money>,
    pub rate: Option<String>,
    pub basic: Option<Money>,
    pub fixed: Option<Money>,
    pub monthly_total: Option<Money>,
    pub yearly_total: Option<Money>,
    /// Paying again after an interruption.
    pub interrupted: bool,
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
    let options = Options {
        official_only: req.official_only,
        explain: req.explain.unwrap_or(true),
    };
    let (first_paid, interrupted, setup) = (
        input::opt_month("first_paid", &req.first_paid),
        input::flag("interrupted", &req.interrupted),
        open(
            &req.city,
            "month",
            input::month("month", &req.month),
            &req.overrides,
            options,
        ),
    )
        .all_ok()?;
    let mut cx = Ctx::new(&setup, "month");
    let no_amount = text!("无法计算每月缴费", "the monthly amount cannot be computed");
    let base = cx.optional::<Money>(ParamId::FlexibleBase, no_amount.clone());
    let rate = cx.optional::<crate::model::Ratio>(ParamId::FlexibleRate, no_amount);
    let fixed = cx.optional::<Money>(
        ParamId::FlexibleFixed,
        text!(
            "每月合计未含此项定额",
            "the monthly total leaves this fixed amount out"
        ),
    );
    let wait_id = if interrupted {
        ParamId::FlexibleWaitingAfterBreak
    } else {
        ParamId::FlexibleWaiting
    };
    let wait = cx.optional::<u32>(
        wait_id,
        text!(
            "无法给出开始享受待遇的月份",
            "the month benefits begin cannot be given"
        ),
    );
    let maternity = cx.optional::<bool>(
        ParamId::FlexibleMaternity,
        text!(
            "不确定是否享受生育保险待遇",
            "whether maternity is covered is not known"
        ),
    );
    // With nothing known (not even the rate) there is nothing to show: ask for what the
    // amount needs instead of giving an empty result. A known rate is worth showing.
    if (base.is_none() || rate.is_none()) && rate.is_none() && wait.is_none() && maternity.is_none()
    {
        for (id, known) in [
            (ParamId::FlexibleBase, base.is_some()),
            (ParamId::FlexibleRate, rate.is_some()),
        ] {
            if !known {
                cx.mark_missing(id);
            }
        }
        cx.check()?;
    }
    let rounding = cx.rounding(ParamId::RoundingMoney)?;
    let amounts = match (&base, &rate) {
        (Some(base), Some(rate)) => Some(amounts(&mut cx, base, rate, fixed.as_ref(), rounding)?),
        _ => None,
    };
    let benefits_from = benefits(&mut cx, wait.as_ref(), first_paid, interrupted)?;
    if let Some(m) = maternity.as_ref().filter(|m| !m.value) {
        cx.fact(
            "maternity",
            text!("生育保险待遇", "maternity benefits"),
            text!("不享受", "not covered"),
            "false",
            "",
            std::slice::from_ref(&m.cite),
        );
        cx.ex.note(text!(
            "灵活就业人员不享受生育保险待遇",
            "flexible workers get no maternity benefits"
        ));
    }
    let (basic, monthly_total, yearly_total) = match amounts {
        Some((b, m, y)) => (Some(b), Some(m), Some(y)),
        None => (None, None, None),
    };
    Ok(FlexibleResult {
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        month: setup.month,
        base: base.map(|b| b.value),
        rate: rate.map(|r| r.value.show()),
        basic,
        fixed: fixed.map(|f| f.value),
        monthly_total,
        yearly_total,
        interrupted,
        waiting_months: wait.map(|w| w.value),
        benefits_from,
        maternity_covered: maternity.map(|m| m.value),
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
    })
}

/// base × rate (rounded) + the fixed amount where published; the month and the year.
fn amounts(
    cx: &mut Ctx,
    base: &Cited<Money>,
    rate: &Cited<Ratio>,
    fixed: Option<&Cited<Money>>,
    rounding: Rounding,
) -> Result<(Money, Money, Money), Error> {
    let basic = cx.money(
        "basic",
        text!(
            "基本医疗保险费（单位和个人部分均由本人缴纳）",
            "basic premium (both shares, paid by the person)"
        ),
        "flexible.base",
        base.expr().named("基数", "base") * rate.expr(),
        rounding,
    )?;
    let monthly_total = super::with_fixed(
        cx,
        "total",
        text!("每月合计", "monthly total"),
        basic,
        fixed,
        "flexible.base",
        rounding,
    )?;
    let yearly_total = cx.money(
        "yearly",
        text!("全年", "year"),
        "flexible.base",
        Expr::money(monthly_total) * Expr::count(12),
        rounding,
    )?;
    Ok((basic, monthly_total, yearly_total))
}

/// The waiting period as a step, and the first month of benefits where the first month
/// paid is known.
fn benefits(
    cx: &mut Ctx,
    wait: Option<&Cited<u32>>,
    first_paid: Option<YearMonth>,
    interrupted: bool,
) -> Result<Option<YearMonth>, Error> {
    let Some(w) = wait else {
        return Ok(None);
    };
    let (from_zh, from_en) = if interrupted {
        ("中断后再次缴费的首月", "first month paid again")
    } else {
        ("首月缴费", "first month paid")
    };
    if let Some(fp) = first_paid {
        let label = if interrupted {
            text!(
                "开始享受待遇（中断后再次缴费）",
                "benefits begin (paying again after an interruption)"
            )
        } else {
            text!(
                "开始享受待遇（须连续缴费）",
                "benefits begin (payments must be continuous)"
            )
        };
        return Ok(Some(cx.month_after(
            "benefits_from",
            label,
            "first_paid",
            (fp, Text::new(from_zh, from_en)),
            w.expr().named("等待期", "waiting months"),
        )?));
    }
    let n = w.value;
    let shown = if interrupted {
        Text::new(
            format!("中断后自再次缴费的月份起 {n} 个月"),
            format!(
                "{} from the month paid again after an interruption",
                count_en(n, "month", "months")
            ),
        )
    } else {
        Text::new(
            format!("首次参保后自首月缴费起 {n} 个月"),
            format!(
                "{} from the first month paid after first enrolment",
                count_en(n, "month", "months")
            ),
        )
    };
    cx.fact(
        "waiting",
        text!("待遇等待期", "waiting period"),
        shown,
        n,
        "months",
        std::slice::from_ref(&w.cite),
    );
    Ok(None)
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
        let mut out = Vec::new();
        if let Some(m) = r.monthly_total {
            let mut h = H::money(
                "monthly",
                text!("每月缴费", "per month"),
                m,
                &["basic", "total"],
            )
            .detail(text!("全部由本人缴纳", "all paid by you"));
            if r.fixed.is_none() {
                h = h.detail(text!(
                    "未含未公布的每月定额",
                    "without the fixed monthly amount, which is not published"
                ));
            }
            out.push(h);
        }
        if let Some(y) = r.yearly_total {
            out.push(H::money(
                "yearly",
                text!("全年", "per year"),
                y,
                &["yearly"],
            ));
        }
        if let (None, Some(rate)) = (r.monthly_total, &r.rate) {
            out.push(
                H::new(
                    "rate",
                    text!("费率", "rate"),
                    Text::same(rate.clone()),
                    Text::default(),
                    &[],
                )
                .detail(text!(
                    "缴费基数未公布，无法计算金额",
                    "the base is not published, so no amount can be given"
                )),
            );
        }
        if let Some(w) = r.waiting_months {
            out.push(H::months(
                "waiting",
                text!("待遇等待期", "waiting period"),
                w,
                &["waiting", "benefits_from"],
            ));
        }
        if let Some(b) = r.benefits_from {
            out.push(H::plain(
                "benefits_from",
                text!("开始享受待遇", "benefits from"),
                b,
                &["benefits_from"],
            ));
        }
        match r.maternity_covered {
            Some(false) => out.push(H::new(
                "maternity",
                text!("生育保险待遇", "maternity benefits"),
                text!("不享受", "not covered"),
                Text::default(),
                &["maternity"],
            )),
            Some(true) => out.push(H::new(
                "maternity",
                text!("生育保险待遇", "maternity benefits"),
                text!("享受", "covered"),
                Text::default(),
                &[],
            )),
            None => {}
        }
        out
    }
    fn summary(r: &FlexibleResult) -> Text {
        let wait = r
            .waiting_months
            .map(|w| {
                Text::new(
                    format!(" · 等待期 {w} 个月"),
                    format!(" · waiting {}", count_en(w, "month", "months")),
                )
            })
            .unwrap_or_default();
        match (r.monthly_total, r.yearly_total, &r.rate) {
            (Some(m), Some(y), _) => Text::new(
                format!("每月 {m} · 全年 {y} 元，全部由本人缴纳{}", wait.zh),
                format!("{m} a month · {y} a year, all paid by you{}", wait.en),
            ),
            (_, _, Some(rate)) => Text::new(
                format!("费率 {rate}（缴费基数未公布，无法计算金额）{}", wait.zh),
                format!(
                    "rate {rate} (the base is not published, so no amount){}",
                    wait.en
                ),
            ),
            _ => Text::new(
                format!("缴费金额无法计算{}", wait.zh),
                format!("no amount can be computed{}", wait.en),
            ),
        }
    }
    fn explanation(r: &FlexibleResult) -> &Explanation {
        &r.explanation
    }
    fn params() -> &'static [crate::model::ParamId] {
        use crate::model::ParamId::*;
        &[
            FlexibleBase,
            FlexibleRate,
            FlexibleFixed,
            FlexibleWaiting,
            FlexibleWaitingAfterBreak,
            FlexibleMaternity,
            RoundingMoney,
        ]
    }
    fn options(req: &mut FlexibleRequest) -> crate::registry::RequestOptions<'_> {
        crate::registry::RequestOptions {
            overrides: &mut req.overrides,
            official_only: &mut req.official_only,
            explain: &mut req.explain,
        }
    }
}
