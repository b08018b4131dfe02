//! 市级统筹基金: what the pooling rules mean for a city's and its counties' numbers, year by
//! year: the risk reserve (黄冈 第十七条), who covers each county deficit (黄冈 第十八条,
//! 济宁 三（四）6, 郑州 四（三）, 盐城 第九条), the warning lines (黄冈 第十六条) and the
//! remittance of pre-pooling balances (济宁 三（四）5, 郑州 四（四）, 盐城 第七条).
//!
//! Where a rule leaves something open the step says how it is read here, and a share "set
//! separately" (济宁, 郑州) is an input, never a guess.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{city, in_pooling};
use crate::context::{self, parse_overrides, Ctx, Overrides};
use crate::error::{Error, Problems};
use crate::explain::Explanation;
use crate::input::{self, Raw};
use crate::money::{percent, Money, Rounding};
use crate::month::YearMonth;
use crate::rules::{rules, Ratio};
use crate::text;
use crate::text::Text;

/// One line of the officer's figures: a county's year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FundRow {
    pub year: Raw,
    pub county: Raw,
    /// The county's fund revenue for the year (both funds), yuan.
    pub revenue: Raw,
    /// The county's benefit payments and other expenditure for the year, yuan.
    pub expenditure: Raw,
    /// First year only: the county's balance before pooling (historical surplus), yuan.
    pub opening_balance: Raw,
    /// First year only: the county's revenue of the year before (for the reserve), yuan.
    pub prior_revenue: Raw,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FundRequest {
    pub city: Raw,
    pub rows: Vec<FundRow>,
    pub overrides: Overrides,
}

