//! 城乡居民医保: the year's individual premium and subsidy, 温州's minimum from disposable
//! income, and the waiting period for late or broken enrolment (国办发〔2024〕38号).

mod registry;
mod waiting;

pub use self::registry::Resident;
use self::waiting::*;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{open, Options};
use crate::error::{AllOk, Error, Problems};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::lookup::{Ctx, Overrides};
use crate::model::{Money, ParamId, Ratio, Text, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ResidentRequest {
    pub city: Raw,
    /// The benefit year (待遇年度), e.g. `2025`: the year the premium pays for, which people
    /// pay in the autumn before it.
    pub year: Raw,
    /// Whole years not enrolled before enrolling again (0 = no break).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub break_years: Raw,
    /// Years of the break paid back (补缴), which shorten the variable waiting period.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub repaid_years: Raw,
    /// Enrolled during the year's concentrated enrolment period (集中参保期).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub in_enrolment_period: Raw,
    /// A newborn (新生儿), exempt from the waiting period.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub newborn: Raw,
    /// People in the household enrolling together (1 to 20; empty is 1): the premium is per
    /// person, and a family pays it for each.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub household: Raw,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub overrides: Overrides,
    #[serde(alias = "officialOnly")]
    #[cfg_attr(feature = "ts", ts(rename = "officialOnly", optional = nullable))]
    pub official_only: bool,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub explain: Option<bool>,
}

/// Where the premium or subsidy figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The city's own figure (or one the person supplied).
    City,
    /// The national minimum, shown because the city's figure was not published.
    NationalMinimum,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Figure {
    pub amount: Money,
    pub basis: Basis,
}

/// 温州: per-capita funding ≥ share × prior-year disposable income; individual ≥ a third.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FundingMinimum {
    pub disposable_income: Money,
    pub min_total_funding: Money,
    pub min_individual: Money,
}

/// The city's premium for an earlier benefit year: shown beside the national minimum once the
/// city's figure for the year is not on file (not even carried), so a family sees what it
/// paid before rather than only a lower bound. History, never used in a computation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EarlierFigure {
    pub year: i32,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResidentResult {
    pub city: String,
    pub city_name: Text,
    pub year: i32,
    pub individual_premium: Option<Figure>,
    /// The city's premium last published, where the year's is not on file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier_city_premium: Option<EarlierFigure>,
    pub fiscal_subsidy: Option<Figure>,
    /// Premium + subsidy, where both are known.
    pub total_funding: Option<Money>,
    /// People enrolling together, and the individual premium for all of them (where the
    /// premium is known and there is more than one person).
    pub household: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub household_premium: Option<Money>,
    pub funding_minimum: Option<FundingMinimum>,
    /// Months of waiting before benefits, where the rule is in force for the year.
    pub waiting_months: Option<u32>,
    pub rules_version: String,
    pub explanation: Explanation,
}

struct Situation {
    break_years: u32,
    repaid: u32,
    in_period: bool,
    newborn: bool,
    household: u32,
}

fn situation(req: &ResidentRequest) -> Result<Situation, Error> {
    let (break_years, repaid, in_period, newborn, household) = (
        input::count_or_zero("break_years", &req.break_years, 100),
        input::count_or_zero("repaid_years", &req.repaid_years, 100),
        input::flag("in_enrolment_period", &req.in_enrolment_period),
        input::flag("newborn", &req.newborn),
        household(&req.household),
    )
        .all_ok()?;
    if repaid > break_years {
        let mut p = Problems::default();
        p.push(
            "repaid_years",
            "more_than_break",
            text!(
                "补缴年数（{repaid}）不能多于断保年数（{break_years}）",
                "years paid back ({repaid}) cannot exceed the years of break ({break_years})"
            ),
        );
        p.finish()?;
    }
    Ok(Situation {
        break_years,
        repaid,
        in_period,
        newborn,
        household,
    })
}

/// How many people enrol together: empty is one; at least one, at most twenty.
fn household(raw: &Raw) -> Result<u32, Error> {
    if raw.is_blank() {
        return Ok(1);
    }
    match input::count("household", raw, 20)? {
        0 => Err(Error::field(
            "household",
            "too_small",
            text!(
                "家庭参保人数至少为 1",
                "the household has at least one person"
            ),
        )),
        n => Ok(n),
    }
}

