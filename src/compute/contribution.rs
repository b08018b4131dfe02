//! 职工医保缴费: what an employer and an employee pay for one month.
//!
//! base = wage clamped to the floor and ceiling in force (where known);
//! employer = base × employer rate (rounded) + employer fixed amount;
//! individual = base × individual rate (rounded) + individual fixed amount.
//! 济宁 example (三（二）1、2): 5000 × 8% + 6 = 406.00 and 5000 × 2% + 4 = 104.00.

use serde::{Deserialize, Serialize};

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

/// The figures in force for one city, month and employer kind, resolved once: what the
/// arithmetic needs and nothing else. A payroll batch applies one plan to every row; the
/// single computation writes the same arithmetic out with its steps, and a property test
/// checks the two agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub kind: EmployerKind,
    pub floor: Option<Money>,
    pub ceiling: Option<Money>,
    pub employer_rate: Ratio,
    pub maternity_rate: Option<Ratio>,
    pub individual_rate: Ratio,
    /// Fixed monthly amounts, where known (an unknown one is left out of the totals).
    pub employer_fixed: Option<Money>,
    pub individual_fixed: Option<Money>,
    pub personal_account_share: Option<Ratio>,
    pub rounding: Rounding,
    /// Parameter ids the person supplied, and figures the plan went without.
    pub user_supplied: Vec<ParamId>,
    pub not_known: Vec<ParamId>,
    /// What every door shows with the plan's amounts: figures carried provisionally (with
    /// the period they were published for), the rules' notices, and a base not held to its
    /// limits.
    pub cautions: Vec<Text>,
}

/// One month's amounts under a plan, in [`Money`] (or, for the batch's integer path,
/// [`FenAmounts`], in whole fen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amounts<M = Money> {
    pub base: M,
    pub employer_basic: M,
    pub employer_total: M,
    pub maternity_part: Option<M>,
    pub individual_basic: M,
    pub individual_total: M,
    pub personal_account: Option<M>,
    pub monthly_total: M,
}

impl<M: Copy> Amounts<M> {
    /// The same amounts, each converted.
    pub fn map<N>(self, f: impl Fn(M) -> N) -> Amounts<N> {
        Amounts {
            base: f(self.base),
            employer_basic: f(self.employer_basic),
            employer_total: f(self.employer_total),
            maternity_part: self.maternity_part.map(&f),
            individual_basic: f(self.individual_basic),
            individual_total: f(self.individual_total),
            personal_account: self.personal_account.map(&f),
            monthly_total: f(self.monthly_total),
        }
    }
}

/// 缴费基数: the wage raised to the floor or lowered to the ceiling, where each is known (in
/// yuan for the plan, in fen for the batch's integer path).
fn clamp_base<T: PartialOrd + Copy>(wage: T, floor: Option<T>, ceiling: Option<T>) -> T {
    match (floor, ceiling) {
        (Some(f), _) if wage < f => f,
        (_, Some(c)) if wage > c => c,
        _ => wage,
    }
}

fn apply(field: &str, amount: Money, rate: Ratio, rounding: Rounding) -> Result<Money, Error> {
    rate.of(amount.amount())
        .map(|d| rounding.apply(d))
        .ok_or_else(|| super::overflow(field))
}

fn add(a: Money, b: Money) -> Result<Money, Error> {
    a.checked_add(b).ok_or_else(|| super::overflow("wage"))
}

impl Plan {
    /// 缴费基数: the wage, clamped where the limits are known.
    pub fn base(&self, wage: Money) -> Money {
        clamp_base(wage, self.floor, self.ceiling)
    }

