//! 市级统筹基金: what the pooling rules mean for a city's and its counties' numbers, year by
//! year. One module per mechanism: [`remittance`] of pre-pooling balances (济宁 三（四）5,
//! 郑州 四（四）, 盐城 第七条), the [`reserve`] (黄冈 第十七条), who covers each county
//! [`deficit`] (黄冈 第十八条, 济宁 三（四）6, 郑州 四（三）, 盐城 第九条) and the
//! [`warnings`] (黄冈 第十六条).
//!
//! Where a rule leaves something open the step says how it is read here, and a share "set
//! separately" (济宁, 郑州) is an input, never a guess.

mod calendar;
mod deficit;
mod registry;
mod remittance;
mod reserve;
mod rows;
mod table;
mod warnings;
pub use self::registry::Fund;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use self::calendar::Calendar;
pub use self::deficit::{Cover, CoverSource};
pub use self::remittance::{PrePoolingGap, Remittance};
pub use self::reserve::ReserveYear;
pub use self::rows::FundRow;
use self::rows::Row;
pub use self::table::{table, FundRowKind, FundTable, FundTableRow};
pub use self::warnings::{Warning, WarningLine};
use super::{city, in_pooling, overflow, Options, Setup};
use crate::error::{AllOk, Error};
use crate::explain::Explanation;
use crate::input::Raw;
use crate::lookup::{parse_overrides, Cited, Ctx, Overrides};
use crate::model::{DeficitMethod, Money, ParamId, Rounding, Text};
use crate::rules::rules;
use crate::text;
use crate::trace::Expr;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct FundRequest {
    pub city: Raw,
    pub rows: Vec<FundRow>,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub overrides: Overrides,
    #[serde(alias = "officialOnly")]
    #[cfg_attr(feature = "ts", ts(rename = "officialOnly", optional = nullable))]
    pub official_only: bool,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub explain: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountyYear {
    pub county: String,
    pub revenue: Money,
    pub expenditure: Money,
    /// Drawn from the county's revenue into the risk reserve (黄冈).
    pub reserve_levy: Money,
    /// revenue − expenditure − levy: a surplus (positive) or a deficit (negative).
    pub result: Money,
    pub covered_by: Vec<Cover>,
    /// A deficit no fund covers: the city must adjust its policy (盐城 第九条).
    pub policy_adjustment: Option<Money>,
    /// A surplus the county does not keep because it missed its revenue plan (黄冈 第十八条).
    pub surplus_not_kept: Option<Money>,
    /// A surplus that went to the city-level pool.
    pub to_city: Option<Money>,
    /// The county's own balance (historical surplus) at year end.
    pub closing_balance: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FundYear {
    pub year: i32,
    pub revenue: Money,
    pub expenditure: Money,
    pub reserve: Option<ReserveYear>,
    pub counties: Vec<CountyYear>,
    /// The fund's balance at year end: the counties' balances and, where the city's rules
    /// keep one, the city-level pool (the risk reserve, in its own account, apart).
    pub accumulated_surplus: Money,
    /// The city-level pool's year, where the city's rules keep one (all but 黄冈, where it
    /// appears only when a county's surplus went up to the city).
    pub city_pool: Option<CityPool>,
    pub warnings: Vec<Warning>,
}

/// The city-level pool (市级基金) over a year: every yuan that came in or went out, so the
/// counties' surpluses and the deficits it covered can be followed to the balance.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CityPool {
    pub opening: Money,
    /// Pre-pooling balances remitted by the counties (shown in the first year).
    pub remitted: Money,
    /// The counties' surpluses of the year, managed by the city.
    pub received: Money,
    /// Paid to cover the counties' deficits.
    pub paid_out: Money,
    /// opening + remitted + received − paid out. Negative: the city fund could not pay its
    /// part from what it held (the documents do not say where the rest comes from).
    pub closing: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FundResult {
    pub city: String,
    pub city_name: Text,
    pub method: DeficitMethod,
    pub remittances: Vec<Remittance>,
    /// Deficits from before pooling (negative opening balances), borne outside the fund.
    pub pre_pooling_deficits: Vec<PrePoolingGap>,
    /// The monthly disbursement calendar, where the city's rules set one (济宁 三（四）4).
    pub calendar: Option<calendar::Calendar>,
    pub years: Vec<FundYear>,
    pub rules_version: String,
    pub explanation: Explanation,
}

/// Sums and differences of money; overflow is an error on the rows, never a wrong total.
pub(crate) fn plus(a: Money, b: Money) -> Result<Money, Error> {
    a.checked_add(b).ok_or_else(|| overflow("rows"))
}

pub(crate) fn minus(a: Money, b: Money) -> Result<Money, Error> {
    a.checked_sub(b).ok_or_else(|| overflow("rows"))
}

pub(crate) fn sum<'a>(it: impl IntoIterator<Item = &'a Money>) -> Result<Money, Error> {
    it.into_iter().try_fold(Money::ZERO, |a, b| plus(a, *b))
}

/// The fund's rules for the city, resolved once (the documents set no change over time).
pub(crate) struct FundRules {
    pub method: Cited<DeficitMethod>,
    pub reserve: Option<reserve::Rule>,
    pub warnings: Option<warnings::Rule>,
    pub deficit: deficit::Rule,
    pub historical: remittance::Rule,
    pub kept_by_county: Option<Cited<bool>>,
    /// 黄冈 第十八条: the surplus stays only where the year's revenue plan was met.
    pub requires_plan: Option<Cited<bool>>,
    pub pre_pooling: Option<Cited<crate::model::PrePoolingDeficit>>,
    pub rounding: Rounding,
}

fn look_up(cx: &mut Ctx, first: &[&Row], split_needed: bool) -> Result<FundRules, Error> {
    // Only a file that starts in the year pooling began has balances from before it (see
    // remittance::remit): a later file's opening balances are carried, and the rules for
    // collecting pre-pooling balances are neither used nor asked for.
    let pooling_year = cx.city.pooling_from.year();
    let before_pooling = first.first().is_some_and(|r| r.year == pooling_year);
    let any_surplus = before_pooling
        && first
            .iter()
            .any(|r| r.opening.is_some_and(|o| !o.is_negative() && !o.is_zero()));
    let any_deficit = before_pooling
        && first
            .iter()
            .any(|r| r.opening.is_some_and(Money::is_negative));
    let method = cx.need::<DeficitMethod>(ParamId::DeficitMethodRule);
    let method = cx.resolve(method)?;
    let reserve = reserve::Rule::look_up(cx)?;
    let warnings = warnings::Rule::look_up(cx)?;
    let deficit = deficit::Rule::look_up(cx, method.value, split_needed)?;
    let historical = remittance::Rule::look_up(cx, any_surplus)?;
    let pre_pooling = if any_deficit {
        remittance::local(cx, ParamId::PrePoolingDeficitRule)?
    } else {
        None
    };
    let requires_plan = remittance::local(cx, ParamId::SurplusRequiresPlan)?;
    let kept_by_county = if cx.has(ParamId::SurplusKeptByCounty) {
        let k = cx.need::<bool>(ParamId::SurplusKeptByCounty);
        Some(cx.resolve(k)?)
    } else {
        None
    };
    let rounding = cx.rounding(ParamId::RoundingMoney)?;
    Ok(FundRules {
        method,
        reserve,
        warnings,
        deficit,
        historical,
        kept_by_county,
        requires_plan,
        pre_pooling,
        rounding,
    })
}

/// The accounts the years move money between.
pub(crate) struct Books {
    /// Each county's own balance (historical surplus) for its deficits.
    pub balance: BTreeMap<String, Money>,
    /// Each county's 风险调剂金.
    pub adjustment: BTreeMap<String, Money>,
    /// The 统筹调节金.
    pub pooling: Money,
    /// The city-level pool, where the city's method keeps one.
    pub city_pool: Money,
    pub keeps_city_pool: bool,
    /// A deficit reached the city/county split while it was not looked up (see [`fund`]).
    pub split_needed: bool,
}

fn checked_setup(req: &FundRequest) -> Result<(Setup, Vec<Row>), Error> {
    let rules = rules()?;
    let overrides = parse_overrides(&req.overrides).map_err(|errors| Error::Input { errors });
    let (city, rows, overrides) = (
        city(rules, "city", &req.city),
        rows::read(&req.rows),
        overrides,
    )
        .all_ok()?;
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Err(Error::field(
            "rows",
            "empty",
            text!("没有数据行", "there are no rows"),
        ));
    };
    let start = |y: i32| city.first_month_of(y);
    let last_year = rows.iter().map(|r| r.year).max().unwrap_or(first.year);
    let checks = (
        start(first.year).map_or(Ok(()), |m| {
            in_pooling(city, rows::field(first.line, "year"), m)
        }),
        start(last_year).map_or(Ok(()), |m| {
            in_pooling(city, rows::field(last.line, "year"), m)
        }),
        if city.params.contains_key(&ParamId::DeficitMethodRule) {
            Ok(())
        } else {
            let (zh, en) = (&city.name.zh, &city.name.en);
            Err(Error::field("city", "no_fund_rules", text!("{zh}的统筹文件没有规定基金的储备、缺口分担或预警办法", "{en}'s pooling document sets no rule for the fund's reserve, deficits or warnings")))
        },
    );
    checks.all_ok()?;
    let month = start(first.year).unwrap_or(city.pooling_from);
    let options = Options {
        official_only: req.official_only,
        explain: req.explain.unwrap_or(true),
    };
    let setup = Setup {
        rules,
        city,
        month,
        overrides,
        official_only: options.official_only,
        explain: options.explain,
    };
    Ok((setup, rows))
}

