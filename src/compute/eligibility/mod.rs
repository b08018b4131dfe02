//! 退休人员医保待遇与补缴: whether a person gets retiree benefits without paying more, the
//! months still missing at the statutory retirement month (if payments stop now, and if
//! they go on), the one-off top-up by situation, and when benefits begin.
//!
//! 济宁 (三（二）3、4): ten years actually paid; short → top up to ten years at the last
//! base × 7%, paid by the employer (a flexible worker pays it); never-enrolled enterprise
//! retirees on last month's pension floored at the year's minimum base; flexible-worker
//! retirees on the province's average wage; bankrupt enterprises also pay the employer's
//! 大病 share until the provincial life expectancy. Top-ups never go to the personal account.
//! Example: 6 years paid, base 5000 → (10 − 6) × 12 × 5000 × 7% = 16800.

mod counts;
mod headline;
mod inputs;
mod topup;
use self::counts::*;
pub use self::headline::Eligibility;

use crate::model::text::count_en;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use self::inputs::Inputs;
pub use self::topup::{Payer, TopUp};
use super::retirement::{retirement, Retirement};
use super::{open, whole, Options};
use crate::error::{AllOk, Error};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::lookup::{Ctx, Overrides};
use crate::model::{
    Category, CountedMonths, Money, ParamId, Shortfall, Situation, Text, YearMonth,
};
use crate::text;
use crate::trace::{Expr, Term};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct EligibilityRequest {
    pub city: Raw,
    /// Birth month, `YYYY-MM`.
    pub birth: Raw,
    /// `male`, `female-55` or `female-50`.
    pub category: Raw,
    /// The month "now": payments so far are counted up to it; rules are read at it.
    pub as_of: Raw,
    /// Months actually paid in this city.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub paid_months: Raw,
    /// Deemed months (视同缴费年限) credited for service before the reform.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub deemed_months: Raw,
    /// Months actually paid elsewhere and transferred in.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub transferred_months: Raw,
    /// The last monthly contribution base (for employee and flexible situations).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub last_base: Raw,
    /// `employee` (default), `flexible`, `never_enrolled`, `flexible_retiree`, `bankrupt`.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub situation: Raw,
    /// Last month's pension (never-enrolled and bankrupt-enterprise retirees).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub pension: Raw,
    /// Age at the enterprise's bankruptcy, in years (bankrupt-enterprise retirees).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub bankruptcy_age: Raw,
    /// Month the top-up is paid (default: the retirement month, or as_of if later).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub payment_month: Raw,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub overrides: Overrides,
    #[serde(alias = "officialOnly")]
    #[cfg_attr(feature = "ts", ts(rename = "officialOnly", optional = nullable))]
    pub official_only: bool,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub explain: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scenario {
    pub counted_months: u32,
    pub shortfall_months: u32,
    /// Meets the minimum at the retirement month without paying more.
    pub eligible: bool,
    /// The one-off top-up, where short and where the city's rule gives it.
    pub topup: Option<TopUp>,
    /// First month of retiree benefits, where known.
    pub benefits_from: Option<YearMonth>,
}

/// The fixed monthly amounts a retiree still pays, where the city's rules say so.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RetireeFixed {
    pub employer: Option<Money>,
    pub individual: Option<Money>,
    pub monthly_total: Option<Money>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EligibilityResult {
    pub city: String,
    pub city_name: Text,
    pub as_of: YearMonth,
    pub situation: Situation,
    pub retirement: Retirement,
    /// The statutory retirement month has come by the as-of month: the months that count
    /// are final, and there is one scenario.
    pub retired: bool,
    /// The minimum in months, where the city's minimum years are known; without it only
    /// the retirement month is given and `explanation.not_known` says why.
    pub min_months: Option<u32>,
    /// If payments stop at as_of (where the minimum is known).
    pub stop_now: Option<Scenario>,
    /// If payments go on every month until the retirement month (in-service situations).
    pub continue_paying: Option<Scenario>,
    /// What a retiree still pays each month where the city's rules say so (济宁: the
    /// 大病保险 premium, employer 6 + individual 4).
    pub retiree_fixed: Option<RetireeFixed>,
    /// What the city's rule allows when years are short, where known.
    pub shortfall_rule: Option<String>,
    pub rules_version: String,
    pub explanation: Explanation,
}

pub fn eligibility(req: &EligibilityRequest) -> Result<EligibilityResult, Error> {
    let options = Options {
        official_only: req.official_only,
        explain: req.explain.unwrap_or(true),
    };
    let (i, setup) = (
        inputs::read(req),
        open(
            &req.city,
            "as_of",
            input::month("as_of", &req.as_of),
            &req.overrides,
            options,
        ),
    )
        .all_ok()?;
    let mut cx = Ctx::new(&setup, "as_of");
    let ret = retirement(&mut cx, i.birth, i.category)?;
    inputs::against_retirement(&i, ret.month)?;
    let retired = ret.month <= i.as_of;
    // Where the city's rules set a women's minimum of their own (郑州, 盐城), a woman's is that.
    let min_id = if i.category != Category::Male && cx.has(ParamId::MinYearsWomen) {
        ParamId::MinYearsWomen
    } else {
        ParamId::MinYears
    };
    let min = cx.optional::<Decimal>(
        min_id,
        text!(
            "无法判断是否达到最低缴费年限、还差多少",
            "whether the minimum is met, and what is missing, cannot be said"
        ),
    );
    let min_actual = if cx.has(ParamId::MinActualYears) {
        cx.optional::<Decimal>(
            ParamId::MinActualYears,
            text!(
                "未核对实际缴费年限的最低要求",
                "the minimum of years actually paid is not checked"
            ),
        )
    } else {
        None
    };
    let retiree_fixed = retiree_fixed(&mut cx, i.situation)?;
    // Looked up even without the minimum, so every figure the check will need is asked for
    // at once (and the boxes do not change under the person's fingers as they type it).
    let shortfall = cx.unasked::<Shortfall>(
        ParamId::ShortfallRule,
        text!(
            "不知道年限不足时可否按月续缴或一次性补缴",
            "whether short years may be paid monthly or at once is not known"
        ),
    );
    let rule = topup::Rule::look_up(&mut cx)?;
    let Some(min) = min else {
        return retirement_only(&mut cx, &setup, &i, ret, retiree_fixed);
    };
    let counts = counts(&mut cx, &i)?;
    let min_months = whole(cx.number(
        "min_months",
        text!("最低缴费年限", "minimum years"),
        min_id.key(),
        min.expr().named("年限", "years") * Expr::count(12),
        "months",
    )?);
    let counted_now = count_now(&mut cx, &i, &counts)?;
    // Of them, years actually paid (here and, where they count, transferred in), where the
    // city's rules set a minimum for those.
    let actual = match &min_actual {
        Some(m) => {
            let months = whole(cx.number(
                "min_months.actual",
                text!("其中实际缴费年限不少于", "of which actually paid, at least"),
                "retiree.min_actual_years",
                m.expr().named("年限", "years") * Expr::count(12),
                "months",
            )?);
            let transferred = counts.transferred.as_ref().is_some_and(|t| t.0);
            Some(Actual {
                min: months,
                now: i.paid + if transferred { i.transferred } else { 0 },
            })
        }
        None => None,
    };
    cx.ex.note(text!(
        "按计算月份（{}）有效的规则计算，假定到退休时规则不变",
        "computed with the rules in force at the as-of month ({}), assuming they still apply at retirement",
        i.as_of
    ));
    let stop_now = scenario(
        &mut cx,
        &i,
        &ret,
        (min_months, actual),
        counted_now,
        "stop_now",
        &rule,
    )?;
    let continue_paying = if i.situation.retired() || retired {
        None
    } else {
        Some(continue_scenario(
            &mut cx,
            &i,
            &ret,
            (min_months, actual),
            counted_now,
            &rule,
        )?)
    };
    if let Some(s) = shortfall
        .as_ref()
        .filter(|s| s.value == Shortfall::MonthlyOrOneOff && stop_now.shortfall_months > 0)
    {
        shortfall_fact(&mut cx, s, stop_now.shortfall_months);
    }
    Ok(EligibilityResult {
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        as_of: i.as_of,
        situation: i.situation,
        retirement: ret,
        retired,
        min_months: Some(min_months),
        stop_now: Some(stop_now),
        continue_paying,
        retiree_fixed,
        shortfall_rule: shortfall.map(|s| s.value.word().to_string()),
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
    })
}

/// Without the city's minimum years: the retirement month (and what a retiree still pays)
/// only, saying why.
fn retirement_only(
    cx: &mut Ctx,
    setup: &super::Setup,
    i: &Inputs,
    ret: Retirement,
    retiree_fixed: Option<RetireeFixed>,
) -> Result<EligibilityResult, Error> {
    cx.ex.note(text!(
        "本市最低缴费年限未公布：只给出法定退休月份；填写最低缴费年限即可算出差额",
        "the city's minimum years are not published: only the retirement month is given; enter the minimum to see what is missing"
    ));
    cx.check()?;
    Ok(EligibilityResult {
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        as_of: i.as_of,
        situation: i.situation,
        retired: ret.month <= i.as_of,
        retirement: ret,
        min_months: None,
        stop_now: None,
        continue_paying: None,
        retiree_fixed,
        shortfall_rule: None,
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
    })
}

/// If payments go on: the months paid so far include the as-of month; going on adds each
/// month after it up to the month before retirement.
fn continue_scenario(
    cx: &mut Ctx,
    i: &Inputs,
    ret: &Retirement,
    min: (u32, Option<Actual>),
    counted_now: u32,
    rule: &topup::Rule,
) -> Result<Scenario, Error> {
    let more = (ret.month.months_since(i.as_of) - 1).max(0) as u32;
    let (a, r) = (i.as_of, ret.month);
    let counted = whole(cx.number(
        "counted_continue",
        text!(
            "若持续缴费至退休（{a} 之后至 {r} 前一月）",
            "if payments go on until retirement (after {a}, up to the month before {r})"
        ),
        "paid_months",
        Expr::count(counted_now).named("已计", "counted") + Expr::count(more).named("再缴", "more"),
        "months",
    )?);
    // Months paid from now on are actual payments too.
    let (min_months, actual) = min;
    let actual = actual.map(|a| Actual {
        now: a.now.saturating_add(more),
        ..a
    });
    scenario(cx, i, ret, (min_months, actual), counted, "continue", rule)
}

/// Where the city's rules set a minimum of years actually paid: that minimum and the months
/// actually paid, both in months.
#[derive(Clone, Copy)]
struct Actual {
    min: u32,
    now: u32,
}

/// The city's rule when years are short, as a step (温州: monthly, or all at once).
fn shortfall_fact(cx: &mut Ctx, s: &crate::lookup::Cited<Shortfall>, m: u32) {
    cx.fact(
        "shortfall_rule",
        text!("年限不足的办法", "when years are short"),
        Text::new(
            format!("可按月继续缴纳 {m} 个月，或一次性缴纳不足年限的费用"),
            format!(
                "keep paying monthly for {}, or pay the missing months at once",
                count_en(m, "month", "months")
            ),
        ),
        m,
        "months",
        std::slice::from_ref(&s.cite),
    );
}

/// The fixed monthly amounts a retiree still pays, where the city's rules say so (济宁
/// 三（二）2: 职工和退休人员 pay the 10-yuan 大病 premium, employer 6, individual 4).
fn retiree_fixed(cx: &mut Ctx, situation: Situation) -> Result<Option<RetireeFixed>, Error> {
    if !cx.has(ParamId::RetireePaysFixed) {
        return Ok(None);
    }
    let pays = cx.optional::<bool>(
        ParamId::RetireePaysFixed,
        text!(
            "不确定退休后是否仍缴纳每月定额",
            "whether retirees still pay the fixed amounts is not known"
        ),
    );
    let Some(pays) = pays.filter(|p| p.value) else {
        return Ok(None);
    };
    let effect = text!(
        "无法给出退休后每月仍缴的金额",
        "what a retiree still pays each month cannot be given"
    );
    let er = cx.optional::<Money>(ParamId::EmployerFixed, effect.clone());
    let ind = cx.optional::<Money>(ParamId::IndividualFixed, effect);
    let rounding = cx.rounding(ParamId::RoundingMoney)?;
    let monthly_total = match (&er, &ind) {
        (Some(e), Some(i)) => Some(cx.money(
            "retiree_fixed",
            text!("退休后每月仍缴（大病保险等定额）", "still paid each month after retirement (fixed amounts such as serious-illness insurance)"),
            "situation",
            e.expr().named("单位", "employer") + i.expr().named("个人", "individual"),
            rounding,
        )?),
        _ => None,
    };
    if monthly_total.is_some() {
        cx.fact(
            "retiree_fixed.rule",
            text!(
                "退休人员缴纳每月定额",
                "retirees pay the fixed monthly amounts"
            ),
            text!(
                "职工和退休人员均按月缴纳",
                "workers and retirees alike pay them each month"
            ),
            "true",
            "",
            std::slice::from_ref(&pays.cite),
        );
    }
    if situation == Situation::Bankrupt {
        cx.ex.note(text!(
            "破产企业退休人员：单位部分按期望寿命一次性补足，个人部分从个人账户按年代扣",
            "retirees of a bankrupt enterprise: the employer's part is paid at once up to life expectancy, the individual part deducted yearly from the personal account"
        ));
    }
    Ok(Some(RetireeFixed {
        employer: er.map(|c| c.value),
        individual: ind.map(|c| c.value),
        monthly_total,
    }))
}

fn scenario(
    cx: &mut Ctx,
    i: &Inputs,
    ret: &Retirement,
    min: (u32, Option<Actual>),
    counted: u32,
    key: &str,
    rule: &topup::Rule,
) -> Result<Scenario, Error> {
    let (min_months, actual) = min;
    let short_actual = actual.map_or(0, |a| a.min.saturating_sub(a.now));
    let shortfall = min_months.saturating_sub(counted).max(short_actual);
    let (zh, en) = if key == "stop_now" {
        ("若现在停止缴费", "if payments stop now")
    } else {
        ("若持续缴费至退休", "if payments go on until retirement")
    };
    let label = Text::new(format!("{zh}：差额"), format!("{en}: months missing"));
    if shortfall == 0 {
        cx.fact(
            format!("{key}.shortfall"),
            label,
            match actual {
                Some(a) => {
                    let (n, m) = (a.now, a.min);
                    text!(
                        "{counted} ≥ {min_months}，实际缴费 {n} ≥ {m}：达到年限，退休时直接享受退休人员待遇，不再缴费",
                        "{counted} ≥ {min_months} and {n} actually paid ≥ {m}: the minimum is met; retiree benefits at retirement with no more to pay"
                    )
                }
                None => text!("{counted} ≥ {min_months}：达到年限，退休时直接享受退休人员待遇，不再缴费", "{counted} ≥ {min_months}: the minimum is met; retiree benefits at retirement with no more to pay"),
            },
            0,
            "months",
            &[],
        );
        // Retiree benefits start with retirement, whether that is still ahead or past.
        return Ok(Scenario {
            counted_months: counted,
            shortfall_months: 0,
            eligible: true,
            topup: None,
            benefits_from: Some(ret.month),
        });
    }
    let mut e = Expr::count(min_months).named("最低", "minimum")
        - Expr::count(counted).named("已计", "counted");
    if let Some(a) = actual {
        e = Expr::max(
            e,
            Expr::count(a.min).named("实际最低", "least actually paid")
                - Expr::count(a.now).named("实际缴费", "actually paid"),
        );
    }
    cx.number(
        format!("{key}.shortfall"),
        label,
        "paid_months",
        e,
        "months",
    )?;
    let topup = topup::topup(cx, i, ret, shortfall, key, rule)?;
    let benefits_from = topup.as_ref().and_then(|t| t.benefits_from);
    Ok(Scenario {
        counted_months: counted,
        shortfall_months: shortfall,
        eligible: false,
        topup,
        benefits_from,
    })
}
