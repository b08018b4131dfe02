//! Reading tables people export: CSV in UTF-8 (with or without BOM) or GBK/GB18030 as
//! Excel saves it in China, or .xlsx. Whole files for the browser; row by row for the CLI,
//! so memory stays flat however long the file. Row numbers are the file's own lines, as a
//! person sees them in an editor.

use std::io::{self, Read};

use serde::{Deserialize, Serialize};
use yibao::{text, Error};

/// What the file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    CsvUtf8,
    CsvUtf8Bom,
    CsvGb18030,
    Xlsx,
}

impl Format {
    /// How a person names it: "UTF-8", "GBK", "Excel".
    pub fn label(self) -> &'static str {
        match self {
            Format::CsvUtf8 => "CSV (UTF-8)",
            Format::CsvUtf8Bom => "CSV (UTF-8, BOM)",
            Format::CsvGb18030 => "CSV (GBK)",
            Format::Xlsx => "Excel (.xlsx)",
        }
    }
}

pub fn empty() -> Error {
    Error::field(
        "file",
        "empty_file",
        text!("文件是空的", "the file is empty"),
    )
}

pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Which text encoding a CSV's first bytes show: a UTF-8 BOM, valid UTF-8 (a character
/// cut at the end of the sample is fine), else GB18030 (a superset of GBK). encoding_rs
/// decodes but does not guess, so the guess is ours.
pub fn sniff(sample: &[u8]) -> Format {
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
        _ => decode_gbk(bytes)?,
    };
    Ok((text, format))
}

fn not_text() -> Error {
    Error::field(
        "file",
        "bad_encoding",
        text!(
            "文件既不是 UTF-8 也不是 GBK 编码",
            "the file is neither UTF-8 nor GBK text"
        ),
    )
}

#[cfg(feature = "gbk")]
fn decode_gbk(bytes: &[u8]) -> Result<String, Error> {
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(not_text());
    }
    Ok(text.into_owned())
}

/// Without the `gbk` feature (the browser), the page decodes GBK with the browser's own
/// decoder and hands over UTF-8; a GBK file reaching here was not decoded.
#[cfg(not(feature = "gbk"))]
fn decode_gbk(_: &[u8]) -> Result<String, Error> {
    Err(not_text())
}

/// The CSV reader skips blank lines without counting them, which would put every later
/// row number off (rust-csv issue #208, open: `Position::line` is wrong after blank
/// lines); a space on each blank line makes it a (blank, skipped) row that counts.
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
        // Leave room for an inserted space before each line.
        while self.start < self.end && n + 2 <= out.len() {
            let avail = self.buf.get(self.start..self.end).unwrap_or_default();
            let Some(&first) = avail.first() else { break };
            if self.at_line_start && (first == b'\n' || first == b'\r') {
                if let Some(slot) = out.get_mut(n..n + 2) {
                    slot.copy_from_slice(&[b' ', first]);
                }
                n += 2;
                self.start += 1;
                self.at_line_start = first == b'\n';
                continue;
            }
            // The rest of the line at once (most lines are not blank).
            let room = out.len() - n;
            let run = memchr::memchr(b'\n', avail)
                .map_or(avail.len(), |p| p + 1)
                .min(room);
            if let (Some(to), Some(from)) = (out.get_mut(n..n + run), avail.get(..run)) {
                to.copy_from_slice(from);
            }
            n += run;
            self.start += run;
            self.at_line_start = avail.get(run.wrapping_sub(1)) == Some(&b'\n');
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
        .buffer_capacity(64 * 1024)
        .from_reader(marked)
}

/// A row of the file: its line number (the first line being 1) and its cells.
pub type Record = (usize, Vec<String>);

/// Line numbers as a person sees them in an editor. Every line is a record (blank ones are
/// marked, see [`MarkBlankLines`]), so the next record starts one line after this one,
/// plus the line breaks inside its quoted cells. (The CSV reader's own line count is off
/// for CRLF files, the way Excel saves them: rust-csv issue #395, open.)
#[derive(Default)]
struct Lines {
    next: usize,
}

impl Lines {
    /// The line number of a record just read (an unreadable one is cleared, so it fails on
    /// its own).
    fn number(&mut self, read: &Result<bool, csv::Error>, rec: &mut csv::StringRecord) -> usize {
        let line = self.next + 1;
        if read.is_err() {
            rec.clear();
            self.next = line;
            return line;
        }
        let inner = rec.as_slice().bytes().filter(|&b| b == b'\n').count();
        self.next = line + inner;
        line
    }

    fn record(&mut self, read: Result<bool, csv::Error>, mut rec: csv::StringRecord) -> Record {
        let line = self.number(&read, &mut rec);
        (line, rec.iter().map(str::to_string).collect())
    }
}

/// The cells of a row, however they are held: read into a reused [`csv::StringRecord`] (the
/// fast path of the payroll batch, no allocation per row) or as owned strings.
pub trait Cells {
    fn cell(&self, i: usize) -> Option<&str>;
    fn count(&self) -> usize;
}

