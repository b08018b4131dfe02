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
use crate::trace::{Expr, Term};

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

/// How a county's deficit is being covered: the parts so far, and where its steps go.
struct Covering {
    covers: Vec<Cover>,
    policy: Option<Money>,
    /// The steps' key before each part ("2024.A.deficit") and who they are about ("2024 A").
    key: String,
    who: String,
    rounding: Rounding,
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

    /// A figure of the covering, computed by `e` and recorded as its step.
    fn step(&self, cx: &mut Ctx, part: &str, label: &Text, e: Expr) -> Result<Money, Error> {
        let who = &self.who;
        cx.money(
            format!("{}.{part}", self.key),
            Text::new(
                format!("{who} {}", label.zh),
                format!("{who}: {}", label.en),
            ),
            "rows",
            e,
            self.rounding,
        )
    }

    /// A part of the cover from `source`, computed by `e`: its step, and the part itself.
    fn cover(
        &mut self,
        cx: &mut Ctx,
        part: &str,
        source: CoverSource,
        label: Text,
        e: Expr,
    ) -> Result<Money, Error> {
        let a = self.step(cx, part, &label, e)?;
        self.push(source, label, a);
        Ok(a)
    }

    /// Takes up to `due` from an account (never below zero) as a part of the cover, with
    /// its step: the smaller of the two. Nothing is recorded when there is nothing to take
    /// or nothing due.
    #[allow(clippy::too_many_arguments)]
    fn take(
        &mut self,
        cx: &mut Ctx,
        part: &str,
        source: CoverSource,
        label: Text,
        account_name: (&'static str, &'static str),
        account: &mut Money,
        due: &mut Money,
    ) -> Result<Money, Error> {
        let held = (*account).max(Money::ZERO);
        if held.is_zero() || due.is_zero() {
            return Ok(Money::ZERO);
        }
        let e = Expr::min(
            Expr::money(*due).named("待弥补", "still due"),
            Expr::money(held).named(account_name.0, account_name.1),
        );
        let a = self.cover(cx, part, source, label, e)?;
        *account = minus(*account, a)?;
        *due = minus(*due, a)?;
        Ok(a)
    }

    /// The county's own historical surplus first (黄冈 第十八条, 济宁 三（四）6).
    fn take_historical(
        &mut self,
        cx: &mut Ctx,
        label: Text,
        county: &str,
        due: &mut Money,
        books: &mut Books,
    ) -> Result<(), Error> {
        let mut balance = books.balance.get(county).copied().unwrap_or(Money::ZERO);
        self.take(
            cx,
            "historical",
            CoverSource::HistoricalSurplus,
            label,
            ("历史结余", "historical surplus"),
            &mut balance,
            due,
        )?;
        books.balance.insert(county.to_string(), balance);
        Ok(())
    }
}

fn waterfall(
    cx: &mut Ctx,
    c: &mut Covering,
    gov: &Cited<Ratio>,
    county: &str,
    mut due: Money,
    books: &mut Books,
) -> Result<(), Error> {
    c.take_historical(
        cx,
        text!("历史结余", "historical surplus"),
        county,
        &mut due,
        books,
    )?;
    let mut adj = books.adjustment.get(county).copied().unwrap_or(Money::ZERO);
    c.take(
        cx,
        "adjustment",
        CoverSource::AdjustmentFund,
        text!("本县提取的风险调剂金", "the county's risk adjustment fund"),
        ("风险调剂金", "adjustment fund"),
        &mut adj,
        &mut due,
    )?;
    books.adjustment.insert(county.to_string(), adj);
    if due.is_zero() {
        return Ok(());
    }
    // The split, as the parameter gives it (黄冈: 8/10 → 8:2).
    let split = gov.value.show_split();
    let (gov_n, pool_n) = split.split_once(':').unwrap_or(("", ""));
    let remaining = || Expr::money(due).named("余额", "remaining");
    let label = Text::new(
        format!("县政府（{split} 中的 {gov_n}）"),
        format!("county government (the {gov_n} of {split})"),
    );
    let gov_part = c.cover(
        cx,
        "government",
        CoverSource::CountyGovernment,
        label,
        remaining() * gov.expr(),
    )?;
    let label = Text::new(
        format!("统筹调节金（{split} 中的 {pool_n}）"),
        format!("pooling adjustment fund (the {pool_n} of {split})"),
    );
    let pool_part = c.step(
        cx,
        "pooling_share",
        &text!("统筹调节金应承担", "owed by the pooling adjustment fund"),
        remaining() - Expr::money(gov_part).named("县政府", "county government"),
    )?;
    let mut owed = pool_part;
    let paid_pool = c.take(
        cx,
        "pooling",
        CoverSource::PoolingFund,
        label,
        ("统筹调节金", "pooling fund"),
        &mut books.pooling,
        &mut owed,
    )?;
    if !owed.is_zero() {
        c.cover(
            cx,
            "rest",
            CoverSource::CountyGovernmentRest,
            text!("缺口地政府全额补足", "county government, the rest"),
            Expr::money(pool_part).named("统筹调节金应承担", "owed by the pooling fund")
                - Expr::money(paid_pool).named("已付", "paid"),
        )?;
    }
    Ok(())
}

