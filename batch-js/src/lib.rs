//! The payroll batch in the browser: the same reader, plan and writers as `yibao batch`,
//! so a file gives the same numbers in both. It runs in a Web Worker (`batch-worker.js`);
//! the file never leaves the page. CSV only: GBK is decoded by the browser's own decoder
//! before it comes here, and .xlsx files go through the small `yibao_xlsx` module first, so
//! this bundle carries neither encoding tables nor workbook code.
//!
//! ```js
//! import init, { PayrollBatch, cities } from "./yibao_batch.js";
//! await init();
//! const b = PayrollBatch.open(utf8Bytes, { city: "jining", month: "2024-03", lang: "zh", format: "csv_gb18030" });
//! b.view();                         // {format, headers, mapping, notes, figures, problems, data_rows}
//! while (!b.step(50000).done) {}    // progress: {done, processed, total}
//! b.totals(); b.rows("failed", 0, 50); b.csv(); b.sheets();
//! ```

#[path = "../../js/src/glue.rs"]
mod glue;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::sync::Arc;

use glue::to_js;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use yibao::{EmployerKind, Error, Lang, Raw, Text};
use yibao_tables::payroll::{self, Ask};
use yibao_tables::{self as tables, Batch, Format, Mapping, Options, RowStatus, StreamingCsv};

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct JsOptions {
    city: String,
    month: String,
    employer: Option<String>,
    lang: Option<String>,
    overrides: BTreeMap<String, Raw>,
    #[serde(alias = "officialOnly")]
    official_only: bool,
    /// Chosen columns: field → header (or number from 1).
    columns: BTreeMap<String, String>,
    /// What the file was before it reached here (`csv_gb18030` after the browser decoded
    /// it, `xlsx` after the xlsx module turned it into CSV).
    format: Option<Format>,
}

/// The cities on file, for the city list: `[{id, name}]`.
#[wasm_bindgen]
pub fn cities() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct CityName<'a> {
        id: &'a str,
        name: &'a Text,
    }
    let rules = yibao::rules().map_err(|e| to_js(&e))?;
    Ok(to_js(
        &rules
            .cities
            .iter()
            .map(|c| CityName {
                id: &c.id,
                name: &c.name,
            })
            .collect::<Vec<_>>(),
    ))
}

/// The results so far, in the officer's language: the lines as the CSV export writes them,
/// where each starts, and which failed or mismatched (so a page of them is cut from the
/// lines, and a million rows cost a byte of status and a few bytes of index each).
#[derive(Default)]
struct Results {
    lines: String,
    starts: Vec<u32>,
    status: Vec<RowStatus>,
}

#[wasm_bindgen]
pub struct PayrollBatch {
    text: Arc<[u8]>,
    format: Format,
    /// The header's line in the file (title lines above it are skipped) and what was skipped.
    header_line: usize,
    titles: Vec<yibao::Text>,
    header: Vec<String>,
    data_rows: usize,
    options: JsOptions,
    mapping: Result<Mapping, Error>,
    /// The employer kinds the rows use, by the kind column they were read from.
    kinds: Option<(Option<usize>, BTreeSet<EmployerKind>)>,
    run: Option<Batch>,
    rows: Option<StreamingCsv>,
    processed: usize,
    results: Results,
}

#[derive(Serialize)]
struct View<'a> {
    format: Format,
    format_label: &'static str,
    headers: &'a [String],
    fields: Vec<&'static str>,
    mapping: Option<&'a Mapping>,
    data_rows: usize,
    figures: Vec<Ask>,
    /// Why the batch cannot run yet (a wage column to choose, figures to enter, bad
    /// settings), each naming the field; empty when it can.
    problems: Vec<Problem>,
}

#[derive(Serialize)]
struct Problem {
    field: String,
    message: Text,
}

