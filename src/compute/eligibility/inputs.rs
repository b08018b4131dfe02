//! The eligibility request's fields, read and checked together: every bad field is
//! reported at once, with the checks between fields (born after the as-of month, more
//! months paid than lived, paid months for someone never enrolled).

use rust_decimal::Decimal;

use super::EligibilityRequest;
use crate::compute::word;
use crate::error::{AllOk, Error, Problems};
use crate::input;
use crate::model::{Category, Money, Situation, YearMonth};
use crate::text;

pub(super) struct Inputs {
    pub birth: YearMonth,
    pub category: Category,
    pub as_of: YearMonth,
    pub paid: u32,
    pub deemed: u32,
    pub transferred: u32,
    pub last_base: Option<Money>,
    pub situation: Situation,
    pub pension: Option<Money>,
    pub bankruptcy_age: Option<Decimal>,
    pub payment_month: Option<YearMonth>,
}

const MAX_MONTHS: u32 = 2400;

fn category(req: &EligibilityRequest) -> Result<Category, Error> {
    word(
        "category",
        &req.category,
        text!(
            "请选择类别：男职工、女职工（原55岁退休）或女职工（原50岁退休）",
            "choose a category: male, female-55 or female-50"
        ),
        "unknown_category",
        ("未知的类别", "unknown category"),
    )
}

fn situation(req: &EligibilityRequest) -> Result<Situation, Error> {
    if req.situation.is_blank() {
        return Ok(Situation::Employee);
    }
    word(
        "situation",
        &req.situation,
        text!("请选择情形", "choose a situation"),
        "unknown_situation",
        ("未知的情形", "unknown situation"),
    )
}

fn age(req: &EligibilityRequest) -> Result<Option<Decimal>, Error> {
    if req.bankruptcy_age.is_blank() {
        return Ok(None);
    }
    let age = input::decimal("bankruptcy_age", &req.bankruptcy_age)?;
    if age > Decimal::from(150) {
        return Err(Error::field(
            "bankruptcy_age",
            "too_large",
            text!("年龄不合理：{age}", "not a plausible age: {age}"),
        ));
    }
    Ok(Some(age))
}

pub(super) fn read(req: &EligibilityRequest) -> Result<Inputs, Error> {
    let months = |field: &str, raw| input::count_or_zero(field, raw, MAX_MONTHS);
    let (
        birth,
        category,
        as_of,
        paid,
        deemed,
        transferred,
        last_base,
        situation,
        pension,
        bankruptcy_age,
        payment_month,
    ) = (
        input::month("birth", &req.birth),
        category(req),
        input::month("as_of", &req.as_of),
        months("paid_months", &req.paid_months),
        months("deemed_months", &req.deemed_months),
        months("transferred_months", &req.transferred_months),
        input::opt_amount("last_base", &req.last_base),
        situation(req),
        input::opt_amount("pension", &req.pension),
        age(req),
        input::opt_month("payment_month", &req.payment_month),
    )
        .all_ok()?;
    let i = Inputs {
        birth,
        category,
        as_of,
        paid,
        deemed,
        transferred,
        last_base,
        situation,
        pension,
        bankruptcy_age,
        payment_month,
    };
    between(&i)?;
    Ok(i)
}

/// Checks between fields.
fn between(i: &Inputs) -> Result<(), Error> {
    let mut p = Problems::default();
    let (birth, as_of) = (i.birth, i.as_of);
    if birth > as_of {
        p.push(
            "birth",
            "birth_in_future",
            text!(
                "出生年月 {birth} 晚于计算月份 {as_of}",
                "the birth month {birth} is after the as-of month {as_of}"
            ),
        );
        return p.finish();
    }
    let lived = as_of.months_since(birth).max(0) as u32;
    let total = i.paid + i.deemed + i.transferred;
    if total > lived {
        p.push(
            "paid_months",
            "more_than_lifetime",
            text!(
                "实际缴费、视同和转入月数合计 {total} 个月，超过出生至 {as_of} 的 {lived} 个月",
                "paid, deemed and transferred months add up to {total}, more than the {lived} months from birth to {as_of}"
            ),
        );
    }
    // The enterprise went bankrupt before now: the age then cannot be above the age now.
    if let Some(age) = i.bankruptcy_age.filter(|a| *a > Decimal::from(lived / 12)) {
        let now = lived / 12;
        p.push(
            "bankruptcy_age",
            "after_as_of",
            text!(
                "企业破产时本人年龄 {age} 岁大于计算月份 {as_of} 时的年龄 {now} 岁",
                "the age at the bankruptcy, {age}, is above the age at the as-of month {as_of}, {now}"
            ),
        );
    }
    if matches!(
        i.situation,
        Situation::NeverEnrolled | Situation::FlexibleRetiree
    ) && i.paid + i.transferred > 0
    {
        p.push(
            "paid_months",
            "paid_but_never_enrolled",
            text!(
                "该情形适用于从未参加职工医保的人，实际缴费月数应为 0",
                "this situation is for people never enrolled; paid months must be 0"
            ),
        );
    }
    p.finish()
}

/// Checks that need the retirement month: a retiree's situation for someone not yet
/// retired, and a top-up paid before it can be due.
pub(super) fn against_retirement(i: &Inputs, retirement: YearMonth) -> Result<(), Error> {
    let mut p = Problems::default();
    let (a, r) = (i.as_of, retirement);
    if i.situation.retired() && r > a {
        let (zh, en) = (i.situation.label().zh, i.situation.label().en);
        p.push(
            "situation",
            "not_retired",
            text!(
                "「{zh}」适用于已退休的人；按出生年月和类别，法定退休月份为 {r}，晚于计算月份 {a}",
                "“{en}” is for people already retired; by the birth month and category the statutory retirement month is {r}, after the as-of month {a}"
            ),
        );
    }
    if let Some(m) = i.payment_month {
        let earliest = if i.situation.retired() { a } else { r.max(a) };
        if m < earliest {
            p.push(
                "payment_month",
                "payment_too_early",
                text!(
                    "补缴月份 {m} 早于可以补缴的月份 {earliest}：补缴在达到法定退休年龄时（{r}）进行，且不早于计算月份 {a}",
                    "the top-up month {m} is before the earliest it can be paid, {earliest}: a top-up is paid on reaching the statutory retirement age ({r}), and not before the as-of month {a}"
                ),
            );
        }
    }
    p.finish()
}
