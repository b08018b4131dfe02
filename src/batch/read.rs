//! Reading payroll files: CSV in UTF-8 (with or without BOM) or GBK/GB18030 as Excel saves
//! it in China, or .xlsx. In memory for the web; streaming for the CLI's CSV.

use std::io::{self, Read};

use serde::Serialize;

use crate::error::Error;
use crate::text;

/// What the file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    CsvUtf8,
    CsvUtf8Bom,
    CsvGb18030,
    Xlsx,
}

fn empty() -> Error {
    Error::field(
        "file",
        "empty_file",
        text!("文件是空的", "the file is empty"),
    )
}

fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Which text encoding a CSV's first bytes show: a UTF-8 BOM, valid UTF-8 (a character
/// cut at the end of the sample is fine), else GB18030 (a superset of GBK).
fn sniff(sample: &[u8]) -> Format {
    if sample.starts_with(b"\xEF\xBB\xBF") {
        return Format::CsvUtf8Bom;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => Format::CsvUtf8,
        Err(e) if e.error_len().is_none() => Format::CsvUtf8,
        Err(_) => Format::CsvGb18030,
    }
}

/// Decodes a whole CSV file to text.
pub fn decode(bytes: &[u8]) -> Result<(String, Format), Error> {
    if bytes.is_empty() {
        return Err(empty());
    }
    let format = sniff(bytes);
    let text = match format {
        Format::CsvUtf8Bom => {
            String::from_utf8_lossy(bytes.get(3..).unwrap_or_default()).into_owned()
        }
        Format::CsvUtf8 => String::from_utf8_lossy(bytes).into_owned(),
        _ => {
            let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            if had_errors {
                return Err(Error::field(
                    "file",
                    "bad_encoding",
                    text!(
                        "文件既不是 UTF-8 也不是 GBK 编码",
                        "the file is neither UTF-8 nor GBK text"
                    ),
                ));
            }
            text.into_owned()
        }
    };
    Ok((text, format))
}

/// The CSV reader skips blank lines without counting them, which would put every later
/// row number off; a space on each blank line makes it a (blank, skipped) row that counts.
pub struct MarkBlankLines<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    at_line_start: bool,
}

impl<R: Read> Read for MarkBlankLines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.len() < 2 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "buffer too small",
            ));
        }
        if self.start == self.end {
            self.start = 0;
            self.end = self.inner.read(&mut self.buf)?;
        }
        let mut n = 0;
        // Leave room for an inserted space before each byte.
        while self.start < self.end && n + 2 <= out.len() {
            let Some(&b) = self.buf.get(self.start) else {
                break;
            };
            if self.at_line_start && (b == b'\n' || b == b'\r') {
                if let Some(slot) = out.get_mut(n) {
                    *slot = b' ';
                }
                n += 1;
            }
            if let Some(slot) = out.get_mut(n) {
                *slot = b;
            }
            n += 1;
            self.start += 1;
            self.at_line_start = b == b'\n';
        }
        Ok(n)
    }
}

fn csv_reader<R: Read>(r: R) -> csv::Reader<MarkBlankLines<R>> {
    let marked = MarkBlankLines {
        inner: r,
        buf: vec![0; 64 * 1024],
        start: 0,
        end: 0,
        at_line_start: true,
    };
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(marked)
}

/// A row of the file: its line number (the first line being 1) and its cells.
pub type Record = (usize, Vec<String>);

/// Line numbers as a person sees them in an editor. Every line is a record (blank ones are
/// marked, see [`MarkBlankLines`]), so the next record starts one line after this one,
/// plus the line breaks inside its quoted cells. (The CSV reader's own line count is off
/// for CRLF files, the way Excel saves them.)
#[derive(Default)]
struct Lines {
    next: usize,
}

impl Lines {
    fn record(&mut self, rec: Result<csv::StringRecord, csv::Error>) -> Record {
        let line = self.next + 1;
        match rec {
            Ok(r) => {
                let inner: usize = r.iter().map(|c| c.matches('\n').count()).sum();
                self.next = line + inner;
                (line, r.iter().map(str::to_string).collect())
            }
            // An unreadable row gives no cells, so it fails on its own.
            Err(_) => {
                self.next = line;
                (line, Vec::new())
            }
        }
    }
}