fn problems_of(e: &Error) -> Vec<Problem> {
    match e {
        Error::Input { errors } => errors
            .iter()
            .map(|f| Problem {
                field: f.field.clone(),
                message: f.message.clone(),
            })
            .collect(),
        Error::MissingFigures { missing, .. } => vec![Problem {
            field: "figures".into(),
            message: payroll::missing_figures_text(missing),
        }],
        Error::Rules { issues } => issues
            .iter()
            .map(|i| Problem {
                field: "rules".into(),
                message: i.reason.clone(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct Progress {
    done: bool,
    processed: usize,
    total: usize,
}

/// The employer kind a row's cell in `column` gives, read as the batch reads it (an empty
/// cell gives none).
fn kind_in(cells: &[String], column: Option<usize>) -> Option<EmployerKind> {
    column
        .and_then(|c| cells.get(c))
        .and_then(|t| EmployerKind::read_loosely(t))
        .map(|(k, _)| k)
}

fn open_rows(text: &Arc<[u8]>) -> Result<StreamingCsv, Error> {
    StreamingCsv::open(Box::new(Cursor::new(Arc::clone(text))))
}

#[wasm_bindgen]
impl PayrollBatch {
    /// Reads the header row and counts the rows (UTF-8 text; see the module's note). Throws
    /// `{kind, errors}` only for an empty or unreadable file; everything else is in `view()`.
    pub fn open(bytes: Vec<u8>, options: JsValue) -> Result<PayrollBatch, JsValue> {
        let o: JsOptions = glue::request("options", options)?;
        let text: Arc<[u8]> = bytes.into();
        let mut rows = open_rows(&text).map_err(|e| to_js(&e))?;
        let format = o.format.unwrap_or(rows.format);
        // The header, below any title lines the HR system wrote above it.
        let (header_line, header, titles) =
            payroll::find_header(&mut rows).ok_or_else(|| to_js(&tables::read::empty()))?;
        // One pass counts the rows and reads the employer kinds of the chosen kind column.
        let kind_column = Mapping::from_header(&header, &o.columns)
            .ok()
            .and_then(|m| m.employer_kind);
        let mut data_rows = 0;
        let mut kinds = BTreeSet::new();
        for (_, cells) in rows.filter(|(_, cells)| !tables::read::is_blank(cells)) {
            data_rows += 1;
            kinds.extend(kind_in(&cells, kind_column));
        }
        let mut b = PayrollBatch {
            text,
            format,
            header_line,
            titles,
            header,
            data_rows,
            options: JsOptions::default(),
            mapping: Err(tables::read::empty()),
            kinds: Some((kind_column, kinds)),
            run: None,
            rows: None,
            processed: 0,
            results: Results::default(),
        };
        b.setup(o);
        Ok(b)
    }

    /// New settings (city, month, figures, chosen columns, language) for the same file; the
    /// results so far are dropped.
    #[wasm_bindgen(js_name = setup)]
    pub fn setup_js(&mut self, options: JsValue) -> Result<(), JsValue> {
        let o: JsOptions = glue::request("options", options)?;
        self.setup(o);
        Ok(())
    }

    /// Drops the results so far: the next `step` starts again from the first row.
    pub fn restart(&mut self) {
        self.run = None;
        self.rows = None;
        self.processed = 0;
        self.results = Results::default();
    }

    fn setup(&mut self, o: JsOptions) {
        self.mapping = Mapping::from_header(&self.header, &o.columns).map(|mut m| {
            m.notes.extend(self.titles.iter().cloned());
            m
        });
        self.options = o;
        self.restart();
        let kind_column = self.mapping.as_ref().ok().and_then(|m| m.employer_kind);
        if self.kinds.as_ref().is_none_or(|(c, _)| *c != kind_column) {
            self.kinds = Some((kind_column, self.kinds_in_file(kind_column)));
        }
    }

    fn lang(&self) -> Lang {
        self.options
            .lang
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or(Lang::Zh)
    }

    fn batch_options(&self) -> Result<Options, Error> {
        let o = &self.options;
        let employer = match o.employer.as_deref().filter(|e| !e.is_empty()) {
            Some(e) => Some(yibao::compute::contribution::employer_kind(
                "employer",
                &Raw(e.into()),
            )?),
            None => None,
        };
        Ok(Options {
            city: Raw(o.city.clone()),
            month: Raw(o.month.clone()),
            employer,
            overrides: o.overrides.clone(),
            official_only: o.official_only,
        })
    }

    /// The kinds the rows of a kind column give (read again only when another column is chosen).
    fn kinds_in_file(&self, column: Option<usize>) -> BTreeSet<EmployerKind> {
        let Ok(rows) = open_rows(&self.text) else {
            return BTreeSet::new();
        };
        rows.filter(|(line, _)| *line > self.header_line)
            .filter_map(|(_, cells)| kind_in(&cells, column))
            .collect()
    }

    /// The file, its columns and what the batch needs, before computing.
    pub fn view(&self) -> JsValue {
        let mut problems = Vec::new();
        let mut figures = Vec::new();
        match (&self.batch_options(), &self.mapping) {
            (Err(e), _) | (_, Err(e)) => problems.extend(problems_of(e)),
            (Ok(options), Ok(mapping)) => {
                let options = options.clone();
                let mut kinds: Vec<EmployerKind> = self
                    .kinds
                    .as_ref()
                    .map(|(_, k)| k.iter().copied().collect())
                    .unwrap_or_default();
                if let Some(k) = options.employer.filter(|k| !kinds.contains(k)) {
                    kinds.push(k);
                }
                figures = payroll::asks(&options, &kinds);
                match Batch::new(options, mapping.clone()) {
                    Err(e) => problems.extend(problems_of(&e)),
                    Ok(_) => {
                        if let Some(message) = payroll::missing_message(&figures) {
                            problems.push(Problem {
                                field: "figures".into(),
                                message,
                            });
                        }
                    }
                }
            }
        }
        to_js(&View {
            format: self.format,
            format_label: self.format.label(),
            headers: &self.header,
            fields: payroll::FIELDS.iter().map(|(f, _)| *f).collect(),
            mapping: self.mapping.as_ref().ok(),
            data_rows: self.data_rows,
            figures,
            problems,
        })
    }

    /// Computes up to `n` more rows; call again until `done`. Throws `{kind, errors}` when
    /// the batch cannot run (see `view().problems`).
    pub fn step(&mut self, n: usize) -> Result<JsValue, JsValue> {
        if self.run.is_none() {
            let options = self.batch_options().map_err(|e| to_js(&e))?;
            let mapping = self.mapping.clone().map_err(|e| to_js(&e))?;
            self.run = Some(Batch::new(options, mapping).map_err(|e| to_js(&e))?);
            let mut rows = open_rows(&self.text).map_err(|e| to_js(&e))?;
            // Past the title lines and the header.
            let mut rec = tables::StringRecord::new();
            while rows
                .read_into(&mut rec)
                .is_some_and(|line| line < self.header_line)
            {}
            self.rows = Some(rows);
        }
        let lang = self.lang();
        let (Some(run), Some(rows)) = (self.run.as_mut(), self.rows.as_mut()) else {
            return Ok(JsValue::NULL);
        };
        let mut done = true;
        let mut taken = 0;
        let mut rec = tables::StringRecord::new();
        while let Some(line) = rows.read_into(&mut rec) {
            if tables::read::is_blank(&rec) {
                continue;
            }
            let res = &mut self.results;
            res.starts
                .push(u32::try_from(res.lines.len()).unwrap_or(u32::MAX));
            res.status
                .push(run.write_row(line, &rec, lang, &mut res.lines));
            taken += 1;
            if taken == n {
                done = false;
                break;
            }
        }
        self.processed += taken;
        Ok(to_js(&Progress {
            done,
            processed: self.processed,
            total: self.data_rows,
        }))
    }

    /// Totals by employer kind and overall, the counts of failed and mismatched rows, and
    /// the figures the batch used, went without, or was missing (by label).
    pub fn totals(&self) -> JsValue {
        #[derive(Serialize)]
        struct TotalsView<'a> {
            #[serde(flatten)]
            totals: &'a tables::Totals,
            figures: &'a tables::PlanNotes,
            /// The lines and notes as every door shows them (tables::totals).
            table: tables::totals::TotalsTable,
        }
        match &self.run {
            Some(run) => {
                let (totals, figures) = (run.totals(), run.plan_notes());
                to_js(&TotalsView {
                    table: tables::totals::table(&totals, &figures),
                    totals: &totals,
                    figures: &figures,
                })
            }
            None => JsValue::NULL,
        }
    }

    /// Result rows: `filter` is "all", "failed" or "mismatched"; `offset` and `limit` page
    /// them. Returns `{count, columns, rows: [{status, cells}]}` in the export's columns.
    pub fn rows(&self, filter: &str, offset: usize, limit: usize) -> JsValue {
        #[derive(Serialize)]
        struct Row {
            status: RowStatus,
            cells: Vec<String>,
        }
        #[derive(Serialize)]
        struct Page {
            count: usize,
            columns: Vec<String>,
            /// The columns in words, in both languages (the English export names them by id).
            labels: Vec<yibao::Text>,
            /// Which columns hold money.
            money: Vec<usize>,
            rows: Vec<Row>,
        }
        let res = &self.results;
        let keep = |s: &RowStatus| match filter {
            "failed" => *s == RowStatus::Failed,
            "mismatched" => *s == RowStatus::Mismatch,
            _ => true,
        };
        let count = res.status.iter().filter(|s| keep(s)).count();
        let chosen = res
            .status
            .iter()
            .enumerate()
            .filter(|(_, s)| keep(s))
            .skip(offset)
            .take(limit);
        let rows = chosen
            .map(|(i, s)| {
                let start = res.starts.get(i).map_or(0, |&x| x as usize);
                let end = res
                    .starts
                    .get(i + 1)
                    .map_or(res.lines.len(), |&x| x as usize);
                let line = res.lines.get(start..end).unwrap_or_default();
                Row {
                    status: *s,
                    cells: tables::write::cells(line),
                }
            })
            .collect();
        let columns = tables::write::cells(&tables::csv_header(self.lang()));
        to_js(&Page {
            count,
            columns,
            labels: tables::output::column_labels(),
            money: tables::output::MONEY_COLUMNS.collect(),
            rows,
        })
    }

    /// The results as CSV with a UTF-8 BOM: the same bytes as `yibao batch`.
    pub fn csv(&self) -> Vec<u8> {
        let mut out = String::with_capacity(self.results.lines.len() + 256);
        out.push_str(tables::CSV_BOM);
        out.push_str(&tables::csv_header(self.lang()));
        out.push_str(&self.results.lines);
        out.into_bytes()
    }

    /// The sheets of the results workbook as CSV texts, for the `yibao_xlsx` module.
    pub fn sheets(&self) -> JsValue {
        let totals = self.run.as_ref().map(Batch::totals).unwrap_or_default();
        let lines = tables::csv_header(self.lang()) + &self.results.lines;
        to_js(&tables::result_sheets(lines, &totals, self.lang()))
    }
}
