//! The eligibility result's headline figures and its place in the registry.

use super::*;

/// A scenario's figures as headline cards, grouped.
pub(super) fn scenario_headline(
    out: &mut Vec<crate::registry::Headline>,
    s: &Scenario,
    group: (&'static str, Text),
    keys: (&'static str, &'static str, &'static str),
) {
    use crate::registry::Headline as H;
    let (g, label) = group;
    let steps: (
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    ) = if g == "stop_now" {
        (
            &[
                "min_months",
                "counted_now",
                "counted_rule",
                "stop_now.shortfall",
            ],
            &[
                "stop_now.topup",
                "stop_now.to_personal_account",
                "stop_now.serious_illness",
            ],
            &["stop_now.benefits_from"],
        )
    } else {
        (
            &["min_months", "counted_continue", "continue.shortfall"],
            &[
                "continue.topup",
                "continue.to_personal_account",
                "continue.serious_illness",
            ],
            &["continue.benefits_from"],
        )
    };
    let mut short = H::months(
        keys.0,
        text!("仍差", "months missing"),
        s.shortfall_months,
        steps.0,
    );
    if s.eligible {
        short = short.detail(text!(
            "已达到最低缴费年限，退休后不再缴纳基本医保费",
            "the minimum is met: no basic premium after retirement"
        ));
    }
    out.push(short.in_group(g, &label));
    if let Some(t) = &s.topup {
        let mut h = H::money(
            keys.1,
            text!("一次性补缴", "one-off top-up"),
            t.amount,
            steps.1,
        );
        match t.payer {
            Some(Payer::Employer) => h = h.detail(text!("由单位缴纳", "paid by the employer")),
            Some(Payer::Person) => h = h.detail(text!("由本人缴纳", "paid by the person")),
            None => {}
        }
        if t.estimate {
            h = h.detail(text!(
                "按最后一次缴费基数估算",
                "estimated on the last contribution base"
            ));
        }
        out.push(h.in_group(g, &label));
    }
    if let Some(b) = s.benefits_from {
        out.push(
            H::plain(
                keys.2,
                text!("退休待遇起始", "retiree benefits from"),
                b,
                steps.2,
            )
            .in_group(g, &label),
        );
    }
}

/// Months as years and months, as people count them: "14 年", "13 年 8 个月".
pub(super) fn years(months: u32) -> Text {
    let (y, m) = (months / 12, months % 12);
    match (y, m) {
        (y, 0) => Text::new(format!("{y} 年"), count_en(y, "year", "years")),
        (0, m) => Text::new(format!("{m} 个月"), count_en(m, "month", "months")),
        (y, m) => Text::new(
            format!("{y} 年 {m} 个月"),
            format!(
                "{} {}",
                count_en(y, "year", "years"),
                count_en(m, "month", "months")
            ),
        ),
    }
}

/// 退休待遇与补缴 in the registry.
pub struct Eligibility;

impl crate::registry::Computation for Eligibility {
    const KIND: &'static str = "eligibility";
    type Request = EligibilityRequest;
    type Result = EligibilityResult;
    fn compute(req: &EligibilityRequest) -> Result<EligibilityResult, Error> {
        eligibility(req)
    }
    fn headline(r: &EligibilityResult) -> Vec<crate::registry::Headline> {
        use crate::registry::Headline as H;
        let ret = &r.retirement;
        let (y, m, month) = (ret.age_years, ret.age_months, ret.month);
        let mut out = vec![H::plain(
            "retirement",
            text!("法定退休月份", "statutory retirement month"),
            month,
            &["retirement_month"],
        )
        .detail(Text::new(
            format!("{y}岁{m}个月"),
            format!(
                "at {} {}",
                count_en(y, "year", "years"),
                count_en(m, "month", "months")
            ),
        ))];
        let now = if r.retired {
            text!(
                "已于 {month} 达到法定退休年龄",
                "reached the statutory retirement age in {month}"
            )
        } else {
            text!("若现在停止缴费", "if payments stop now")
        };
        if let Some(s) = &r.stop_now {
            scenario_headline(
                &mut out,
                s,
                ("stop_now", now),
                ("shortfall", "topup", "benefits_from"),
            );
        }
        if let Some(c) = &r.continue_paying {
            let label = text!("若持续缴费至退休", "if payments go on until retirement");
            scenario_headline(
                &mut out,
                c,
                ("continue", label),
                (
                    "continue.shortfall",
                    "continue.topup",
                    "continue.benefits_from",
                ),
            );
        }
        if let Some(f) = &r.retiree_fixed {
            if let (Some(t), Some(e), Some(i)) = (f.monthly_total, f.employer, f.individual) {
                out.push(
                    H::money("retiree_fixed", text!("退休后每月仍缴", "still paid each month after retirement"), t, &["retiree_fixed", "retiree_fixed.rule"])
                        .detail(text!("大病保险等定额：单位 {e}，个人 {i}", "fixed amounts such as serious-illness insurance: employer {e}, individual {i}")),
                );
            }
        }
        out
    }
    fn summary(r: &EligibilityResult) -> Text {
        let ret = &r.retirement;
        let (month, y, m) = (ret.month, ret.age_years, ret.age_months);
        // Going on paying is what someone still working does; a retiree's count is final.
        let s = r.continue_paying.as_ref().or(r.stop_now.as_ref());
        let (Some(s), Some(min)) = (s, r.min_months) else {
            return text!("法定退休月份 {month}（{y}岁{m}个月）；本市最低缴费年限未公布", "statutory retirement month {month} (at {y} y {m} m); the city's minimum years are not published");
        };
        let counted = years(s.counted_months);
        let min = years(min);
        let when = if r.continue_paying.is_some() {
            text!("到 {month} 退休时", "at retirement in {month}, ")
        } else {
            Text::default()
        };
        if s.eligible {
            return Text::new(
                format!(
                    "{}累计 {} ≥ 最低 {}：退休后不再缴纳基本医保费",
                    when.zh, counted.zh, min.zh
                ),
                format!(
                    "{}{} counted ≥ the minimum {}: no basic premium after retirement",
                    when.en, counted.en, min.en
                ),
            );
        }
        let short = years(s.shortfall_months);
        let cost = match &s.topup {
            Some(t) if t.estimate => text!(
                "；一次性补缴约 {} 元（估算）",
                "; a one-off top-up of about {} yuan (estimated)",
                t.amount
            ),
            Some(t) => text!(
                "；一次性补缴 {} 元",
                "; a one-off top-up of {} yuan",
                t.amount
            ),
            None => Text::default(),
        };
        Text::new(
            format!(
                "{}累计 {}，还差 {}{}",
                when.zh, counted.zh, short.zh, cost.zh
            ),
            format!(
                "{}{} counted, {} short{}",
                when.en, counted.en, short.en, cost.en
            ),
        )
    }
    fn explanation(r: &EligibilityResult) -> &Explanation {
        &r.explanation
    }
    fn params() -> &'static [crate::model::ParamId] {
        use crate::model::ParamId::*;
        &[
            MaleOriginalAge,
            MaleFinalAge,
            MaleStep,
            F55OriginalAge,
            F55FinalAge,
            F55Step,
            F50OriginalAge,
            F50FinalAge,
            F50Step,
            ReformFrom,
            MinYears,
            MinYearsWomen,
            MinActualYears,
            CountedMonthsRule,
            TransferredCount,
            ShortfallRule,
            TopupRate,
            TopupBaseRule,
            TopupAverageWage,
            TopupSituations,
            TopupToPersonalAccount,
            BenefitsAfterTopup,
            BenefitsAfterTopupStatedFor,
            RetireePaysFixed,
            LifeExpectancy,
            BaseFloor,
            FlexibleBase,
            EmployerFixed,
            IndividualFixed,
            RoundingMoney,
        ]
    }
    fn options(req: &mut EligibilityRequest) -> crate::registry::RequestOptions<'_> {
        crate::registry::RequestOptions {
            overrides: &mut req.overrides,
            official_only: &mut req.official_only,
            explain: &mut req.explain,
        }
    }
}
