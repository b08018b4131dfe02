//! 职工医保缴费: what an employer and an employee pay for one month.
//!
//! base = wage clamped to the floor and ceiling in force (where known);
//! employer = base × employer rate (rounded) + employer fixed amount;
//! individual = base × individual rate (rounded) + individual fixed amount.
//! 济宁 example (三（二）1、2): 5000 × 8% + 6 = 406.00 and 5000 × 2% + 4 = 104.00.

use serde::{Deserialize, Serialize};

use super::{add, apply, open, rounding_note, times, typed};
use crate::context::{self, Ctx, Overrides};
use crate::error::{Error, Problems};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::money::Money;
use crate::month::YearMonth;
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

/// The arithmetic, on an opened context. Shared with the city comparison and batch work.
fn compute(
    cx: &mut Ctx,
    kind: EmployerKind,
    wage: Money,
) -> Result<(ContributionResult, Explanation), Error> {
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
    let er_rate = cx.need(&format!("employee.rate.employer.{k}"));
    let maternity = cx.optional(
        &format!("employee.rate.maternity.{k}"),
        text!(
            "无法列出单位费率中的生育保险部分",
            "the maternity part of the employer rate cannot be shown"
        ),
    );
    let ind_rate = cx.need("employee.rate.individual");
    let er_fixed = cx.need("employee.fixed.employer");
    let ind_fixed = cx.need("employee.fixed.individual");
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
        context::rate(&er_rate),
        context::rate(&ind_rate),
        context::money(&er_fixed),
        context::money(&ind_fixed),
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

    // 缴费基数: the wage, clamped where the limits are known.
    let base = match (floor_v, ceiling_v) {
        (Some(f), _) if wage < f => f,
        (_, Some(c)) if wage > c => c,
        _ => wage,
    };
    let show = |m: Option<Money>| m.map_or_else(|| "?".to_string(), |m| m.to_string());
    let formula = match (floor_v, ceiling_v) {
        (None, None) => text!(
            "上下限未公布，基数 = 工资 {wage}",
            "floor and ceiling not published: base = wage {wage}"
        ),
        _ => {
            let (f, c) = (show(floor_v), show(ceiling_v));
            text!(
                "基数 = min(max(工资 {wage}, 下限 {f}), 上限 {c}) = {base}",
                "base = min(max(wage {wage}, floor {f}), ceiling {c}) = {base}"
            )
        }
    };
    let mut cites = vec![typed("wage", wage)];
    cites.extend(context::cite(&floor));
    cites.extend(context::cite(&ceiling));
    cx.ex.step(
        "base",
        text!("缴费基数", "contribution base"),
        formula,
        base,
        "yuan/month",
        cites,
    );

    let b = base.amount();
    let (rz, re) = rounding_note(rounding);
    let er_basic = apply("wage", b, er, rounding)?;
    let (er_show, ir_show) = (er.show(), ir.show());
    let mut c = context::cite(&er_rate);
    c.extend(rounding_cite.clone());
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
        c,
    );
    let maternity_part = match context::rate(&maternity) {
        Some(m) => {
            let part = apply("wage", b, m, rounding)?;
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
                context::cite(&maternity),
            );
            Some(part)
        }
        None => None,
    };
    let er_total = add("wage", er_basic, ef)?;
    cx.ex.step(
        "employer.total",
        text!("单位每月合计", "employer, monthly total"),
        text!(
            "{er_basic} + 定额 {ef} = {er_total}",
            "{er_basic} + fixed {ef} = {er_total}"
        ),
        er_total,
        "yuan/month",
        context::cite(&er_fixed),
    );

    let ind_basic = apply("wage", b, ir, rounding)?;
    let mut c = context::cite(&ind_rate);
    c.extend(rounding_cite);
    cx.ex.step(
        "individual.basic",
        text!("个人缴费", "individual premium"),
        text!(
            "{base} × {ir_show} = {ind_basic}（{rz}）",
            "{base} × {ir_show} = {ind_basic} ({re})"
        ),
        ind_basic,
        "yuan/month",
        c,
    );
    let ind_total = add("wage", ind_basic, inf)?;
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
        context::cite(&ind_fixed),
    );

    // 个人账户: the worker's own basic premium, at most the share of the base.
    let personal_account = match context::rate(&pa_share) {
        Some(share) => {
            let cap = apply("wage", b, share, rounding)?;
            let pa = ind_basic.min(cap);
            let s = share.show();
            cx.ex.step(
                "personal_account",
                text!("划入个人账户", "to the personal account"),
                text!(
                    "min(个人缴费 {ind_basic}, {base} × {s} = {cap}) = {pa}",
                    "min(individual premium {ind_basic}, {base} × {s} = {cap}) = {pa}"
                ),
                pa,
                "yuan/month",
                context::cite(&pa_share),
            );
            Some(pa)
        }
        None => None,
    };

    let monthly_total = add("wage", er_total, ind_total)?;
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
            base_floor: floor_v,
            base_ceiling: ceiling_v,
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
            maternity_part,
            personal_account,
            monthly_total,
            yearly,
            rules_version: String::new(),
            explanation: Explanation::default(),
        },
        ex,
    ))
}
