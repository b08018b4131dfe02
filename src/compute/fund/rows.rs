//! The officer's figures: one row per county and year, every bad field named with its row;
//! years in order without gaps; each county once a year and in every year.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{AllOk, Error, Problems};
use crate::input::{self, Raw};
use crate::model::Money;
use crate::text;

/// One line of the officer's figures: a county's year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct FundRow {
    pub year: Raw,
    pub county: Raw,
    /// The county's fund revenue for the year (both funds), yuan.
    pub revenue: Raw,
    /// The county's benefit payments and other expenditure for the year, yuan.
    pub expenditure: Raw,
    /// First year only: the county's balance before pooling, yuan: a historical surplus,
    /// or (negative) a deficit from before pooling.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub opening_balance: Raw,
    /// First year only: the county's revenue of the year before (for the reserve), yuan.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub prior_revenue: Raw,
    /// Whether the county met its revenue plan for the year (黄冈 第十八条: only then does
    /// it keep its surplus). Empty means yes.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub plan_met: Raw,
    /// The row's line in the file it came from, where it came from a file (for messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub line: Option<usize>,
}

pub(crate) struct Row {
    pub line: usize,
    pub year: i32,
    pub county: String,
    pub revenue: Money,
    pub expenditure: Money,
    pub opening: Option<Money>,
    pub prior: Option<Money>,
    pub plan_met: bool,
}

/// A cell of the figures: the row's line and the column, named in both languages.
pub(crate) fn field(line: usize, column: &str) -> crate::error::Field {
    let label = match column {
        "year" => text!("年度", "year"),
        "county" => text!("县区", "county"),
        "revenue" => text!("收入", "revenue"),
        "expenditure" => text!("支出", "expenditure"),
        "opening_balance" => text!("期初结余", "opening balance"),
        "prior_revenue" => text!("上年收入", "prior-year revenue"),
        "plan_met" => text!("完成收入计划", "revenue plan met"),
        other => crate::model::Text::same(other.to_string()),
    };
    crate::error::Field::Cell(crate::error::Cell {
        line,
        column: column.to_string(),
        label,
    })
}

fn row(index: usize, r: &FundRow) -> Result<Row, Error> {
    // As in a CSV file, the header being row 1, unless the row says where it came from.
    let line = r.line.unwrap_or(index + 2);
    let county = r.county.as_str().trim().to_string();
    let county_ok = if county.is_empty() {
        Err(Error::field(
            field(line, "county"),
            "empty",
            text!(
                "县（市、区）名称不能为空",
                "the county name must not be empty"
            ),
        ))
    } else {
        Ok(())
    };
    // Each cell read as a field, its errors then placed in the cell.
    let cell = |column: &str, e: Error| e.map_fields(|f| f.moved(field(line, column)));
    let (year, (), revenue, expenditure, opening, prior, plan_met) = (
        input::count("year", &r.year, crate::model::month::MAX_YEAR as u32)
            .map_err(|e| cell("year", e)),
        county_ok,
        input::amount("revenue", &r.revenue).map_err(|e| cell("revenue", e)),
        input::amount("expenditure", &r.expenditure).map_err(|e| cell("expenditure", e)),
        input::opt_signed_amount("opening_balance", &r.opening_balance)
            .map_err(|e| cell("opening_balance", e)),
        input::opt_amount("prior_revenue", &r.prior_revenue).map_err(|e| cell("prior_revenue", e)),
        if r.plan_met.is_blank() {
            Ok(true)
        } else {
            input::flag("plan_met", &r.plan_met).map_err(|e| cell("plan_met", e))
        },
    )
        .all_ok()?;
    Ok(Row {
        line,
        year: year as i32,
        county,
        revenue,
        expenditure,
        opening,
        prior,
        plan_met,
    })
}

pub(crate) fn read(rows: &[FundRow]) -> Result<Vec<Row>, Error> {
    if rows.is_empty() {
        return Err(Error::field(
            "rows",
            "empty",
            text!("没有数据行", "there are no rows"),
        ));
    }
    let mut p = Problems::default();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(row) = p.take(row(i, r))? {
            out.push(row);
        }
    }
    p.finish()?;
    order(&out)?;
    Ok(out)
}

/// Years in order without gaps, each county once a year, every first-year county every year.
fn order(rows: &[Row]) -> Result<(), Error> {
    let mut p = Problems::default();
    let Some(first) = rows.first().map(|r| r.year) else {
        return Ok(());
    };
    let mut seen: BTreeMap<(i32, String), usize> = BTreeMap::new();
    let mut last = first;
    for r in rows {
        if r.year < last {
            let l = last;
            p.push(
                field(r.line, "year"),
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
                field(r.line, "year"),
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
                field(r.line, "county"),
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
                field(r.line, "opening_balance"),
                "not_first_year",
                text!(
                    "期初结余和上年收入只填在第一年",
                    "the opening balance and prior revenue go on the first year's rows only"
                ),
            );
        }
    }
    for y in first..=last {
        for c in rows.iter().filter(|r| r.year == first).map(|r| &r.county) {
            if !seen.contains_key(&(y, c.clone())) {
                p.push(
                    "rows",
                    "missing_county",
                    text!("{y} 年缺少 {c} 的数据", "{c} has no row for {y}"),
                );
            }
        }
    }
    p.finish()
}
