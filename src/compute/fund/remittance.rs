//! Pre-pooling balances (统筹前历史结余): what stays with the county, what the city
//! collects, and by when. 盐城 第七条 (two halves, each by its month), 济宁 三（四）5 (30%
//! collected, 70% held at the county), 郑州 四（四） (all collected but about a month of
//! payments).

use serde::Serialize;

use super::rows::Row;
use super::{minus, plus, Books, FundRules};
use crate::error::Error;
use crate::lookup::{Cited, Ctx};
use crate::model::{Money, ParamId, PrePoolingDeficit, Ratio, Text, YearMonth};
use crate::text;
use crate::trace::{Expr, Term};

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Remittance {
    pub county: String,
    pub amount: Money,
    pub due: Option<YearMonth>,
    pub label: Text,
}

pub(crate) struct Rule {
    collected: Option<Cited<Ratio>>,
    first_due: Option<Cited<YearMonth>>,
    second_due: Option<Cited<YearMonth>>,
    kept_months: Option<Cited<u32>>,
}

pub(crate) fn local<T: crate::lookup::FromValue>(
    cx: &mut Ctx,
    id: ParamId,
) -> Result<Option<Cited<T>>, Error> {
    if !cx.has(id) {
        return Ok(None);
    }
    let n = cx.need::<T>(id);
    cx.resolve(n).map(Some)
}

/// A county's deficit from before pooling, and who bears it by the city's rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrePoolingGap {
    pub county: String,
    pub amount: Money,
    pub borne_by: PrePoolingDeficit,
    pub label: Text,
}

impl Rule {
    /// The city's rules for pre-pooling balances, looked up only where some county has one
    /// (a share nobody published is asked for only when it matters).
    pub(crate) fn look_up(cx: &mut Ctx, any_surplus: bool) -> Result<Rule, Error> {
        if !any_surplus {
            return Ok(Rule {
                collected: None,
                first_due: None,
                second_due: None,
                kept_months: None,
            });
        }
        Ok(Rule {
            collected: local(cx, ParamId::CollectedShare)?,
            first_due: local(cx, ParamId::FirstDue)?,
            second_due: local(cx, ParamId::SecondDue)?,
            kept_months: local(cx, ParamId::KeptMonths)?,
        })
    }
}

fn remittance(
    cx: &mut Ctx,
    r: &Row,
    label: Text,
    due: &Option<Cited<YearMonth>>,
    e: Expr,
    rounding: crate::model::Rounding,
) -> Result<Remittance, Error> {
    let d = due
        .as_ref()
        .map_or_else(|| "—".to_string(), |d| d.value.to_string());
    let c = &r.county;
    let step_label = Text::new(
        format!("{c}：{}（截止 {d}）", label.zh),
        format!("{c}: {} (due by {d})", label.en),
    );
    let amount = cx.money(format!("{c}.remittance"), step_label, "rows", e, rounding)?;
    Ok(Remittance {
        county: c.clone(),
        amount,
        due: due.as_ref().map(|d| d.value),
        label,
    })
}

/// A deficit from before pooling: never carried into the pooled fund; the step says who
/// bears it by the city's rule (盐城 第九条, 黄冈 第十五条, 郑州 四（四）, 温州, 济宁 三（四）5).
fn pre_pooling_gap(
    cx: &mut Ctx,
    rules: &FundRules,
    r: &Row,
    opening: Money,
) -> Result<PrePoolingGap, Error> {
    let c = &r.county;
    let amount = opening.negate();
    let Some(rule) = &rules.pre_pooling else {
        let (zh, en) = (&cx.city.name.zh, &cx.city.name.en);
        return Err(Error::field(
            super::rows::field(r.line, "opening_balance"),
            "no_rule_for_deficit",
            text!("{zh}的统筹文件没有规定统筹前缺口的承担办法，期初结余不能为负", "{en}'s pooling document sets no rule for a deficit from before pooling; the opening balance cannot be negative"),
        ));
    };
    let label = rule.value.label();
    cx.fact(
        format!("{c}.pre_pooling_deficit"),
        Text::new(
            format!("{c}：统筹前基金缺口 {amount}"),
            format!("{c}: deficit from before pooling, {amount}"),
        ),
        label.clone(),
        amount,
        "yuan",
        std::slice::from_ref(&rule.cite),
    );
    Ok(PrePoolingGap {
        county: c.clone(),
        amount,
        borne_by: rule.value,
        label,
    })
}

