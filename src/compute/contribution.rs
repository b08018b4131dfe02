//! 职工医保缴费: what an employer and an employee pay for one month.
//!
//! base = wage clamped to the floor and ceiling in force (where known);
//! employer = base × employer rate (rounded) + employer fixed amount;
//! individual = base × individual rate (rounded) + individual fixed amount.
//! 济宁 example (三（二）1、2): 5000 × 8% + 6 = 406.00 and 5000 × 2% + 4 = 104.00.

use serde::{Deserialize, Serialize};

use super::{add, apply, open, rounding_note, times, typed};
use crate::context::{self, Ctx, Got, Overrides};
use crate::error::{Error, Problems};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::money::{Money, Rounding};
use crate::month::YearMonth;
use crate::rules::Ratio;
use crate::text;
use crate::text::Text;

/// 用人单位类型.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKind {
    /// 机关事业单位: government bodies and public institutions.
    PublicBody,
    /// 其他单位: every other employer.
    Other,
}

impl EmployerKind {
    pub fn parse(field: &str, raw: &Raw) -> Result<EmployerKind, Error> {
        match raw
            .as_str()
            .trim()
            .to_ascii_lowercase()
            .replace('-', "_")
            .as_str()
        {
            "public_body" | "public" | "government" | "机关事业单位" | "机关" | "事业单位" => {
                Ok(EmployerKind::PublicBody)
            }
            "other" | "enterprise" | "company" | "其他" | "其他单位" | "企业" => {
                Ok(EmployerKind::Other)
            }
            "" => Err(Error::field(
                field,
                "empty",
                text!(
                    "请选择单位类型：public_body（机关事业单位）或 other（其他单位）",
                    "choose the employer kind: public_body or other"
                ),
            )),
            _ => Err(Error::field(
                field,
                "unknown_employer_kind",
                text!(
                    "未知的单位类型：{raw}；可选 public_body（机关事业单位）或 other（其他单位）",
                    "unknown employer kind: {raw}; use public_body or other"
                ),
            )),
        }
    }

    fn id(self) -> &'static str {
        match self {
            EmployerKind::PublicBody => "public_body",
            EmployerKind::Other => "other",
        }
    }

    pub fn label(self) -> Text {
        match self {
            EmployerKind::PublicBody => Text::new("机关事业单位", "public body"),
            EmployerKind::Other => Text::new("其他单位", "other employer"),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    pub overrides: Overrides,
}

/// One side's share of the month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    /// The rate applied to the base, as shown ("8%").
    pub rate: String,
    /// base × rate, rounded.
    pub basic: Money,
    /// Fixed monthly amount (大病保险 etc.).
    pub fixed: Money,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Yearly {
    pub employer: Money,
    pub individual: Money,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// Twelve months at this wage.
    pub yearly: Yearly,
    pub rules_version: String,
    pub explanation: Explanation,
}

pub fn contribution(req: &ContributionRequest) -> Result<ContributionResult, Error> {
    let mut problems = Problems::default();
    let month = input::month("month", &req.month);
    let kind = problems.take(EmployerKind::parse("employer", &req.employer))?;
    let wage = problems.take(input::amount("wage", &req.wage))?;
    let opened = open(&mut problems, &req.city, "month", month, &req.overrides)?;
    problems.finish()?;
    let (Some(o), Some(kind), Some(wage)) = (opened, kind, wage) else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let mut cx = Ctx::new(o.rules, o.city, o.month, "month", o.overrides);
    let (figures, ex) = compute(&mut cx, kind, wage)?;
    Ok(ContributionResult {
        city: o.city.id.clone(),
        city_name: o.city.name.clone(),
        month: o.month,
        employer_kind: kind,
        wage,
        rules_version: o.rules.version.clone(),
        explanation: ex,
        ..figures
    })
}

/// The figures in force for one city, month and employer kind, resolved once: what the
/// arithmetic needs and nothing else. A payroll batch applies one plan to every row; the
/// single computation applies the same plan, so both give the same numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub kind: EmployerKind,
    pub floor: Option<Money>,
    pub ceiling: Option<Money>,
    pub employer_rate: Ratio,
    pub maternity_rate: Option<Ratio>,
    pub individual_rate: Ratio,
    pub employer_fixed: Money,
    pub individual_fixed: Money,
    pub personal_account_share: Option<Ratio>,
    pub rounding: Rounding,
    /// Parameter ids the person supplied, and figures the plan went without.
    pub user_supplied: Vec<String>,
    pub not_known: Vec<String>,
}

