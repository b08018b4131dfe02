//! The resident request with arbitrary field values.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use yibao::Raw;

/// A city: one of the five (so the computation gets past the city check) or any text.
fn city(i: u8, other: &str) -> Raw {
    match i % 7 {
        0 => "jining".into(),
        1 => "wenzhou".into(),
        2 => "zhengzhou".into(),
        3 => "yancheng".into(),
        4 => "huanggang".into(),
        5 => "济宁".into(),
        _ => Raw(other.to_string()),
    }
}

fn overrides(pairs: &[(u8, String)]) -> yibao::Overrides {
    // Real parameter ids with arbitrary values, so override parsing and use are exercised.
    let ids: Vec<&str> = yibao::params::CATALOGUE.iter().chain(yibao::params::FUND_CATALOGUE).map(|p| p.id).collect();
    pairs.iter().map(|(i, v)| (ids[*i as usize % ids.len()].to_string(), Raw(v.clone()))).collect()
}

#[derive(Arbitrary, Debug)]
struct Input { city: u8, city_text: String, year: String, break_years: String, repaid_years: String, in_period: String, newborn: String, overrides: Vec<(u8, String)> }

fuzz_target!(|i: Input| {
    let _ = yibao::resident(&yibao::ResidentRequest {
        city: city(i.city, &i.city_text), year: Raw(i.year), break_years: Raw(i.break_years), repaid_years: Raw(i.repaid_years),
        in_enrolment_period: Raw(i.in_period), newborn: Raw(i.newborn), overrides: overrides(&i.overrides),
    });
});
