//! The rules loader and validator on arbitrary text: as a TOML city file beside the real
//! national file, and as the national file itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

const NATIONAL: &str = include_str!("../../rules/national.toml");

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = yibao_model::load(&[("national.toml", NATIONAL), ("fuzzed.toml", text)]);
        let _ = yibao_model::load(&[("national.toml", text)]);
    }
});
