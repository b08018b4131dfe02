//! Embeds every `rules/*.toml` at compile time, so adding a city or next year's figures
//! needs a new or edited data file and a rebuild, not a change to Rust code. The files are
//! embedded in a compact record form (see `src/rules/convert.rs`); a file that is not valid TOML stops the
//! build with its name and the parser's message. Everything else is checked when the
//! rules load, before any computation, and by `yibao rules check`.

use std::{env, fs, path::Path};

#[path = "src/rules/convert.rs"]
mod convert;

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("rules/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    // The rules version is a hash of every file's full records, whatever this build keeps,
    // so a share link made by any build names the same rules.
    let fund = env::var_os("CARGO_FEATURE_FUND").is_some();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut out = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        let text = fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("rules/{name}: cannot be read: {e}"));
        let records = convert::toml_to_records(&text)
            .unwrap_or_else(|e| panic!("rules/{name} is not valid TOML: {e}"));
        for b in name.bytes().chain(records.bytes()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        // Without the fund feature, the fund's rules are left out of this build.
        let records: String = if fund {
            records
        } else {
            records
                .lines()
                .filter(|l| !l.starts_with("param\tfund."))
                .map(|l| format!("{l}\n"))
                .collect()
        };
        out.push_str(&format!("    ({name:?}, {records:?}),\n"));
    }
    out.push_str("];\n");
    out.push_str(&format!(
        "pub const VERSION: &str = \"{:08x}\";\n",
        hash >> 32
    ));
    fs::write(
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules_embedded.rs"),
        out,
    )
    .expect("write rules_embedded.rs");
}
