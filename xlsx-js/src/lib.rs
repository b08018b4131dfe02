//! Excel workbooks for the batch page, in their own module so that a CSV payroll never
//! downloads them: the batch worker imports this only when an .xlsx is opened or exported.
//! Both directions go by way of CSV text (see `yibao_tables::xlsx`), so an .xlsx gives the
//! same rows and line numbers as the CSV the batch reads, and the workbook holds the same
//! lines as the CSV export.
//!
//! ```js
//! import init, { sheetToCsv, workbook } from "./yibao_xlsx.js";
//! await init();
//! const csvText = sheetToCsv(bytes);         // the first sheet as CSV text
//! const xlsx = workbook(batch.sheets());     // Uint8Array
//! ```

#[path = "../../js/src/glue.rs"]
mod glue;

use glue::to_js;
use wasm_bindgen::prelude::*;
use yibao::{Error, Text};
use yibao_tables::CsvSheet;

/// The first sheet as CSV text, one line per sheet row. Throws `{kind, errors}` for a file
/// that is not a readable workbook.
#[wasm_bindgen(js_name = sheetToCsv)]
pub fn sheet_to_csv(bytes: &[u8]) -> Result<String, JsValue> {
    yibao_tables::xlsx::to_csv(bytes).map_err(|e| to_js(&e))
}

/// A workbook from sheets `[{name, csv, money, numbers}]`.
#[wasm_bindgen]
pub fn workbook(sheets: JsValue) -> Result<Vec<u8>, JsValue> {
    let sheets: Vec<CsvSheet> = glue::request("sheets", sheets)?;
    yibao_tables::xlsx::write(&sheets)
        .map_err(|e| to_js(&Error::field("export", "xlsx", Text::same(e))))
}
