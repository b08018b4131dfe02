//! The fund request with arbitrary rows, and the fund CSV reader.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use yibao::Raw;

#[path = "common.rs"]
mod common;
use common::{city, overrides};

use yibao::compute::fund::FundRow;

#[derive(Arbitrary, Debug)]
struct Input { city: u8, city_text: String, rows: Vec<(String, String, String, String, String, String)>, overrides: Vec<(u8, String)>, csv: String, official_only: bool }

fuzz_target!(|i: Input| {
    let rows = i.rows.into_iter().take(40).map(|(y, c, r, e, o, p)| FundRow { year: Raw(y), county: Raw(c), revenue: Raw(r), expenditure: Raw(e), opening_balance: Raw(o), prior_revenue: Raw(p), plan_met: Raw(String::new()), line: None }).collect();
    let _ = yibao::fund(&yibao::FundRequest { city: city(i.city, &i.city_text), rows, overrides: overrides(&i.overrides), official_only: i.official_only, ..Default::default() });
    if let Ok(rows) = yibao_tables::fund::rows_from_csv(&i.csv) {
        let _ = yibao::fund(&yibao::FundRequest { city: "huanggang".into(), rows: rows.into_iter().take(40).collect(), ..Default::default() });
    }
});