    /// The month's amounts for a wage; each item rounded on its own, as the rule says.
    pub fn amounts(&self, wage: Money) -> Result<Amounts, Error> {
        let base = self.base(wage);
        let employer_basic = apply("wage", base, self.employer_rate, self.rounding)?;
        let individual_basic = apply("wage", base, self.individual_rate, self.rounding)?;
        let maternity_part = match self.maternity_rate {
            Some(m) => Some(apply("wage", base, m, self.rounding)?),
            None => None,
        };
        let personal_account = match self.personal_account_share {
            Some(share) => Some(individual_basic.min(apply("wage", base, share, self.rounding)?)),
            None => None,
        };
        let employer_total = add(employer_basic, self.employer_fixed.unwrap_or(Money::ZERO))?;
        let individual_total = add(
            individual_basic,
            self.individual_fixed.unwrap_or(Money::ZERO),
        )?;
        Ok(Amounts {
            base,
            employer_basic,
            employer_total,
            maternity_part,
            individual_basic,
            individual_total,
            personal_account,
            monthly_total: add(employer_total, individual_total)?,
        })
    }
}

/// A rate as a fraction of whole numbers, for arithmetic in whole fen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FenRate {
    num: i128,
    den: i128,
}

impl FenRate {
    /// `num/den` of a [`Ratio`] as integers: (n / 10^a) / (d / 10^b) = n·10^b / (d·10^a).
    /// `None` for a negative rate or one too fine to hold.
    fn of_ratio(r: Ratio) -> Option<FenRate> {
        let (n, d) = (r.num, r.den);
        let num = n.mantissa().checked_mul(10i128.checked_pow(d.scale())?)?;
        let den = d.mantissa().checked_mul(10i128.checked_pow(n.scale())?)?;
        (num >= 0 && den > 0).then_some(FenRate { num, den })
    }

    /// `fen × rate`, brought to whole fen the way [`Rounding::apply`] does for a
    /// non-negative amount: the same result, in integers.
    fn apply(self, fen: i64, rounding: Rounding) -> Option<i64> {
        // In 64 bits where the product fits (every real wage and rate): a 128-bit division
        // costs several times more.
        if let (Ok(num), Ok(den)) = (i64::try_from(self.num), i64::try_from(self.den)) {
            if let Some(x) = fen.checked_mul(num) {
                let (q, r) = (x.checked_div(den)?, x.checked_rem(den)?);
                let up = match rounding {
                    Rounding::HalfUp => r.checked_mul(2)? >= den,
                    Rounding::Up => r > 0,
                };
                return if up { q.checked_add(1) } else { Some(q) };
            }
        }
        let x = i128::from(fen).checked_mul(self.num)?;
        let (q, r) = (x.checked_div(self.den)?, x.checked_rem(self.den)?);
        let up = match rounding {
            Rounding::HalfUp => r.checked_mul(2)? >= self.den,
            Rounding::Up => r > 0,
        };
        i64::try_from(if up { q.checked_add(1)? } else { q }).ok()
    }
}

/// A [`Plan`] in whole fen (分): the payroll batch's fast path. It gives exactly what
/// [`Plan::amounts`] gives (a property test checks it on random wages, rates and fixed
/// amounts); where an amount would not fit, it gives `None` and the caller uses the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FenPlan {
    floor: Option<i64>,
    ceiling: Option<i64>,
    employer_rate: FenRate,
    maternity_rate: Option<FenRate>,
    individual_rate: FenRate,
    employer_fixed: Option<i64>,
    individual_fixed: Option<i64>,
    personal_account_share: Option<FenRate>,
    rounding: Rounding,
}

/// [`Amounts`] in whole fen.
pub type FenAmounts = Amounts<i64>;

impl FenPlan {
    /// The fixed monthly amounts (employer, individual) in fen, where known.
    pub fn fixed(&self) -> (Option<i64>, Option<i64>) {
        (self.employer_fixed, self.individual_fixed)
    }

