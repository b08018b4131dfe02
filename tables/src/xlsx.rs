//! Excel workbooks, by way of CSV text: a sheet read in becomes CSV text that the one CSV
//! reader then reads (so an .xlsx and a CSV give the same rows and line numbers), and a
//! workbook is written from CSV texts (the same lines as the CSV export). Behind the `xlsx`
//! feature, so the batch page's first load carries none of it: the page loads its own small
//! module for this only when an .xlsx is opened or exported.

use serde::{Deserialize, Serialize};
use yibao::{text, Error};

#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
fn bad(e: String) -> Error {
    Error::field(
        "file",
        "bad_xlsx",
        text!(
            "无法读取 .xlsx 文件：{e}",
            "cannot read the .xlsx file: {e}"
        ),
    )
}

/// The first sheet as UTF-8 CSV text, one line per sheet row from row 1, so a row's line
/// number is its row number in Excel. A line break inside a cell becomes a space (it would
/// otherwise put every later line number off Excel's).
#[cfg(feature = "xlsx")]
pub fn to_csv(bytes: &[u8]) -> Result<String, Error> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| bad("no worksheet".into()))?
        .map_err(|e| bad(e.to_string()))?;
    let first = range.start().map_or(0, |(row, _)| row as usize);
    let mut out = "\n".repeat(first);
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                Data::String(s) => s.replace(['\r', '\n'], " "),
                // Excel keeps numbers as doubles; the shortest text that reads back as the
                // same double is what the person typed (5000.5, 3333.33).
                Data::Float(f) => format!("{f}"),
                Data::Int(i) => i.to_string(),
                Data::Bool(b) => b.to_string(),
                other => other.to_string().replace(['\r', '\n'], " "),
            })
            .collect();
        out.push_str(crate::write::line(&cells).trim_end_matches("\r\n"));
        out.push('\n');
    }
    if out.trim().is_empty() {
        return Err(crate::read::empty());
    }
    Ok(out)
}

#[cfg(not(feature = "xlsx"))]
pub fn to_csv(_: &[u8]) -> Result<String, Error> {
    Err(bad("this build reads CSV only".into()))
}

/// A sheet to write: its name, its lines as CSV text (the header first), and which columns
/// (from 0) hold money (numbers shown with two decimals, so Excel can sum them) or plain
/// numbers. Other cells, and cells of those columns that are not numbers, are text.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CsvSheet {
    pub name: String,
    pub csv: String,
    pub money: Vec<usize>,
    pub numbers: Vec<usize>,
}

/// A workbook from CSV sheets.
#[cfg(feature = "xlsx")]
pub fn write(sheets: &[CsvSheet]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    for s in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(&s.name).map_err(|e| e.to_string())?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(s.csv.as_bytes());
        for (r, record) in reader.records().enumerate() {
            let record = record.map_err(|e| e.to_string())?;
            let row = u32::try_from(r).map_err(|e| e.to_string())?;
            for (c, cell) in record.iter().enumerate() {
                let col = u16::try_from(c).map_err(|e| e.to_string())?;
                let number = (r > 0)
                    .then(|| cell.parse::<f64>().ok())
                    .flatten()
                    .filter(|_| !cell.is_empty());
                match number {
                    _ if r == 0 => sheet.write_string_with_format(row, col, cell, &bold),
                    Some(n) if s.money.contains(&c) => {
                        sheet.write_number_with_format(row, col, n, &money)
                    }
                    Some(n) if s.numbers.contains(&c) => sheet.write_number(row, col, n),
                    _ => sheet.write_string(row, col, cell),
                }
                .map_err(|e| e.to_string())?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(not(feature = "xlsx"))]
pub fn write(_: &[CsvSheet]) -> Result<Vec<u8>, String> {
    Err("this build writes CSV only".into())
}
