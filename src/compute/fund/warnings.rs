//! 预警 (黄冈 第十六条): a warning when the pooled fund's current-year surplus rate is below
//! its line, or the accumulated surplus covers fewer months of payments than its line.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::lookup::{CiteRef, Cited, Ctx};
use crate::model::money::percent;
use crate::model::{Money, ParamId, Ratio, Rounding, Text};
use crate::text;
use crate::trace::{Expr, Term};

/// Which warning line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum WarningLine {
    SurplusRate,
    MonthsOfPayments,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Warning {
    pub line: WarningLine,
    pub label: Text,
    pub value: String,
    pub threshold: String,
    /// For the months line: the accumulated surplus the line asks for (months × monthly payments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold_amount: Option<Money>,
    pub raised: bool,
}

pub(crate) struct Rule {
    rate: Cited<Ratio>,
    months: Cited<u32>,
}

impl Rule {
    pub(crate) fn look_up(cx: &mut Ctx) -> Result<Option<Rule>, Error> {
        if !cx.has(ParamId::WarningSurplusRate) || !cx.has(ParamId::WarningMonths) {
            return Ok(None);
        }
        let needs = (
            cx.need::<Ratio>(ParamId::WarningSurplusRate),
            cx.need::<u32>(ParamId::WarningMonths),
        );
        let (rate, months) = cx.resolve(needs)?;
        Ok(Some(Rule { rate, months }))
    }
}

/// The article the warning lines rest on, as their entries cite it.
fn article(c: &CiteRef) -> Option<String> {
    match c {
        CiteRef::Rule { entry, .. } => entry.source.as_ref().map(|s| s.article.clone()),
        _ => None,
    }
}

pub(crate) fn check(
    cx: &mut Ctx,
    rule: &Rule,
    rounding: Rounding,
    year: i32,
    revenue: Money,
    expenditure: Money,
    accumulated: Money,
) -> Result<Vec<Warning>, Error> {
    let overflow = || crate::compute::overflow("rows");
    let rev = || Expr::money(revenue).named("收入", "revenue");
    let exp = || Expr::money(expenditure).named("支出", "expenditure");
    let threshold = rule.rate.value.as_decimal().unwrap_or(Decimal::ZERO);
    let ls = percent(threshold);
    let below = |r: bool| {
        if r {
            text!("低于预警线", "below the line")
        } else {
            text!("不低于预警线", "not below the line")
        }
    };
    let rate_label = Text::new(
        format!("{year} 当年结余率"),
        format!("{year}: current-year surplus rate"),
    );
    // In percent, four decimals, so a rate just under the line never shows as equal to it;
    // the comparison is on the exact rate.
    let (rate, percent_shown) = if revenue.is_zero() {
        cx.fact(
            format!("{year}.warning.surplus_rate"),
            rate_label,
            text!(
                "收入为 0：结余率按 0 计",
                "no revenue: the rate counts as 0"
            ),
            "0",
            "percent",
            &[],
        );
        (Decimal::ZERO, Decimal::ZERO)
    } else {
        let exact = revenue
            .checked_sub(expenditure)
            .ok_or_else(overflow)?
            .amount()
            .checked_div(revenue.amount())
            .ok_or_else(overflow)?;
        let shown = cx.number_rounded(
            format!("{year}.warning.surplus_rate"),
            rate_label,
            "rows",
            (rev() - exp()) / rev() * Expr::count(100),
            "percent",
            4,
        )?;
        (exact, shown)
    };
    let raised = rate < threshold;
    let shown = format!("{}%", percent_shown.normalize());
    let b = below(raised);
    cx.fact(
        format!("{year}.warning.surplus_rate.line"),
        text!(
            "{year} 结余率预警线",
            "{year}: the surplus rate's warning line"
        ),
        Text::new(
            format!("{shown} {} {ls}", b.zh),
            format!("{shown} {} {ls}", b.en),
        ),
        &ls,
        "percent",
        std::slice::from_ref(&rule.rate.cite),
    );
    let months = rule.months.value;
    let need = cx.money(
        format!("{year}.warning.need"),
        Text::new(
            format!("{year} 预警线：{months} 个月的支付额"),
            format!("{year}: the line, {months} months of payments"),
        ),
        "rows",
        rule.months.expr().named("月数", "months") * exp() / Expr::count(12),
        rounding,
    )?;
    let covered = if expenditure.is_zero() {
        cx.fact(
            format!("{year}.warning.months"),
            Text::new(
                format!("{year} 累计结余可支付月数"),
                format!("{year}: months of payments the surplus covers"),
            ),
            text!(
                "支出为 0：按 0 个月计",
                "no expenditure: counted as 0 months"
            ),
            "0",
            "months",
            &[],
        );
        Decimal::ZERO
    } else {
        cx.number_rounded(
            format!("{year}.warning.months"),
            Text::new(
                format!("{year} 累计结余可支付月数"),
                format!("{year}: months of payments the surplus covers"),
            ),
            "rows",
            Expr::money(accumulated).named("累计结余", "accumulated surplus") * Expr::count(12)
                / exp(),
            "months",
            2,
        )?
    };
    let raised2 = accumulated < need;
    let cm = covered.normalize().to_string();
    let b = below(raised2);
    cx.fact(
        format!("{year}.warning.months.line"),
        text!("{year} 可支付月数预警线", "{year}: the months line"),
        Text::new(
            format!("累计结余 {accumulated} {} {need}（{months} 个月）", b.zh),
            format!(
                "accumulated surplus {accumulated} {} {need} ({months} months)",
                b.en
            ),
        ),
        need,
        "yuan",
        std::slice::from_ref(&rule.months.cite),
    );
    if raised || raised2 {
        let art = article(&rule.rate.cite)
            .or_else(|| article(&rule.months.cite))
            .unwrap_or_default();
        cx.ex.note(text!(
            "{year} 年触发预警：市医疗保障部门应会同市财政部门向市人民政府报告（{art}）",
            "{year}: a warning line is crossed; the city's medical-security department must report to the city government with the finance department ({art})"
        ));
    }
    Ok(vec![
        Warning {
            line: WarningLine::SurplusRate,
            label: text!("当年结余率", "current-year surplus rate"),
            value: shown,
            threshold: ls,
            threshold_amount: None,
            raised,
        },
        Warning {
            line: WarningLine::MonthsOfPayments,
            label: text!(
                "累计结余可支付月数",
                "months of payments in the accumulated surplus"
            ),
            value: cm,
            threshold: months.to_string(),
            threshold_amount: Some(need),
            raised: raised2,
        },
    ])
}
