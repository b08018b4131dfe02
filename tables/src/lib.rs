//! # yibao-tables: the files people bring and take away
//!
//! One reader for every table ([`read`]: CSV in UTF-8 or GBK with line numbers, or .xlsx),
//! one header-alias table ([`headers`]), one CSV writer ([`write`]); the payroll batch
//! ([`payroll`], [`output`]) and the fund's figures ([`fund`]) on top. The CLI, the batch
//! page and the JS API all use these, so a file gives the same numbers everywhere.

// No unsafe code: memory safety is the compiler's, which is why the fuzz smoke pass runs
// without AddressSanitizer (scripts/fuzz.sh).
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod fund;
pub mod headers;
pub mod output;
pub mod payroll;
pub mod read;
pub mod totals;
pub mod write;
pub mod xlsx;

/// A row read into a reused buffer ([`StreamingCsv::read_into`]).
pub use csv::StringRecord;
pub use output::{csv_header, csv_row, sheets as result_sheets};
pub use payroll::{
    Ask, Batch, Mapping, Noted, Options, PlanNotes, RowResult, RowStatus, Total, Totals,
};
pub use read::{decode, read_records, Cells, Format, Record, StreamingCsv};
pub use write::CSV_BOM;
pub use xlsx::CsvSheet;
