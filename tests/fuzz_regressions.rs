//! Inputs the fuzzers once crashed on (tests/fuzz-regressions/TARGET/*), the corpus the
//! fuzzing campaigns keep (fuzz/corpus/TARGET/, minimised) and the fuzzers' seeds, replayed
//! through the same entry points on every test run. A new crash found by scripts/fuzz.sh is
//! copied to tests/fuzz-regressions/TARGET/.

use std::fs;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[path = "common/corpus.rs"]
mod corpus;
use corpus::files;

/// Every input to replay for a target: its crashes, its kept corpus, and its seeds (as
/// scripts/fuzz.sh gives them).
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut all = files(&format!("{ROOT}/tests/fuzz-regressions/{target}"));
    all.extend(files(&format!("{ROOT}/fuzz/corpus/{target}")));
    match target {
        "rules" => all.extend(
            files(&format!("{ROOT}/rules"))
                .into_iter()
                .filter(|(n, _)| n.ends_with(".toml")),
        ),
        "json_requests" => {
            // Every request of the bad-input catalogue (`{…}` in backticks).
            let table =
                fs::read_to_string(format!("{ROOT}/tests/bad-input.md")).expect("bad-input.md");
            for (i, part) in table.split('`').enumerate().filter(|(i, _)| i % 2 == 1) {
                if part.starts_with('{') && part.ends_with('}') {
                    all.push((format!("bad-input {i}"), part.as_bytes().to_vec()));
                }
            }
        }
        _ => {}
    }
    all
}

#[test]
fn rules_inputs_do_not_panic() {
    let national = include_str!("../rules/national.toml");
    let inputs = inputs("rules");
    assert!(inputs.len() >= 6, "the rule files at least");
    for (_, data) in inputs {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = yibao_model::load(&[("national.toml", national), ("fuzzed.toml", text)]);
            let _ = yibao_model::load(&[("national.toml", text)]);
        }
    }
}

#[test]
fn json_request_inputs_do_not_panic() {
    let inputs = inputs("json_requests");
    assert!(
        inputs.len() >= 20,
        "the bad-input catalogue's requests at least"
    );
    for (_, data) in inputs {
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