/// Each county's opening balance: the remittances, and the balance it keeps for deficits;
/// a negative one is a deficit from before pooling, borne outside the pooled fund.
pub(crate) fn remit(
    cx: &mut Ctx,
    rules: &FundRules,
    first: &[&Row],
    books: &mut Books,
) -> Result<(Vec<Remittance>, Vec<PrePoolingGap>), Error> {
    // Only the year pooling began has balances from before it. A file that starts later
    // carries its counties' balances from the year before: no remittance, and no deficit
    // "from before pooling" (a negative balance then is no such thing, and is refused).
    let pooled = cx.city.pooling_from.year();
    if let Some(year) = first.first().map(|r| r.year).filter(|y| *y > pooled) {
        for r in first {
            let opening = r.opening.unwrap_or(Money::ZERO);
            let c = &r.county;
            if opening.is_negative() {
                return Err(Error::field(
                    super::rows::field(r.line, "opening_balance"),
                    "negative_after_pooling",
                    text!(
                        "{year} 年晚于市级统筹开始（{pooled} 年）：期初结余是上年结转的县级结余，不能为负；统筹前的缺口请从 {pooled} 年起填写",
                        "{year} is after city-level pooling began ({pooled}): the opening balance is the county's balance carried from the year before and cannot be negative; for a deficit from before pooling, start the file in {pooled}"
                    ),
                ));
            }
            if !opening.is_zero() {
                cx.fact(
                    format!("{c}.carried"),
                    Text::new(format!("{c}：{year} 年初的县级结余"), format!("{c}: the county's balance at the start of {year}")),
                    text!(
                        "{opening}：上年结转（统筹于 {pooled} 年开始，不是统筹前的历史结余，不再归集）",
                        "{opening}, carried from the year before (pooling began in {pooled}: not a balance from before pooling, nothing is collected)"
                    ),
                    opening,
                    "yuan",
                    &[],
                );
            }
            books.balance.insert(c.clone(), opening);
        }
        return Ok((Vec::new(), Vec::new()));
    }
    let h = &rules.historical;
    let rounding = rules.rounding;
    let mut out = Vec::new();
    let mut gaps = Vec::new();
    for r in first {
        let opening = r.opening.unwrap_or(Money::ZERO);
        if opening.is_negative() {
            gaps.push(pre_pooling_gap(cx, rules, r, opening)?);
            books.balance.insert(r.county.clone(), Money::ZERO);
            continue;
        }
        let o = || Expr::money(opening).named("期初结余", "opening balance");
        let (kept, collected) = match (&h.collected, &h.kept_months) {
            (Some(share), _) if h.second_due.is_some() => {
                let label = text!(
                    "统筹前结余第一批上解",
                    "pre-pooling balance, first instalment"
                );
                let first_part =
                    remittance(cx, r, label, &h.first_due, o() * share.expr(), rounding)?;
                let label = text!(
                    "统筹前结余第二批上解",
                    "pre-pooling balance, second instalment"
                );
                let second = remittance(
                    cx,
                    r,
                    label,
                    &h.second_due,
                    o() - Expr::money(first_part.amount).named("第一批", "first"),
                    rounding,
                )?;
                out.extend([first_part, second]);
                (Money::ZERO, opening)
            }
            (Some(share), _) => {
                let label = text!(
                    "统筹前结余归集到市",
                    "pre-pooling balance collected by the city"
                );
                let c = remittance(cx, r, label, &h.first_due, o() * share.expr(), rounding)?;
                let amount = c.amount;
                out.push(c);
                (minus(opening, amount)?, amount)
            }
            (None, Some(months)) => {
                // All collected but the payments of the months kept, counted on this year's
                // expenditure (as read here; the document says "about").
                let m = months.value;
                let keep_e = Expr::min(
                    Expr::money(r.expenditure).named("当年支出", "this year's expenditure")
                        * months.expr()
                        / Expr::count(12),
                    o(),
                );
                let keep = cx.money(
                    format!("{}.kept", r.county),
                    text!("{}：县级预留", "{}: kept at the county", r.county),
                    "rows",
                    keep_e,
                    rounding,
                )?;
                let label = text!(
                    "统筹前结余归集到市（预留约{m}个月支付额度）",
                    "pre-pooling balance collected (about {m} months' payments kept)"
                );
                let c = remittance(
                    cx,
                    r,
                    label,
                    &h.first_due,
                    o() - Expr::money(keep).named("预留", "kept"),
                    rounding,
                )?;
                let amount = c.amount;
                out.push(c);
                (keep, amount)
            }
            _ => (opening, Money::ZERO),
        };
        // 郑州's kept months stay with the county as a payment float (四（四）): its method
        // shares deficits between city and county without drawing on a county's balance, so
        // the float is counted in the county's balance and never spent on a deficit.
        books.balance.insert(r.county.clone(), kept);
        if books.keeps_city_pool {
            books.city_pool = plus(books.city_pool, collected)?;
        }
    }
    Ok((out, gaps))
}
