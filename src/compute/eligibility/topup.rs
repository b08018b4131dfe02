//! The one-off top-up (一次性补缴) of missing months, by situation: the base the city's
//! rule names for it, the rate, who pays, the bankrupt enterprise's 大病 share, and the
//! month benefits begin.

use rust_decimal::Decimal;
use serde::Serialize;

use super::inputs::Inputs;
use crate::compute::retirement::Retirement;
use crate::error::Error;
use crate::lookup::{CiteRef, Cited, Ctx};
use crate::model::{Money, ParamId, Ratio, Rounding, Situation, TopupBase, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

/// 缴费主体.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Employer,
    Person,
}

impl Payer {
    pub fn of(s: Situation) -> Payer {
        match s {
            Situation::Flexible | Situation::FlexibleRetiree => Payer::Person,
            _ => Payer::Employer,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TopUp {
    pub months: u32,
    pub base: Money,
    pub rate: String,
    pub amount: Money,
    /// Who pays, where the city's rules say (济宁; 郑州 on an aggregator page).
    pub payer: Option<Payer>,
    /// Computed on the person's last base because the city's rules for top-ups were not
    /// found: an estimate, and the result says so.
    pub estimate: bool,
    /// Whether it goes to the personal account, where known (济宁: no).
    pub to_personal_account: Option<bool>,
    /// Bankrupt enterprises: the employer's 大病 share up to the provincial life expectancy.
    pub serious_illness: Option<Money>,
    pub payment_month: YearMonth,
    /// First month of retiree benefits after paying, where known.
    pub benefits_from: Option<YearMonth>,
}

/// The city's top-up rule, looked up once for both scenarios.
pub(super) struct Rule {
    rate: Option<Cited<Ratio>>,
    situations: Option<Cited<Vec<Situation>>>,
    to_pa: Option<Cited<bool>>,
    after: Option<Cited<u32>>,
    /// The situations for which the document states the month (济宁: not all of them).
    stated_for: Option<Cited<Vec<Situation>>>,
    /// What an employee's or flexible worker's top-up is paid on, where the city's rules
    /// say it differently from the last base (温州: the provincial average wage).
    base_rule: Option<Cited<TopupBase>>,
    rounding: Rounding,
}

impl Rule {
    pub(super) fn look_up(cx: &mut Ctx) -> Result<Rule, Error> {
        // A person can find out the rate (the bureau says it); which situations the rules
        // cover, where the money goes and when benefits start after paying, hardly: those are
        // not asked, and the result goes without them, saying so.
        Ok(Rule {
            rate: cx.optional(ParamId::TopupRate, text!("无法计算补缴金额", "the top-up cost cannot be computed")),
            situations: cx.unasked(
                ParamId::TopupSituations,
                text!("在职职工和灵活就业人员的补缴金额按本人最后一次缴费基数估算", "an employee's or flexible worker's top-up is estimated on the last contribution base"),
            ),
            to_pa: cx.unasked(
                ParamId::TopupToPersonalAccount,
                text!("不知道补缴部分是否计入个人账户", "whether the top-up goes to the personal account is not known"),
            ),
            after: cx.unasked(
                ParamId::BenefitsAfterTopup,
                text!("无法给出补缴后开始享受待遇的月份", "the month benefits begin after a top-up cannot be given"),
            ),
            stated_for: if cx.has(ParamId::BenefitsAfterTopupStatedFor) {
                cx.optional(ParamId::BenefitsAfterTopupStatedFor, text!("不确定文件是否对此情形规定了待遇起始月份", "whether the document sets the month for this situation is not known"))
            } else {
                None
            },
            base_rule: if cx.has(ParamId::TopupBaseRule) {
                cx.optional(ParamId::TopupBaseRule, text!("不知道补缴以什么为基数", "what the top-up is paid on is not known"))
            } else {
                None
            },
            rounding: cx.rounding(ParamId::RoundingMoney)?,
        })
    }
}

/// The base the rule names for the situation, as a formula leaf; `None` where the person
/// has not given what it needs yet (the last base).
fn base(cx: &mut Ctx, i: &Inputs, rule: &Rule, key: &str) -> Result<Option<Money>, Error> {
    let situations = rule.situations.as_ref().map(|s| s.cite.clone());
    let e = match i.situation {
        Situation::Employee | Situation::Flexible
            if rule
                .base_rule
                .as_ref()
                .is_some_and(|b| b.value == TopupBase::AverageWage) =>
        {
            let Some(avg) = cx.optional::<Money>(
                ParamId::TopupAverageWage,
                text!("无法计算补缴金额", "the top-up cost cannot be computed"),
            ) else {
                return Ok(None);
            };
            let rule_cite = rule.base_rule.as_ref().map(|b| b.cite.clone());
            if let (Some(c), true) = (rule_cite, cx.explain) {
                cx.fact(
                    format!("{key}.topup_base_rule"),
                    text!("补缴基数", "top-up base"),
                    text!(
                        "补缴时上年度全省社会平均工资",
                        "the province's average wage of the year before the top-up"
                    ),
                    "",
                    "",
                    &[c],
                );
            }
            avg.expr().named(
                "上年度全省月平均工资",
                "the province's prior-year monthly average wage",
            )
        }
        Situation::Employee | Situation::Flexible => {
            let Some(b) = i.last_base else {
                cx.ex.note(text!(
                    "填写本人最后一次缴费基数即可算出补缴金额",
                    "enter the last contribution base to see the top-up cost"
                ));
                return Ok(None);
            };
            Expr::input(
                "last_base",
                ("本人最后一次缴费基数", "last contribution base"),
                b.amount(),
                true,
            )
        }
        Situation::NeverEnrolled | Situation::Bankrupt => {
            let Some(p) = i.pension else {
                return Err(Error::field(
                    "pension",
                    "empty",
                    text!(
                        "该情形以补缴时本人上月养老金为基数，请填写",
                        "this situation uses last month's pension as the base; enter it"
                    ),
                ));
            };
            let floor = cx.need::<Money>(ParamId::BaseFloor);
            let floor = cx.resolve(floor)?;
            Expr::max(
                Expr::input(
                    "pension",
                    ("上月养老金", "last month's pension"),
                    p.amount(),
                    true,
                ),
                floor
                    .expr()
                    .named("当年最低缴费基数", "the year's minimum base"),
            )
        }
        Situation::FlexibleRetiree => {
            let avg = cx.need::<Money>(ParamId::FlexibleBase);
            cx.resolve(avg)?.expr().named(
                "全省上年度全口径月平均工资",
                "the province's prior-year full-caliber monthly average wage",
            )
        }
    };
    let b = cx.money(
        format!("{key}.topup_base"),
        text!("补缴基数", "top-up base"),
        "last_base",
        e,
        rule.rounding,
    )?;
    if let (Some(c), true) = (situations, cx.explain) {
        cx.fact(
            format!("{key}.topup_rule"),
            text!("补缴办法适用的情形", "situations with a top-up rule"),
            i.situation.label(),
            "",
            "",
            &[c],
        );
    }
    Ok(Some(b))
}

pub(super) fn topup(
    cx: &mut Ctx,
    i: &Inputs,
    ret: &Retirement,
    months: u32,
    key: &str,
    rule: &Rule,
) -> Result<Option<TopUp>, Error> {
    let Some(rate) = &rule.rate else {
        return Ok(None);
    };
    let s = i.situation;
    // Where the rules name the situations they cover, the person's must be one of them;
    // where they were not found, an employee's or flexible worker's top-up is estimated on
    // the last base (as in 济宁 and 郑州) unless the rules name another base (温州), and a
    // retiree's is not computed.
    let estimate = match &rule.situations {
        Some(situations) if !situations.value.contains(&s) => {
            let (cz, ce, sz, se) = (
                &cx.city.name.zh,
                &cx.city.name.en,
                s.label().zh,
                s.label().en,
            );
            return Err(Error::field(
                "situation",
                "no_rule_for_situation",
                text!(
                    "{cz} 的规则没有为情形「{sz}」规定补缴办法",
                    "{ce}'s rules set no top-up for the situation “{se}”"
                ),
            ));
        }
        Some(_) => false,
        // 温州 names the base (the provincial average wage), only not the payer.
        None if matches!(s, Situation::Employee | Situation::Flexible) => rule.base_rule.is_none(),
        None => return Ok(None),
    };
    let Some(base) = base(cx, i, rule, key)? else {
        return Ok(None);
    };
    let amount = cx.money(
        format!("{key}.topup"),
        text!("一次性补缴", "one-off top-up"),
        "last_base",
        Expr::count(months).named("月数", "months") * Expr::money(base) * rate.expr(),
        rule.rounding,
    )?;
    // Who pays, only where the rules say (the situations they name come with it).
    let payer = rule
        .situations
        .as_ref()
        .filter(|c| matches!(c.cite, CiteRef::Rule { .. }))
        .map(|_| Payer::of(s));
    match payer {
        Some(Payer::Employer) => cx.ex.note(text!(
            "补缴费用由单位缴纳",
            "the top-up is paid by the employer"
        )),
        Some(Payer::Person) => cx.ex.note(text!(
            "补缴费用由本人缴纳",
            "the top-up is paid by the person"
        )),
        None => {}
    }
    if estimate {
        cx.inferred(
            ParamId::TopupRate,
            text!(
                "本市补缴办法的适用情形和基数未找到：补缴金额按本人最后一次缴费基数估算（济宁、郑州均以此为基数），仅供参考",
                "the city's rules on who tops up and on what base were not found: the top-up is estimated on the last contribution base (as 济宁 and 郑州 do), for reference only"
            ),
        );
    }
    if let Some(pa) = rule.to_pa.as_ref().filter(|p| !p.value) {
        cx.fact(
            format!("{key}.to_personal_account"),
            text!("补缴部分计入个人账户", "top-up to the personal account"),
            text!("不计入", "none of it"),
            "false",
            "",
            std::slice::from_ref(&pa.cite),
        );
    }
    let serious_illness = if s == Situation::Bankrupt {
        Some(serious_illness(cx, i, key, rule.rounding)?)
    } else {
        None
    };
    let default_payment = if s.retired() {
        i.as_of
    } else {
        ret.month.max(i.as_of)
    };
    let payment_month = i.payment_month.unwrap_or(default_payment);
    // 三（二）4 states 次月 for a bankrupt enterprise's retirees only when they were never
    // enrolled; with some months paid it says only "补足十年后". For a situation the document
    // does not state, the same timing is an inference, and its step says so.
    let said = rule.stated_for.as_ref().is_none_or(|stated| {
        stated.value.contains(&s) && !(s == Situation::Bankrupt && i.paid + i.transferred > 0)
    });
    let benefits_from = match &rule.after {
        Some(after) => {
            let mut after = after.clone();
            if let (false, CiteRef::Rule { stretched, .. }) = (said, &mut after.cite) {
                *stretched = true;
            }
            Some(cx.month_after(
                format!("{key}.benefits_from"),
                text!("开始享受退休人员待遇", "retiree benefits begin"),
                "payment_month",
                (payment_month, text!("补缴月份", "month of payment")),
                after.expr(),
            )?)
        }
        None => None,
    };
    if benefits_from.is_some() && !said {
        let (sz, se) = (s.label().zh, s.label().en);
        cx.inferred(
            ParamId::BenefitsAfterTopup,
            text!(
                "文件只对部分补缴情形写明“自缴费次月起”享受待遇；对「{sz}」按同样办法推断",
                "the document states “from the month after payment” only for some top-up situations; for “{se}” the same timing is inferred"
            ),
        );
    }
    Ok(Some(TopUp {
        months,
        base,
        rate: rate.value.show(),
        amount,
        payer,
        estimate,
        to_personal_account: rule.to_pa.as_ref().map(|p| p.value),
        serious_illness,
        payment_month,
        benefits_from,
    }))
}

/// Bankrupt enterprises also pay the employer's 大病 share up to life expectancy.
fn serious_illness(
    cx: &mut Ctx,
    i: &Inputs,
    key: &str,
    rounding: Rounding,
) -> Result<Money, Error> {
    let Some(age) = i.bankruptcy_age else {
        return Err(Error::field(
            "bankruptcy_age",
            "empty",
            text!(
                "请填写企业破产时本人的年龄",
                "enter the age at the enterprise's bankruptcy"
            ),
        ));
    };
    let needs = (
        cx.need::<Decimal>(ParamId::LifeExpectancy),
        cx.need::<Money>(ParamId::EmployerFixed),
    );
    let (life, fixed) = cx.resolve(needs)?;
    let years = Expr::max(
        life.expr().named("期望寿命", "life expectancy")
            - Expr::input(
                "bankruptcy_age",
                ("破产时年龄", "age at bankruptcy"),
                age,
                false,
            ),
        Expr::count(0),
    );
    let si = cx.money(
        format!("{key}.serious_illness"),
        text!(
            "大病保险单位部分一次性补足",
            "the employer's share of the serious-illness premium, paid at once"
        ),
        "bankruptcy_age",
        fixed.expr().named("单位每月", "employer monthly") * Expr::count(12) * years,
        rounding,
    )?;
    cx.ex.note(text!(
        "大病保险个人部分从退休人员个人账户中按年度代扣",
        "the individual share of the serious-illness premium is deducted yearly from the retiree's personal account"
    ));
    Ok(si)
}
