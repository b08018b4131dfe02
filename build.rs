//! Builds the rules into the program. Every `rules/*.toml` is read and validated with the
//! same loader as `yibao rules check`; any defect fails the build with its file, key and
//! reason, so only valid rules are ever embedded. The validated model is written as
//! postcard bytes (decoded at start-up, nothing re-checked). Documents whose full text is
//! kept in `rules/sources/ID.txt` are marked so. Without the `fund` feature the fund's
//! parameters are left out, and without `texts` the quotes and notes (the calculator's web
//! build, which fetches them later).

use std::{env, fs, path::Path};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("rules/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 file name")
                .to_string();
            let text = fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("rules/{name}: cannot be read: {e}"));
            (name, text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let mut rules = match yibao_model::load(&refs) {
        Ok(r) => r,
        Err(issues) => {
            for i in &issues {
                eprintln!("rules/{} [{}]: {}", i.file, i.key, i.reason.en);
            }
            panic!("{} defect(s) in rules/ (listed above); fix them or run `cargo run -- rules check --dir rules`", issues.len());
        }
    };
    let sources = dir.join("sources");
    println!("cargo:rerun-if-changed={}", sources.display());
    let has_text = |id: &str| sources.join(format!("{id}.txt")).exists();
    for d in rules.documents.values_mut() {
        d.has_text = has_text(&d.id);
    }
    for c in &mut rules.cities {
        c.document.has_text = has_text(&c.document.id);
        for d in c.documents.values_mut() {
            d.has_text = has_text(&d.id);
        }
        if env::var_os("CARGO_FEATURE_FUND").is_none() {
            c.params.retain(|id, _| !id.is_fund());
        }
    }
    // Without the `texts` feature (the calculator's web build) the quotes and notes are left
    // out; the page loads them after its first paint (`yibao rules texts`).
    if env::var_os("CARGO_FEATURE_TEXTS").is_none() {
        yibao_model::texts::take(&mut rules);
    }
    let bytes = postcard::to_allocvec(&rules).expect("the rules serialize");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules.bin");
    fs::write(out, bytes).expect("write rules.bin");
}