    /// The month's amounts for a wage in fen; `None` for a negative wage or an amount too
    /// large for the integers (the decimal plan then answers).
    pub fn amounts(&self, wage: i64) -> Option<FenAmounts> {
        if wage < 0 {
            return None;
        }
        let base = clamp_base(wage, self.floor, self.ceiling);
        let r = self.rounding;
        let employer_basic = self.employer_rate.apply(base, r)?;
        let individual_basic = self.individual_rate.apply(base, r)?;
        let maternity_part = match self.maternity_rate {
            Some(m) => Some(m.apply(base, r)?),
            None => None,
        };
        let personal_account = match self.personal_account_share {
            Some(s) => Some(individual_basic.min(s.apply(base, r)?)),
            None => None,
        };
        let employer_total = employer_basic.checked_add(self.employer_fixed.unwrap_or(0))?;
        let individual_total = individual_basic.checked_add(self.individual_fixed.unwrap_or(0))?;
        Some(Amounts {
            base,
            employer_basic,
            employer_total,
            maternity_part,
            individual_basic,
            individual_total,
            personal_account,
            monthly_total: employer_total.checked_add(individual_total)?,
        })
    }
}

impl Plan {
    /// The plan in whole fen, where every figure fits (`None` otherwise: a negative rate or
    /// fixed amount, or one finer than the integers hold).
    pub fn in_fen(&self) -> Option<FenPlan> {
        let fen = |m: Option<Money>| -> Option<Option<i64>> {
            match m {
                None => Some(None),
                Some(m) => m.to_fen().filter(|f| *f >= 0).map(Some),
            }
        };
        let rate = |r: Option<Ratio>| -> Option<Option<FenRate>> {
            match r {
                None => Some(None),
                Some(r) => FenRate::of_ratio(r).map(Some),
            }
        };
        Some(FenPlan {
            floor: fen(self.floor)?,
            ceiling: fen(self.ceiling)?,
            employer_rate: FenRate::of_ratio(self.employer_rate)?,
            maternity_rate: rate(self.maternity_rate)?,
            individual_rate: FenRate::of_ratio(self.individual_rate)?,
            employer_fixed: fen(self.employer_fixed)?,
            individual_fixed: fen(self.individual_fixed)?,
            personal_account_share: rate(self.personal_account_share)?,
            rounding: self.rounding,
        })
    }
}

/// The resolved figures with their citations.
pub(crate) struct Figures {
    kind: EmployerKind,
    floor: Option<Cited<Money>>,
    ceiling: Option<Cited<Money>>,
    employer_rate: Cited<Ratio>,
    maternity: Option<Cited<Ratio>>,
    individual_rate: Cited<Ratio>,
    employer_fixed: Option<Cited<Money>>,
    individual_fixed: Option<Cited<Money>>,
    pa_share: Option<Cited<Ratio>>,
    rounding: Rounding,
}

