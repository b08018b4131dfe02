//! 退休人员医保待遇与补缴: whether a person gets retiree benefits without paying more, the
//! months still missing at the statutory retirement month (if payments stop now, and if
//! they go on), the one-off top-up by situation, and when benefits begin.
//!
//! 济宁 (三（二）3、4): ten years actually paid; short → top up to ten years at the last
//! base × 7%, paid by the employer (a flexible worker pays it); never-enrolled enterprise
//! retirees on last month's pension floored at the year's minimum base; flexible-worker
//! retirees on the province's average wage; bankrupt enterprises also pay the employer's
//! 大病 share until the provincial life expectancy. Top-ups never go to the personal account.
//! Example (research note §4.6): 6 years paid, base 5000 → (10 − 6) × 12 × 5000 × 7% = 16800.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::retirement::{retirement, Category, Retirement};
use super::{open, rounding_note, typed};
use crate::context::{self, Ctx, Overrides};
use crate::error::{Error, Problems};
use crate::explain::{Cite, Explanation};
use crate::input::{self, Raw};
use crate::money::{plain, Money, Rounding};
use crate::month::YearMonth;
use crate::rules::Ratio;
use crate::text;
use crate::text::Text;

/// The person's situation, as the 济宁 notice sets them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// In-service employee; the employer pays the top-up.
    Employee,
    /// Flexible worker in employee insurance; pays the top-up themself.
    Flexible,
    /// Enterprise retiree never enrolled in employee medical insurance.
    NeverEnrolled,
    /// Flexible-worker retiree with a pension but never in employee medical insurance.
    FlexibleRetiree,
    /// Retired before their enterprise went bankrupt.
    Bankrupt,
}

impl Situation {
    pub fn parse(field: &str, raw: &Raw) -> Result<Situation, Error> {
        match raw.as_str().trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "" | "employee" | "在职职工" => Ok(Situation::Employee),
            "flexible" | "灵活就业" => Ok(Situation::Flexible),
            "never_enrolled" | "未参保企业退休人员" => Ok(Situation::NeverEnrolled),
            "flexible_retiree" | "灵活就业退休人员" => Ok(Situation::FlexibleRetiree),
            "bankrupt" | "破产企业退休人员" => Ok(Situation::Bankrupt),
            _ => Err(Error::field(
                field,
                "unknown_situation",
                text!(
                    "未知的情形：{raw}；可选 employee、flexible、never_enrolled、flexible_retiree、bankrupt",
                    "unknown situation: {raw}; use employee, flexible, never_enrolled, flexible_retiree or bankrupt"
                ),
            )),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Situation::Employee => "employee",
            Situation::Flexible => "flexible",
            Situation::NeverEnrolled => "never_enrolled",
            Situation::FlexibleRetiree => "flexible_retiree",
            Situation::Bankrupt => "bankrupt",
        }
    }

    /// Already retired: no projection, and the top-up is due now.
    fn retired(self) -> bool {
        matches!(
            self,
            Situation::NeverEnrolled | Situation::FlexibleRetiree | Situation::Bankrupt
        )
    }

    fn payer(self) -> Payer {
        match self {
            Situation::Flexible | Situation::FlexibleRetiree => Payer::Person,
            _ => Payer::Employer,
        }
    }
}

