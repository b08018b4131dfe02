//! The fund's year-by-year account as rows of words and figures, made once for every door:
//! the fund page draws it as a table, the command line prints it. Money is grouped by
//! thousands ("1,100,000.00"), as a fund officer reads large sums. No cell states
//! arithmetic: the formulas are the explanation's steps, made by the arithmetic itself.

use serde::Serialize;

use super::{CountyYear, FundResult, FundYear};
use crate::model::money::grouped;
use crate::model::{Money, Text};
use crate::text;

/// The account: lines before the table (remittances, deficits from before pooling), then
/// one row a county and year, the city pool's row, and a summary row for each year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FundTable {
    pub before: Vec<Text>,
    pub header: Vec<Text>,
    pub rows: Vec<FundTableRow>,
    /// Lines after the table: how sure the result is, the notes (a warning line crossed and
    /// the report it calls for) and how open points are read. The command line prints them
    /// with the explanation.
    pub after: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FundTableRow {
    pub kind: FundRowKind,
    /// One cell a column; a year's summary is a single cell across the table.
    pub cells: Vec<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FundRowKind {
    /// A county's year with a surplus (or nothing either way).
    County,
    /// A county's year with a deficit.
    Deficit,
    /// The city-level pool's year.
    CityPool,
    /// The year's totals, reserve and warning lines.
    Year,
}

fn money(m: Money) -> Text {
    Text::same(grouped(m))
}

fn labelled(label: Text, m: Money) -> Text {
    let g = grouped(m);
    Text::new(format!("{} {g}", label.zh), format!("{} {g}", label.en))
}

/// Several parts in one cell: "；" in Chinese, "; " in English.
fn joined(parts: &[Text]) -> Text {
    let zh: Vec<&str> = parts.iter().map(|t| t.zh.as_ref()).collect();
    let en: Vec<&str> = parts.iter().map(|t| t.en.as_ref()).collect();
    Text::new(zh.join("；"), en.join("; "))
}

fn county_row(year: i32, c: &CountyYear) -> FundTableRow {
    let mut by: Vec<Text> = c
        .covered_by
        .iter()
        .map(|x| labelled(x.label.clone(), x.amount))
        .collect();
    if let Some(p) = c.policy_adjustment {
        by.push(labelled(text!("须调整政策", "policy adjustment"), p));
    }
    match (c.surplus_not_kept, c.to_city.filter(|m| !m.is_zero())) {
        // One sum, said once: the surplus a county may not keep is the one sent up.
        (Some(m), _) => by.push(labelled(
            text!(
                "未完成收入计划，不留存，上交市级基金",
                "revenue plan missed: not kept, to the city pool"
            ),
            m,
        )),
        (None, Some(m)) => by.push(labelled(text!("上交市级基金", "to the city pool"), m)),
        (None, None) if !c.result.is_negative() && !c.result.is_zero() => by.push(labelled(
            text!("留存县级，结转下年", "kept by the county for next year"),
            c.result,
        )),
        (None, None) => {}
    }
    FundTableRow {
        kind: if c.result.is_negative() {
            FundRowKind::Deficit
        } else {
            FundRowKind::County
        },
        cells: vec![
            Text::same(year.to_string()),
            Text::same(c.county.clone()),
            money(c.revenue),
            money(c.expenditure),
            money(c.reserve_levy),
            money(c.result),
            joined(&by),
            money(c.closing_balance),
        ],
    }
}

fn year_row(y: &FundYear) -> FundTableRow {
    let year = y.year;
    let mut parts = vec![Text::new(
        format!(
            "{year} 合计：收入 {}，支出 {}",
            grouped(y.revenue),
            grouped(y.expenditure)
        ),
        format!(
            "{year} total: revenue {}, expenditure {}",
            grouped(y.revenue),
            grouped(y.expenditure)
        ),
    )];
    let whose = if y.city_pool.is_some() {
        text!(
            "（各县结余 + 市级基金）",
            " (counties' balances + city pool)"
        )
    } else {
        Text::default()
    };
    let acc = grouped(y.accumulated_surplus);
    parts.push(Text::new(
        format!("年末累计结余 {acc}{}", whose.zh),
        format!("accumulated surplus at year end {acc}{}", whose.en),
    ));
    if let Some(r) = &y.reserve {
        let capped = if r.capped {
            text!("（达到上限）", " (capped)")
        } else {
            Text::default()
        };
        let (a, p) = (grouped(r.drawn_adjustment), grouped(r.drawn_pooling));
        parts.push(Text::new(
            format!(
                "风险储备金提取：风险调剂金 {a}，统筹调节金 {p}{}",
                capped.zh
            ),
            format!(
                "risk reserve drawn: adjustment fund {a}, pooling fund {p}{}",
                capped.en
            ),
        ));
    }
    for w in &y.warnings {
        let mark = if w.raised { "⚠" } else { "✓" };
        let (v, t) = (&w.value, &w.threshold);
        parts.push(Text::new(
            format!("{mark} {} {v}（预警线 {t}）", w.label.zh),
            format!("{mark} {} {v} (line {t})", w.label.en),
        ));
    }
    FundTableRow {
        kind: FundRowKind::Year,
        cells: vec![joined(&parts)],
    }
}

/// The account of a computed fund.
pub fn table(r: &FundResult) -> FundTable {
    let mut before: Vec<Text> = r
        .remittances
        .iter()
        .map(|m| {
            let due = m.due.map_or_else(|| "—".to_string(), |d| d.to_string());
            let (c, a) = (&m.county, grouped(m.amount));
            Text::new(
                format!("{c}：{} {a}（截止 {due}）", m.label.zh),
                format!("{c}: {} {a} (due {due})", m.label.en),
            )
        })
        .collect();
    before.extend(r.pre_pooling_deficits.iter().map(|g| {
        let (c, a) = (&g.county, grouped(g.amount));
        Text::new(
            format!("{c}：统筹前缺口 {a}，{}", g.label.zh),
            format!("{c}: deficit from before pooling {a}, {}", g.label.en),
        )
    }));
    let header = vec![
        text!("年度", "year"),
        text!("县区", "county"),
        text!("收入", "revenue"),
        text!("支出", "expenditure"),
        text!("储备金提取", "reserve drawn"),
        text!("结余/缺口", "surplus / deficit"),
        text!("由谁弥补、去向", "covered by / goes to"),
        text!("年末结余", "closing balance"),
    ];
    let mut rows = Vec::new();
    for y in &r.years {
        rows.extend(y.counties.iter().map(|c| county_row(y.year, c)));
        // The city-level pool: every yuan in and out, so the year can be followed.
        if let Some(p) = &y.city_pool {
            let mut how = vec![
                labelled(text!("年初", "opening"), p.opening),
                labelled(
                    text!("统筹前结余上解", "pre-pooling balances remitted"),
                    p.remitted,
                ),
                labelled(text!("各县当年结余", "counties' surpluses"), p.received),
                labelled(
                    text!("弥补各县缺口", "paid for counties' deficits"),
                    p.paid_out,
                ),
            ];
            if p.closing.is_negative() {
                how.push(text!(
                    "市级基金不足支付其应承担部分，文件未规定差额来源",
                    "the city fund held less than its part; the documents do not say where the difference comes from"
                ));
            }
            rows.push(FundTableRow {
                kind: FundRowKind::CityPool,
                cells: vec![
                    Text::same(y.year.to_string()),
                    text!("市级基金", "city pool"),
                    Text::default(),
                    Text::default(),
                    Text::default(),
                    Text::default(),
                    joined(&how),
                    money(p.closing),
                ],
            });
        }
        rows.push(year_row(y));
    }
    let ex = &r.explanation;
    let mut after = vec![ex.confidence_line()];
    after.extend(ex.notes.iter().chain(&ex.conventions).cloned());
    FundTable {
        before,
        header,
        rows,
        after,
    }
}
