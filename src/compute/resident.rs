//! 城乡居民医保: the year's individual premium and subsidy, 温州's minimum from disposable
//! income, and the waiting period for late or broken enrolment (国办发〔2024〕38号).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{add, open};
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
pub struct ResidentRequest {
    pub city: Raw,
    /// The year, e.g. `2025`.
    pub year: Raw,
    /// Whole years not enrolled before enrolling again (0 = no break).
    pub break_years: Raw,
    /// Years of the break paid back (补缴), which shorten the variable waiting period.
    pub repaid_years: Raw,
    /// Enrolled during the year's concentrated enrolment period (集中参保期).
    pub in_enrolment_period: Raw,
    /// A newborn (新生儿), exempt from the waiting period.
    pub newborn: Raw,
    pub overrides: Overrides,
}

/// Where the premium or subsidy figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The city's own figure (or one the person supplied).
    City,
    /// The national minimum, shown because the city's figure was not published.
    NationalMinimum,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub amount: Money,
    pub basis: Basis,
}

/// 温州: per-capita funding ≥ share × prior-year disposable income; individual ≥ a third.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FundingMinimum {
    pub disposable_income: Money,
    pub min_total_funding: Money,
    pub min_individual: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResidentResult {
    pub city: String,
    pub city_name: Text,
    pub year: i32,
    pub individual_premium: Option<Figure>,
    pub fiscal_subsidy: Option<Figure>,
    /// Premium + subsidy, where both are known.
    pub total_funding: Option<Money>,
    pub funding_minimum: Option<FundingMinimum>,
    /// Months of waiting before benefits, where the rule is in force for the year.
    pub waiting_months: Option<u32>,
    pub rules_version: String,
    pub explanation: Explanation,
}

fn year(field: &str, raw: &Raw) -> Result<YearMonth, Error> {
    let y = input::count(field, raw, crate::month::MAX_YEAR as u32)?;
    YearMonth::new(y as i32, 1).ok_or_else(|| {
        Error::field(
            field,
            "year_out_of_range",
            text!("年份超出范围：{raw}", "year out of range: {raw}"),
        )
    })
}

