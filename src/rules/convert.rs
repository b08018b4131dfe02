//! TOML rule files → JSON, the form embedded in the program. The conversion keeps every
//! key and value as written (a TOML float stays a float, so the loader can refuse it); it
//! only saves the web build the weight of a TOML parser. Used by `build.rs` and by
//! `yibao rules check --dir`.

/// Converts one rule file; the error is the TOML parser's message (line and column).
pub fn toml_to_json(text: &str) -> Result<String, String> {
    let value: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}
