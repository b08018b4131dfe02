//! 待遇等待期 for residents, and the transition of the funding standard.

use super::*;

/// 温州's transition (only where the city's rules have it): until its end the counties'
/// funding standards still differ from the city districts' and converge year by year.
pub(super) fn transition(cx: &mut Ctx) {
    if !cx.has(ParamId::ResidentTransitionTo) {
        return;
    }
    let Some(end) = cx.optional::<YearMonth>(
        ParamId::ResidentTransitionTo,
        text!(
            "不确定过渡期是否已结束",
            "whether the transition is over is not known"
        ),
    ) else {
        return;
    };
    if cx.month > end.value {
        return;
    }
    let e = end.value;
    cx.fact(
        "transition",
        text!("筹资标准过渡期", "transition of the funding standard"),
        text!(
            "过渡期至 {e}：市区维持原筹资标准，各县（市）逐年调整、到期达到市区水平；县（市）的标准可能与所示不同",
            "a transition until {e}: the city districts keep their standard while the counties converge on it year by year, so a county's figure may differ from the one shown"
        ),
        e,
        "month",
        std::slice::from_ref(&end.cite),
    );
}

/// The waiting period under 国办发〔2024〕38号, where it is in force for the year.
pub(super) fn waiting(cx: &mut Ctx, s: &Situation) -> Result<Option<u32>, Error> {
    if !cx.peek(ParamId::WaitingFixed) {
        let from = cx
            .rules
            .national
            .get(&ParamId::WaitingFixed)
            .and_then(|s| s.entries.first())
            .map(|e| e.from.year());
        let y = cx.month.year();
        cx.ex.note(match from {
            Some(from) => text!(
                "国办发〔2024〕38号的待遇等待期自{from}年起执行，{y}年不适用",
                "the waiting period of 国办发〔2024〕38号 applies from {from}, not to {y}"
            ),
            None => text!(
                "{y}年没有待遇等待期规则",
                "no waiting-period rule is on file for {y}"
            ),
        });
        return Ok(None);
    }
    let needs = (
        cx.need::<u32>(ParamId::WaitingFixed),
        cx.need::<u32>(ParamId::WaitingPerBreakYear),
        cx.need::<u32>(ParamId::WaitingPerRepaidYear),
    );
    // The long-break rule (a local reprint, secondary) only where there is a break: with
    // official figures only, a person with no break is answered from the national text.
    let long = (s.break_years > 0).then(|| {
        (
            cx.need::<Decimal>(ParamId::LongBreakYears),
            cx.need::<u32>(ParamId::LongBreakMinMonths),
        )
    });
    let (fixed, per_break, per_repaid) = cx.resolve(needs)?;
    let long = match long {
        Some(needs) => Some(cx.resolve(needs)?),
        None => None,
    };
    let label = text!("待遇等待期", "waiting period");
    if s.newborn {
        cx.fact(
            "waiting",
            label,
            text!(
                "新生儿等特殊群体除外：0 个月",
                "newborns and other special groups are exempt: 0 months"
            ),
            0,
            "months",
            &[],
        );
        return Ok(Some(0));
    }
    if s.break_years == 0 && s.in_period {
        let t = text!(
            "集中参保期内参保且未断保：无等待期",
            "enrolled in the concentrated period with no break: no waiting"
        );
        cx.fact(
            "waiting",
            label,
            t,
            0,
            "months",
            std::slice::from_ref(&fixed.cite),
        );
        return Ok(Some(0));
    }
    // "每多断保1年" — each year of break beyond the first adds a month; each year paid back
    // takes one off the variable part only.
    let breaks = Expr::input(
        "break_years",
        ("断保年数", "years of break"),
        s.break_years,
        false,
    );
    let repaid = Expr::input(
        "repaid_years",
        ("补缴年数", "years paid back"),
        s.repaid,
        false,
    );
    let variable = Expr::max(
        Expr::max(breaks - Expr::count(1), Expr::count(0)) * per_break.expr()
            - repaid * per_repaid.expr(),
        Expr::count(0),
    );
    let mut e = fixed.expr().named("固定", "fixed") + variable;
    let mut label = label;
    if let Some((long, long_min)) =
        long.filter(|(long, _)| Decimal::from(s.break_years) >= long.value)
    {
        e = Expr::max(e, long_min.expr().named("不少于", "at least"));
        let (b, l) = (s.break_years, long.value);
        label = text!(
            "待遇等待期（断保 {b} 年 ≥ {l} 年，修复后不少于下限）",
            "waiting period (a break of {b} ≥ {l} years: at least the minimum after repair)"
        );
    }
    let w = cx.number("waiting", label, "break_years", e, "months")?;
    Ok(Some(crate::compute::whole(w)))
}