/// One month's amounts under a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amounts {
    pub base: Money,
    pub employer_basic: Money,
    pub employer_total: Money,
    pub maternity_part: Option<Money>,
    pub individual_basic: Money,
    pub individual_total: Money,
    pub personal_account: Option<Money>,
    pub monthly_total: Money,
}

impl Plan {
    /// 缴费基数: the wage, clamped where the limits are known.
    pub fn base(&self, wage: Money) -> Money {
        match (self.floor, self.ceiling) {
            (Some(f), _) if wage < f => f,
            (_, Some(c)) if wage > c => c,
            _ => wage,
        }
    }

    /// The month's amounts for a wage; each item rounded on its own, as the rule says.
    pub fn amounts(&self, wage: Money) -> Result<Amounts, Error> {
        let base = self.base(wage);
        let b = base.amount();
        let employer_basic = apply("wage", b, self.employer_rate, self.rounding)?;
        let individual_basic = apply("wage", b, self.individual_rate, self.rounding)?;
        let maternity_part = match self.maternity_rate {
            Some(m) => Some(apply("wage", b, m, self.rounding)?),
            None => None,
        };
        let personal_account = match self.personal_account_share {
            Some(share) => Some(individual_basic.min(apply("wage", b, share, self.rounding)?)),
            None => None,
        };
        let employer_total = add("wage", employer_basic, self.employer_fixed)?;
        let individual_total = add("wage", individual_basic, self.individual_fixed)?;
        Ok(Amounts {
            base,
            employer_basic,
            employer_total,
            maternity_part,
            individual_basic,
            individual_total,
            personal_account,
            monthly_total: add("wage", employer_total, individual_total)?,
        })
    }
}

/// Citations of the values a plan was resolved from, for the explanation.
struct PlanCites {
    floor: Option<Got>,
    ceiling: Option<Got>,
    employer_rate: Option<Got>,
    maternity: Option<Got>,
    individual_rate: Option<Got>,
    employer_fixed: Option<Got>,
    individual_fixed: Option<Got>,
    pa_share: Option<Got>,
    rounding: Vec<crate::explain::Cite>,
}

fn resolve(cx: &mut Ctx, kind: EmployerKind) -> Result<(Plan, PlanCites), Error> {
    let k = kind.id();
    let floor = cx.optional(
        "employee.base.floor",
        text!(
            "缴费基数未按下限调整，直接按工资计算",
            "the wage is used with no floor applied"
        ),
    );
    let ceiling = cx.optional(
        "employee.base.ceiling",
        text!(
            "缴费基数未按上限调整，直接按工资计算",
            "the wage is used with no ceiling applied"
        ),
    );
    let employer_rate = cx.need(&format!("employee.rate.employer.{k}"));
    let maternity = cx.optional(
        &format!("employee.rate.maternity.{k}"),
        text!(
            "无法列出单位费率中的生育保险部分",
            "the maternity part of the employer rate cannot be shown"
        ),
    );
    let individual_rate = cx.need("employee.rate.individual");
    let employer_fixed = cx.need("employee.fixed.employer");
    let individual_fixed = cx.need("employee.fixed.individual");
    let pa_share = cx.optional(
        "personal_account.in_service_share",
        text!(
            "无法计算划入个人账户的金额",
            "the personal-account part cannot be computed"
        ),
    );
    let (rounding, rounding_cite) = cx.rounding("rounding.money");
    cx.check()?;
    let (Some(er), Some(ir), Some(ef), Some(inf)) = (
        context::rate(&employer_rate),
        context::rate(&individual_rate),
        context::money(&employer_fixed),
        context::money(&individual_fixed),
    ) else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let (floor_v, ceiling_v) = (context::money(&floor), context::money(&ceiling));
    if let (Some(f), Some(c)) = (floor_v, ceiling_v) {
        if f > c {
            return Err(Error::field(
                "set:employee.base.floor",
                "floor_above_ceiling",
                text!(
                    "缴费基数下限 {f} 高于上限 {c}",
                    "the base floor {f} is above the ceiling {c}"
                ),
            ));
        }
    }
    let plan = Plan {
        kind,
        floor: floor_v,
        ceiling: ceiling_v,
        employer_rate: er,
        maternity_rate: context::rate(&maternity),
        individual_rate: ir,
        employer_fixed: ef,
        individual_fixed: inf,
        personal_account_share: context::rate(&pa_share),
        rounding,
        user_supplied: cx.ex.user_supplied.clone(),
        not_known: cx.ex.not_known.iter().map(|n| n.param.clone()).collect(),
    };
    let cites = PlanCites {
        floor,
        ceiling,
        employer_rate,
        maternity,
        individual_rate,
        employer_fixed,
        individual_fixed,
        pa_share,
        rounding: rounding_cite,
    };
    Ok((plan, cites))
}

