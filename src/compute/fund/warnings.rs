//! 预警 (黄冈 第十六条): a warning when the pooled fund's current-year surplus rate is below
//! its line, or the accumulated surplus covers fewer months of payments than its line.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::lookup::{CiteRef, Cited, Ctx};
use crate::model::money::percent;
use crate::model::{Money, ParamId, Ratio, Rounding, Text};
use crate::text;

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
    let surplus = revenue.checked_sub(expenditure).ok_or_else(overflow)?;
    let rate = if revenue.is_zero() {
        Decimal::ZERO
    } else {
        surplus
            .amount()
            .checked_div(revenue.amount())
            .ok_or_else(overflow)?
    };
    let threshold = rule.rate.value.as_decimal().unwrap_or(Decimal::ZERO);
    let raised = rate < threshold;
    // Four decimals, so a rate just under the line never shows as equal to it.
    let shown = format!("{}%", (rate * Decimal::ONE_HUNDRED).round_dp(4).normalize());
    let ls = percent(threshold);
    let below = |r: bool| {
        if r {
            text!("低于预警线", "below the line")
        } else {
            text!("不低于", "not below")
        }
    };
    let b = below(raised);
    cx.fact(
        format!("{year}.warning.surplus_rate"),
        Text::new(
            format!("{year} 当年结余率"),
            format!("{year}: current-year surplus rate"),
        ),
        Text::new(
            format!(
                "({revenue} − {expenditure}) ÷ {revenue} = {shown}，{} {ls}",
                b.zh
            ),
            format!(
                "({revenue} − {expenditure}) ÷ {revenue} = {shown}, {} {ls}",
                b.en
            ),
        ),
        &shown,
        "rate",
        std::slice::from_ref(&rule.rate.cite),
    );
    let months = rule.months.value;
    let need = Decimal::from(months)
        .checked_mul(expenditure.amount())
        .and_then(|d| d.checked_div(Decimal::from(12)))
        .map(|d| rounding.apply(d))
        .ok_or_else(overflow)?;
    let covered = if expenditure.is_zero() {
        Decimal::ZERO
    } else {
        (accumulated.amount() * Decimal::from(12))
            .checked_div(expenditure.amount())
            .ok_or_else(overflow)?
            .round_dp(2)
    };
    let raised2 = accumulated < need;
    let cm = covered.normalize().to_string();
    let b = below(raised2);
    cx.fact(
        format!("{year}.warning.months"),
        Text::new(format!("{year} 累计结余可支付月数"), format!("{year}: months of payments the surplus covers")),
        Text::new(
            format!("累计结余 {accumulated} ÷ (支出 {expenditure} ÷ 12) = {cm} 个月；{months} 个月 = {need}，{}", b.zh),
            format!("accumulated surplus {accumulated} ÷ (expenditure {expenditure} ÷ 12) = {cm} months; {months} months = {need}, {}", b.en),
        ),
        &cm,
        "months",
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
