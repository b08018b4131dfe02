//! Writing CSV the way Excel in China opens it: a UTF-8 byte-order mark, CRLF line ends,
//! cells quoted where they hold a comma, a quote or a line break. One writer for every
//! table (payroll results, the fund's year-by-year table).

/// The byte-order mark Excel needs to read UTF-8.
pub const CSV_BOM: &str = "\u{feff}";

/// A cell, quoted where it must be.
pub fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    if field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// One line of cells, ending in `\r\n`.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(c.as_ref()));
    }
    out.push_str("\r\n");
    out
}

/// The cells of one line as [`line`] wrote it (for showing a page of results).
pub fn cells(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .unwrap_or_default()
}
