//! Excel workbooks: the first sheet read into rows, and results written as a workbook.
//! Behind the `xlsx` feature, so a CSV-only build (the browser's first load) carries none
//! of it.

use yibao::{text, Error};

use crate::read::Record;

fn bad(e: String) -> Error {
    Error::field("file", "bad_xlsx", text!("无法读取 .xlsx 文件：{e}", "cannot read the .xlsx file: {e}"))
}

#[cfg(feature = "xlsx")]
pub fn read(bytes: &[u8]) -> Result<Vec<Record>, Error> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| bad("no worksheet".into()))?
        .map_err(|e| bad(e.to_string()))?;
    let first = range.start().map_or(0, |(row, _)| row as usize);
    let rows: Vec<Record> = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    // Excel keeps numbers as doubles; the shortest text that reads back as
                    // the same double is what the person typed (5000.5, 3333.33).
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => b.to_string(),
                    other => other.to_string(),
                })
                .collect();
            (first + i + 1, cells)
        })
        .collect();
    if rows.iter().all(|(_, r)| r.iter().all(|c| c.trim().is_empty())) {
        return Err(crate::read::empty());
    }
    Ok(rows)
}

#[cfg(not(feature = "xlsx"))]
pub fn read(_: &[u8]) -> Result<Vec<Record>, Error> {
    Err(bad("this build reads CSV only".into()))
}

/// A workbook: a header row, then rows of cells; cells marked as money are numbers with
/// two decimals shown, so Excel can sum them.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

pub enum Cell {
    Text(String),
    Number(f64),
    Money(f64),
}

#[cfg(feature = "xlsx")]
pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    for s in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(s.name).map_err(|e| e.to_string())?;
        for (c, h) in s.header.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold).map_err(|e| e.to_string())?;
        }
        for (i, row) in s.rows.iter().enumerate() {
            let r = (i + 1) as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(t) => sheet.write_string(r, c, t),
                    Cell::Number(n) => sheet.write_number(r, c, *n),
                    Cell::Money(m) => sheet.write_number_with_format(r, c, *m, &money),
                }
                .map_err(|e| e.to_string())?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(not(feature = "xlsx"))]
pub fn write(_: &[Sheet]) -> Result<Vec<u8>, String> {
    Err("this build writes CSV only".into())
}
