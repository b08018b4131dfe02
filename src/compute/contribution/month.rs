//! One month's arithmetic, written once: the base, each item rounded on its own, the
//! totals ([`month`]). Three kinds of number do it: decimals ([`Plan::amounts`]), whole fen
//! (the batch's [`FenPlan::amounts`]) and decimals with every step written out with its
//! citations (the single computation's explanation).

use super::plan::Figures;
use super::*;

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
pub(super) fn benefits_after(cx: &mut Ctx) -> Option<u32> {
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

/// One item of a month's contribution, as the steps name it.
#[derive(Clone, Copy, Debug)]
pub(super) enum Item {
    EmployerBasic,
    Maternity,
    EmployerTotal,
    IndividualBasic,
    IndividualTotal,
    PersonalAccount,
    Total,
}

/// How one kind of number does a month's arithmetic: decimals, whole fen, or decimals with
/// each step written. The rounding rule lives in each kind's `share`, once per kind.
pub(super) trait Arith {
    type N: Copy + Ord;
    type Rate;
    type Fixed;
    type Fail;
    /// 缴费基数: the wage, clamped where the limits are known.
    fn base(&mut self, wage: Self::N) -> Result<Self::N, Self::Fail>;
    /// `base × rate`, rounded to the fen as the rules say.
    fn share(
        &mut self,
        item: Item,
        base: Self::N,
        rate: &Self::Rate,
    ) -> Result<Self::N, Self::Fail>;
    /// A basic amount and its fixed monthly amount, where known (an unknown one is left out).
    fn with_fixed(
        &mut self,
        item: Item,
        basic: Self::N,
        fixed: Option<&Self::Fixed>,
    ) -> Result<Self::N, Self::Fail>;
    /// 划入个人账户: the smaller of the individual premium and the base's share (the
    /// explained computation writes both in one step).
    fn account(
        &mut self,
        premium: Self::N,
        base: Self::N,
        share: &Self::Rate,
    ) -> Result<Self::N, Self::Fail> {
        Ok(premium.min(self.share(Item::PersonalAccount, base, share)?))
    }
    fn total(&mut self, item: Item, a: Self::N, b: Self::N) -> Result<Self::N, Self::Fail>;
}

/// The rates and fixed amounts a month applies, in the number kind's own terms.
pub(super) struct Rates<'a, R, F> {
    pub employer: &'a R,
    pub maternity: Option<&'a R>,
    pub individual: &'a R,
    pub employer_fixed: Option<&'a F>,
    pub individual_fixed: Option<&'a F>,
    pub account: Option<&'a R>,
}

/// The month's items, written once for every kind of number: the base; the employer's
/// premium, its maternity part and total; the individual's premium and total; the personal
/// account; the month's total. Each item is rounded on its own, in this order.
pub(super) fn month<A: Arith>(
    a: &mut A,
    r: &Rates<A::Rate, A::Fixed>,
    wage: A::N,
) -> Result<Amounts<A::N>, A::Fail> {
    let base = a.base(wage)?;
    let employer_basic = a.share(Item::EmployerBasic, base, r.employer)?;
    let maternity_part = match r.maternity {
        Some(m) => Some(a.share(Item::Maternity, base, m)?),
        None => None,
    };
    let employer_total = a.with_fixed(Item::EmployerTotal, employer_basic, r.employer_fixed)?;
    let individual_basic = a.share(Item::IndividualBasic, base, r.individual)?;
    let individual_total =
        a.with_fixed(Item::IndividualTotal, individual_basic, r.individual_fixed)?;
    let personal_account = match r.account {
        Some(s) => Some(a.account(individual_basic, base, s)?),
        None => None,
    };
    let monthly_total = a.total(Item::Total, employer_total, individual_total)?;
    Ok(Amounts {
        base,
        employer_basic,
        employer_total,
        maternity_part,
        individual_basic,
        individual_total,
        personal_account,
        monthly_total,
    })
}