/// Where money to cover a deficit came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cover {
    /// `historical_surplus`, `adjustment_fund`, `county_government`, `pooling_fund`,
    /// `county_government_rest`, `city_fund`, `accumulated_surplus`.
    pub source: String,
    pub label: Text,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// The county's own balance (historical surplus) at year end.
    pub closing_balance: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReserveYear {
    pub planned: Money,
    pub drawn_adjustment: Money,
    pub drawn_pooling: Money,
    /// The draw was cut short by the cap.
    pub capped: bool,
    pub cap: Money,
    pub adjustment_balance: Money,
    pub pooling_balance: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// `surplus_rate` or `months_of_payments`.
    pub line: String,
    pub label: Text,
    pub value: String,
    pub threshold: String,
    pub raised: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FundYear {
    pub year: i32,
    pub revenue: Money,
    pub expenditure: Money,
    pub reserve: Option<ReserveYear>,
    pub counties: Vec<CountyYear>,
    /// The counties' balances together at year end (the risk reserve, in its own account, apart).
    pub accumulated_surplus: Money,
    /// The city-level pooled balance, where the city's rules keep one.
    pub city_pool: Option<Money>,
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Remittance {
    pub county: String,
    pub amount: Money,
    pub due: Option<YearMonth>,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FundResult {
    pub city: String,
    pub city_name: Text,
    pub method: String,
    pub remittances: Vec<Remittance>,
    pub years: Vec<FundYear>,
    pub rules_version: String,
    pub explanation: Explanation,
}

struct Row {
    line: usize,
    year: i32,
    county: String,
    revenue: Money,
    expenditure: Money,
    opening: Option<Money>,
    prior: Option<Money>,
}

fn field(line: usize, name: &str) -> String {
    format!("row {line}: {name}")
}

/// Reads and checks the rows: every bad field named with its row; years in order without
/// gaps; each county once a year and in every year.
fn read_rows(rows: &[FundRow], p: &mut Problems) -> Result<Vec<Row>, Error> {
    if rows.is_empty() {
        p.push("rows", "empty", text!("没有数据行", "there are no rows"));
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let line = i + 2; // as in a CSV file, the header being row 1
        let year = p.take(input::count(
            &field(line, "year"),
            &r.year,
            crate::month::MAX_YEAR as u32,
        ))?;
        let county = r.county.as_str().trim().to_string();
        if county.is_empty() {
            p.push(
                &field(line, "county"),
                "empty",
                text!(
                    "县（市、区）名称不能为空",
                    "the county name must not be empty"
                ),
            );
        }
        let revenue = p.take(input::amount(&field(line, "revenue"), &r.revenue))?;
        let expenditure = p.take(input::amount(&field(line, "expenditure"), &r.expenditure))?;
        let opening = super::opt_amount(p, &field(line, "opening_balance"), &r.opening_balance)?;
        let prior = super::opt_amount(p, &field(line, "prior_revenue"), &r.prior_revenue)?;
        if let (Some(year), Some(revenue), Some(expenditure)) = (year, revenue, expenditure) {
            out.push(Row {
                line,
                year: year as i32,
                county,
                revenue,
                expenditure,
                opening,
                prior,
            });
        }
    }
    if !p.is_empty() {
        return Ok(out);
    }
    let Some(first) = out.first().map(|r| r.year) else {
        return Ok(out);
    };
    let mut seen: BTreeMap<(i32, String), usize> = BTreeMap::new();
    let mut last = first;
    for r in &out {
        if r.year < last {
            let l = last;
            p.push(
                &field(r.line, "year"),
                "year_out_of_order",
                text!(
                    "年度 {} 排在 {l} 之后；请按年度从早到晚排列",
                    "year {} comes after {l}; list the years from earliest to latest",
                    r.year
                ),
            );
        } else if r.year > last + 1 {
            let missing = last + 1;
            p.push(
                &field(r.line, "year"),
                "missing_year",
                text!(
                    "缺少 {missing} 年的数据（{last} 之后是 {}）",
                    "year {missing} is missing ({last} is followed by {})",
                    r.year
                ),
            );
        }
        last = last.max(r.year);
        if let Some(prev) = seen.insert((r.year, r.county.clone()), r.line) {
            p.push(
                &field(r.line, "county"),
                "county_twice",
                text!(
                    "{} 在 {} 年已出现（第 {prev} 行）",
                    "{} is listed twice for {} (also row {prev})",
                    r.county,
                    r.year
                ),
            );
        }
        if r.year != first && (r.opening.is_some() || r.prior.is_some()) {
            p.push(
                &field(r.line, "opening_balance"),
                "not_first_year",
                text!(
                    "期初结余和上年收入只填在第一年",
                    "the opening balance and prior revenue go on the first year's rows only"
                ),
            );
        }
    }
    let counties: Vec<&String> = out
        .iter()
        .filter(|r| r.year == first)
        .map(|r| &r.county)
        .collect();
    for y in first..=last {
        for c in &counties {
            if !seen.contains_key(&(y, (*c).clone())) {
                p.push(
                    "rows",
                    "missing_county",
                    text!("{y} 年缺少 {c} 的数据", "{c} has no row for {y}"),
                );
            }
        }
    }
    Ok(out)
}

fn add(a: Money, b: Money) -> Money {
    a.checked_add(b).unwrap_or(a)
}

fn sub(a: Money, b: Money) -> Money {
    Money::from_fen_exact(a.amount() - b.amount()).unwrap_or(a)
}

fn min(a: Money, b: Money) -> Money {
    a.min(b)
}

fn zero() -> Money {
    Money::ZERO
}

fn share(amount: Money, r: Ratio, rounding: Rounding) -> Money {
    r.of(amount.amount()).map_or(zero(), |d| rounding.apply(d))
}

pub fn fund(req: &FundRequest) -> Result<FundResult, Error> {
    let rules = rules()?;
    let mut p = Problems::default();
    let city = p.take(city(rules, "city", &req.city))?;
    let rows = read_rows(&req.rows, &mut p)?;
    let overrides = match parse_overrides(&req.overrides) {
        Ok(o) => o,
        Err(errors) => {
            p.absorb(Error::Input { errors })?;
            Default::default()
        }
    };
    if let (Some(c), Some(first)) = (city, rows.first()) {
        let last = rows.iter().map(|r| r.year).max().unwrap_or(first.year);
        for (y, line) in [
            (first.year, first.line),
            (last, rows.last().map_or(first.line, |r| r.line)),
        ] {
            let month = YearMonth::new(y, 12)
                .map(|m| m.max(c.pooling_from))
                .unwrap_or(c.pooling_from);
            let m = if y == c.pooling_from.year() {
                c.pooling_from
            } else {
                YearMonth::new(y, 1).unwrap_or(month)
            };
            p.take(in_pooling(c, &field(line, "year"), m))?;
        }
        if !c.params.contains_key("fund.deficit.method") {
            let (zh, en) = (&c.name.zh, &c.name.en);
            p.push("city", "no_fund_rules", text!("{zh}的统筹文件没有规定基金的储备、缺口分担或预警办法", "{en}'s pooling document sets no rule for the fund's reserve, deficits or warnings"));
        }
    }
    p.finish()?;
    let Some(city) = city else {
        return Err(Error::Input { errors: Vec::new() });
    };
    let first_year = rows.first().map_or(0, |r| r.year);
    let first_month = if first_year == city.pooling_from.year() {
        city.pooling_from
    } else {
        YearMonth::new(first_year, 1).unwrap_or(city.pooling_from)
    };
    let mut cx = Ctx::new(rules, city, first_month, "rows", overrides);

    // The rules, read at the first year (the documents set no change over time).
    let method_g = cx.need("fund.deficit.method");
    let has = |id: &str| city.params.contains_key(id);
    let get = |cx: &mut Ctx, id: &str| if has(id) { cx.need(id) } else { None };
    let adj_g = get(&mut cx, "fund.reserve.adjustment_rate");
    let pool_g = get(&mut cx, "fund.reserve.pooling_rate");
    let cap_g = get(&mut cx, "fund.reserve.cap_share");
    let warn_rate_g = get(&mut cx, "fund.warning.surplus_rate");
    let warn_months_g = get(&mut cx, "fund.warning.months");
    let method = context::choice(&method_g).unwrap_or("").to_string();
    let gov_g = if method == "huanggang_waterfall" {
        cx.need("fund.deficit.county_government_share")
    } else {
        None
    };
    let city_share_g = if matches!(method.as_str(), "historical_then_shared" | "shared") {
        cx.need("fund.deficit.city_share")
    } else {
        None
    };
    let collected_g = get(&mut cx, "fund.historical.collected_share");
    let due1_g = get(&mut cx, "fund.historical.first_due");
    let due2_g = get(&mut cx, "fund.historical.second_due");
    let kept_g = get(&mut cx, "fund.historical.kept_months");
    let kept_by_county =
        context::flag(&get(&mut cx, "fund.surplus.kept_by_county")).unwrap_or(false);
    let (rounding, rcite) = cx.rounding("rounding.money");
    cx.check()?;
    // Each method's own share, known once check() has passed.
    let gov_share = context::rate(&gov_g).unwrap_or(Ratio::decimal(Decimal::ONE));
    let city_share = context::rate(&city_share_g).unwrap_or(Ratio::decimal(Decimal::ZERO));

    let counties: Vec<String> = rows
        .iter()
        .filter(|r| r.year == first_year)
        .map(|r| r.county.clone())
        .collect();
    let mut balance: BTreeMap<String, Money> =
        counties.iter().map(|c| (c.clone(), zero())).collect();
    let mut adjustment: BTreeMap<String, Money> =
        counties.iter().map(|c| (c.clone(), zero())).collect();
    let mut pooling = zero();
    let mut city_pool = zero();
    let keeps_city_pool = matches!(
        method.as_str(),
        "historical_then_shared" | "shared" | "surplus_then_policy"
    );

    // Pre-pooling balances: what stays with the county, what the city collects, and when.
    let mut remittances = Vec::new();
    for r in rows.iter().filter(|r| r.year == first_year) {
        let opening = r.opening.unwrap_or(zero());
        let (kept, collected, steps): (Money, Money, Vec<Remittance>) =
            match (context::rate(&collected_g), context::months(&kept_g)) {
                (Some(share_c), _) if context::month(&due2_g).is_some() => {
                    // 盐城: two instalments of the collected share, each by its due month.
                    let first = share(opening, share_c, rounding);
                    let second = sub(opening, first);
                    (
                        zero(),
                        opening,
                        vec![
                            Remittance {
                                county: r.county.clone(),
                                amount: first,
                                due: context::month(&due1_g),
                                label: text!(
                                    "统筹前结余第一批上解",
                                    "pre-pooling balance, first instalment"
                                ),
                            },
                            Remittance {
                                county: r.county.clone(),
                                amount: second,
                                due: context::month(&due2_g),
                                label: text!(
                                    "统筹前结余第二批上解",
                                    "pre-pooling balance, second instalment"
                                ),
                            },
                        ],
                    )
                }
                (Some(share_c), _) => {
                    // 济宁: 30% collected, 70% held at the county.
                    let c = share(opening, share_c, rounding);
                    (
                        sub(opening, c),
                        c,
                        vec![Remittance {
                            county: r.county.clone(),
                            amount: c,
                            due: context::month(&due1_g),
                            label: text!(
                                "统筹前结余归集到市",
                                "pre-pooling balance collected by the city"
                            ),
                        }],
                    )
                }
                (None, Some(months)) => {
                    // 郑州: all collected but about a month of payments (this year's expenditure ÷ 12).
                    let month_pay = Rounding::HalfUp
                        .apply(r.expenditure.amount() * Decimal::from(months) / Decimal::from(12));
                    let keep = min(month_pay, opening);
                    let c = sub(opening, keep);
                    (
                        keep,
                        c,
                        vec![Remittance {
                            county: r.county.clone(),
                            amount: c,
                            due: context::month(&due1_g),
                            label: text!(
                                "统筹前结余归集到市（预留约1个月支付额度）",
                                "pre-pooling balance collected (about one month's payments kept)"
                            ),
                        }],
                    )
                }
                _ => (opening, zero(), Vec::new()),
            };
        for rem in &steps {
            let (a, due) = (
                rem.amount,
                rem.due.map_or_else(|| "—".into(), |d| d.to_string()),
            );
            let mut c = context::cite(&collected_g);
            c.extend(context::cite(&kept_g));
            c.extend(context::cite(&due1_g));
            c.extend(context::cite(&due2_g));
            cx.ex.step(
                &format!("{}.remittance", r.county),
                Text::new(
                    format!("{}：{}", r.county, rem.label.zh),
                    format!("{}: {}", r.county, rem.label.en),
                ),
                text!(
                    "期初结余 {opening} → 上解 {a}，截止 {due}",
                    "opening balance {opening} → {a} due by {due}"
                ),
                a,
                "yuan",
                c,
            );
        }
        remittances.extend(steps);
        // 郑州's kept month is a payment float, not a surplus for deficits (四（四）).
        let for_deficits = if context::months(&kept_g).is_some() {
            zero()
        } else {
            kept
        };
        balance.insert(r.county.clone(), for_deficits);
        if keeps_city_pool {
            city_pool = add(city_pool, collected);
        }
    }

    let mut years = Vec::new();
    let mut prior: BTreeMap<String, Option<Money>> = rows
        .iter()
        .filter(|r| r.year == first_year)
        .map(|r| (r.county.clone(), r.prior))
        .collect();
    let last_year = rows.iter().map(|r| r.year).max().unwrap_or(first_year);
    for year in first_year..=last_year {
        let this: Vec<&Row> = rows.iter().filter(|r| r.year == year).collect();
        let revenue = this.iter().fold(zero(), |a, r| add(a, r.revenue));
        let expenditure = this.iter().fold(zero(), |a, r| add(a, r.expenditure));

        // 黄冈 第十七条: 2% + 4% of prior-year revenue, until the reserve reaches 20% of it.
        let mut levy: BTreeMap<String, Money> = BTreeMap::new();
        let reserve = match (
            context::rate(&adj_g),
            context::rate(&pool_g),
            context::rate(&cap_g),
        ) {
            (Some(ar), Some(pr), Some(cr)) => {
                let known: Vec<(String, Money)> = prior
                    .iter()
                    .filter_map(|(c, p)| p.map(|p| (c.clone(), p)))
                    .collect();
                let total_prior = known.iter().fold(zero(), |a, (_, p)| add(a, *p));
                let cap = share(total_prior, cr, rounding);
                let held = add(adjustment.values().fold(zero(), |a, b| add(a, *b)), pooling);
                let room = if cap > held { sub(cap, held) } else { zero() };
                let planned = known.iter().fold(zero(), |a, (_, p)| {
                    add(add(a, share(*p, ar, rounding)), share(*p, pr, rounding))
                });
                let capped = planned > room;
                let (mut da, mut dp) = (zero(), zero());
                for (c, p) in &known {
                    let (mut a, mut b) = (share(*p, ar, rounding), share(*p, pr, rounding));
                    if capped && !planned.amount().is_zero() {
                        // Cut each county's draw in proportion, so the reserve stops at the cap.
                        let f = Ratio {
                            num: room.amount(),
                            den: planned.amount(),
                        };
                        a = share(a, f, rounding);
                        b = share(b, f, rounding);
                    }
                    adjustment.entry(c.clone()).and_modify(|x| *x = add(*x, a));
                    pooling = add(pooling, b);
                    levy.insert(c.clone(), add(a, b));
                    da = add(da, a);
                    dp = add(dp, b);
                }
                let (ars, prs, crs) = (ar.show(), pr.show(), cr.show());
                let formula = if known.is_empty() {
                    text!(
                        "缺少上年收入，本年不提取",
                        "no prior-year revenue given: nothing drawn this year"
                    )
                } else if capped {
                    text!(
                        "计划 上年收入 {total_prior} × ({ars} + {prs}) = {planned}；上限 {total_prior} × {crs} = {cap}，已有 {held}，只能再提 {room}：风险调剂金 {da}，统筹调节金 {dp}（按比例缩减）",
                        "planned prior-year revenue {total_prior} × ({ars} + {prs}) = {planned}; cap {total_prior} × {crs} = {cap}, held {held}, room {room}: adjustment {da}, pooling {dp} (cut in proportion)"
                    )
                } else {
                    text!(
                        "上年收入 {total_prior} × {ars} = {da}（风险调剂金），× {prs} = {dp}（统筹调节金）；上限 {cap}，提取后 {}",
                        "prior-year revenue {total_prior} × {ars} = {da} (adjustment), × {prs} = {dp} (pooling); cap {cap}, held after {}",
                        add(held, add(da, dp))
                    )
                };
                let mut c = context::cite(&adj_g);
                c.extend(context::cite(&pool_g));
                c.extend(context::cite(&cap_g));
                c.extend(rcite.clone());
                cx.ex.step(
                    &format!("{year}.reserve"),
                    Text::new(
                        format!("{year} 年风险储备金提取",),
                        format!("{year}: risk reserve drawn"),
                    ),
                    formula,
                    add(da, dp),
                    "yuan",
                    c,
                );
                Some(ReserveYear {
                    planned,
                    drawn_adjustment: da,
                    drawn_pooling: dp,
                    capped,
                    cap,
                    adjustment_balance: zero(),
                    pooling_balance: zero(),
                })
            }
            _ => None,
        };

        let mut out_counties = Vec::new();
        for r in &this {
            let l = levy.get(&r.county).copied().unwrap_or(zero());
            let result = sub(sub(r.revenue, r.expenditure), l);
            let mut covered = Vec::new();
            let mut policy = None;
            let c_name = r.county.clone();
            if result.amount() >= Decimal::ZERO {
                let mut cs = Vec::new();
                if kept_by_county {
                    balance
                        .entry(c_name.clone())
                        .and_modify(|b| *b = add(*b, result));
                    cs.extend(context::cite(&get(&mut cx, "fund.surplus.kept_by_county")));
                } else if keeps_city_pool {
                    city_pool = add(city_pool, result);
                }
                let (rv, ex) = (r.revenue, r.expenditure);
                let whose = if kept_by_county {
                    text!("留存县级，结转下年", "kept by the county for next year")
                } else {
                    text!("由市级统一管理", "managed by the city")
                };
                cx.ex.step(
                    &format!("{year}.{c_name}.result"),
                    Text::new(
                        format!("{year} {c_name} 当年结余"),
                        format!("{year} {c_name}: surplus"),
                    ),
                    Text::new(
                        format!("收入 {rv} − 支出 {ex} − 提取 {l} = {result}，{}", whose.zh),
                        format!(
                            "revenue {rv} − expenditure {ex} − reserve {l} = {result}, {}",
                            whose.en
                        ),
                    ),
                    result,
                    "yuan",
                    cs,
                );
            } else {
                let mut due = Money::from_fen_exact(-result.amount()).unwrap_or(zero());
                let d0 = due;
                let push = |source: &str, label: Text, amount: Money, covered: &mut Vec<Cover>| {
                    if !amount.amount().is_zero() {
                        covered.push(Cover {
                            source: source.into(),
                            label,
                            amount,
                        });
                    }
                };
                let mut parts_zh = Vec::new();
                let mut parts_en = Vec::new();
                let mut cites = Vec::new();
                match method.as_str() {
                    "huanggang_waterfall" => {
                        let b = balance.get(&c_name).copied().unwrap_or(zero());
                        let a = min(due, b);
                        balance.insert(c_name.clone(), sub(b, a));
                        due = sub(due, a);
                        push(
                            "historical_surplus",
                            text!("历史结余", "historical surplus"),
                            a,
                            &mut covered,
                        );
                        let adj = adjustment.get(&c_name).copied().unwrap_or(zero());
                        let b2 = min(due, adj);
                        adjustment.insert(c_name.clone(), sub(adj, b2));
                        due = sub(due, b2);
                        push(
                            "adjustment_fund",
                            text!("本县提取的风险调剂金", "the county's risk adjustment fund"),
                            b2,
                            &mut covered,
                        );
                        let pool_part = sub(due, share(due, gov_share, rounding));
                        let gov_part = sub(due, pool_part);
                        let paid_pool = min(pool_part, pooling);
                        pooling = sub(pooling, paid_pool);
                        let rest = sub(pool_part, paid_pool);
                        push(
                            "county_government",
                            text!("县政府（8:2 中的 8）", "county government (the 8 of 8:2)"),
                            gov_part,
                            &mut covered,
                        );
                        push(
                            "pooling_fund",
                            text!(
                                "统筹调节金（8:2 中的 2）",
                                "pooling adjustment fund (the 2 of 8:2)"
                            ),
                            paid_pool,
                            &mut covered,
                        );
                        push(
                            "county_government_rest",
                            text!("缺口地政府全额补足", "county government, the rest"),
                            rest,
                            &mut covered,
                        );
                        parts_zh.push(format!("缺口 {d0}：历史结余 {a}，风险调剂金 {b2}，余 {due} 按 8:2 → 县政府 {gov_part}、统筹调节金 {paid_pool}（应 {pool_part}），仍不足 {rest} 由县政府补足"));
                        parts_en.push(format!("deficit {d0}: historical surplus {a}, adjustment fund {b2}, the remaining {due} split 8:2 → county government {gov_part}, pooling fund {paid_pool} (of {pool_part}), the rest {rest} by the county government"));
                        cites.extend(context::cite(&method_g));
                        cites.extend(context::cite(&gov_g));
                    }
                    "historical_then_shared" | "shared" => {
                        let mut a = zero();
                        if method == "historical_then_shared" {
                            let b = balance.get(&c_name).copied().unwrap_or(zero());
                            a = min(due, b);
                            balance.insert(c_name.clone(), sub(b, a));
                            due = sub(due, a);
                            push(
                                "historical_surplus",
                                text!("本县历史结余", "the county's historical surplus"),
                                a,
                                &mut covered,
                            );
                        }
                        let cs = city_share;
                        let city_part = share(due, cs, rounding);
                        let gov_part = sub(due, city_part);
                        city_pool = sub(city_pool, city_part);
                        push(
                            "city_fund",
                            text!("市级基金", "city fund"),
                            city_part,
                            &mut covered,
                        );
                        push(
                            "county_government",
                            text!("县级政府", "county government"),
                            gov_part,
                            &mut covered,
                        );
                        let css = cs.show();
                        parts_zh.push(format!("缺口 {d0}：历史结余 {a}，余 {due} 中市级基金 {css} = {city_part}，县级政府 {gov_part}"));
                        parts_en.push(format!("deficit {d0}: historical surplus {a}; of the remaining {due} the city fund pays {css} = {city_part}, the county government {gov_part}"));
                        cites.extend(context::cite(&method_g));
                        cites.extend(context::cite(&city_share_g));
                    }
                    _ => {
                        // 盐城 第九条: from the accumulated surplus, else a policy adjustment.
                        let a = min(
                            due,
                            if city_pool.amount() > Decimal::ZERO {
                                city_pool
                            } else {
                                zero()
                            },
                        );
                        city_pool = sub(city_pool, a);
                        due = sub(due, a);
                        push(
                            "accumulated_surplus",
                            text!("历年结余基金", "accumulated surplus"),
                            a,
                            &mut covered,
                        );
                        if !due.amount().is_zero() {
                            policy = Some(due);
                        }
                        parts_zh.push(format!(
                            "缺口 {d0}：历年结余 {a}，不足 {due} 须调整医保管理政策"
                        ));
                        parts_en.push(format!("deficit {d0}: accumulated surplus {a}; {due} uncovered: the city must adjust its policy"));
                        cites.extend(context::cite(&method_g));
                    }
                }
                cites.extend(rcite.clone());
                let (rv, ex) = (r.revenue, r.expenditure);
                cx.ex.step(
                    &format!("{year}.{c_name}.deficit"),
                    Text::new(
                        format!("{year} {c_name} 当年缺口"),
                        format!("{year} {c_name}: deficit"),
                    ),
                    Text::new(
                        format!(
                            "收入 {rv} − 支出 {ex} − 提取 {l} = {result}；{}",
                            parts_zh.join("")
                        ),
                        format!(
                            "revenue {rv} − expenditure {ex} − reserve {l} = {result}; {}",
                            parts_en.join("")
                        ),
                    ),
                    d0,
                    "yuan",
                    cites,
                );
            }
            out_counties.push(CountyYear {
                county: c_name.clone(),
                revenue: r.revenue,
                expenditure: r.expenditure,
                reserve_levy: l,
                result,
                covered_by: covered,
                policy_adjustment: policy,
                closing_balance: balance.get(&c_name).copied().unwrap_or(zero()),
            });
        }

        let accumulated = balance.values().fold(zero(), |a, b| add(a, *b));
        let mut warnings = Vec::new();
        if let (Some(line), Some(months)) =
            (context::rate(&warn_rate_g), context::months(&warn_months_g))
        {
            // 第十六条: current-year surplus rate, and months of payments the surplus covers.
            let surplus = sub(revenue, expenditure);
            let rate = if revenue.amount().is_zero() {
                Decimal::ZERO
            } else {
                surplus.amount() / revenue.amount()
            };
            let threshold = line.as_decimal().unwrap_or(Decimal::ZERO);
            let raised = rate < threshold;
            // Four decimals, so a rate just under the line never shows as equal to it.
            let shown = format!("{}%", (rate * Decimal::ONE_HUNDRED).round_dp(4).normalize());
            let ls = percent(threshold);
            let mut c = context::cite(&warn_rate_g);
            cx.ex.step(
                &format!("{year}.warning.surplus_rate"),
                Text::new(
                    format!("{year} 当年结余率"),
                    format!("{year}: current-year surplus rate"),
                ),
                Text::new(
                    format!(
                        "({revenue} − {expenditure}) ÷ {revenue} = {shown}，{} {ls}",
                        if raised {
                            "低于预警线"
                        } else {
                            "不低于"
                        }
                    ),
                    format!(
                        "({revenue} − {expenditure}) ÷ {revenue} = {shown}, {} {ls}",
                        if raised {
                            "below the line"
                        } else {
                            "not below"
                        }
                    ),
                ),
                &shown,
                "rate",
                std::mem::take(&mut c),
            );
            warnings.push(Warning {
                line: "surplus_rate".into(),
                label: text!("当年结余率", "current-year surplus rate"),
                value: shown,
                threshold: ls,
                raised,
            });
            let need = Rounding::HalfUp
                .apply(expenditure.amount() * Decimal::from(months) / Decimal::from(12));
            let covered_months = if expenditure.amount().is_zero() {
                Decimal::ZERO
            } else {
                (accumulated.amount() * Decimal::from(12) / expenditure.amount()).round_dp(2)
            };
            let raised2 = accumulated < need;
            let cm = covered_months.normalize().to_string();
            cx.ex.step(&format!("{year}.warning.months"), Text::new(format!("{year} 累计结余可支付月数"), format!("{year}: months of payments the surplus covers")),
                Text::new(format!("累计结余 {accumulated} ÷ (支出 {expenditure} ÷ 12) = {cm} 个月；{months} 个月 = {need}，{}", if raised2 { "低于预警线" } else { "不低于" }), format!("accumulated surplus {accumulated} ÷ (expenditure {expenditure} ÷ 12) = {cm} months; {months} months = {need}, {}", if raised2 { "below the line" } else { "not below" })),
                &cm, "months", context::cite(&warn_months_g));
            warnings.push(Warning {
                line: "months_of_payments".into(),
                label: text!(
                    "累计结余可支付月数",
                    "months of payments in the accumulated surplus"
                ),
                value: cm,
                threshold: months.to_string(),
                raised: raised2,
            });
            if raised || raised2 {
                cx.ex.note(text!("{year} 年触发预警：市医疗保障部门应会同市财政部门向市人民政府报告（第十六条）", "{year}: a warning line is crossed; the city's medical-security department must report to the city government with the finance department (Art. 16)"));
            }
        }
        let reserve = reserve.map(|mut r| {
            r.adjustment_balance = adjustment.values().fold(zero(), |a, b| add(a, *b));
            r.pooling_balance = pooling;
            r
        });
        years.push(FundYear {
            year,
            revenue,
            expenditure,
            reserve,
            counties: out_counties,
            accumulated_surplus: accumulated,
            city_pool: keeps_city_pool.then_some(city_pool),
            warnings,
        });
        prior = this
            .iter()
            .map(|r| (r.county.clone(), Some(r.revenue)))
            .collect();
    }
    if context::rate(&adj_g).is_some()
        && rows
            .iter()
            .filter(|r| r.year == first_year)
            .all(|r| r.prior.is_none())
    {
        cx.ex.note(text!("第一年未填上年收入，第一年不提取风险储备金", "no prior-year revenue was given for the first year, so nothing is drawn into the reserve that year"));
    }
    if context::rate(&adj_g).is_some() {
        cx.ex.note(text!(
            "按本计算器的理解：储备金从各县当年收入中提取；达到上限的一年按比例少提；累计结余指各县结余之和，不含单独专户的风险储备金",
            "as read here: the reserve is drawn from each county's revenue of the year; in the year the cap is reached each draw is cut in proportion; the accumulated surplus is the counties' balances together, without the reserve in its own account"
        ));
    }
    Ok(FundResult {
        city: city.id.clone(),
        city_name: city.name.clone(),
        method,
        remittances,
        years,
        rules_version: rules.version.clone(),
        explanation: std::mem::take(&mut cx.ex),
    })
}

/// Reads the officer's CSV (a header row, then `year, county, revenue, expenditure` and
/// optionally `opening_balance`, `prior_revenue`; names in Chinese or English).
pub fn rows_from_csv(text: &str) -> Result<Vec<FundRow>, Error> {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return Err(Error::field(
            "file",
            "empty_file",
            text!("没有数据", "there is no data"),
        ));
    };
    let names: Vec<String> = header.split(',').map(|h| h.trim().to_lowercase()).collect();
    let find = |opts: &[&str]| names.iter().position(|n| opts.contains(&n.as_str()));
    let cols = [
        find(&["year", "年度", "年份"]),
        find(&["county", "县", "县区", "县（市、区）", "地区", "统筹区"]),
        find(&["revenue", "收入", "基金收入"]),
        find(&["expenditure", "支出", "基金支出"]),
        find(&["opening_balance", "期初结余", "历史结余"]),
        find(&["prior_revenue", "上年收入"]),
    ];
    let (Some(_), Some(_), Some(_), Some(_)) = (cols[0], cols[1], cols[2], cols[3]) else {
        return Err(Error::field(
            "file",
            "no_header",
            text!(
                "第 1 行应为表头：年度、县区、收入、支出（year, county, revenue, expenditure）",
                "row 1 must be a header: year, county, revenue, expenditure"
            ),
        ));
    };
    Ok(lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').map(str::trim).collect();
            let get =
                |i: Option<usize>| Raw(i.and_then(|i| cells.get(i)).map_or("", |s| s).to_string());
            FundRow {
                year: get(cols[0]),
                county: get(cols[1]),
                revenue: get(cols[2]),
                expenditure: get(cols[3]),
                opening_balance: get(cols[4]),
                prior_revenue: get(cols[5]),
            }
        })
        .collect())
}