impl<S: AsRef<str>> Cells for [S] {
    fn cell(&self, i: usize) -> Option<&str> {
        self.get(i).map(AsRef::as_ref)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl<S: AsRef<str>> Cells for Vec<S> {
    fn cell(&self, i: usize) -> Option<&str> {
        self.get(i).map(AsRef::as_ref)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl Cells for csv::StringRecord {
    fn cell(&self, i: usize) -> Option<&str> {
        self.get(i)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// Whether a row has nothing in it (skipped, not counted as a failure).
pub fn is_blank<C: Cells + ?Sized>(cells: &C) -> bool {
    let n = cells.count();
    n > 0 && (0..n).all(|i| cells.cell(i).is_none_or(|c| c.trim().is_empty()))
}

/// Reads a whole file (CSV or .xlsx) into rows with their line numbers, the header first.
/// A row the CSV reader cannot read has no cells and fails alone.
pub fn read_records(bytes: &[u8]) -> Result<(Format, Vec<Record>), Error> {
    if bytes.is_empty() {
        return Err(empty());
    }
    let (text, format) = if is_xlsx(bytes) {
        (crate::xlsx::to_csv(bytes)?, Format::Xlsx)
    } else {
        decode(bytes)?
    };
    let mut lines = Lines::default();
    let mut reader = csv_reader(text.as_bytes());
    let mut rows = Vec::new();
    loop {
        let mut rec = csv::StringRecord::new();
        match reader.read_record(&mut rec) {
            Ok(false) => break,
            read => rows.push(lines.record(read, rec)),
        }
    }
    if rows
        .iter()
        .all(|(_, r)| r.iter().all(|c| c.trim().is_empty()))
    {
        return Err(empty());
    }
    Ok((format, rows))
}

/// A CSV file read row by row (for the CLI), whatever its encoding; memory stays flat.
pub struct StreamingCsv {
    pub format: Format,
    reader: csv::Reader<MarkBlankLines<Box<dyn Read + Send>>>,
    lines: Lines,
}

impl StreamingCsv {
    pub fn open(mut file: Box<dyn Read + Send>) -> Result<StreamingCsv, Error> {
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
        let joined: Box<dyn Read + Send> = Box::new(io::Cursor::new(sample).chain(file));
        let reader = transcode(format, joined)?;
        Ok(StreamingCsv {
            format,
            reader: csv_reader(reader),
            lines: Lines::default(),
        })
    }

    /// Reads the next row into `rec` (reused, so no allocation per row) and gives its line
    /// number; `None` at the end. An unreadable row is left with no cells.
    pub fn read_into(&mut self, rec: &mut csv::StringRecord) -> Option<usize> {
        let read = self.reader.read_record(rec);
        if matches!(read, Ok(false)) {
            return None;
        }
        Some(self.lines.number(&read, rec))
    }
}

impl Iterator for StreamingCsv {
    /// The row's line number and cells; an unreadable row gives no cells, so it fails alone.
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        let mut rec = csv::StringRecord::new();
        let read = self.reader.read_record(&mut rec);
        if matches!(read, Ok(false)) {
            return None;
        }
        Some(self.lines.record(read, rec))
    }
}

/// The file as UTF-8 bytes, as they stream. encoding_rs_io transcodes GB18030 and strips a
/// UTF-8 BOM; plain UTF-8 passes through untouched.
#[cfg(feature = "gbk")]
fn transcode(format: Format, joined: Box<dyn Read + Send>) -> Result<Box<dyn Read + Send>, Error> {
    Ok(match format {
        Format::CsvGb18030 => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .build(joined),
        ),
        Format::CsvUtf8Bom => {
            Box::new(encoding_rs_io::DecodeReaderBytesBuilder::new().build(joined))
        }
        _ => joined,
    })
}

/// Without the `gbk` feature (the browser) a GBK file was decoded to UTF-8 before it came here.
#[cfg(not(feature = "gbk"))]
fn transcode(
    format: Format,
    mut joined: Box<dyn Read + Send>,
) -> Result<Box<dyn Read + Send>, Error> {
    match format {
        Format::CsvGb18030 => Err(not_text()),
        Format::CsvUtf8Bom => {
            let mut bom = [0u8; 3];
            joined.read_exact(&mut bom).map_err(|_| empty())?;
            Ok(joined)
        }
        _ => Ok(joined),
    }
}

/// Opens any file the CLI is given: a CSV streams; an .xlsx is read whole (Excel caps a
/// sheet at about a million rows) and turned into CSV text, then read like any CSV, so both
/// kinds of file go through one reader (as on the batch page).
pub fn open(mut file: impl Read + Send + 'static) -> Result<(Format, StreamingCsv), Error> {
    let mut magic = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match file.read(magic.get_mut(got..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => {
                return Err(Error::field(
                    "file",
                    "unreadable",
                    text!("无法读取文件：{e}", "cannot read the file: {e}"),
                ))
            }
        }
    }
    let head = io::Cursor::new(magic.get(..got).unwrap_or_default().to_vec());
    let mut whole = head.chain(file);
    if is_xlsx(&magic) {
        let mut bytes = Vec::new();
        whole.read_to_end(&mut bytes).map_err(|e| {
            Error::field(
                "file",
                "unreadable",
                text!("无法读取文件：{e}", "cannot read the file: {e}"),
            )
        })?;
        let csv = StreamingCsv::open(Box::new(io::Cursor::new(
            crate::xlsx::to_csv(&bytes)?.into_bytes(),
        )))?;
        return Ok((Format::Xlsx, csv));
    }
    let csv = StreamingCsv::open(Box::new(whole))?;
    Ok((csv.format, csv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_utf8_with_and_without_bom_and_gbk() {
        for text in ["\u{feff}a,wage\n1,2\n", "a,wage\n1,2\n"] {
            let (format, rows) = open(io::Cursor::new(text.as_bytes().to_vec())).unwrap();
            let rows: Vec<Record> = rows.collect();
            assert_eq!(rows.len(), 2, "{format:?} {rows:?}");
            assert_eq!(rows[0].1[0], "a");
        }
        let (gbk, _, _) = encoding_rs::GB18030.encode("工号,月工资\nA1,5000\n");
        let (format, rows) = open(io::Cursor::new(gbk.to_vec())).unwrap();
        assert_eq!(format, Format::CsvGb18030);
        assert_eq!(
            rows.collect::<Vec<_>>()[1].1,
            vec!["A1".to_string(), "5000".to_string()]
        );
    }
}
