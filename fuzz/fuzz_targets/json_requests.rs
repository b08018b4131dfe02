//! Raw JSON as the JS API receives it: through the one registry (`compute`), and as each
//! request type.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = serde_json::from_slice::<yibao::Request>(data) {
        let _ = yibao::compute(&r).map(|r| r.headline());
    }
    if let Ok(r) = serde_json::from_slice::<yibao::ContributionRequest>(data) {
        let _ = yibao::contribution(&r);
    }
    if let Ok(r) = serde_json::from_slice::<yibao::EligibilityRequest>(data) {
        let _ = yibao::eligibility(&r);
    }
    if let Ok(r) = serde_json::from_slice::<yibao::FundRequest>(data) {
        let _ = yibao::fund(&r);
    }
});
