//! A county's year: its surplus, or who covers its deficit, by the city's method.
//! 黄冈 第十八条: historical surplus → the county's 风险调剂金 → county government and
//! 统筹调节金 in the set split → the county government. 济宁 三（四）6: historical surplus,
//! then the city fund and the county government. 郑州 四（三）: city and county. 盐城 第九条:
//! the accumulated surplus, else a policy adjustment.

use serde::Serialize;

use super::rows::Row;
use super::{minus, plus, Books, CountyYear, FundRules};
use crate::error::Error;
use crate::lookup::{CiteRef, Cited, Ctx};
use crate::model::{DeficitMethod, Money, ParamId, Ratio, Rounding, Text};
use crate::text;

/// Where money to cover a deficit came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CoverSource {
    HistoricalSurplus,
    AdjustmentFund,
    CountyGovernment,
    PoolingFund,
    CountyGovernmentRest,
    CityFund,
    AccumulatedSurplus,
    /// Part of a deficit no rule says who covers (济宁: the city fund's share beyond what
    /// it holds, 三（四）6's condition failing).
    Uncovered,
}

impl CoverSource {
    /// Whether the money came out of the city-level pool.
    pub fn is_city_pool(self) -> bool {
        matches!(
            self,
            CoverSource::CityFund | CoverSource::AccumulatedSurplus
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cover {
    pub source: CoverSource,
    pub label: Text,
    pub amount: Money,
}

/// How a county's deficit is covered, with the figures its method needs. One variant a
/// method: a new method in the vocabulary does not compile until it is decided here.
pub(crate) enum Rule {
    /// 黄冈 第十八条: the waterfall, with the county government's part of the split with the
    /// 统筹调节金.
    ReserveWaterfall { gov_share: Cited<Ratio> },
    /// 济宁 三（四）6: historical surplus, then the city fund's part of the split (asked only
    /// when a deficit reaches it).
    HistoricalThenShared { city_share: Option<Cited<Ratio>> },
    /// 郑州, 温州: the city fund's part of the split (asked only when a deficit reaches it).
    Shared { city_share: Option<Cited<Ratio>> },
    /// 盐城 第九条: the accumulated surplus, else a policy adjustment.
    SurplusThenPolicy,
}

impl Rule {
    /// `split_needed`: whether a deficit reaches the city/county split (else the split, often
    /// unpublished, is not asked for: a figure that does not affect the input is not asked).
    pub(crate) fn look_up(
        cx: &mut Ctx,
        method: DeficitMethod,
        split_needed: bool,
    ) -> Result<Rule, Error> {
        let city_share = |cx: &mut Ctx| -> Result<Option<Cited<Ratio>>, Error> {
            if !split_needed {
                return Ok(None);
            }
            let n = cx.need::<Ratio>(ParamId::CityShare);
            Ok(Some(cx.resolve(n)?))
        };
        Ok(match method {
            DeficitMethod::ReserveWaterfall => {
                let n = cx.need::<Ratio>(ParamId::CountyGovernmentShare);
                Rule::ReserveWaterfall {
                    gov_share: cx.resolve(n)?,
                }
            }
            DeficitMethod::HistoricalThenShared => Rule::HistoricalThenShared {
                city_share: city_share(cx)?,
            },
            DeficitMethod::Shared => Rule::Shared {
                city_share: city_share(cx)?,
            },
            DeficitMethod::SurplusThenPolicy => Rule::SurplusThenPolicy,
        })
    }
}

fn share(amount: Money, r: Ratio, rounding: Rounding) -> Result<Money, Error> {
    r.of(amount.amount())
        .map(|d| rounding.apply(d))
        .ok_or_else(|| crate::compute::overflow("rows"))
}

struct Covering {
    covers: Vec<Cover>,
    statement: Text,
    cites: Vec<CiteRef>,
    policy: Option<Money>,
}

impl Covering {
    fn push(&mut self, source: CoverSource, label: Text, amount: Money) {
        if !amount.is_zero() {
            self.covers.push(Cover {
                source,
                label,
                amount,
            });
        }
    }
}

/// Takes up to `due` from an account; returns what was taken.
fn take(account: &mut Money, due: &mut Money) -> Result<Money, Error> {
    let a = (*due).min((*account).max(Money::ZERO));
    *account = minus(*account, a)?;
    *due = minus(*due, a)?;
    Ok(a)
}

fn waterfall(
    c: &mut Covering,
    gov: &Cited<Ratio>,
    county: &str,
    mut due: Money,
    books: &mut Books,
    rounding: Rounding,
) -> Result<(), Error> {
    let d0 = due;
    let mut balance = books.balance.get(county).copied().unwrap_or(Money::ZERO);
    let a = take(&mut balance, &mut due)?;
    books.balance.insert(county.to_string(), balance);
    c.push(
        CoverSource::HistoricalSurplus,
        text!("历史结余", "historical surplus"),
        a,
    );
    let mut adj = books.adjustment.get(county).copied().unwrap_or(Money::ZERO);
    let b = take(&mut adj, &mut due)?;
    books.adjustment.insert(county.to_string(), adj);
    c.push(
        CoverSource::AdjustmentFund,
        text!("本县提取的风险调剂金", "the county's risk adjustment fund"),
        b,
    );
    // The split, as the parameter gives it (黄冈: 8/10 → 8:2).
    let split = gov.value.show_split();
    let (gov_n, pool_n) = split.split_once(':').unwrap_or(("", ""));
    let pool_part = minus(due, share(due, gov.value, rounding)?)?;
    let gov_part = minus(due, pool_part)?;
    let paid_pool = pool_part.min(books.pooling);
    books.pooling = minus(books.pooling, paid_pool)?;
    let rest = minus(pool_part, paid_pool)?;
    c.push(
        CoverSource::CountyGovernment,
        Text::new(
            format!("县政府（{split} 中的 {gov_n}）"),
            format!("county government (the {gov_n} of {split})"),
        ),
        gov_part,
    );
    c.push(
        CoverSource::PoolingFund,
        Text::new(
            format!("统筹调节金（{split} 中的 {pool_n}）"),
            format!("pooling adjustment fund (the {pool_n} of {split})"),
        ),
        paid_pool,
    );
    c.push(
        CoverSource::CountyGovernmentRest,
        text!("缺口地政府全额补足", "county government, the rest"),
        rest,
    );
    c.statement = text!(
        "缺口 {d0}：历史结余 {a}，风险调剂金 {b}，余 {due} 按 {split} → 县政府 {gov_part}、统筹调节金 {paid_pool}（应 {pool_part}），仍不足 {rest} 由县政府补足",
        "deficit {d0}: historical surplus {a}, adjustment fund {b}, the remaining {due} split {split} → county government {gov_part}, pooling fund {paid_pool} (of {pool_part}), the rest {rest} by the county government"
    );
    c.cites.push(gov.cite.clone());
    Ok(())
}

/// `historical`: 济宁's method (三（四）6), where the county's historical surplus goes first and
/// the city fund helps only "在全市城镇职工医保基金仍有累计结余的情况下": its share stops at what it
/// holds. 郑州's and 温州's split (四（三）, 二（二）9) sets no such condition.
fn shared(
    c: &mut Covering,
    city_share: Option<&Cited<Ratio>>,
    historical: bool,
    county: &str,
    mut due: Money,
    books: &mut Books,
    rounding: Rounding,
) -> Result<(), Error> {
    let d0 = due;
    let mut a = Money::ZERO;
    if historical {
        let mut balance = books.balance.get(county).copied().unwrap_or(Money::ZERO);
        a = take(&mut balance, &mut due)?;
        books.balance.insert(county.to_string(), balance);
        c.push(
            CoverSource::HistoricalSurplus,
            text!("本县历史结余", "the county's historical surplus"),
            a,
        );
    }
    let Some(city_share) = city_share else {
        if due.is_zero() {
            c.statement = text!(
                "缺口 {d0}：本县历史结余 {a} 足以弥补",
                "deficit {d0}: the county's historical surplus {a} covers it"
            );
        } else {
            // The split is needed after all: the year is computed again with it.
            books.split_needed = true;
        }
        return Ok(());
    };
    let city_part = share(due, city_share.value, rounding)?;
    let gov_part = minus(due, city_part)?;
    // A fund pays from what it holds: the city's part beyond its balance is covered by no
    // rule (济宁 三（四）6 says so outright, "仍有累计结余"; the other documents are silent,
    // and the pool is never shown below zero).
    let paid = city_part.min(books.city_pool.max(Money::ZERO));
    let unpaid = minus(city_part, paid)?;
    books.city_pool = minus(books.city_pool, paid)?;
    c.push(CoverSource::CityFund, text!("市级基金", "city fund"), paid);
    c.push(
        CoverSource::CountyGovernment,
        text!("县级政府", "county government"),
        gov_part,
    );
    c.push(CoverSource::Uncovered, text!("市级基金已无累计结余，文件未规定来源", "the city fund has no accumulated surplus left; the document does not say who covers it"), unpaid);
    let css = city_share.value.show();
    c.statement = if unpaid.is_zero() {
        text!(
            "缺口 {d0}：历史结余 {a}，余 {due} 中市级基金 {css} = {city_part}，县级政府 {gov_part}",
            "deficit {d0}: historical surplus {a}; of the remaining {due} the city fund pays {css} = {city_part}, the county government {gov_part}"
        )
    } else if historical {
        text!(
            "缺口 {d0}：历史结余 {a}，余 {due} 中市级基金应 {css} = {city_part}，但市级基金只有累计结余 {paid}（文件规定“在全市城镇职工医保基金仍有累计结余的情况下”），{unpaid} 文件未规定由谁承担；县级政府 {gov_part}",
            "deficit {d0}: historical surplus {a}; of the remaining {due} the city fund owes {css} = {city_part} but holds only {paid} (the notice: “while the city's fund still has an accumulated surplus”), so {unpaid} is covered by no rule; the county government {gov_part}"
        )
    } else {
        text!(
            "缺口 {d0}：市级基金应 {css} = {city_part}，但只有累计结余 {paid}，{unpaid} 文件未规定由谁承担；县级政府 {gov_part}",
            "deficit {d0}: the city fund owes {css} = {city_part} but holds only {paid}, so {unpaid} is covered by no rule; the county government {gov_part}"
        )
    };
    c.cites.push(city_share.cite.clone());
    Ok(())
}

fn surplus_then_policy(c: &mut Covering, mut due: Money, books: &mut Books) -> Result<(), Error> {
    let d0 = due;
    let a = take(&mut books.city_pool, &mut due)?;
    c.push(
        CoverSource::AccumulatedSurplus,
        text!(
            "历年结余基金（含当年他县结余）",
            "accumulated surplus (with other counties' surpluses of the year)"
        ),
        a,
    );
    if !due.is_zero() {
        c.policy = Some(due);
    }
    c.statement = text!(
        "缺口 {d0}：历年结余 {a}，不足 {due} 须调整医保管理政策",
        "deficit {d0}: accumulated surplus {a}; {due} uncovered: the city must adjust its policy"
    );
    Ok(())
}

pub(crate) fn county_year(
    cx: &mut Ctx,
    r: &FundRules,
    year: i32,
    row: &Row,
    levy: Money,
    books: &mut Books,
) -> Result<CountyYear, Error> {
    let result = minus(minus(row.revenue, row.expenditure)?, levy)?;
    let (rv, ex, c) = (row.revenue, row.expenditure, row.county.as_str());
    let mut surplus_not_kept = None;
    let mut to_city = None;
    let mut covering = Covering {
        covers: Vec::new(),
        statement: Text::default(),
        cites: vec![r.method.cite.clone()],
        policy: None,
    };
    if !result.is_negative() {
        // 黄冈 第十八条: kept only "在年度收入计划完成、基金支出管理规范的前提下".
        let plan_missed = r.requires_plan.as_ref().is_some_and(|p| p.value) && !row.plan_met;
        let kept = r.kept_by_county.as_ref().is_some_and(|k| k.value) && !plan_missed;
        if plan_missed && !result.is_zero() {
            surplus_not_kept = Some(result);
        }
        if kept {
            let b = books.balance.entry(c.to_string()).or_insert(Money::ZERO);
            *b = plus(*b, result)?;
        } else if books.keeps_city_pool || plan_missed {
            // 黄冈 第十八条: kept "不再上划" only when the plan was met; otherwise it goes up
            // to the city, whose budget level holds all the fund's revenue (第八条).
            books.city_pool = plus(books.city_pool, result)?;
            to_city = Some(result);
        }
        let whose = if plan_missed {
            text!(
                "年度收入计划未完成，不留存县级，上划市级（按第十八条“不再上划”的反面理解）",
                "the revenue plan was not met, so the county does not keep it: it goes up to the city (as read from Art. 18's “no longer remitted up” when the plan is met)"
            )
        } else if kept {
            text!("留存县级，结转下年", "kept by the county for next year")
        } else {
            text!("由市级统一管理", "managed by the city")
        };
        let mut cites: Vec<CiteRef> = r.kept_by_county.iter().map(|k| k.cite.clone()).collect();
        cites.extend(r.requires_plan.iter().map(|p| p.cite.clone()));
        cx.fact(
            format!("{year}.{c}.result"),
            Text::new(
                format!("{year} {c} 当年结余"),
                format!("{year} {c}: surplus"),
            ),
            Text::new(
                format!(
                    "收入 {rv} − 支出 {ex} − 提取 {levy} = {result}，{}",
                    whose.zh
                ),
                format!(
                    "revenue {rv} − expenditure {ex} − reserve {levy} = {result}, {}",
                    whose.en
                ),
            ),
            result,
            "yuan",
            &cites,
        );
    } else {
        let due = result.negate();
        match &r.deficit {
            Rule::ReserveWaterfall { gov_share } => {
                waterfall(&mut covering, gov_share, c, due, books, r.rounding)?
            }
            Rule::HistoricalThenShared { city_share } => shared(
                &mut covering,
                city_share.as_ref(),
                true,
                c,
                due,
                books,
                r.rounding,
            )?,
            Rule::Shared { city_share } => shared(
                &mut covering,
                city_share.as_ref(),
                false,
                c,
                due,
                books,
                r.rounding,
            )?,
            Rule::SurplusThenPolicy => surplus_then_policy(&mut covering, due, books)?,
        }
        let s = &covering.statement;
        cx.fact(
            format!("{year}.{c}.deficit"),
            Text::new(
                format!("{year} {c} 当年缺口"),
                format!("{year} {c}: deficit"),
            ),
            Text::new(
                format!("收入 {rv} − 支出 {ex} − 提取 {levy} = {result}；{}", s.zh),
                format!(
                    "revenue {rv} − expenditure {ex} − reserve {levy} = {result}; {}",
                    s.en
                ),
            ),
            due,
            "yuan",
            &covering.cites,
        );
    }
    Ok(CountyYear {
        county: c.to_string(),
        revenue: rv,
        expenditure: ex,
        reserve_levy: levy,
        result,
        covered_by: covering.covers,
        policy_adjustment: covering.policy,
        surplus_not_kept,
        to_city,
        closing_balance: books.balance.get(c).copied().unwrap_or(Money::ZERO),
    })
}
