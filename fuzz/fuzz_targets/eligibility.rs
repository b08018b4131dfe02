//! The eligibility request with arbitrary field values.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use yibao::Raw;

#[path = "common.rs"]
mod common;
use common::{city, overrides};


#[derive(Arbitrary, Debug)]
struct Input {
    city: u8, city_text: String, birth: String, category: String, as_of: String, paid: String, deemed: String, transferred: String,
    last_base: String, situation: String, pension: String, bankruptcy_age: String, payment_month: String, overrides: Vec<(u8, String)>, official_only: bool,
}

fuzz_target!(|i: Input| {
    let _ = yibao::eligibility(&yibao::EligibilityRequest {
        city: city(i.city, &i.city_text), birth: Raw(i.birth), category: Raw(i.category), as_of: Raw(i.as_of), paid_months: Raw(i.paid),
        deemed_months: Raw(i.deemed), transferred_months: Raw(i.transferred), last_base: Raw(i.last_base), situation: Raw(i.situation),
        pension: Raw(i.pension), bankruptcy_age: Raw(i.bankruptcy_age), payment_month: Raw(i.payment_month), overrides: overrides(&i.overrides), official_only: i.official_only, ..Default::default()
    });
});