/// 缴费主体.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Employer,
    Person,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EligibilityRequest {
    pub city: Raw,
    /// Birth month, `YYYY-MM`.
    pub birth: Raw,
    /// `male`, `female-55` or `female-50`.
    pub category: Raw,
    /// The month "now": payments so far are counted up to it; rules are read at it.
    pub as_of: Raw,
    /// Months actually paid in this city.
    pub paid_months: Raw,
    /// Deemed months (视同缴费年限) credited for service before the reform.
    pub deemed_months: Raw,
    /// Months actually paid elsewhere and transferred in.
    pub transferred_months: Raw,
    /// The last monthly contribution base (for employee and flexible situations).
    pub last_base: Raw,
    /// `employee` (default), `flexible`, `never_enrolled`, `flexible_retiree`, `bankrupt`.
    pub situation: Raw,
    /// Last month's pension (never-enrolled and bankrupt-enterprise retirees).
    pub pension: Raw,
    /// Age at the enterprise's bankruptcy, in years (bankrupt-enterprise retirees).
    pub bankruptcy_age: Raw,
    /// Month the top-up is paid (default: the retirement month, or as_of if later).
    pub payment_month: Raw,
    pub overrides: Overrides,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopUp {
    pub months: u32,
    pub base: Money,
    pub rate: String,
    pub amount: Money,
    pub payer: Payer,
    /// Whether it goes to the personal account, where known (济宁: no).
    pub to_personal_account: Option<bool>,
    /// Bankrupt enterprises: the employer's 大病 share up to the provincial life expectancy.
    pub serious_illness: Option<Money>,
    pub payment_month: YearMonth,
    /// First month of retiree benefits after paying, where known.
    pub benefits_from: Option<YearMonth>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    pub counted_months: u32,
    pub shortfall_months: u32,
    /// Meets the minimum at the retirement month without paying more.
    pub eligible: bool,
    /// The one-off top-up, where short and where the city's rule gives it.
    pub topup: Option<TopUp>,
    /// First month of retiree benefits, where known.
    pub benefits_from: Option<YearMonth>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EligibilityResult {
    pub city: String,
    pub city_name: Text,
    pub as_of: YearMonth,
    pub situation: Situation,
    pub retirement: Retirement,
    pub min_months: u32,
    /// If payments stop at as_of.
    pub stop_now: Scenario,
    /// If payments go on every month until the retirement month (in-service situations).
    pub continue_paying: Option<Scenario>,
    /// What the city's rule allows when years are short, where known.
    pub shortfall_rule: Option<String>,
    pub rules_version: String,
    pub explanation: Explanation,
}

struct Inputs {
    birth: YearMonth,
    category: Category,
    as_of: YearMonth,
    paid: u32,
    deemed: u32,
    transferred: u32,
    last_base: Option<Money>,
    situation: Situation,
    pension: Option<Money>,
    bankruptcy_age: Option<Decimal>,
    payment_month: Option<YearMonth>,
}

fn read(req: &EligibilityRequest, p: &mut Problems) -> Result<Option<Inputs>, Error> {
    const MAX_MONTHS: u32 = 2400;
    let birth = p.take(input::month("birth", &req.birth))?;
    let category = p.take(Category::parse("category", &req.category))?;
    let as_of = p.take(input::month("as_of", &req.as_of))?;
    let paid = p.take(input::count_or_zero(
        "paid_months",
        &req.paid_months,
        MAX_MONTHS,
    ))?;
    let deemed = p.take(input::count_or_zero(
        "deemed_months",
        &req.deemed_months,
        MAX_MONTHS,
    ))?;
    let transferred = p.take(input::count_or_zero(
        "transferred_months",
        &req.transferred_months,
        MAX_MONTHS,
    ))?;
    let last_base = super::opt_amount(p, "last_base", &req.last_base)?;
    let situation = p.take(Situation::parse("situation", &req.situation))?;
    let pension = super::opt_amount(p, "pension", &req.pension)?;
    let bankruptcy_age = if req.bankruptcy_age.is_blank() {
        None
    } else {
        p.take(input::decimal("bankruptcy_age", &req.bankruptcy_age))?
    };
    let payment_month = if req.payment_month.is_blank() {
        None
    } else {
        p.take(input::month("payment_month", &req.payment_month))?
    };
    let (
        Some(birth),
        Some(category),
        Some(as_of),
        Some(paid),
        Some(deemed),
        Some(transferred),
        Some(situation),
    ) = (birth, category, as_of, paid, deemed, transferred, situation)
    else {
        return Ok(None);
    };
    if birth > as_of {
        p.push(
            "birth",
            "birth_in_future",
            text!(
                "出生年月 {birth} 晚于计算月份 {as_of}",
                "the birth month {birth} is after the as-of month {as_of}"
            ),
        );
        return Ok(None);
    }
    let lived = as_of.months_since(birth).max(0) as u32;
    let total = paid + deemed + transferred;
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
    if let Some(age) = bankruptcy_age {
        if age > Decimal::from(150) {
            p.push(
                "bankruptcy_age",
                "too_large",
                text!("年龄不合理：{age}", "not a plausible age: {age}"),
            );
        }
    }
    if matches!(
        situation,
        Situation::NeverEnrolled | Situation::FlexibleRetiree
    ) && paid + transferred > 0
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
    Ok(Some(Inputs {
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
    }))
}

pub fn eligibility(req: &EligibilityRequest) -> Result<EligibilityResult, Error> {
    let mut problems = Problems::default();
    let inputs = read(req, &mut problems)?;
    let opened = open(
        &mut problems,
        &req.city,
        "as_of",
        input::month("as_of", &req.as_of),
        &req.overrides,
    )?;
    problems.finish()?;
    let (Some(o), Some(i)) = (opened, inputs) else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let mut cx = Ctx::new(o.rules, o.city, o.month, "as_of", o.overrides);
    let ret = retirement(&mut cx, i.birth, i.category)?;

    let min_g = cx.need("retiree.min_years");
    let counted_g = if i.deemed > 0 {
        cx.need("retiree.counted_months")
    } else {
        cx.optional(
            "retiree.counted_months",
            text!(
                "未填视同缴费月数，计数规则不影响结果",
                "no deemed months entered, so the counting rule does not change the result"
            ),
        )
    };
    let shortfall_g = cx.optional(
        "retiree.shortfall",
        text!(
            "不知道年限不足时可否按月续缴或一次性补缴",
            "whether short years may be paid monthly or at once is not known"
        ),
    );
    let no_cost = text!("无法计算补缴金额", "the top-up cost cannot be computed");
    let rate_g = cx.optional("retiree.topup_rate", no_cost.clone());
    let situations_g = cx.optional("retiree.topup_situations", no_cost.clone());
    let to_pa_g = cx.optional(
        "retiree.topup_to_personal_account",
        text!(
            "不知道补缴部分是否计入个人账户",
            "whether the top-up goes to the personal account is not known"
        ),
    );
    let after_g = cx.optional(
        "retiree.benefits_after_topup_months",
        text!(
            "无法给出补缴后开始享受待遇的月份",
            "the month benefits begin after a top-up cannot be given"
        ),
    );
    let (rounding, rcite) = cx.rounding("rounding.money");
    cx.check()?;
    let (Some(ret), Some(min_years)) = (ret, context::years(&min_g)) else {
        return Err(Error::Input { errors: Vec::new() });
    };

    // The minimum, in months; a fractional month of a rule counts as a whole one.
    let min_months: u32 = (min_years * Decimal::from(12))
        .ceil()
        .try_into()
        .unwrap_or(u32::MAX);
    cx.ex.step(
        "min_months",
        text!("最低缴费年限", "minimum years"),
        text!(
            "{min_years} 年 × 12 = {min_months} 个月",
            "{min_years} years × 12 = {min_months} months"
        ),
        min_months,
        "months",
        context::cite(&min_g),
    );

    let with_deemed = context::choice(&counted_g) == Some("actual_and_deemed");
    let counted_now = i.paid + i.transferred + if with_deemed { i.deemed } else { 0 };
    let (p, t, d) = (i.paid, i.transferred, i.deemed);
    let formula = if with_deemed {
        text!(
            "实际缴费 {p} + 转入 {t} + 视同 {d} = {counted_now} 个月",
            "paid {p} + transferred {t} + deemed {d} = {counted_now} months"
        )
    } else if d > 0 {
        text!(
            "实际缴费 {p} + 转入 {t} = {counted_now} 个月（视同 {d} 个月不计入）",
            "paid {p} + transferred {t} = {counted_now} months (deemed {d} months do not count)"
        )
    } else {
        text!(
            "实际缴费 {p} + 转入 {t} = {counted_now} 个月",
            "paid {p} + transferred {t} = {counted_now} months"
        )
    };
    let mut c = vec![typed("paid_months", p), typed("transferred_months", t)];
    if d > 0 {
        c.push(typed("deemed_months", d));
    }
    c.extend(context::cite(&counted_g));
    cx.ex.step(
        "counted_now",
        Text::new(
            format!("截至 {} 计入年限的月数", i.as_of),
            format!("months that count up to {}", i.as_of),
        ),
        formula,
        counted_now,
        "months",
        c,
    );
    cx.ex.note(text!(
        "按计算月份（{}）有效的规则计算，假定到退休时规则不变",
        "computed with the rules in force at the as-of month ({}), assuming they still apply at retirement",
        i.as_of
    ));

    let topup_rule = TopUpRule {
        rate: context::rate(&rate_g),
        rate_cite: context::cite(&rate_g),
        situations: context::set(&situations_g).map(<[String]>::to_vec),
        situations_cite: context::cite(&situations_g),
        to_pa: context::flag(&to_pa_g),
        to_pa_cite: context::cite(&to_pa_g),
        after: context::months(&after_g),
        after_cite: context::cite(&after_g),
        rounding,
        rounding_cite: rcite,
    };

    let stop_now = scenario(
        &mut cx,
        &i,
        &ret,
        min_months,
        counted_now,
        "stop_now",
        &topup_rule,
    )?;
    let continue_paying = if i.situation.retired() {
        None
    } else {
        let more = ret.month.months_since(i.as_of).max(0) as u32;
        let counted = counted_now + more;
        let r = ret.month;
        cx.ex.step(
            "counted_continue",
            text!("若持续缴费至退休", "if payments go on until retirement"),
            text!(
                "{counted_now} + {more}（{} 至 {r} 前一月）= {counted} 个月",
                "{counted_now} + {more} ({} to the month before {r}) = {counted} months",
                i.as_of
            ),
            counted,
            "months",
            vec![],
        );
        Some(scenario(
            &mut cx,
            &i,
            &ret,
            min_months,
            counted,
            "continue",
            &topup_rule,
        )?)
    };
    let shortfall_rule = context::choice(&shortfall_g).map(str::to_string);
    if shortfall_rule.as_deref() == Some("monthly_or_one_off") && stop_now.shortfall_months > 0 {
        let m = stop_now.shortfall_months;
        cx.ex.step(
            "shortfall_rule",
            text!("年限不足的办法", "when years are short"),
            text!(
                "可按月继续缴纳 {m} 个月，或一次性缴纳不足年限的费用",
                "keep paying monthly for {m} months, or pay the missing months at once"
            ),
            m,
            "months",
            context::cite(&shortfall_g),
        );
    }
    Ok(EligibilityResult {
        city: o.city.id.clone(),
        city_name: o.city.name.clone(),
        as_of: i.as_of,
        situation: i.situation,
        retirement: ret,
        min_months,
        stop_now,
        continue_paying,
        shortfall_rule,
        rules_version: o.rules.version.clone(),
        explanation: std::mem::take(&mut cx.ex),
    })
}

struct TopUpRule {
    rate: Option<Ratio>,
    rate_cite: Vec<Cite>,
    situations: Option<Vec<String>>,
    situations_cite: Vec<Cite>,
    to_pa: Option<bool>,
    to_pa_cite: Vec<Cite>,
    after: Option<u32>,
    after_cite: Vec<Cite>,
    rounding: Rounding,
    rounding_cite: Vec<Cite>,
}

fn scenario(
    cx: &mut Ctx,
    i: &Inputs,
    ret: &Retirement,
    min_months: u32,
    counted: u32,
    key: &str,
    rule: &TopUpRule,
) -> Result<Scenario, Error> {
    let shortfall = min_months.saturating_sub(counted);
    let (label_zh, label_en) = if key == "stop_now" {
        ("若现在停止缴费", "if payments stop now")
    } else {
        ("若持续缴费至退休", "if payments go on until retirement")
    };
    let r = ret.month;
    if shortfall == 0 {
        cx.ex.step(
            &format!("{key}.shortfall"),
            Text::new(format!("{label_zh}：差额"), format!("{label_en}: months missing")),
            text!("{counted} ≥ {min_months}：达到年限，退休时直接享受退休人员待遇，不再缴费", "{counted} ≥ {min_months}: the minimum is met; retiree benefits at retirement with no more to pay"),
            0,
            "months",
            vec![],
        );
        return Ok(Scenario {
            counted_months: counted,
            shortfall_months: 0,
            eligible: true,
            topup: None,
            benefits_from: Some(r.max(i.as_of)),
        });
    }
    cx.ex.step(
        &format!("{key}.shortfall"),
        Text::new(
            format!("{label_zh}：差额"),
            format!("{label_en}: months missing"),
        ),
        text!(
            "{min_months} − {counted} = {shortfall} 个月",
            "{min_months} − {counted} = {shortfall} months"
        ),
        shortfall,
        "months",
        vec![],
    );
    let topup = topup(cx, i, ret, shortfall, key, rule)?;
    let benefits_from = topup.as_ref().and_then(|t| t.benefits_from);
    Ok(Scenario {
        counted_months: counted,
        shortfall_months: shortfall,
        eligible: false,
        topup,
        benefits_from,
    })
}

fn topup(
    cx: &mut Ctx,
    i: &Inputs,
    ret: &Retirement,
    months: u32,
    key: &str,
    rule: &TopUpRule,
) -> Result<Option<TopUp>, Error> {
    let (Some(rate), Some(situations)) = (rule.rate, rule.situations.as_ref()) else {
        return Ok(None);
    };
    let s = i.situation;
    if !situations.iter().any(|x| x == s.id()) {
        let (cz, ce, sid) = (&cx.city.name.zh, &cx.city.name.en, s.id());
        return Err(Error::field(
            "situation",
            "no_rule_for_situation",
            text!(
                "{cz} 的规则没有为情形 {sid} 规定补缴办法",
                "{ce}'s rules set no top-up for the situation {sid}"
            ),
        ));
    }
    // The base the rule names for the situation.
    let (base, base_formula, mut base_cites) = match s {
        Situation::Employee | Situation::Flexible => {
            let Some(b) = i.last_base else {
                cx.ex.note(text!(
                    "填写本人最后一次缴费基数（last_base）即可算出补缴金额",
                    "enter the last contribution base (last_base) to see the top-up cost"
                ));
                return Ok(None);
            };
            (
                b,
                text!("本人最后一次缴费基数 {b}", "last contribution base {b}"),
                vec![typed("last_base", b)],
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
            let floor_g = cx.need("employee.base.floor");
            cx.check()?;
            let Some(f) = context::money(&floor_g) else {
                return Err(Error::Input { errors: Vec::new() });
            };
            let b = p.max(f);
            let mut c = vec![typed("pension", p)];
            c.extend(context::cite(&floor_g));
            (
                b,
                text!(
                    "max(上月养老金 {p}, 当年最低缴费基数 {f}) = {b}",
                    "max(last month's pension {p}, the year's minimum base {f}) = {b}"
                ),
                c,
            )
        }
        Situation::FlexibleRetiree => {
            let avg_g = cx.need("flexible.base");
            cx.check()?;
            let Some(a) = context::money(&avg_g) else {
                return Err(Error::Input { errors: Vec::new() });
            };
            (
                a,
                text!(
                    "全省上年度全口径平均工资（月）{a}",
                    "the province's prior-year full-caliber average wage (monthly) {a}"
                ),
                context::cite(&avg_g),
            )
        }
    };
    base_cites.extend(rule.situations_cite.clone());
    cx.ex.step(
        &format!("{key}.topup_base"),
        text!("补缴基数", "top-up base"),
        base_formula,
        base,
        "yuan/month",
        base_cites,
    );

    let product = base
        .amount()
        .checked_mul(Decimal::from(months))
        .ok_or_else(|| super::overflow("last_base"))?;
    let amount = super::apply("last_base", product, rate, rule.rounding)?;
    let (rs, (rz, re)) = (rate.show(), rounding_note(rule.rounding));
    let mut c = rule.rate_cite.clone();
    c.extend(rule.rounding_cite.clone());
    cx.ex.step(
        &format!("{key}.topup"),
        text!("一次性补缴", "one-off top-up"),
        text!(
            "{months} 个月 × {base} × {rs} = {amount}（{rz}）",
            "{months} months × {base} × {rs} = {amount} ({re})"
        ),
        amount,
        "yuan",
        c,
    );
    let payer = s.payer();
    let payer_text = match payer {
        Payer::Employer => text!("由单位缴纳", "paid by the employer"),
        Payer::Person => text!("由本人缴纳", "paid by the person"),
    };
    cx.ex.note(payer_text);
    if rule.to_pa == Some(false) {
        cx.ex.step(
            &format!("{key}.to_personal_account"),
            text!("补缴部分计入个人账户", "top-up to the personal account"),
            text!("不计入", "none of it"),
            "false",
            "",
            rule.to_pa_cite.clone(),
        );
    }

    // Bankrupt enterprises also pay the employer's 大病 share up to life expectancy.
    let serious_illness = if s == Situation::Bankrupt {
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
        let life_g = cx.need("retiree.life_expectancy");
        let fixed_g = cx.need("employee.fixed.employer");
        cx.check()?;
        let (Some(life), Some(fixed)) = (context::years(&life_g), context::money(&fixed_g)) else {
            return Err(Error::Input { errors: Vec::new() });
        };
        let years = (life - age).max(Decimal::ZERO);
        let raw = fixed
            .amount()
            .checked_mul(Decimal::from(12))
            .and_then(|m| m.checked_mul(years))
            .ok_or_else(|| super::overflow("bankruptcy_age"))?;
        let si = rule.rounding.apply(raw);
        let (ys, ls, ags) = (plain(years), plain(life), plain(age));
        let mut c: Vec<Cite> = context::cite(&life_g);
        c.extend(context::cite(&fixed_g));
        c.push(typed("bankruptcy_age", ags.clone()));
        cx.ex.step(
            &format!("{key}.serious_illness"),
            text!("大病保险单位部分一次性补足", "employer's 大病 share, paid at once"),
            text!("{fixed} × 12 × (期望寿命 {ls} − 破产时年龄 {ags} = {ys} 年) = {si}", "{fixed} × 12 × (life expectancy {ls} − age at bankruptcy {ags} = {ys} years) = {si}"),
            si,
            "yuan",
            c,
        );
        cx.ex.note(text!(
            "大病保险个人部分从退休人员个人账户中按年度代扣",
            "the individual 大病 share is deducted yearly from the retiree's personal account"
        ));
        Some(si)
    } else {
        None
    };

    let default_payment = if s.retired() {
        i.as_of
    } else {
        ret.month.max(i.as_of)
    };
    let payment_month = i.payment_month.unwrap_or(default_payment);
    let benefits_from = match rule.after {
        Some(after) => {
            let from = payment_month
                .plus(after as i32)
                .ok_or_else(|| super::overflow("payment_month"))?;
            cx.ex.step(
                &format!("{key}.benefits_from"),
                text!("开始享受退休人员待遇", "retiree benefits begin"),
                text!(
                    "补缴月份 {payment_month} + {after} = {from}",
                    "month of payment {payment_month} + {after} = {from}"
                ),
                from,
                "month",
                rule.after_cite.clone(),
            );
            Some(from)
        }
        None => None,
    };
    Ok(Some(TopUp {
        months,
        base,
        rate: rate.show(),
        amount,
        payer,
        to_personal_account: rule.to_pa,
        serious_illness,
        payment_month,
        benefits_from,
    }))
}
