//! Payroll files the fuzzer once crashed on (tests/fuzz-regressions/batch_reader/*),
//! replayed through the reader and the batch on every test run.

use std::fs;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = format!(
        "{}/../tests/fuzz-regressions/{target}",
        env!("CARGO_MANIFEST_DIR")
    );
    fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_file())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn batch_reader_inputs_do_not_panic() {
    for (_, data) in inputs("batch_reader") {
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
