//! Writing CSV the way Excel in China opens it: a UTF-8 byte-order mark, CRLF line ends,
//! cells quoted where they hold a comma, a quote or a line break. One writer for every
//! table (payroll results, the fund's year-by-year table).

/// The byte-order mark Excel needs to read UTF-8.
pub const CSV_BOM: &str = "\u{feff}";

/// A cell, quoted where it must be.
pub fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
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
