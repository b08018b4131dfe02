//! 职工医保缴费: what an employer and an employee pay for one month.
//!
//! base = wage clamped to the floor and ceiling in force (where known);
//! employer = base × employer rate (rounded) + employer fixed amount;
//! individual = base × individual rate (rounded) + individual fixed amount.
//! 济宁 example (三（二）1、2): 5000 × 8% + 6 = 406.00 and 5000 × 2% + 4 = 104.00.

mod month;
mod plan;

use serde::{Deserialize, Serialize};

use self::month::{benefits_after, explained};
use self::plan::resolve;
pub use self::plan::{plan, Amounts, FenAmounts, FenPlan, Plan};
use super::{open, word, Options};
use crate::error::{AllOk, Error};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::lookup::{Cited, Ctx, Overrides};
use crate::model::{EmployerKind, Money, ParamId, Ratio, Rounding, Text, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ContributionRequest {
    /// City id (`jining`) or Chinese name.
    pub city: Raw,
    /// The month, `YYYY-MM`.
    pub month: Raw,
    /// `public_body` (机关事业单位) or `other` (其他单位).
    pub employer: Raw,
    /// Monthly wage in yuan (the individual's prior-year monthly average wage).
    pub wage: Raw,
    /// Parameter id → value, for figures nobody published or newer ones.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub overrides: Overrides,
    #[serde(alias = "officialOnly")]
    #[cfg_attr(feature = "ts", ts(rename = "officialOnly", optional = nullable))]
    pub official_only: bool,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub explain: Option<bool>,
}

/// One side's share of the month.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Share {
    /// The rate applied to the base, as shown ("8%").
    pub rate: String,
    /// base × rate, rounded.
    pub basic: Money,
    /// Fixed monthly amount (大病保险 etc.), where known; unknown → left out of the total,
    /// and the result says so.
    pub fixed: Option<Money>,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Yearly {
    pub employer: Money,
    pub individual: Money,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContributionResult {
    pub city: String,
    pub city_name: Text,
    pub month: YearMonth,
    pub employer_kind: EmployerKind,
    pub wage: Money,
    /// 缴费基数.
    pub base: Money,
    /// The floor and ceiling used, where published or supplied.
    pub base_floor: Option<Money>,
    pub base_ceiling: Option<Money>,
    pub employer: Share,
    pub individual: Share,
    /// The maternity-insurance part of the employer's basic amount, where known.
    pub maternity_part: Option<Money>,
    /// What goes to the worker's personal account (个人账户) this month, where known.
    pub personal_account: Option<Money>,
    pub monthly_total: Money,
    /// The individual total as a share of the wage, in percent to two decimals ("2.05"): what
    /// the payslip loses to it.
    pub individual_share_of_wage: Option<String>,
    /// Twelve months at this wage.
    pub yearly: Yearly,
    /// Months from the first month paid to the first month of benefits, where the city's
    /// rules say (济宁 三（三）: the next month).
    pub benefits_after_months: Option<u32>,
    pub rules_version: String,
    pub explanation: Explanation,
}

/// The employer kind in a request field, with the error a person gets for a bad one.
pub fn employer_kind(field: &str, raw: &Raw) -> Result<EmployerKind, Error> {
    word(
        field,
        raw,
        text!(
            "请选择单位类型：机关事业单位 或 其他单位",
            "choose the employer kind: public body or other employer"
        ),
        "unknown_employer_kind",
        ("未知的单位类型", "unknown employer kind"),
    )
}

impl ContributionRequest {
    pub fn options(&self) -> Options {
        Options {
            official_only: self.official_only,
            explain: self.explain.unwrap_or(true),
        }
    }
}

pub fn contribution(req: &ContributionRequest) -> Result<ContributionResult, Error> {
    let (kind, wage, setup) = (
        employer_kind("employer", &req.employer),
        input::amount("wage", &req.wage),
        open(
            &req.city,
            "month",
            input::month("month", &req.month),
            &req.overrides,
            req.options(),
        ),
    )
        .all_ok()?;
    let mut cx = Ctx::new(&setup, "month");
    let figures = resolve(&mut cx, kind)?;
    let r = explained(&mut cx, &figures, wage)?;
    let benefits_after_months = benefits_after(&mut cx);
    Ok(ContributionResult {
        benefits_after_months,
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        month: setup.month,
        employer_kind: kind,
        wage,
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
        ..r
    })
}

/// Where a floor or ceiling is not known and could change the base (the wage is not already
/// held by the other limit), what that means, for the headline: never a silently unclamped
/// base. The base is then the wage, and the amounts may be too low (no floor) or too high
/// (no ceiling).
fn unclamped(r: &ContributionResult) -> Option<Text> {
    let floor_matters = r.base_floor.is_none() && r.base_ceiling.is_none_or(|c| r.wage <= c);
    let ceiling_matters = r.base_ceiling.is_none() && r.base_floor.is_none_or(|f| r.wage >= f);
    match (floor_matters, ceiling_matters) {
        (true, true) => Some(text!(
            "缴费基数上下限未知，按工资计：工资低于当地下限或高于上限时，实际金额不同",
            "the base limits are not known, so the base is the wage: below the local floor or above the ceiling the amounts differ"
        )),
        (true, false) => Some(text!(
            "缴费基数下限未知，按工资计：工资低于当地下限时应按下限缴费，实际金额更高",
            "the base floor is not known, so the base is the wage: below the local floor the base is the floor and the amounts are higher"
        )),
        (false, true) => Some(text!(
            "缴费基数上限未知，按工资计：工资高于当地上限时应按上限缴费，实际金额更低",
            "the base ceiling is not known, so the base is the wage: above the local ceiling the base is the ceiling and the amounts are lower"
        )),
        (false, false) => None,
    }
}

/// Says on a headline figure that it leaves out a fixed amount nobody published.
fn without_fixed(h: crate::registry::Headline, share: &Share) -> crate::registry::Headline {
    if share.fixed.is_some() {
        return h;
    }
    h.detail(text!(
        "未含未公布的每月定额",
        "without the fixed monthly amount, which is not published"
    ))
}

/// Why the base is not the wage, in plain words: "工资低于下限，按下限 4986.00 元缴费".
fn held(r: &ContributionResult) -> Option<Text> {
    let b = r.base;
    if r.base > r.wage && r.base_floor == Some(b) {
        Some(text!(
            "工资低于缴费基数下限，按下限 {b} 元缴费",
            "the wage is below the floor: contributions are on the floor, {b} yuan"
        ))
    } else if r.base < r.wage && r.base_ceiling == Some(b) {
        Some(text!(
            "工资高于缴费基数上限，按上限 {b} 元缴费",
            "the wage is above the ceiling: contributions are on the ceiling, {b} yuan"
        ))
    } else {
        None
    }
}

/// 职工医保 in the registry.
pub struct Contribution;

impl crate::registry::Computation for Contribution {
    const KIND: &'static str = "contribution";
    type Request = ContributionRequest;
    type Result = ContributionResult;
    fn compute(req: &ContributionRequest) -> Result<ContributionResult, Error> {
        contribution(req)
    }
    fn headline(r: &ContributionResult) -> Vec<crate::registry::Headline> {
        use crate::registry::Headline as H;
        let mut out = vec![
            without_fixed(
                H::money(
                    "employer",
                    text!("单位每月", "employer / month"),
                    r.employer.total,
                    &["base", "employer"],
                ),
                &r.employer,
            ),
            without_fixed(
                H::money(
                    "individual",
                    text!("个人每月", "individual / month"),
                    r.individual.total,
                    &["base", "individual"],
                )
                .detail(text!("工资扣款", "the payroll deduction")),
                &r.individual,
            ),
            {
                let h = H::money("base", text!("缴费基数", "base"), r.base, &["base"]);
                match held(r) {
                    Some(why) => h.detail(why),
                    None => h,
                }
            },
        ];
        if let Some(m) = r.maternity_part {
            out.push(H::money(
                "maternity",
                text!("其中生育保险（单位）", "of which maternity (employer)"),
                m,
                &["employer.maternity_part"],
            ));
        }
        if let Some(pa) = r.personal_account {
            out.push(H::money(
                "personal_account",
                text!("划入个人账户", "to the personal account"),
                pa,
                &["personal_account"],
            ));
        }
        out.push(H::money(
            "monthly_total",
            text!("每月合计", "monthly total"),
            r.monthly_total,
            &["total"],
        ));
        out.push(H::money(
            "yearly_total",
            text!("全年合计", "yearly total"),
            r.yearly.total,
            &["yearly"],
        ));
        if let Some(n) = r.benefits_after_months {
            let v = if n == 1 {
                text!("缴费次月起", "the month after paying")
            } else {
                Text::new(
                    format!("缴费后第 {n} 个月起"),
                    format!(
                        "{} after paying",
                        crate::model::text::count_en(n, "month", "months")
                    ),
                )
            };
            out.push(H::new(
                "benefits_after",
                text!("新参保待遇起始", "benefits for the newly insured"),
                v,
                Text::default(),
                &["benefits_after"],
            ));
        }
        if let Some(why) = unclamped(r) {
            let short = text!(
                "基数未按上下限调整，见缴费基数",
                "the base is not held to its limits: see the base"
            );
            for h in out.iter_mut() {
                match h.key {
                    "base" => *h = h.clone().detail(why.clone()),
                    "employer" | "individual" => *h = h.clone().detail(short.clone()),
                    _ => {}
                }
            }
        }
        out
    }
    fn summary(r: &ContributionResult) -> Text {
        let (er, ind, t) = (r.employer.total, r.individual.total, r.monthly_total);
        let line = match &r.individual_share_of_wage {
            Some(p) => text!(
                "单位 {er} · 个人 {ind}（工资的 {p}%）· 合计 {t} 元/月",
                "employer {er} · individual {ind} ({p}% of the wage) · total {t} yuan a month"
            ),
            None => text!(
                "单位 {er} · 个人 {ind} · 合计 {t} 元/月",
                "employer {er} · individual {ind} · total {t} yuan a month"
            ),
        };
        // What the line leaves out is said in it, not only on the figures below.
        let fixed_missing = r.employer.fixed.is_none() || r.individual.fixed.is_none();
        let caveats: Vec<Text> = [
            fixed_missing.then(|| {
                text!(
                    "未含未公布的每月定额",
                    "without the fixed monthly amounts, which are not published"
                )
            }),
            held(r),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut out = line;
        for c in caveats {
            out = Text::new(
                format!("{}；{}", out.zh, c.zh),
                format!("{}; {}", out.en, c.en),
            );
        }
        out
    }
    fn explanation(r: &ContributionResult) -> &Explanation {
        &r.explanation
    }
    fn params() -> &'static [crate::model::ParamId] {
        use crate::model::ParamId::*;
        &[
            BaseFloor,
            BaseCeiling,
            EmployerRatePublicBody,
            EmployerRateOther,
            MaternityRatePublicBody,
            MaternityRateOther,
            IndividualRate,
            EmployerFixed,
            IndividualFixed,
            PersonalAccountShare,
            EmployeeBenefitsAfter,
            RoundingMoney,
        ]
    }
    fn options(req: &mut ContributionRequest) -> crate::registry::RequestOptions<'_> {
        crate::registry::RequestOptions {
            overrides: &mut req.overrides,
            official_only: &mut req.official_only,
            explain: &mut req.explain,
        }
    }
}
