//! The bad-input catalogue (tests/bad-input.md) at two of its three doors: the core and the
//! CLI. (The web door is www/tests/bad-input.test.mjs.) Every row of the table is run.

use std::process::Command;

use serde_json::Value;
use yibao::Error;

pub struct Row {
    pub id: String,
    pub computation: String,
    pub request: Value,
    pub field: String,
    pub code: String,
    pub zh: String,
    pub en: String,
    pub doors: String,
}

fn catalogue() -> Vec<Row> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/bad-input.md"
    ))
    .unwrap();
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| id ") && !l.starts_with("|---"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect();
            assert_eq!(cells.len(), 8, "{l}");
            Row {
                id: cells[0].clone(),
                computation: cells[1].clone(),
                request: serde_json::from_str(cells[2].trim_matches('`'))
                    .unwrap_or_else(|e| panic!("{}: {e}", cells[0])),
                field: cells[3].clone(),
                code: cells[4].clone(),
                zh: cells[5].clone(),
                en: cells[6].clone(),
                doors: cells[7].clone(),
            }
        })
        .collect()
}

fn core(row: &Row) -> Result<(), Error> {
    let mut r = row.request.clone();
    if row.computation == "batch" {
        use yibao_tables::{read_records, Batch, Mapping, Options};
        let bytes = std::fs::read(format!(
            "{}/../{}",
            env!("CARGO_MANIFEST_DIR"),
            r["file"].as_str().unwrap()
        ))
        .unwrap();
        let (_, rows) = read_records(&bytes)?;
        let mapping = Mapping::from_header(
            &rows.first().map(|r| r.1.clone()).unwrap_or_default(),
            &Default::default(),
        )?;
        let options = Options {
            city: "jining".into(),
            month: "2024-03".into(),
            ..Default::default()
        };
        return Batch::new(options, mapping).map(drop);
    }
    // One registry for every door: the computation tags the request.
    r["kind"] = Value::String(row.computation.clone());
    let req: yibao::Request =
        serde_json::from_value(r).unwrap_or_else(|e| panic!("{}: {e}", row.id));
    yibao::compute(&req).map(drop)
}

fn cli_args(row: &Row, dir: &std::path::Path) -> Vec<String> {
    let r = &row.request;
    let mut args = vec![if row.computation == "contribution" {
        "contribution".to_string()
    } else {
        row.computation.clone()
    }];
    match row.computation.as_str() {
        "fund" => {
            let mut csv = String::from("year,county,revenue,expenditure\n");
            for x in r["rows"].as_array().unwrap() {
                csv += &format!(
                    "{},{},{},{}\n",
                    x["year"].as_str().unwrap(),
                    x["county"].as_str().unwrap(),
                    x["revenue"].as_str().unwrap(),
                    x["expenditure"].as_str().unwrap()
                );
            }
            let file = dir.join(format!("{}.csv", row.id));
            std::fs::write(&file, csv).unwrap();
            args.push(file.to_string_lossy().into());
            args.extend(["--city".into(), r["city"].as_str().unwrap().into()]);
        }
        "batch" => {
            args.push(format!(
                "{}/../{}",
                env!("CARGO_MANIFEST_DIR"),
                r["file"].as_str().unwrap()
            ));
            args.extend(["--city", "jining", "--month", "2024-03"].map(String::from));
        }
        _ => {
            for (k, v) in r.as_object().unwrap() {
                if k == "overrides" {
                    for (id, value) in v.as_object().unwrap() {
                        args.push(format!("--set={id}={}", value.as_str().unwrap()));
                    }
                } else {
                    args.push(format!("--{}={}", k.replace('_', "-"), v.as_str().unwrap()));
                }
            }
        }
    }
    args
}

#[test]
fn catalogue_has_at_least_forty_kinds_each_with_both_languages() {
    let rows = catalogue();
    assert!(rows.len() >= 40, "{} rows", rows.len());
    let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), rows.len(), "ids are unique");
    for r in &rows {
        assert!(!r.zh.is_empty() && !r.en.is_empty(), "{}", r.id);
        assert!(
            r.doors.starts_with("core"),
            "{}: every row is tested at the core",
            r.id
        );
        if !r.doors.contains("web") || !r.doors.contains("cli") {
            assert!(r.doors.contains('—'), "{}: a door left out says why", r.id);
        }
    }
}

#[test]
fn the_core_gives_each_error() {
    let mut failures = Vec::new();
    for row in catalogue() {
        let err = match core(&row) {
            Ok(()) => {
                failures.push(format!("{}: no error", row.id));
                continue;
            }
            Err(e) => e,
        };
        let ok = match (&err, row.code.as_str()) {
            (Error::MissingFigures { missing, .. }, "missing_figures") => missing
                .first()
                .is_some_and(|m| m.label.zh.contains(&row.zh) && m.label.en.contains(&row.en)),
            (Error::Input { errors }, code) => errors.iter().any(|e| {
                e.field == row.field
                    && e.code == code
                    && e.message.zh.contains(&row.zh)
                    && e.message.en.contains(&row.en)
            }),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{}: expected {}/{} «{}» «{}», got {}",
                row.id,
                row.field,
                row.code,
                row.zh,
                row.en,
                serde_json::to_string(&err).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cli_exits_2_with_the_message() {
    let dir = std::env::temp_dir().join(format!("yibao-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for row in catalogue()
        .into_iter()
        .filter(|r| r.doors.split_whitespace().any(|d| d == "cli"))
    {
        let args = cli_args(&row, &dir);
        let out = Command::new(env!("CARGO_BIN_EXE_yibao"))
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // A cell of a file is named in the message's language ("row 2: revenue" reads
        // 第 2 行「收入」); other fields by the name the flags take.
        let cell = row
            .field
            .strip_prefix("row ")
            .and_then(|r| r.split_once(": "))
            .map(|(line, _)| format!("第 {line} 行「"));
        let expected = if row.code == "missing_figures" {
            row.zh.clone()
        } else {
            cell.unwrap_or_else(|| format!("{}: ", row.field))
        };
        if out.status.code() != Some(2) || !stderr.contains(&expected) || !stderr.contains(&row.zh)
        {
            failures.push(format!(
                "{} (yibao {}): exit {:?}, stderr {stderr}",
                row.id,
                args.join(" "),
                out.status.code()
            ));
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