/// `historical`: 济宁's method (三（四）6), where the county's historical surplus goes first and
/// the city fund helps only "在全市城镇职工医保基金仍有累计结余的情况下": its share stops at what it
/// holds. 郑州's and 温州's split (四（三）, 二（二）9) sets no such condition.
fn shared(
    cx: &mut Ctx,
    c: &mut Covering,
    city_share: Option<&Cited<Ratio>>,
    historical: bool,
    county: &str,
    mut due: Money,
    books: &mut Books,
) -> Result<(), Error> {
    if historical {
        c.take_historical(
            cx,
            text!("本县历史结余", "the county's historical surplus"),
            county,
            &mut due,
            books,
        )?;
    }
    if due.is_zero() {
        return Ok(());
    }
    let Some(city_share) = city_share else {
        // The split is needed after all: the year is computed again with it.
        books.split_needed = true;
        return Ok(());
    };
    let css = city_share.value.show();
    let remaining = || Expr::money(due).named("余额", "remaining");
    let city_part = c.step(
        cx,
        "city_share",
        &text!("市级基金应承担（{css}）", "owed by the city fund ({css})"),
        remaining() * city_share.expr(),
    )?;
    let label = text!("县级政府", "county government");
    let gov_part = c.step(
        cx,
        "government",
        &label,
        remaining() - Expr::money(city_part).named("市级基金应承担", "owed by the city fund"),
    )?;
    // A fund pays from what it holds: the city's part beyond its balance is covered by no
    // rule (济宁 三（四）6 says so outright, "仍有累计结余"; the other documents are silent,
    // and the pool is never shown below zero).
    let mut owed = city_part;
    let paid = c.take(
        cx,
        "city",
        CoverSource::CityFund,
        text!("市级基金", "city fund"),
        ("市级基金累计结余", "city fund's surplus"),
        &mut books.city_pool,
        &mut owed,
    )?;
    c.push(CoverSource::CountyGovernment, label, gov_part);
    if !owed.is_zero() {
        let label = if historical {
            text!("市级基金已无累计结余（文件规定“在全市城镇职工医保基金仍有累计结余的情况下”），文件未规定来源", "the city fund has no accumulated surplus left (the notice: “while the city's fund still has an accumulated surplus”); the document does not say who covers it")
        } else {
            text!("市级基金已无累计结余，文件未规定来源", "the city fund has no accumulated surplus left; the document does not say who covers it")
        };
        c.cover(
            cx,
            "uncovered",
            CoverSource::Uncovered,
            label,
            Expr::money(city_part).named("市级基金应承担", "owed by the city fund")
                - Expr::money(paid).named("已付", "paid"),
        )?;
    }
    Ok(())
}

fn surplus_then_policy(
    cx: &mut Ctx,
    c: &mut Covering,
    mut due: Money,
    books: &mut Books,
) -> Result<(), Error> {
    let d0 = due;
    let a = c.take(
        cx,
        "accumulated",
        CoverSource::AccumulatedSurplus,
        text!(
            "历年结余基金（含当年他县结余）",
            "accumulated surplus (with other counties' surpluses of the year)"
        ),
        ("历年结余", "accumulated surplus"),
        &mut books.city_pool,
        &mut due,
    )?;
    if !due.is_zero() {
        let policy = c.step(
            cx,
            "policy",
            &text!(
                "不足部分，须调整医保管理政策",
                "uncovered: the city must adjust its policy"
            ),
            Expr::money(d0).named("缺口", "deficit")
                - Expr::money(a).named("历年结余", "accumulated surplus"),
        )?;
        c.policy = Some(policy);
    }
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
    let (rv, ex, c) = (row.revenue, row.expenditure, row.county.as_str());
    let mut e =
        Expr::money(rv).named("收入", "revenue") - Expr::money(ex).named("支出", "expenditure");
    if !levy.is_zero() {
        e = e - Expr::money(levy).named("提取储备金", "reserve drawn");
    }
    let result = cx.money(
        format!("{year}.{c}.result"),
        Text::new(
            format!("{year} {c} 当年收支结果"),
            format!("{year} {c}: the year's result"),
        ),
        "rows",
        e,
        r.rounding,
    )?;
    let mut surplus_not_kept = None;
    let mut to_city = None;
    let mut covering = Covering {
        covers: Vec::new(),
        policy: None,
        key: format!("{year}.{c}.deficit"),
        who: format!("{year} {c}"),
        rounding: r.rounding,
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
            format!("{year}.{c}.surplus"),
            Text::new(
                format!("{year} {c} 当年结余的去向"),
                format!("{year} {c}: where the surplus goes"),
            ),
            whose,
            result,
            "yuan",
            &cites,
        );
    } else {
        let due = result.negate();
        // Who covers it, by the city's method; each part below is a step of its own.
        cx.fact(
            format!("{year}.{c}.deficit"),
            Text::new(
                format!("{year} {c} 当年缺口"),
                format!("{year} {c}: deficit"),
            ),
            r.method.value.label(),
            due,
            "yuan",
            std::slice::from_ref(&r.method.cite),
        );
        match &r.deficit {
            Rule::ReserveWaterfall { gov_share } => {
                waterfall(cx, &mut covering, gov_share, c, due, books)?
            }
            Rule::HistoricalThenShared { city_share } => {
                shared(cx, &mut covering, city_share.as_ref(), true, c, due, books)?
            }
            Rule::Shared { city_share } => {
                shared(cx, &mut covering, city_share.as_ref(), false, c, due, books)?
            }
            Rule::SurplusThenPolicy => surplus_then_policy(cx, &mut covering, due, books)?,
        }
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
