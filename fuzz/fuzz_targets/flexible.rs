//! The flexible-employment request with arbitrary field values.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use yibao::Raw;

#[path = "common.rs"]
mod common;
use common::{city, overrides};


#[derive(Arbitrary, Debug)]
struct Input { city: u8, city_text: String, month: String, first_paid: String, overrides: Vec<(u8, String)>, official_only: bool }

fuzz_target!(|i: Input| {
    let _ = yibao::flexible(&yibao::FlexibleRequest { city: city(i.city, &i.city_text), month: Raw(i.month), first_paid: Raw(i.first_paid), overrides: overrides(&i.overrides), official_only: i.official_only, ..Default::default() });
});