fn resolve(cx: &mut Ctx, kind: EmployerKind) -> Result<Figures, Error> {
    let floor = cx.optional::<Money>(
        ParamId::BaseFloor,
        text!(
            "缴费基数未按下限调整，直接按工资计算",
            "the wage is used with no floor applied"
        ),
    );
    let ceiling = cx.optional::<Money>(
        ParamId::BaseCeiling,
        text!(
            "缴费基数未按上限调整，直接按工资计算",
            "the wage is used with no ceiling applied"
        ),
    );
    let er = cx.need::<Ratio>(ParamId::employer_rate(kind));
    let maternity = cx.optional::<Ratio>(
        ParamId::maternity_rate(kind),
        text!(
            "无法列出单位费率中的生育保险部分",
            "the maternity part of the employer rate cannot be shown"
        ),
    );
    let ir = cx.need::<Ratio>(ParamId::IndividualRate);
    // A fixed amount nobody published is left out, not guessed: the rate part is still
    // worth knowing, and the totals say what they leave out.
    let employer_fixed = cx.optional::<Money>(
        ParamId::EmployerFixed,
        text!(
            "单位合计未含此项定额",
            "the employer's total leaves this fixed amount out"
        ),
    );
    let individual_fixed = cx.optional::<Money>(
        ParamId::IndividualFixed,
        text!(
            "个人合计未含此项定额",
            "the individual total leaves this fixed amount out"
        ),
    );
    let pa_share = cx.optional::<Ratio>(
        ParamId::PersonalAccountShare,
        text!(
            "无法计算划入个人账户的金额",
            "the personal-account part cannot be computed"
        ),
    );
    let rounding = cx.rounding(ParamId::RoundingMoney)?;
    let (employer_rate, individual_rate) = cx.resolve((er, ir))?;
    if let (Some(f), Some(c)) = (&floor, &ceiling) {
        if f.value > c.value {
            let (f, c) = (f.value, c.value);
            return Err(Error::field(
                crate::asks::figure_field(ParamId::BaseFloor),
                "floor_above_ceiling",
                text!(
                    "缴费基数下限 {f} 高于上限 {c}",
                    "the base floor {f} is above the ceiling {c}"
                ),
            ));
        }
    }
    if let Some(m) = maternity
        .as_ref()
        .filter(|m| m.value.as_decimal() > employer_rate.value.as_decimal())
    {
        let (ms, es) = (m.value.show(), employer_rate.value.show());
        return Err(Error::field(
            crate::asks::figure_field(ParamId::maternity_rate(kind)),
            "maternity_above_employer_rate",
            text!(
                "生育保险部分 {ms} 高于用人单位费率 {es}",
                "the maternity part {ms} is above the employer rate {es}"
            ),
        ));
    }
    Ok(Figures {
        kind,
        floor,
        ceiling,
        employer_rate,
        maternity,
        individual_rate,
        employer_fixed,
        individual_fixed,
        pa_share,
        rounding,
    })
}

impl Figures {
    /// The lines a plan's amounts come with (see [`Plan::cautions`]).
    fn cautions(&self, cx: &Ctx) -> Vec<Text> {
        let cites = [
            self.floor.as_ref().map(|c| &c.cite),
            self.ceiling.as_ref().map(|c| &c.cite),
        ]
        .into_iter()
        .chain([
            Some(&self.employer_rate.cite),
            self.maternity.as_ref().map(|c| &c.cite),
            Some(&self.individual_rate.cite),
        ])
        .chain([
            self.employer_fixed.as_ref().map(|c| &c.cite),
            self.individual_fixed.as_ref().map(|c| &c.cite),
            self.pa_share.as_ref().map(|c| &c.cite),
        ])
        .flatten();
        let mut out: Vec<Text> = cites
            .filter_map(|c| match c {
                crate::lookup::CiteRef::Rule {
                    id,
                    entry,
                    carried: Some(since),
                    ..
                } => crate::explain::Carried::of(entry, *since).map(|c| {
                    let l = id.label();
                    Text::new(
                        format!("{}：{}", l.zh, c.words.zh),
                        format!("{}: {}", l.en, c.words.en),
                    )
                }),
                _ => None,
            })
            .collect();
        out.extend(cx.notices().into_iter().map(|n| n.text));
        match (&self.floor, &self.ceiling) {
            (None, None) => out.push(text!("缴费基数上下限未知，按工资计：工资低于当地下限或高于上限时，实际金额不同", "the base limits are not known, so the base is the wage: below the local floor or above the ceiling the amounts differ")),
            (None, Some(_)) => out.push(text!("缴费基数下限未知，低于上限的工资按工资计：工资低于当地下限时应按下限缴费，实际金额更高", "the base floor is not known, so wages below the ceiling are the base: below the local floor the amounts are higher")),
            (Some(_), None) => out.push(text!("缴费基数上限未知，高于下限的工资按工资计：工资高于当地上限时应按上限缴费，实际金额更低", "the base ceiling is not known, so wages above the floor are the base: above the local ceiling the amounts are lower")),
            (Some(_), Some(_)) => {}
        }
        out
    }

