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
            let _ = yibao::rules::load_toml(&[("national.toml", national), ("fuzzed.toml", text)]);
            let _ = yibao::rules::load(&[("national.toml", text)]);
        }
    }
}

#[test]
fn batch_reader_inputs_do_not_panic() {
    for (_, data) in inputs("batch_reader") {
        if let Ok((_, rows)) = yibao::batch::read_records(&data) {
            if let Some(m) = rows
                .first()
                .and_then(|(_, h)| yibao::batch::Mapping::from_header(h).ok())
            {
                let options = yibao::batch::Options {
                    city: "jining".into(),
                    month: "2024-03".into(),
                    employer: Some(yibao::EmployerKind::Other),
                    overrides: Default::default(),
                };
                if let Ok(mut b) = yibao::batch::Batch::new(options, m) {
                    for (line, cells) in rows.iter().skip(1) {
                        let _ = b.row(*line, cells);
                    }
                }
            }
        }
        let _ = yibao::batch::StreamingCsv::open(Box::new(std::io::Cursor::new(data)))
            .map(|s| s.count());
    }
}

#[test]
fn json_request_inputs_do_not_panic() {
    for (_, data) in inputs("json_requests") {
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