/// The month in decimals with every step written, its figures the steps' own values.
struct Traced<'a> {
    cx: &'a mut Ctx,
    f: &'a Figures,
}

impl Item {
    fn key(self) -> &'static str {
        match self {
            Item::EmployerBasic => "employer.basic",
            Item::Maternity => "employer.maternity_part",
            Item::EmployerTotal => "employer.total",
            Item::IndividualBasic => "individual.basic",
            Item::IndividualTotal => "individual.total",
            Item::PersonalAccount => "personal_account",
            Item::Total => "total",
        }
    }

    fn label(self, kind: EmployerKind) -> Text {
        match self {
            Item::EmployerBasic => {
                let k = kind.label();
                Text::new(
                    format!("单位缴费（{}）", k.zh),
                    format!("employer premium ({})", k.en),
                )
            }
            Item::Maternity => text!(
                "其中生育保险部分（已含在单位缴费中）",
                "of which maternity (included in the employer premium)"
            ),
            Item::EmployerTotal => text!("单位每月合计", "employer, monthly total"),
            Item::IndividualBasic => text!("个人缴费", "individual premium"),
            Item::IndividualTotal => text!(
                "个人每月合计（工资扣款）",
                "individual, monthly total (payroll deduction)"
            ),
            Item::PersonalAccount => text!("划入个人账户", "to the personal account"),
            Item::Total => text!("每月合计", "monthly total"),
        }
    }
}

impl Arith for Traced<'_> {
    type N = Money;
    type Rate = Cited<Ratio>;
    type Fixed = Cited<Money>;
    type Fail = Error;
    fn base(&mut self, wage: Money) -> Result<Money, Error> {
        base(self.cx, self.f, wage)
    }
    fn share(&mut self, item: Item, base: Money, rate: &Cited<Ratio>) -> Result<Money, Error> {
        let label = item.label(self.f.kind);
        let e = Expr::money(base) * rate.expr();
        self.cx.money(item.key(), label, "wage", e, self.f.rounding)
    }
    fn with_fixed(
        &mut self,
        item: Item,
        basic: Money,
        fixed: Option<&Cited<Money>>,
    ) -> Result<Money, Error> {
        let label = item.label(self.f.kind);
        super::super::with_fixed(
            self.cx,
            item.key(),
            label,
            basic,
            fixed,
            "wage",
            self.f.rounding,
        )
    }
    fn account(
        &mut self,
        premium: Money,
        base: Money,
        share: &Cited<Ratio>,
    ) -> Result<Money, Error> {
        let item = Item::PersonalAccount;
        let e = Expr::min(
            Expr::money(premium).named("个人缴费", "individual premium"),
            Expr::money(base) * share.expr(),
        );
        let label = item.label(self.f.kind);
        self.cx.money(item.key(), label, "wage", e, self.f.rounding)
    }
    fn total(&mut self, item: Item, a: Money, b: Money) -> Result<Money, Error> {
        let label = item.label(self.f.kind);
        let e = Expr::money(a) + Expr::money(b);
        self.cx.money(item.key(), label, "wage", e, self.f.rounding)
    }
}

/// The arithmetic written out step by step; the figures are the steps' own values.
pub(super) fn explained(
    cx: &mut Ctx,
    f: &Figures,
    wage: Money,
) -> Result<ContributionResult, Error> {
    let r = f.rounding;
    let rates = Rates {
        employer: &f.employer_rate,
        maternity: f.maternity.as_ref(),
        individual: &f.individual_rate,
        employer_fixed: f.employer_fixed.as_ref(),
        individual_fixed: f.individual_fixed.as_ref(),
        account: f.pa_share.as_ref(),
    };
    let m = month(&mut Traced { cx, f }, &rates, wage)?;
    let (base, er_basic, maternity_part, er_total) =
        (m.base, m.employer_basic, m.maternity_part, m.employer_total);
    let (ind_basic, ind_total, personal_account, monthly_total) = (
        m.individual_basic,
        m.individual_total,
        m.personal_account,
        m.monthly_total,
    );
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
