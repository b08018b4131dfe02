//! The fund officer's figures: read from CSV (UTF-8 or GBK, quoted numbers such as
//! `"1,100,000"`, Chinese or English headers) by the same reader as payroll files, with
//! each row's line in the file; and the year-by-year table written as CSV.

use yibao::compute::fund::{CoverSource, FundResult, FundRow};
use yibao::{text, Error, Lang, Raw};

use crate::headers::{self, Column};
use crate::read::{is_blank, read_records};
use crate::write;

/// Reads the officer's file (a header row, then `year, county, revenue, expenditure` and
/// optionally `opening_balance, prior_revenue, plan_met`).
pub fn rows_from_file(bytes: &[u8]) -> Result<Vec<FundRow>, Error> {
    let (_, records) = read_records(bytes)?;
    let mut records = records.into_iter().filter(|(_, cells)| !is_blank(cells));
    let Some((_, header)) = records.next() else {
        return Err(Error::field(
            "file",
            "empty_file",
            text!("没有数据", "there is no data"),
        ));
    };
    let cols = [
        Column::Year,
        Column::County,
        Column::Revenue,
        Column::Expenditure,
        Column::OpeningBalance,
        Column::PriorRevenue,
        Column::PlanMet,
    ]
    .map(|c| headers::find(&header, c));
    let [Some(_), Some(_), Some(_), Some(_), _, _, _] = cols else {
        return Err(Error::field(
            "file",
            "no_header",
            text!(
                "第 1 行应为表头：年度、县区、收入、支出（year, county, revenue, expenditure）",
                "row 1 must be a header: year, county, revenue, expenditure"
            ),
        ));
    };
    Ok(records
        .map(|(line, cells)| {
            let get = |i: Option<usize>| {
                Raw(i
                    .and_then(|i| cells.get(i))
                    .map_or("", |s| s.trim())
                    .to_string())
            };
            FundRow {
                year: get(cols[0]),
                county: get(cols[1]),
                revenue: get(cols[2]),
                expenditure: get(cols[3]),
                opening_balance: get(cols[4]),
                prior_revenue: get(cols[5]),
                plan_met: get(cols[6]),
                line: Some(line),
            }
        })
        .collect())
}

/// The same, from text (pasted into the page).
pub fn rows_from_csv(text: &str) -> Result<Vec<FundRow>, Error> {
    rows_from_file(text.as_bytes())
}

/// The year-by-year table as CSV with a UTF-8 BOM.
pub fn table_csv(r: &FundResult, lang: Lang) -> String {
    let head = lang.pick(
        "年度,县区,收入,支出,储备金提取,当年结余或缺口,历史结余弥补,风险调剂金弥补,县政府承担,统筹调节金承担,县政府补足,市级基金承担,历年结余弥补,须调整政策,文件未规定来源,上交市级基金,年末结余,市级基金年初,统筹前结余上解,收到各县结余,弥补缺口支出",
        "year,county,revenue,expenditure,reserve_levy,result,historical_surplus,adjustment_fund,county_government,pooling_fund,county_government_rest,city_fund,accumulated_surplus,policy_adjustment,uncovered,to_city_pool,closing_balance,pool_opening,pool_remitted,pool_received,pool_paid_out",
    );
    let mut out = format!("{}{head}\r\n", write::CSV_BOM);
    use CoverSource::*;
    for y in &r.years {
        for c in &y.counties {
            let by = |s: CoverSource| {
                c.covered_by
                    .iter()
                    .find(|x| x.source == s)
                    .map_or_else(String::new, |x| x.amount.to_string())
            };
            out.push_str(&write::line(&[
                y.year.to_string(),
                c.county.clone(),
                c.revenue.to_string(),
                c.expenditure.to_string(),
                c.reserve_levy.to_string(),
                c.result.to_string(),
                by(HistoricalSurplus),
                by(AdjustmentFund),
                by(CountyGovernment),
                by(PoolingFund),
                by(CountyGovernmentRest),
                by(CityFund),
                by(AccumulatedSurplus),
                c.policy_adjustment
                    .map_or_else(String::new, |m| m.to_string()),
                by(Uncovered),
                c.to_city.map_or_else(String::new, |m| m.to_string()),
                c.closing_balance.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]));
        }
        // The city pool's year as a line of its own, in its own columns (opening, remitted,
        // received from the counties, paid out, closing), so a column of county revenue
        // sums to the counties' revenue and nothing is counted twice.
        if let Some(p) = &y.city_pool {
            let mut cells = vec![
                y.year.to_string(),
                lang.pick("市级基金", "city pool").to_string(),
            ];
            cells.resize(16, String::new());
            cells.extend([
                p.closing.to_string(),
                p.opening.to_string(),
                p.remitted.to_string(),
                p.received.to_string(),
                p.paid_out.to_string(),
            ]);
            out.push_str(&write::line(&cells));
        }
    }
    out
}