/// The benefit year (待遇年度) people are paying for in a month: the concentrated
/// enrolment for a year is held in the autumn before it (national funding notices fix
/// the next year's individual premium in the summer, and cities collect it from about
/// September to December), so from September on it is the next year.
pub fn benefit_year_at(month: YearMonth) -> i32 {
    if month.month() >= 9 {
        month.year() + 1
    } else {
        month.year()
    }
}

/// The year's rules are read at its first month, or the pooling start if later.
fn first_month(req: &ResidentRequest) -> Result<YearMonth, Error> {
    let y = input::count("year", &req.year, crate::model::month::MAX_YEAR as u32)?;
    let m = YearMonth::new(y as i32, 1).ok_or_else(|| {
        Error::field(
            "year",
            "year_out_of_range",
            text!("年份超出范围：{}", "year out of range: {}", req.year),
        )
    })?;
    Ok(crate::rules::rules()
        .ok()
        .and_then(|r| r.city(req.city.as_str()))
        .and_then(|c| c.first_month_of(m.year()))
        .unwrap_or(m))
}

pub fn resident(req: &ResidentRequest) -> Result<ResidentResult, Error> {
    let options = Options {
        official_only: req.official_only,
        explain: req.explain.unwrap_or(true),
    };
    let (sit, setup) = (
        situation(req),
        open(&req.city, "year", first_month(req), &req.overrides, options),
    )
        .all_ok()?;
    let mut cx = Ctx::new(&setup, "year");
    let premium = figure(
        &mut cx,
        ParamId::ResidentPremium,
        ParamId::NationalMinIndividual,
        "individual_premium",
        text!("个人缴费", "individual premium"),
    )?;
    let subsidy = figure(
        &mut cx,
        ParamId::ResidentSubsidy,
        ParamId::NationalMinSubsidy,
        "fiscal_subsidy",
        text!("人均财政补助", "per-capita subsidy"),
    )?;
    let y = cx.month.year();
    if premium
        .as_ref()
        .is_some_and(|p| p.basis == Basis::NationalMinimum)
    {
        cx.ex.note(text!(
            "本市 {y} 年度的标准尚未收录，按全国最低标准显示（本市标准不低于此）；实际以当地缴费通知为准",
            "the city's figure for benefit year {y} is not on file: the national minimum is shown (the city's is not below it), and the local notice decides"
        ));
    }
    let earlier_city_premium = earlier(&mut cx, ParamId::ResidentPremium);
    let funding_minimum = minimum(&mut cx, premium.as_ref())?;
    transition(&mut cx);
    let waiting_months = waiting(&mut cx, &sit)?;
    // With no figure at all there is nothing to show: ask for the premium instead.
    if premium.is_none()
        && subsidy.is_none()
        && funding_minimum.is_none()
        && waiting_months.is_none()
    {
        cx.mark_missing(ParamId::ResidentPremium);
    }
    cx.check()?;
    let rounding = cx.rounding(ParamId::RoundingMoney)?;
    let total_funding = match (&premium, &subsidy) {
        (Some(p), Some(s)) => Some(cx.money(
            "total_funding",
            text!("人均筹资合计", "per-capita funding"),
            "year",
            Expr::money(p.amount).named("个人", "individual")
                + Expr::money(s.amount).named("补助", "subsidy"),
            rounding,
        )?),
        _ => None,
    };
    // A family pays the premium for each person: premium × people, one product, rounded
    // as money is (it is already in fen, so nothing is lost).
    let household_premium = match (&premium, sit.household) {
        (Some(p), n) if n > 1 => {
            let people = Expr::input("household", ("家庭参保人数", "people"), n, false);
            Some(cx.money(
                "household_premium",
                text!("全家个人缴费合计", "the household's premiums"),
                "household",
                Expr::money(p.amount).named("每人", "each") * people,
                rounding,
            )?)
        }
        _ => None,
    };
    Ok(ResidentResult {
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        year: setup.month.year(),
        individual_premium: premium,
        earlier_city_premium,
        fiscal_subsidy: subsidy,
        total_funding,
        household: sit.household,
        household_premium,
        funding_minimum,
        waiting_months,
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
    })
}

