//! The payroll batch in the browser: the same reader, plan and writers as `yibao batch`,
//! so a file gives the same numbers in both. The file never leaves the page.
//!
//! ```js
//! import init, { PayrollBatch } from "./yibao_batch.js";
//! await init();
//! const b = PayrollBatch.open(bytes, { city: "jining", month: "2024-03", employer: "other", lang: "zh" });
//! b.mapping();                      // {format, headers, employee_id, wage, employer_kind, deducted}
//! while (!b.step(5000).done) {}     // progress: {done, processed, total}
//! b.totals(); b.rows("failed", 0, 50); b.csv(); b.xlsx();
//! ```

#[path = "../../js/src/glue.rs"]
mod glue;

use glue::to_js;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use yibao::{Error, Lang, Raw, Text};
use yibao_tables::{self as batch, Batch, Format, Mapping, Options, RowResult, RowStatus};

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    city: String,
    month: String,
    employer: Option<String>,
    lang: Option<String>,
    overrides: std::collections::BTreeMap<String, Raw>,
    #[serde(alias = "officialOnly")]
    official_only: bool,
}

#[wasm_bindgen]
pub struct PayrollBatch {
    format: Format,
    rows: Vec<batch::Record>,
    next: usize,
    run: Batch,
    results: Vec<RowResult>,
    lang: Lang,
}

#[derive(Serialize)]
struct MappingView<'a> {
    format: Format,
    #[serde(flatten)]
    mapping: &'a Mapping,
    data_rows: usize,
}

#[derive(Serialize)]
struct Progress {
    done: bool,
    processed: usize,
    total: usize,
}

#[wasm_bindgen]
impl PayrollBatch {
    /// Reads the file and its header row and checks the settings. Throws `{kind, errors}`
    /// for an empty file, a missing header row, an unreadable file or bad settings.
    pub fn open(bytes: &[u8], options: JsValue) -> Result<PayrollBatch, JsValue> {
        let o: JsOptions = glue::request("options", options)?;
        let lang = o
            .lang
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or(Lang::Zh);
        let (format, mut rows) = batch::read_records(bytes).map_err(|e| to_js(&e))?;
        let header = if rows.is_empty() {
            Vec::new()
        } else {
            rows.remove(0).1
        };
        let mapping = Mapping::from_header(&header).map_err(|e| to_js(&e))?;
        let employer = match o.employer.filter(|e| !e.is_empty()) {
            Some(e) => {
                Some(yibao::compute::contribution::employer_kind("employer", &Raw(e)).map_err(|e| to_js(&e))?)
            }
            None => None,
        };
        let run = Batch::new(
            Options {
                city: Raw(o.city),
                month: Raw(o.month),
                employer,
                overrides: o.overrides,
                official_only: o.official_only,
            },
            mapping,
        )
        .map_err(|e| to_js(&e))?;
        Ok(PayrollBatch {
            format,
            rows,
            next: 0,
            run,
            results: Vec::new(),
            lang,
        })
    }

    /// Which column holds what, before computing.
    pub fn mapping(&self) -> JsValue {
        to_js(&MappingView {
            format: self.format,
            mapping: &self.run.mapping,
            data_rows: self.rows.len(),
        })
    }

    /// Computes up to `n` more rows; call again until `done`.
    pub fn step(&mut self, n: usize) -> JsValue {
        let end = (self.next + n).min(self.rows.len());
        for i in self.next..end {
            let (line, cells) = std::mem::take(&mut self.rows[i]);
            if batch::read::is_blank(&cells) {
                continue;
            }
            let r = self.run.row(line, &cells);
            self.results.push(r);
        }
        self.next = end;
        to_js(&Progress {
            done: self.next >= self.rows.len(),
            processed: self.next,
            total: self.rows.len(),
        })
    }

    /// Totals by employer kind and overall, and the counts of failed and mismatched rows.
    pub fn totals(&self) -> JsValue {
        let (user, unknown) = self.run.plan_notes();
        to_js(&serde_totals(&self.run.totals, user, unknown))
    }

    /// Result rows: `filter` is "all", "failed" or "mismatched"; `offset` and `limit` page them.
    /// Returns `{count, rows}`.
    pub fn rows(&self, filter: &str, offset: usize, limit: usize) -> JsValue {
        let keep = |r: &&RowResult| match filter {
            "failed" => r.status == RowStatus::Failed,
            "mismatched" => r.status == RowStatus::Mismatch,
            _ => true,
        };
        let matching: Vec<&RowResult> = self.results.iter().filter(keep).collect();
        let page: Vec<&RowResult> = matching.iter().skip(offset).take(limit).copied().collect();
        to_js(&RowsView {
            count: matching.len(),
            rows: page,
        })
    }

    /// The results as CSV with a UTF-8 BOM: the same bytes as `yibao batch`.
    pub fn csv(&self) -> Vec<u8> {
        let mut out = String::from(batch::CSV_BOM);
        out.push_str(&batch::csv_header(self.lang));
        for r in &self.results {
            out.push_str(&batch::csv_row(r, self.lang));
        }
        out.into_bytes()
    }

    /// The results and totals as an .xlsx workbook.
    pub fn xlsx(&self) -> Result<Vec<u8>, JsValue> {
        batch::xlsx_results(&self.results, &self.run.totals, self.lang)
            .map_err(|e| to_js(&Error::field("export", "xlsx", Text::same(e))))
    }
}

#[derive(Serialize)]
struct RowsView<'a> {
    count: usize,
    rows: Vec<&'a RowResult>,
}

#[derive(Serialize)]
struct TotalsView<'a> {
    #[serde(flatten)]
    totals: &'a batch::Totals,
    user_supplied: Vec<String>,
    not_known: Vec<String>,
}

fn serde_totals(
    t: &batch::Totals,
    user_supplied: Vec<String>,
    not_known: Vec<String>,
) -> TotalsView<'_> {
    TotalsView {
        totals: t,
        user_supplied,
        not_known,
    }
}
