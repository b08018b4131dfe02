//! Raw JSON as the JS API receives it, for every request type.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = serde_json::from_slice::<yibao::ContributionRequest>(data) {
        let _ = yibao::contribution(&r);
    }
    if let Ok(r) = serde_json::from_slice::<yibao::FlexibleRequest>(data) {
        let _ = yibao::flexible(&r);
    }
    if let Ok(r) = serde_json::from_slice::<yibao::ResidentRequest>(data) {
        let _ = yibao::resident(&r);
    }
    if let Ok(r) = serde_json::from_slice::<yibao::EligibilityRequest>(data) {
        let _ = yibao::eligibility(&r);
    }
    if let Ok(r) = serde_json::from_slice::<yibao::FundRequest>(data) {
        let _ = yibao::fund(&r);
    }
});
