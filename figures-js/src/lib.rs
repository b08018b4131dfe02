//! A site's figures file for the web calculator, in a module of its own: the calculator's
//! first load has no TOML reader, and a site that serves no `figures.toml` never downloads
//! this. It reads and checks the file with the same loader as the CLI's `--figures`, and
//! hands the calculator the checked figures as compact bytes (postcard, which the
//! calculator already decodes its rules with).
//!
//! ```js
//! import init, { checkFigures } from "./yibao_figures.js";
//! await init();
//! const bytes = checkFigures("figures.toml", text); // Uint8Array, or throws a JSON string of issues
//! ```

use wasm_bindgen::prelude::*;

/// The checked figures as bytes for the calculator's `installFigures`, or (thrown) the
/// file's defects as JSON: `[{file, key, reason: {zh, en}}]`, each key naming the figure
/// and its line.
#[wasm_bindgen(js_name = checkFigures)]
pub fn check_figures(name: &str, text: &str) -> Result<Vec<u8>, JsValue> {
    let site = yibao_model::load::figures(name, text)
        .map_err(|issues| JsValue::from_str(&serde_json::to_string(&issues).unwrap_or_default()))?;
    postcard::to_allocvec(&site).map_err(|e| JsValue::from_str(&e.to_string()))
}