    fn plan(&self, cx: &Ctx) -> Plan {
        Plan {
            kind: self.kind,
            floor: self.floor.as_ref().map(|c| c.value),
            ceiling: self.ceiling.as_ref().map(|c| c.value),
            employer_rate: self.employer_rate.value,
            maternity_rate: self.maternity.as_ref().map(|c| c.value),
            individual_rate: self.individual_rate.value,
            employer_fixed: self.employer_fixed.as_ref().map(|c| c.value),
            individual_fixed: self.individual_fixed.as_ref().map(|c| c.value),
            personal_account_share: self.pa_share.as_ref().map(|c| c.value),
            rounding: self.rounding,
            user_supplied: cx.ex.user_supplied.clone(),
            not_known: cx.ex.not_known.iter().map(|n| n.param).collect(),
            cautions: self.cautions(cx),
        }
    }
}

/// Resolves the plan for a city, month and employer kind (validating them as the single
/// computation does), for applying to many wages.
pub fn plan(
    city: &Raw,
    month: &Raw,
    kind: EmployerKind,
    overrides: &Overrides,
    options: Options,
) -> Result<Plan, Error> {
    let setup = open(
        city,
        "month",
        input::month("month", month),
        overrides,
        options,
    )?;
    let mut cx = Ctx::new(&setup, "month");
    let figures = resolve(&mut cx, kind)?;
    Ok(figures.plan(&cx))
}

/// The base step: the wage, clamped where the floor and ceiling are known.
fn base(cx: &mut Ctx, f: &Figures, wage: Money) -> Result<Money, Error> {
    let w = Expr::input("wage", ("工资", "wage"), wage.amount(), true);
    let mut label = text!("缴费基数", "contribution base");
    let e = match (&f.floor, &f.ceiling) {
        (None, None) => {
            label = text!(
                "缴费基数（上下限未公布，按工资）",
                "contribution base (floor and ceiling not published: the wage)"
            );
            w
        }
        (Some(fl), None) => Expr::max(w, fl.expr().named("下限", "floor")),
        (None, Some(ce)) => Expr::min(w, ce.expr().named("上限", "ceiling")),
        (Some(fl), Some(ce)) => Expr::min(
            Expr::max(w, fl.expr().named("下限", "floor")),
            ce.expr().named("上限", "ceiling"),
        ),
    };
    cx.money("base", label, "wage", e, f.rounding)
}

/// When a newly insured worker's benefits begin, where the city's rules say (a line in the
/// result, not part of the arithmetic).
fn benefits_after(cx: &mut Ctx) -> Option<u32> {
    if !cx.has(ParamId::EmployeeBenefitsAfter) {
        return None;
    }
    let n = cx.optional::<u32>(
        ParamId::EmployeeBenefitsAfter,
        text!(
            "无法给出开始享受待遇的月份",
            "the month benefits begin cannot be given"
        ),
    )?;
    let v = n.value;
    let shown = if v == 1 {
        text!("参保缴费次月起", "from the month after contributions start")
    } else {
        text!(
            "参保缴费后第 {v} 个月起",
            "from the {v}th month after contributions start"
        )
    };
    cx.fact(
        "benefits_after",
        text!(
            "新参保人员开始享受待遇",
            "benefits for the newly insured begin"
        ),
        shown,
        v,
        "months",
        std::slice::from_ref(&n.cite),
    );
    Some(v)
}

