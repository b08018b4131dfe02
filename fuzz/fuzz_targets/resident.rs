//! The resident request with arbitrary field values.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use yibao::Raw;

#[path = "common.rs"]
mod common;
use common::{city, overrides};


#[derive(Arbitrary, Debug)]
struct Input { city: u8, city_text: String, year: String, break_years: String, repaid_years: String, in_period: String, newborn: String, household: String, overrides: Vec<(u8, String)>, official_only: bool }

fuzz_target!(|i: Input| {
    let _ = yibao::resident(&yibao::ResidentRequest {
        city: city(i.city, &i.city_text), year: Raw(i.year), break_years: Raw(i.break_years), repaid_years: Raw(i.repaid_years),
        in_enrolment_period: Raw(i.in_period), newborn: Raw(i.newborn), household: Raw(i.household), overrides: overrides(&i.overrides), official_only: i.official_only, ..Default::default()
    });
});
