//! Inputs the fuzzers once crashed on (tests/fuzz-regressions/TARGET/*), replayed through the
//! same entry points on every test run. A new crash found by scripts/fuzz.sh is copied here.

use std::fs;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = format!(
        "{}/tests/fuzz-regressions/{target}",
        env!("CARGO_MANIFEST_DIR")
    );
    fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_file())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn rules_inputs_do_not_panic() {
    let national = include_str!("../rules/national.toml");
    for (_, data) in inputs("rules") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = yibao_model::load(&[("national.toml", national), ("fuzzed.toml", text)]);
            let _ = yibao_model::load(&[("national.toml", text)]);
        }
    }
}

#[test]
fn json_request_inputs_do_not_panic() {
    for (_, data) in inputs("json_requests") {
        // Through the one registry, as the JS API takes them, and as each kind.
        if let Ok(r) = serde_json::from_slice::<yibao::Request>(&data) {
            let _ = yibao::compute(&r);
        }
        if let Ok(r) = serde_json::from_slice::<yibao::ContributionRequest>(&data) {
            let _ = yibao::contribution(&r);
        }
        if let Ok(r) = serde_json::from_slice::<yibao::EligibilityRequest>(&data) {
            let _ = yibao::eligibility(&r);
        }
        if let Ok(r) = serde_json::from_slice::<yibao::FundRequest>(&data) {
            let _ = yibao::fund(&r);
        }
    }
}
