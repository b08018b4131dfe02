//! The payroll file reader on arbitrary bytes: in memory (web) and streaming (CLI), then
//! every row through a batch.
#![no_main]
use libfuzzer_sys::fuzz_target;
use yibao_tables::{read_records, Batch, Mapping, Options, StreamingCsv};

fn run(rows: impl Iterator<Item = yibao_tables::Record>) {
    let mut rows = rows;
    let Some((_, header)) = rows.next() else { return };
    let Ok(mapping) = Mapping::from_header(&header, &Default::default()) else { return };
    let options = Options { city: "jining".into(), month: "2024-03".into(), employer: Some(yibao::EmployerKind::Other), ..Default::default() };
    let Ok(mut batch) = Batch::new(options, mapping) else { return };
    for (line, cells) in rows.take(2000) {
        let r = batch.row(line, &cells);
        let _ = yibao_tables::csv_row(&r, yibao::Lang::Zh);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok((_, rows)) = read_records(data) {
        run(rows.into_iter());
    }
    if let Ok(stream) = StreamingCsv::open(Box::new(std::io::Cursor::new(data.to_vec()))) {
        run(stream);
    }
});