/// Resolves the plan for a city, month and employer kind (validating them as the single
/// computation does), for applying to many wages.
pub fn plan(
    city: &Raw,
    month: &Raw,
    kind: EmployerKind,
    overrides: &Overrides,
) -> Result<Plan, Error> {
    let mut problems = Problems::default();
    let opened = open(
        &mut problems,
        city,
        "month",
        input::month("month", month),
        overrides,
    )?;
    problems.finish()?;
    let Some(o) = opened else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let mut cx = Ctx::new(o.rules, o.city, o.month, "month", o.overrides);
    resolve(&mut cx, kind).map(|(p, _)| p)
}

/// The arithmetic with its explanation, on an opened context.
fn compute(
    cx: &mut Ctx,
    kind: EmployerKind,
    wage: Money,
) -> Result<(ContributionResult, Explanation), Error> {
    let (plan, c) = resolve(cx, kind)?;
    let a = plan.amounts(wage)?;
    let base = a.base;
    let show = |m: Option<Money>| m.map_or_else(|| "?".to_string(), |m| m.to_string());
    let formula = match (plan.floor, plan.ceiling) {
        (None, None) => text!(
            "上下限未公布，基数 = 工资 {wage}",
            "floor and ceiling not published: base = wage {wage}"
        ),
        _ => {
            let (f, ce) = (show(plan.floor), show(plan.ceiling));
            text!(
                "基数 = min(max(工资 {wage}, 下限 {f}), 上限 {ce}) = {base}",
                "base = min(max(wage {wage}, floor {f}), ceiling {ce}) = {base}"
            )
        }
    };
    let mut cites = vec![typed("wage", wage)];
    cites.extend(context::cite(&c.floor));
    cites.extend(context::cite(&c.ceiling));
    cx.ex.step(
        "base",
        text!("缴费基数", "contribution base"),
        formula,
        base,
        "yuan/month",
        cites,
    );

    let (rz, re) = rounding_note(plan.rounding);
    let (er_show, ir_show) = (plan.employer_rate.show(), plan.individual_rate.show());
    let (er_basic, ef, er_total) = (a.employer_basic, plan.employer_fixed, a.employer_total);
    let mut cs = context::cite(&c.employer_rate);
    cs.extend(c.rounding.clone());
    cx.ex.step(
        "employer.basic",
        Text::new(
            format!("单位缴费（{}）", kind.label().zh),
            format!("employer premium ({})", kind.label().en),
        ),
        text!(
            "{base} × {er_show} = {er_basic}（{rz}）",
            "{base} × {er_show} = {er_basic} ({re})"
        ),
        er_basic,
        "yuan/month",
        cs,
    );
    if let (Some(m), Some(part)) = (plan.maternity_rate, a.maternity_part) {
        let m_show = m.show();
        cx.ex.step(
            "employer.maternity_part",
            text!("其中生育保险部分", "of which maternity"),
            text!(
                "{base} × {m_show} = {part}（已含在单位缴费中）",
                "{base} × {m_show} = {part} (included in the employer premium)"
            ),
            part,
            "yuan/month",
            context::cite(&c.maternity),
        );
    }
    cx.ex.step(
        "employer.total",
        text!("单位每月合计", "employer, monthly total"),
        text!(
            "{er_basic} + 定额 {ef} = {er_total}",
            "{er_basic} + fixed {ef} = {er_total}"
        ),
        er_total,
        "yuan/month",
        context::cite(&c.employer_fixed),
    );

    let (ind_basic, inf, ind_total) = (
        a.individual_basic,
        plan.individual_fixed,
        a.individual_total,
    );
    let mut cs = context::cite(&c.individual_rate);
    cs.extend(c.rounding);
    cx.ex.step(
        "individual.basic",
        text!("个人缴费", "individual premium"),
        text!(
            "{base} × {ir_show} = {ind_basic}（{rz}）",
            "{base} × {ir_show} = {ind_basic} ({re})"
        ),
        ind_basic,
        "yuan/month",
        cs,
    );
    cx.ex.step(
        "individual.total",
        text!(
            "个人每月合计（工资扣款）",
            "individual, monthly total (payroll deduction)"
        ),
        text!(
            "{ind_basic} + 定额 {inf} = {ind_total}",
            "{ind_basic} + fixed {inf} = {ind_total}"
        ),
        ind_total,
        "yuan/month",
        context::cite(&c.individual_fixed),
    );
    if let (Some(share), Some(pa)) = (plan.personal_account_share, a.personal_account) {
        let s = share.show();
        let cap = apply("wage", base.amount(), share, plan.rounding)?;
        cx.ex.step(
            "personal_account",
            text!("划入个人账户", "to the personal account"),
            text!(
                "min(个人缴费 {ind_basic}, {base} × {s} = {cap}) = {pa}",
                "min(individual premium {ind_basic}, {base} × {s} = {cap}) = {pa}"
            ),
            pa,
            "yuan/month",
            context::cite(&c.pa_share),
        );
    }
    let monthly_total = a.monthly_total;
    cx.ex.step(
        "total",
        text!("每月合计", "monthly total"),
        text!(
            "{er_total} + {ind_total} = {monthly_total}",
            "{er_total} + {ind_total} = {monthly_total}"
        ),
        monthly_total,
        "yuan/month",
        vec![],
    );
    let yearly = Yearly {
        employer: times("wage", er_total, 12)?,
        individual: times("wage", ind_total, 12)?,
        total: times("wage", monthly_total, 12)?,
    };
    let (ye, yi, yt) = (yearly.employer, yearly.individual, yearly.total);
    cx.ex.step(
        "yearly",
        text!("全年（12个月同一工资）", "year (12 months at this wage)"),
        text!(
            "单位 {er_total} × 12 = {ye}；个人 {ind_total} × 12 = {yi}；合计 {yt}",
            "employer {er_total} × 12 = {ye}; individual {ind_total} × 12 = {yi}; total {yt}"
        ),
        yt,
        "yuan/year",
        vec![],
    );
    if ef.amount().is_zero() && inf.amount().is_zero() {
        cx.ex.note(text!(
            "本市无定额缴费项目（或已按 0 填写）",
            "no fixed monthly amounts (or entered as 0)"
        ));
    }
    let ex = std::mem::take(&mut cx.ex);
    Ok((
        ContributionResult {
            city: String::new(),
            city_name: Text::same(""),
            month: cx.month,
            employer_kind: kind,
            wage,
            base,
            base_floor: plan.floor,
            base_ceiling: plan.ceiling,
            employer: Share {
                rate: er_show,
                basic: er_basic,
                fixed: ef,
                total: er_total,
            },
            individual: Share {
                rate: ir_show,
                basic: ind_basic,
                fixed: inf,
                total: ind_total,
            },
            maternity_part: a.maternity_part,
            personal_account: a.personal_account,
            monthly_total,
            yearly,
            rules_version: String::new(),
            explanation: Explanation::default(),
        },
        ex,
    ))
}