pub fn resident(req: &ResidentRequest) -> Result<ResidentResult, Error> {
    let mut problems = Problems::default();
    let break_years = problems.take(input::count_or_zero("break_years", &req.break_years, 100))?;
    let repaid = problems.take(input::count_or_zero("repaid_years", &req.repaid_years, 100))?;
    let in_period = problems.take(input::flag("in_enrolment_period", &req.in_enrolment_period))?;
    let newborn = problems.take(input::flag("newborn", &req.newborn))?;
    if let (Some(b), Some(r)) = (break_years, repaid) {
        if r > b {
            problems.push(
                "repaid_years",
                "more_than_break",
                text!(
                    "补缴年数（{r}）不能多于断保年数（{b}）",
                    "years paid back ({r}) cannot exceed the years of break ({b})"
                ),
            );
        }
    }
    // The year's rules are read at its first month, or the pooling start if later.
    let y = year("year", &req.year);
    let first_month = match (&y, crate::rules::rules()) {
        (Ok(m), Ok(rules)) => match rules.city(req.city.as_str()) {
            Some(c) if m.year() == c.pooling_from.year() => Ok(c.pooling_from),
            _ => Ok(*m),
        },
        (Ok(m), Err(_)) => Ok(*m),
        (Err(e), _) => Err(e.clone()),
    };
    let opened = open(
        &mut problems,
        &req.city,
        "year",
        first_month,
        &req.overrides,
    )?;
    problems.finish()?;
    let (Some(o), Some(break_years), Some(repaid), Some(in_period), Some(newborn)) =
        (opened, break_years, repaid, in_period, newborn)
    else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let year_n = o.month.year();
    let mut cx = Ctx::new(o.rules, o.city, o.month, "year", o.overrides);

    // Premium and subsidy: the city's figure, else the national minimum, labelled so.
    let figure = |cx: &mut Ctx,
                  city_id: &str,
                  national_id: &str,
                  key: &str,
                  label: Text|
     -> Option<Figure> {
        let city = cx.optional(
            city_id,
            text!("改用全国最低标准", "the national minimum is shown instead"),
        );
        if let Some(m) = context::money(&city) {
            cx.ex.step(
                key,
                label,
                Text::same(m.to_string()),
                m,
                "yuan/year",
                context::cite(&city),
            );
            return Some(Figure {
                amount: m,
                basis: Basis::City,
            });
        }
        // The national minimum stands in; where it too is unknown, the city's figure is
        // the one to ask for.
        if !cx.peek(national_id) {
            cx.mark_missing(city_id);
            return None;
        }
        let national = cx.need(national_id);
        match context::money(&national) {
            Some(m) => {
                let l = Text::new(
                    format!("{}（全国最低标准，非本市标准）", label.zh),
                    format!("{} (national minimum, not the city's figure)", label.en),
                );
                cx.ex.step(
                    key,
                    l,
                    Text::same(m.to_string()),
                    m,
                    "yuan/year",
                    context::cite(&national),
                );
                Some(Figure {
                    amount: m,
                    basis: Basis::NationalMinimum,
                })
            }
            None => {
                cx.mark_missing(city_id);
                None
            }
        }
    };
    let premium = figure(
        &mut cx,
        "resident.individual_premium",
        "resident.national_min.individual",
        "individual_premium",
        text!("个人缴费", "individual premium"),
    );
    let subsidy = figure(
        &mut cx,
        "resident.fiscal_subsidy",
        "resident.national_min.subsidy",
        "fiscal_subsidy",
        text!("人均财政补助", "per-capita subsidy"),
    );
    if premium
        .as_ref()
        .is_some_and(|p| p.basis == Basis::NationalMinimum)
    {
        cx.ex.note(text!(
            "本市当年标准未公布，按全国最低标准显示；实际以当地缴费通知为准。国家通知确定的个人缴费一般在当年秋季征收、用于次年待遇",
            "the city's figure for the year was not published; the national minimum is shown. The individual premium a national notice sets is usually collected in the autumn for the next benefit year"
        ));
    }

    // 温州's rule, only where the city's rules have it.
    let mut funding_minimum = None;
    if cx.peek("resident.min_funding_share") {
        let share_g = cx.need("resident.min_funding_share");
        let third_g = cx.need("resident.min_individual_share");
        let income_g = cx.optional(
            "resident.disposable_income",
            text!(
                "无法按可支配收入计算筹资下限",
                "the minimum from disposable income cannot be computed"
            ),
        );
        let (up, up_cite) = cx.rounding("rounding.minimum");
        if let (Some(share), Some(third), Some(income)) = (
            context::rate(&share_g),
            context::rate(&third_g),
            context::money(&income_g),
        ) {
            let total = share
                .of(income.amount())
                .map(|d| up.apply(d))
                .ok_or_else(|| super::overflow("resident.disposable_income"))?;
            let indiv = third
                .of(total.amount())
                .map(|d| up.apply(d))
                .ok_or_else(|| super::overflow("resident.disposable_income"))?;
            let (ss, ts) = (share.show(), third.show());
            let mut c = context::cite(&income_g);
            c.extend(context::cite(&share_g));
            c.extend(up_cite.clone());
            cx.ex.step(
                "min_total_funding",
                text!("人均筹资额下限", "minimum per-capita funding"),
                text!(
                    "{income} × {ss} = {total}（进位到分）",
                    "{income} × {ss} = {total} (rounded up to the fen)"
                ),
                total,
                "yuan/year",
                c,
            );
            let mut c = context::cite(&third_g);
            c.extend(up_cite);
            cx.ex.step(
                "min_individual",
                text!("个人缴费下限", "minimum individual premium"),
                text!(
                    "{total} × {ts} = {indiv}（进位到分）",
                    "{total} × {ts} = {indiv} (rounded up to the fen)"
                ),
                indiv,
                "yuan/year",
                c,
            );
            if let Some(p) = premium.as_ref().filter(|p| p.amount < indiv) {
                let a = p.amount;
                cx.ex.note(text!(
                    "所示个人缴费 {a} 低于按规则计算的下限 {indiv}",
                    "the individual premium shown ({a}) is below the rule's minimum ({indiv})"
                ));
            }
            funding_minimum = Some(FundingMinimum {
                disposable_income: income,
                min_total_funding: total,
                min_individual: indiv,
            });
        }
    }

    // Waiting period under 国办发〔2024〕38号, where in force for the year.
    let mut waiting_months = None;
    if cx.peek("resident.waiting.fixed_months") {
        let fixed_g = cx.need("resident.waiting.fixed_months");
        let per_break_g = cx.need("resident.waiting.per_break_year_months");
        let per_repaid_g = cx.need("resident.waiting.per_repaid_year_months");
        let long_g = cx.need("resident.waiting.long_break_years");
        let long_min_g = cx.need("resident.waiting.long_break_min_months");
        if let (Some(fixed), Some(per_break), Some(per_repaid), Some(long), Some(long_min)) = (
            context::months(&fixed_g),
            context::months(&per_break_g),
            context::months(&per_repaid_g),
            context::years(&long_g),
            context::months(&long_min_g),
        ) {
            let w = if newborn {
                cx.ex.step(
                    "waiting",
                    text!("待遇等待期", "waiting period"),
                    text!(
                        "新生儿等特殊群体除外：0 个月",
                        "newborns and other special groups are exempt: 0 months"
                    ),
                    0,
                    "months",
                    vec![],
                );
                0
            } else if break_years == 0 && in_period {
                cx.ex.step(
                    "waiting",
                    text!("待遇等待期", "waiting period"),
                    text!(
                        "集中参保期内参保且未断保：无等待期",
                        "enrolled in the concentrated period with no break: no waiting"
                    ),
                    0,
                    "months",
                    context::cite(&fixed_g),
                );
                0
            } else {
                // "每多断保1年" — each year of break beyond the first adds a month.
                let variable = break_years.saturating_sub(1) * per_break;
                let reduced = variable.saturating_sub(repaid * per_repaid);
                let sum = fixed + reduced;
                let is_long = Decimal::from(break_years) >= long;
                let total = if is_long { sum.max(long_min) } else { sum };
                let mut c = context::cite(&fixed_g);
                c.extend(context::cite(&per_break_g));
                if repaid > 0 {
                    c.extend(context::cite(&per_repaid_g));
                }
                let long_part_zh = if is_long {
                    format!("；断保 {break_years} 年 ≥ {long} 年，不少于 {long_min} 个月 → {total}")
                } else {
                    String::new()
                };
                let long_part_en = if is_long {
                    format!("; a break of {break_years} ≥ {long} years: at least {long_min} months → {total}")
                } else {
                    String::new()
                };
                if is_long {
                    c.extend(context::cite(&long_min_g));
                }
                cx.ex.step(
                    "waiting",
                    text!("待遇等待期", "waiting period"),
                    Text::new(
                        format!("固定 {fixed} + 变动 (断保 {break_years} 年 − 1) × {per_break} = {variable}，减补缴 {repaid} 年 × {per_repaid} → {reduced}；合计 {sum}{long_part_zh}"),
                        format!("fixed {fixed} + variable ({break_years} years of break − 1) × {per_break} = {variable}, less {repaid} years paid back × {per_repaid} → {reduced}; sum {sum}{long_part_en}"),
                    ),
                    total,
                    "months",
                    c,
                );
                total
            };
            waiting_months = Some(w);
        }
    } else {
        cx.ex.note(text!(
            "国办发〔2024〕38号的待遇等待期自2025年起执行，该年份不适用",
            "the waiting period of 国办发〔2024〕38号 applies from 2025, not to this year"
        ));
    }
    cx.check()?;

    let total_funding = match (&premium, &subsidy) {
        (Some(p), Some(s)) => {
            let t = add("year", p.amount, s.amount)?;
            let (pa, sa) = (p.amount, s.amount);
            cx.ex.step(
                "total_funding",
                text!("人均筹资合计", "per-capita funding"),
                text!(
                    "个人 {pa} + 补助 {sa} = {t}",
                    "individual {pa} + subsidy {sa} = {t}"
                ),
                t,
                "yuan/year",
                vec![],
            );
            Some(t)
        }
        _ => None,
    };
    Ok(ResidentResult {
        city: o.city.id.clone(),
        city_name: o.city.name.clone(),
        year: year_n,
        individual_premium: premium,
        fiscal_subsidy: subsidy,
        total_funding,
        funding_minimum,
        waiting_months,
        rules_version: o.rules.version.clone(),
        explanation: std::mem::take(&mut cx.ex),
    })
}
