//! The figures in force, resolved once ([`Plan`]), and the month's amounts under them in
//! decimals and in whole fen (the payroll batch's fast path). The items and their order are
//! written once, in [`super::month`].

use super::month::{self, Arith, Item, Rates};
use super::*;

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

fn add(a: Money, b: Money) -> Result<Money, Error> {
    a.checked_add(b)
        .ok_or_else(|| crate::compute::overflow("wage"))
}

impl Plan {
    /// 缴费基数: the wage, clamped where the limits are known.
    pub fn base(&self, wage: Money) -> Money {
        clamp_base(wage, self.floor, self.ceiling)
    }

    /// The month's amounts for a wage; each item rounded on its own, as the rule says.
    pub fn amounts(&self, wage: Money) -> Result<Amounts, Error> {
        let rates = Rates {
            employer: &self.employer_rate,
            maternity: self.maternity_rate.as_ref(),
            individual: &self.individual_rate,
            employer_fixed: self.employer_fixed.as_ref(),
            individual_fixed: self.individual_fixed.as_ref(),
            account: self.personal_account_share.as_ref(),
        };
        month::month(&mut Exact(self), &rates, wage)
    }
}

/// The month in decimals: [`Rounding::apply`] rounds each item.
struct Exact<'a>(&'a Plan);

impl Arith for Exact<'_> {
    type N = Money;
    type Rate = Ratio;
    type Fixed = Money;
    type Fail = Error;
    fn base(&mut self, wage: Money) -> Result<Money, Error> {
        Ok(self.0.base(wage))
    }
    fn share(&mut self, _: Item, base: Money, rate: &Ratio) -> Result<Money, Error> {
        rate.of(base.amount())
            .map(|d| self.0.rounding.apply(d))
            .ok_or_else(|| crate::compute::overflow("wage"))
    }
    fn with_fixed(&mut self, _: Item, basic: Money, fixed: Option<&Money>) -> Result<Money, Error> {
        add(basic, fixed.copied().unwrap_or(Money::ZERO))
    }
    fn total(&mut self, _: Item, a: Money, b: Money) -> Result<Money, Error> {
        add(a, b)
    }
}

/// A rate as a fraction of whole numbers, for arithmetic in whole fen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct FenRate {
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
        let rates = Rates {
            employer: &self.employer_rate,
            maternity: self.maternity_rate.as_ref(),
            individual: &self.individual_rate,
            employer_fixed: self.employer_fixed.as_ref(),
            individual_fixed: self.individual_fixed.as_ref(),
            account: self.personal_account_share.as_ref(),
        };
        month::month(&mut InFen(self), &rates, wage).ok()
    }
}

/// The month in whole fen: [`FenRate::apply`] rounds each item as [`Rounding::apply`] does.
struct InFen<'a>(&'a FenPlan);

impl Arith for InFen<'_> {
    type N = i64;
    type Rate = FenRate;
    type Fixed = i64;
    type Fail = ();
    fn base(&mut self, wage: i64) -> Result<i64, ()> {
        Ok(clamp_base(wage, self.0.floor, self.0.ceiling))
    }
    fn share(&mut self, _: Item, base: i64, rate: &FenRate) -> Result<i64, ()> {
        rate.apply(base, self.0.rounding).ok_or(())
    }
    fn with_fixed(&mut self, _: Item, basic: i64, fixed: Option<&i64>) -> Result<i64, ()> {
        basic.checked_add(fixed.copied().unwrap_or(0)).ok_or(())
    }
    fn total(&mut self, _: Item, a: i64, b: i64) -> Result<i64, ()> {
        a.checked_add(b).ok_or(())
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
    pub(super) kind: EmployerKind,
    pub(super) floor: Option<Cited<Money>>,
    pub(super) ceiling: Option<Cited<Money>>,
    pub(super) employer_rate: Cited<Ratio>,
    pub(super) maternity: Option<Cited<Ratio>>,
    pub(super) individual_rate: Cited<Ratio>,
    pub(super) employer_fixed: Option<Cited<Money>>,
    pub(super) individual_fixed: Option<Cited<Money>>,
    pub(super) pa_share: Option<Cited<Ratio>>,
    pub(super) rounding: Rounding,
}

pub(super) fn resolve(cx: &mut Ctx, kind: EmployerKind) -> Result<Figures, Error> {
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
                ParamId::BaseFloor,
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
            ParamId::maternity_rate(kind),
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

    pub(super) fn plan(&self, cx: &Ctx) -> Plan {
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