pub fn fund(req: &FundRequest) -> Result<FundResult, Error> {
    let (setup, rows) = checked_setup(req)?;
    // The city/county split of a deficit (济宁, 郑州, 温州: "set separately", unpublished) is
    // asked for only when some deficit reaches it: the years are computed without it first,
    // and again with it when one does.
    match run(&setup, &rows, false)? {
        Some(result) => Ok(result),
        None => run(&setup, &rows, true)?.ok_or_else(|| {
            Error::field(
                "rows",
                "internal",
                text!("基金计算未能完成", "the fund could not be computed"),
            )
        }),
    }
}

/// The years; `None` when a deficit reached the split and `split_needed` was false.
fn run(setup: &Setup, rows: &[Row], split_needed: bool) -> Result<Option<FundResult>, Error> {
    let mut cx = Ctx::new(setup, "rows");
    let first_year = rows.first().map_or(0, |r| r.year);
    let last_year = rows.iter().map(|r| r.year).max().unwrap_or(first_year);
    let first: Vec<&Row> = rows.iter().filter(|r| r.year == first_year).collect();
    let r = look_up(&mut cx, &first, split_needed)?;
    let calendar = calendar::calendar(&mut cx)?;
    let mut books = Books {
        balance: BTreeMap::new(),
        adjustment: first
            .iter()
            .map(|r| (r.county.clone(), Money::ZERO))
            .collect(),
        pooling: Money::ZERO,
        city_pool: Money::ZERO,
        keeps_city_pool: r.method.value != DeficitMethod::ReserveWaterfall,
        split_needed: false,
    };
    let (remittances, pre_pooling_deficits) = remittance::remit(&mut cx, &r, &first, &mut books)?;
    // What the counties remitted before the first year, shown on the first year's line.
    let mut remitted = books.city_pool;
    books.city_pool = Money::ZERO;
    let mut prior: BTreeMap<String, Option<Money>> =
        first.iter().map(|r| (r.county.clone(), r.prior)).collect();
    let mut years = Vec::new();
    for year in first_year..=last_year {
        let this: Vec<&Row> = rows.iter().filter(|r| r.year == year).collect();
        years.push(one_year(
            &mut cx,
            &r,
            year,
            &this,
            &prior,
            std::mem::take(&mut remitted),
            &mut books,
        )?);
        prior = this
            .iter()
            .map(|r| (r.county.clone(), Some(r.revenue)))
            .collect();
    }
    if books.keeps_city_pool {
        cx.ex.note(text!(
            "按本计算器的理解：同一年内各县的当年结余先归入市级基金，再弥补当年的缺口（全市当年收支相抵），所以数据行的先后不影响结果",
            "as read here: within a year the counties' surpluses reach the city pool before the year's deficits draw on it (the city's year is netted), so the order of the rows does not change the result"
        ));
    }
    if r.reserve.is_some() {
        if first.iter().all(|r| r.prior.is_none()) {
            cx.ex.note(text!("第一年未填上年收入，第一年不提取风险储备金", "no prior-year revenue was given for the first year, so nothing is drawn into the reserve that year"));
        }
        cx.ex.note(text!(
            "按本计算器的理解：储备金从各县当年收入中提取；达到上限的一年按比例少提；累计结余指各县结余之和，不含单独专户的风险储备金",
            "as read here: the reserve is drawn from each county's revenue of the year; in the year the cap is reached each draw is cut in proportion; the accumulated surplus is the counties' balances together, without the reserve in its own account"
        ));
    }
    if books.split_needed {
        return Ok(None);
    }
    Ok(Some(FundResult {
        city: setup.city.id.clone(),
        city_name: setup.city.name.clone(),
        method: r.method.value,
        remittances,
        pre_pooling_deficits,
        calendar,
        years,
        rules_version: setup.rules.version.clone(),
        explanation: cx.finish(),
    }))
}