/// The arithmetic written out step by step; the figures are the steps' own values.
fn explained(cx: &mut Ctx, f: &Figures, wage: Money) -> Result<ContributionResult, Error> {
    let r = f.rounding;
    let base = base(cx, f, wage)?;
    let b = || Expr::money(base);
    let kind = f.kind.label();
    let er_basic = cx.money(
        "employer.basic",
        Text::new(
            format!("单位缴费（{}）", kind.zh),
            format!("employer premium ({})", kind.en),
        ),
        "wage",
        b() * f.employer_rate.expr(),
        r,
    )?;
    let maternity_part = match &f.maternity {
        Some(m) => Some(cx.money(
            "employer.maternity_part",
            text!(
                "其中生育保险部分（已含在单位缴费中）",
                "of which maternity (included in the employer premium)"
            ),
            "wage",
            b() * m.expr(),
            r,
        )?),
        None => None,
    };
    let er_total = super::with_fixed(
        cx,
        "employer.total",
        text!("单位每月合计", "employer, monthly total"),
        er_basic,
        f.employer_fixed.as_ref(),
        "wage",
        r,
    )?;
    let ind_basic = cx.money(
        "individual.basic",
        text!("个人缴费", "individual premium"),
        "wage",
        b() * f.individual_rate.expr(),
        r,
    )?;
    let ind_total = super::with_fixed(
        cx,
        "individual.total",
        text!(
            "个人每月合计（工资扣款）",
            "individual, monthly total (payroll deduction)"
        ),
        ind_basic,
        f.individual_fixed.as_ref(),
        "wage",
        r,
    )?;
    let personal_account = match &f.pa_share {
        Some(s) => Some(cx.money(
            "personal_account",
            text!("划入个人账户", "to the personal account"),
            "wage",
            Expr::min(
                Expr::money(ind_basic).named("个人缴费", "individual premium"),
                b() * s.expr(),
            ),
            r,
        )?),
        None => None,
    };
    let monthly_total = cx.money(
        "total",
        text!("每月合计", "monthly total"),
        "wage",
        Expr::money(er_total) + Expr::money(ind_total),
        r,
    )?;
    // What the payslip loses, as a share of the wage (to two decimals of a percent).
    let individual_share_of_wage = if wage.is_zero() {
        None
    } else {
        let e = Expr::money(ind_total).named("个人合计", "individual total")
            / Expr::money(wage).named("工资", "wage")
            * Expr::count(100);
        let pct = cx.number_rounded(
            "individual.share_of_wage",
            text!("个人扣款占工资（%）", "individual deduction, % of the wage"),
            "wage",
            e,
            "%",
            2,
        )?;
        Some(format!("{pct:.2}"))
    };
    let twelve = || Expr::count(12);
    let yearly = Yearly {
        employer: cx.money(
            "yearly.employer",
            text!("单位全年", "employer, year"),
            "wage",
            Expr::money(er_total) * twelve(),
            r,
        )?,
        individual: cx.money(
            "yearly.individual",
            text!("个人全年", "individual, year"),
            "wage",
            Expr::money(ind_total) * twelve(),
            r,
        )?,
        total: cx.money(
            "yearly",
            text!(
                "全年合计（12个月同一工资）",
                "year (12 months at this wage)"
            ),
            "wage",
            Expr::money(monthly_total) * twelve(),
            r,
        )?,
    };
    let zero = |c: &Option<Cited<Money>>| c.as_ref().is_some_and(|c| c.value.is_zero());
    if zero(&f.employer_fixed) && zero(&f.individual_fixed) {
        cx.ex.note(text!(
            "本市无定额缴费项目（或已按 0 填写）",
            "no fixed monthly amounts (or entered as 0)"
        ));
    }
    Ok(ContributionResult {
        city: String::new(),
        city_name: Text::default(),
        month: cx.month,
        employer_kind: f.kind,
        wage,
        base,
        base_floor: f.floor.as_ref().map(|c| c.value),
        base_ceiling: f.ceiling.as_ref().map(|c| c.value),
        employer: Share {
            rate: f.employer_rate.value.show(),
            basic: er_basic,
            fixed: f.employer_fixed.as_ref().map(|c| c.value),
            total: er_total,
        },
        individual: Share {
            rate: f.individual_rate.value.show(),
            basic: ind_basic,
            fixed: f.individual_fixed.as_ref().map(|c| c.value),
            total: ind_total,
        },
        maternity_part,
        personal_account,
        monthly_total,
        individual_share_of_wage,
        yearly,
        benefits_after_months: None,
        rules_version: String::new(),
        explanation: Explanation::default(),
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
