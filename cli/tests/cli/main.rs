//! The `yibao` command line: the examples of the README, exit codes, JSON and languages.

use std::process::{Command, Output};

fn yibao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yibao"))
        .args(args)
        .output()
        .expect("run yibao")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn contribution_example_shows_406_and_104_with_steps() {
    let o = yibao(&[
        "contribution",
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "5000",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("单位每月: 406.00"), "{out}");
    assert!(out.contains("个人每月: 104.00"), "{out}");
    assert!(out.contains("5000.00 × 8% = 400.00"), "{out}");
    assert!(
        out.contains("三（二）1"),
        "the step cites the article: {out}"
    );
}

#[test]
fn english_output() {
    let o = yibao(&[
        "contribution",
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "5000",
        "--lang",
        "en",
    ]);
    let out = stdout(&o);
    assert!(out.contains("employer / month: 406.00"), "{out}");
    assert!(out.contains("Steps:"), "{out}");
}

#[test]
fn eligibility_example() {
    let o = yibao(&[
        "eligibility",
        "--city",
        "jining",
        "--birth",
        "1967-03",
        "--category",
        "male",
        "--paid-months",
        "72",
        "--last-base",
        "5000",
        "--as-of",
        "2026-11",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("法定退休月份: 2027-10"), "{out}");
    assert!(out.contains("差 48 个月; 一次性补缴 16800.00"), "{out}");
}

#[test]
fn json_is_the_core_result() {
    let o = yibao(&[
        "contribution",
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "5000",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["employer"]["total"], "406.00");
    assert_eq!(v["individual"]["total"], "104.00");
    assert!(v["explanation"]["steps"].as_array().unwrap().len() >= 5);
}

#[test]
fn bad_input_exits_2_naming_field_and_reason() {
    let o = yibao(&[
        "contribution",
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "-5",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wage: 不能为负数"), "{}", stderr(&o));
    let o = yibao(&[
        "contribution",
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "abc",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wage: not a number"), "{}", stderr(&o));
    // JSON errors go to stdout, still exit 2.
    let o = yibao(&[
        "contribution",
        "--city",
        "nowhere",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "1",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["kind"], "input");
    assert_eq!(v["errors"][0]["field"], "city");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        yibao(&["contribution", "--city", "jining"]).status.code(),
        Some(2)
    );
    assert_eq!(yibao(&["frobnicate"]).status.code(), Some(2));
    let o = yibao(&[
        "contribution",
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
        "--wage",
        "1",
        "--set",
        "nonsense",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--set"), "{}", stderr(&o));
}

#[test]
fn missing_figures_list_the_ids_to_set() {
    let o = yibao(&[
        "contribution",
        "--city",
        "wenzhou",
        "--month",
        "2022-03",
        "--employer",
        "other",
        "--wage",
        "5000",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("--set ID=VALUE"), "{err}");
    assert!(err.contains("employee.rate.employer.other"), "{err}");
    // Supplying them gives a result that says so.
    let o = yibao(&[
        "contribution",
        "--city",
        "wenzhou",
        "--month",
        "2022-03",
        "--employer",
        "other",
        "--wage",
        "5000",
        "--lang",
        "en",
        "--set",
        "employee.rate.employer.other=0.07",
        "--set",
        "employee.rate.individual=0.02",
        "--set",
        "employee.fixed.employer=0",
        "--set",
        "employee.fixed.individual=0",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("employer / month: 350.00"), "{out}");
    assert!(
        out.contains("User-supplied figures: employee.rate.employer.other"),
        "{out}"
    );
}

#[test]
fn rules_list_show_check() {
    let o = yibao(&["rules", "list"]);
    let out = stdout(&o);
    for id in ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"] {
        assert!(out.contains(id), "{out}");
    }
    assert!(out.contains("巩义市"), "{out}");
    let o = yibao(&[
        "rules",
        "show",
        "jining",
        "--param",
        "employee.rate.employer.other",
    ]);
    assert!(
        stdout(&o).contains("0.08") || stdout(&o).contains("8%"),
        "{}",
        stdout(&o)
    );
    let o = yibao(&["rules", "show", "wenzhou", "--param", "employee.base.floor"]);
    assert!(
        stdout(&o).contains("未公布") && stdout(&o).contains("--set employee.base.floor"),
        "{}",
        stdout(&o)
    );
    let o = yibao(&["rules", "check"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("规则有效"));
}

#[test]
fn rules_check_dir_reports_file_key_reason() {
    let dir = std::env::temp_dir().join(format!("yibao-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules");
    for name in ["national.toml", "jining.toml"] {
        std::fs::copy(format!("{src}/{name}"), dir.join(name)).unwrap();
    }
    let ok = yibao(&["rules", "check", "--dir", dir.to_str().unwrap()]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let broken = std::fs::read_to_string(dir.join("jining.toml"))
        .unwrap()
        .replacen("value = \"0.08\"", "value = \"1.08\"", 1);
    std::fs::write(dir.join("jining.toml"), broken).unwrap();
    let o = yibao(&[
        "rules",
        "check",
        "--dir",
        dir.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("jining.toml [param.\"employee.rate.employer.other\"[0].value]: invalid value: a rate must be between 0 and 1"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Payroll and fund files, and a site's figures file.
mod files;