/// The year-by-year table as CSV with a UTF-8 BOM.
pub fn to_csv(r: &FundResult, lang: crate::text::Lang) -> String {
    let zh = lang == crate::text::Lang::Zh;
    let head = if zh {
        "年度,县区,收入,支出,储备金提取,当年结余或缺口,历史结余弥补,风险调剂金弥补,县政府承担,统筹调节金承担,县政府补足,市级基金承担,历年结余弥补,须调整政策,年末县级结余"
    } else {
        "year,county,revenue,expenditure,reserve_levy,result,historical_surplus,adjustment_fund,county_government,pooling_fund,county_government_rest,city_fund,accumulated_surplus,policy_adjustment,closing_balance"
    };
    let mut out = format!("\u{feff}{head}\r\n");
    for y in &r.years {
        for c in &y.counties {
            let by = |s: &str| {
                c.covered_by
                    .iter()
                    .find(|x| x.source == s)
                    .map_or_else(String::new, |x| x.amount.to_string())
            };
            let q = |s: &str| {
                if s.contains([',', '"']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s.to_string()
                }
            };
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
                y.year,
                q(&c.county),
                c.revenue,
                c.expenditure,
                c.reserve_levy,
                c.result,
                by("historical_surplus"),
                by("adjustment_fund"),
                by("county_government"),
                by("pooling_fund"),
                by("county_government_rest"),
                by("city_fund"),
                by("accumulated_surplus"),
                c.policy_adjustment
                    .map_or_else(String::new, |m| m.to_string()),
                c.closing_balance
            ));
        }
    }
    out
}
