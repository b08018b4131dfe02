//! The files of a fuzzing folder, shared by the regression tests of the core
//! (`tests/fuzz_regressions.rs`) and of the tables (`tables/tests/fuzz_regressions.rs`).

use std::fs;

/// The files of a folder that must exist (a renamed folder fails, not passes), `.keep` aside.
pub fn files(dir: &str) -> Vec<(String, Vec<u8>)> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    entries
        .flatten()
        .filter(|e| e.path().is_file() && e.file_name() != ".keep")
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let data = fs::read(e.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, data)
        })
        .collect()
}