/// Reads a whole file (CSV or .xlsx) into rows with their line numbers, the header first.
/// Blank lines are skipped; a row the CSV reader cannot read has no cells and fails alone.
pub fn read_records(bytes: &[u8]) -> Result<(Format, Vec<Record>), Error> {
    if bytes.is_empty() {
        return Err(empty());
    }
    if is_xlsx(bytes) {
        return read_xlsx(bytes).map(|rows| (Format::Xlsx, rows));
    }
    let (text, format) = decode(bytes)?;
    let mut lines = Lines::default();
    let rows: Vec<Record> = csv_reader(text.as_bytes())
        .records()
        .map(|r| lines.record(r))
        .collect();
    if rows
        .iter()
        .all(|(_, r)| r.iter().all(|c| c.trim().is_empty()))
    {
        return Err(empty());
    }
    Ok((format, rows))
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Record>, Error> {
    use calamine::{Data, Reader, Xlsx};
    let bad = |e: String| {
        Error::field(
            "file",
            "bad_xlsx",
            text!(
                "无法读取 .xlsx 文件：{e}",
                "cannot read the .xlsx file: {e}"
            ),
        )
    };
    let mut book: Xlsx<_> = Xlsx::new(io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
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
    if rows
        .iter()
        .all(|(_, r)| r.iter().all(|c| c.trim().is_empty()))
    {
        return Err(empty());
    }
    Ok(rows)
}

/// A reader that turns GB18030 bytes into UTF-8 as they stream.
struct Gb18030Reader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    done: bool,
    /// The decoder has seen the end of the input; it must not be called again (found by
    /// fuzzing: encoding_rs panics on a finished decoder).
    finished: bool,
}

impl<R: Read> Read for Gb18030Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.finished {
                return Ok(0);
            }
            if self.start == self.end && !self.done {
                self.start = 0;
                self.end = self.inner.read(&mut self.input)?;
                self.done = self.end == 0;
            }
            if out.len() < 4 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "buffer too small",
                ));
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                self.input.get(self.start..self.end).unwrap_or_default(),
                out,
                self.done,
            );
            self.start += read;
            if self.done && matches!(result, encoding_rs::CoderResult::InputEmpty) {
                self.finished = true;
                return Ok(written);
            }
            if written > 0 {
                return Ok(written);
            }
        }
    }
}

/// A CSV file read row by row (for the CLI), whatever its encoding; memory stays flat.
pub struct StreamingCsv {
    pub format: Format,
    records: csv::StringRecordsIntoIter<MarkBlankLines<Box<dyn Read>>>,
    lines: Lines,
}

impl StreamingCsv {
    pub fn open(mut file: Box<dyn Read>) -> Result<StreamingCsv, Error> {
        let mut sample = vec![0u8; 64 * 1024];
        let mut filled = 0;
        while filled < sample.len() {
            let n = file
                .read(sample.get_mut(filled..).unwrap_or_default())
                .map_err(|e| {
                    Error::field(
                        "file",
                        "unreadable",
                        text!("无法读取文件：{e}", "cannot read the file: {e}"),
                    )
                })?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        sample.truncate(filled);
        if sample.is_empty() {
            return Err(empty());
        }
        let format = sniff(&sample);
        let skip = if format == Format::CsvUtf8Bom { 3 } else { 0 };
        let joined: Box<dyn Read> = Box::new(io::Cursor::new(sample).chain(file));
        let mut joined = joined;
        if skip > 0 {
            let mut bom = [0u8; 3];
            joined.read_exact(&mut bom).map_err(|_| empty())?;
        }
        let reader: Box<dyn Read> = match format {
            Format::CsvGb18030 => Box::new(Gb18030Reader {
                inner: joined,
                decoder: encoding_rs::GB18030.new_decoder_without_bom_handling(),
                input: vec![0u8; 64 * 1024],
                start: 0,
                end: 0,
                done: false,
                finished: false,
            }),
            _ => joined,
        };
        Ok(StreamingCsv {
            format,
            records: csv_reader(reader).into_records(),
            lines: Lines::default(),
        })
    }
}

impl Iterator for StreamingCsv {
    /// The row's line number and cells; an unreadable row gives no cells, so it fails alone.
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        let rec = self.records.next()?;
        Some(self.lines.record(rec))
    }
}
