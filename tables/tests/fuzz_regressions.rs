//! Payroll files the fuzzer once crashed on (tests/fuzz-regressions/batch_reader/*), the
//! corpus the fuzzing campaigns keep (fuzz/corpus/batch_reader/, minimised) and the
//! fuzzer's seeds (tests/payroll/), replayed through the reader and the batch on every test
//! run.

#[path = "../../tests/common/corpus.rs"]
mod corpus;
use corpus::files;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut all = files(&format!("{root}/tests/fuzz-regressions/{target}"));
    all.extend(files(&format!("{root}/fuzz/corpus/{target}")));
    all.extend(
        files(&format!("{root}/tests/payroll"))
            .into_iter()
            .filter(|(n, _)| n.ends_with(".csv") || n.ends_with(".xlsx")),
    );
    all
}

#[test]
fn batch_reader_inputs_do_not_panic() {
    let inputs = inputs("batch_reader");
    assert!(
        inputs.len() >= 3,
        "the crash and the payroll fixtures at least"
    );
    for (_, data) in inputs {
        if let Ok((_, rows)) = yibao_tables::read_records(&data) {
            if let Some(m) = rows
                .first()
                .and_then(|(_, h)| yibao_tables::Mapping::from_header(h, &Default::default()).ok())
            {
                let options = yibao_tables::Options {
                    city: "jining".into(),
                    month: "2024-03".into(),
                    employer: Some(yibao::EmployerKind::Other),
                    ..Default::default()
                };
                if let Ok(mut b) = yibao_tables::Batch::new(options, m) {
                    for (line, cells) in rows.iter().skip(1) {
                        let _ = b.row(*line, cells);
                    }
                }
            }
        }
        let _ = yibao_tables::StreamingCsv::open(Box::new(std::io::Cursor::new(data)))
            .map(|s| s.count());
    }
}