/// The city's figure last published before the year, where none applies to it, as a step
/// with its citation.
fn earlier(cx: &mut Ctx, id: ParamId) -> Option<EarlierFigure> {
    let entry = cx.last_published(id)?;
    let amount = match entry.value.as_ref()? {
        crate::model::Value::Money(m) => *m,
        _ => return None,
    };
    let year = entry.from.year();
    let y = cx.month.year();
    cx.fact(
        "earlier_city_premium",
        text!(
            "本市 {year} 年度个人缴费（上次收录）",
            "the city's premium for {year} (last on file)"
        ),
        text!(
            "{amount} 元/年：{y} 年度的标准尚未收录，仅供参考",
            "{amount} yuan a year: the {y} figure is not on file; for reference only"
        ),
        amount,
        "yuan/year",
        &[crate::lookup::CiteRef::Rule {
            id,
            entry,
            carried: None,
            stretched: false,
        }],
    );
    Some(EarlierFigure { year, amount })
}

/// The city's figure, else the national minimum, labelled so; where both are unknown the
/// figure is left out and the result says so.
fn figure(
    cx: &mut Ctx,
    city: ParamId,
    national: ParamId,
    key: &'static str,
    label: Text,
) -> Result<Option<Figure>, Error> {
    let fallback = cx.peek(national);
    let effect = if fallback {
        text!("改用全国最低标准", "the national minimum is shown instead")
    } else {
        Text::new(
            format!("无法给出{}", label.zh),
            format!("no {} can be given", label.en),
        )
    };
    let own = cx.optional::<Money>(city, effect);
    if let Some(m) = own {
        cx.fact(
            key,
            label,
            Text::same(m.value.to_string()),
            m.value,
            "yuan/year",
            std::slice::from_ref(&m.cite),
        );
        return Ok(Some(Figure {
            amount: m.value,
            basis: Basis::City,
        }));
    }
    if !fallback {
        return Ok(None);
    }
    let n = cx.need::<Money>(national);
    let n = cx.resolve(n)?;
    let l = Text::new(
        format!("{}（全国最低标准，非本市标准）", label.zh),
        format!("{} (national minimum, not the city's figure)", label.en),
    );
    cx.fact(
        key,
        l,
        Text::same(n.value.to_string()),
        n.value,
        "yuan/year",
        std::slice::from_ref(&n.cite),
    );
    Ok(Some(Figure {
        amount: n.value,
        basis: Basis::NationalMinimum,
    }))
}

/// 温州's rule (only where the city's rules have it): funding ≥ share × income, the
/// individual ≥ a share of that, each rounded as the rule for minima says.
fn minimum(cx: &mut Ctx, premium: Option<&Figure>) -> Result<Option<FundingMinimum>, Error> {
    if !cx.peek(ParamId::MinFundingShare) {
        return Ok(None);
    }
    let (share, third) = (
        cx.need::<Ratio>(ParamId::MinFundingShare),
        cx.need::<Ratio>(ParamId::MinIndividualShare),
    );
    let income = cx.optional::<Money>(
        ParamId::DisposableIncome,
        text!(
            "无法按可支配收入计算筹资下限",
            "the minimum from disposable income cannot be computed"
        ),
    );
    let (share, third) = cx.resolve((share, third))?;
    let Some(income) = income else {
        return Ok(None);
    };
    // Only now: the rule for rounding minima is stated only where a minimum is computed.
    let up = cx.rounding(ParamId::RoundingMinimum)?;
    let field = "resident.disposable_income";
    let total = cx.money(
        "min_total_funding",
        text!("人均筹资额下限", "minimum per-capita funding"),
        field,
        income.expr() * share.expr(),
        up,
    )?;
    let indiv = cx.money(
        "min_individual",
        text!("个人缴费下限", "minimum individual premium"),
        field,
        Expr::money(total) * third.expr(),
        up,
    )?;
    if let Some(p) = premium.filter(|p| p.amount < indiv) {
        let a = p.amount;
        cx.ex.note(text!(
            "所示个人缴费 {a} 低于按规则计算的下限 {indiv}",
            "the individual premium shown ({a}) is below the rule's minimum ({indiv})"
        ));
    }
    Ok(Some(FundingMinimum {
        disposable_income: income.value,
        min_total_funding: total,
        min_individual: indiv,
    }))
}