fn one_year(
    cx: &mut Ctx,
    r: &FundRules,
    year: i32,
    this: &[&Row],
    prior: &BTreeMap<String, Option<Money>>,
    remitted: Money,
    books: &mut Books,
) -> Result<FundYear, Error> {
    let opening = books.city_pool;
    books.city_pool = plus(opening, remitted)?;
    let revenue = sum(this.iter().map(|r| &r.revenue))?;
    let expenditure = sum(this.iter().map(|r| &r.expenditure))?;
    let (reserve, levy) = match &r.reserve {
        Some(rule) => {
            let (y, levy) = reserve::draw(cx, rule, r.rounding, year, prior, books)?;
            (Some(y), levy)
        }
        None => (None, BTreeMap::new()),
    };
    // The year's surpluses reach the pool before its deficits draw on it, so the order of
    // the rows in the file never changes who covers what; the counties are shown in the
    // file's order.
    let levy_of = |row: &Row| levy.get(&row.county).copied().unwrap_or(Money::ZERO);
    let is_deficit = |row: &Row| {
        minus(minus(row.revenue, row.expenditure)?, levy_of(row)).map(|m| m.is_negative())
    };
    let mut order: Vec<(bool, usize)> = Vec::with_capacity(this.len());
    for (i, row) in this.iter().enumerate() {
        order.push((is_deficit(row)?, i));
    }
    order.sort();
    let mut counties: Vec<Option<CountyYear>> = vec![None; this.len()];
    for (_, i) in order {
        if let (Some(row), Some(slot)) = (this.get(i), counties.get_mut(i)) {
            *slot = Some(deficit::county_year(cx, r, year, row, levy_of(row), books)?);
        }
    }
    let counties: Vec<CountyYear> = counties.into_iter().flatten().collect();
    // 黄冈 keeps no city pool of its own, but a surplus a county may not keep goes up to it.
    let city_pool = if books.keeps_city_pool
        || !opening.is_zero()
        || counties.iter().any(|c| c.to_city.is_some())
    {
        let received = sum(counties.iter().filter_map(|c| c.to_city.as_ref()))?;
        let paid_out = sum(counties
            .iter()
            .flat_map(|c| &c.covered_by)
            .filter(|c| c.source.is_city_pool())
            .map(|c| &c.amount))?;
        let mut pool = CityPool {
            opening,
            remitted,
            received,
            paid_out,
            closing: books.city_pool,
        };
        pool.closing = city_pool_step(cx, r.rounding, year, &pool)?;
        Some(pool)
    } else {
        None
    };
    let accumulated = plus(
        sum(books.balance.values())?,
        city_pool.as_ref().map_or(Money::ZERO, |p| p.closing),
    )?;
    let warnings = match &r.warnings {
        Some(rule) => warnings::check(
            cx,
            rule,
            r.rounding,
            year,
            revenue,
            expenditure,
            accumulated,
        )?,
        None => Vec::new(),
    };
    let reserve = match reserve {
        Some(mut y) => {
            y.adjustment_balance = sum(books.adjustment.values())?;
            y.pooling_balance = books.pooling;
            Some(y)
        }
        None => None,
    };
    Ok(FundYear {
        year,
        revenue,
        expenditure,
        reserve,
        counties,
        accumulated_surplus: accumulated,
        city_pool,
        warnings,
    })
}

/// The pool's year as a step: where each yuan came from and went. The closing figure is
/// the step's sum, and must be what the books hold (it is, by construction: every move of
/// the pool is one of these four).
fn city_pool_step(
    cx: &mut Ctx,
    rounding: Rounding,
    year: i32,
    p: &CityPool,
) -> Result<Money, Error> {
    let caveat = if p.closing.is_negative() {
        text!("（市级基金不足支付其应承担部分，文件未规定差额来源）", " (the city fund held less than its part; the documents do not say where the difference comes from)")
    } else {
        Text::default()
    };
    cx.money(
        format!("{year}.city_pool"),
        Text::new(
            format!("{year} 市级基金年末{}", caveat.zh),
            format!("{year} city-level pool at year end{}", caveat.en),
        ),
        "rows",
        Expr::money(p.opening).named("年初", "opening")
            + Expr::money(p.remitted).named("统筹前结余上解", "pre-pooling balances remitted")
            + Expr::money(p.received).named("各县当年结余", "counties' surpluses")
            - Expr::money(p.paid_out).named("弥补各县缺口", "paid for counties' deficits"),
        rounding,
    )
}
