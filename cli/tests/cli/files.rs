//! The command line with the files people bring: payrolls (CSV, GBK, xlsx), the fund's
//! figures, a site's figures file.

use super::*;

fn payroll(name: &str) -> String {
    format!("{}/../tests/payroll/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn batch_writes_bom_csv_with_every_row_and_a_summary() {
    let o = yibao(&[
        "batch",
        &payroll("broken.csv"),
        "--city",
        "jining",
        "--month",
        "2024-03",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The expected output was checked by hand against tests/batch.rs (406.00 = 5000 × 8% + 6;
    // 326.00 = 4000 × 8% + 6; B06's kind "boss" is read as another employer: 6000 × 8% + 6 =
    // 486.00, 6000 × 2% + 4 = 124.00) and each failed row's columns and reasons (B09 lacks
    // both its kind and its wage, and says both).
    let expected = std::fs::read_to_string(payroll("broken.expected.csv")).unwrap();
    assert_eq!(stdout(&o), expected);
    assert!(stdout(&o).starts_with('\u{feff}'));
    let summary = stderr(&o);
    assert!(
        summary.contains("1 行的单位类型（boss）按其他单位计"),
        "{summary}"
    );
    assert!(
        summary.contains("月工资 (2)"),
        "the mapping is shown: {summary}"
    );
    assert!(summary.contains("出错行 6"), "{summary}");
}

#[test]
fn batch_gbk_and_xlsx_out() {
    let out = std::env::temp_dir().join(format!("yibao-out-{}.xlsx", std::process::id()));
    let o = yibao(&[
        "batch",
        &payroll("gbk.csv"),
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (_, rows) = yibao_tables::read_records(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(rows[0].1[0], "row");
    assert_eq!(
        (rows[1].1[1].as_str(), rows[1].1[7].as_str()),
        ("A001", "406")
    );
    std::fs::remove_file(out).unwrap();
}

#[test]
fn batch_file_errors_exit_2() {
    for (file, reason) in [("noheader.csv", "the header reads"), ("empty.csv", "empty")] {
        let o = yibao(&[
            "batch",
            &payroll(file),
            "--city",
            "jining",
            "--month",
            "2024-03",
            "--lang",
            "en",
        ]);
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(reason), "{file}: {}", stderr(&o));
    }
    let o = yibao(&[
        "batch",
        &payroll("bom.csv"),
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("employer-kind column"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn fund_reads_csv_and_json_and_writes_the_table() {
    let csv = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fund/huanggang.csv");
    let out = std::env::temp_dir().join(format!("yibao-fund-{}.csv", std::process::id()));
    let o = yibao(&[
        "fund",
        csv,
        "--city",
        "huanggang",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // 2025 A: 1,266,000 deficit = 50,000 + 42,000 + 939,200 + 124,000 + 110,800 (tests/golden/fund.toml).
    assert!(
        stdout(&o).contains("县政府（8:2 中的 8） 939,200.00"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("第十八条"), "cites the article");
    let table = std::fs::read_to_string(&out).unwrap();
    assert!(table.contains("2025,A,1100000.00,2300000.00,66000.00,-1266000.00,50000.00,42000.00,939200.00,124000.00,110800.00"), "{table}");
    std::fs::remove_file(&out).unwrap();
    let json = std::env::temp_dir().join(format!("yibao-fund-{}.json", std::process::id()));
    std::fs::write(&json, r#"{"rows":[{"year":"2020","county":"Y","revenue":"100000","expenditure":"200000","opening_balance":"80000"}]}"#).unwrap();
    let o = yibao(&[
        "fund",
        json.to_str().unwrap(),
        "--city",
        "yancheng",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["years"][0]["counties"][0]["policy_adjustment"],
        "20000.00"
    );
    // The same file's table: 盐城's city pool in its own columns, its revenue and expenditure
    // cells empty (the counties' revenue column sums to the counties' revenue). Opening 0 +
    // remitted 40,000 + 40,000 (第七条, two instalments) + received 0 − paid out 80,000 = 0.
    let o = yibao(&[
        "fund",
        json.to_str().unwrap(),
        "--city",
        "yancheng",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = std::fs::read_to_string(&out).unwrap();
    assert!(
        table.contains("2020,市级基金,,,,,,,,,,,,,,,0.00,0.00,80000.00,0.00,80000.00"),
        "{table}"
    );
    std::fs::remove_file(&out).unwrap();
    std::fs::remove_file(&json).unwrap();
}

#[test]
fn fund_bad_input_exits_2_naming_row_and_field() {
    let bad = std::env::temp_dir().join(format!("yibao-fund-bad-{}.csv", std::process::id()));
    std::fs::write(
        &bad,
        "year,county,revenue,expenditure\n2025,A,1,1\n2024,A,1,1\n2025,B,-1,1\n",
    )
    .unwrap();
    let o = yibao(&[
        "fund",
        bad.to_str().unwrap(),
        "--city",
        "huanggang",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("row 4: revenue: must not be negative"),
        "{err}"
    );
    std::fs::remove_file(&bad).unwrap();
}

/// A payroll export as HR systems write it (GBK): 应发工资 is recognised as the wage but
/// flagged as not the contribution base; `--column wage=基本工资` picks the base instead.
/// 济宁 2024-03 (no floor or ceiling published for that month), other employer, 三（二）1、2:
/// individual = base × 2% + 4: 6000 → 124.00 against 104.00 deducted (−20.00), but
/// 5000 → 104.00, 7000 → 144.00, 4000 → 84.00, each equal to the deduction.
#[test]
fn batch_column_choice_and_the_caution_for_gross_pay() {
    let file = payroll("export-gbk.csv");
    let base = [
        "batch",
        file.as_str(),
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--employer",
        "other",
    ];
    let o = yibao(&base);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("工资 → 应发工资 (5)"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("「应发工资」不是缴费基数"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("\r\n2,E001,张三,其他单位,6000.00,480.00,6.00,486.00,120.00,4.00,124.00,104.00,-20.00,扣款不符,,\r\n"), "{}", stdout(&o));
    let o = yibao(&[&base[..], &["--column", "wage=基本工资", "--lang", "en"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("wage → 基本工资 (6)"), "{}", stderr(&o));
    for line in [
        "2,E001,张三,other employer,5000.00,400.00,6.00,406.00,100.00,4.00,104.00,104.00,0.00,ok,,",
        "3,E002,李四,other employer,7000.00,560.00,6.00,566.00,140.00,4.00,144.00,144.00,0.00,ok,,",
        "4,E003,王五,other employer,4000.00,320.00,6.00,326.00,80.00,4.00,84.00,84.00,0.00,ok,,",
    ] {
        assert!(stdout(&o).contains(line), "{line} in {}", stdout(&o));
    }
    // By number, and a column the file does not have.
    let o = yibao(&[&base[..], &["--column", "wage=6"]].concat());
    assert!(stderr(&o).contains("工资 → 基本工资 (6)"), "{}", stderr(&o));
    let o = yibao(&[&base[..], &["--column", "wage=工资额", "--lang", "en"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the file has no column “工资额”"),
        "{}",
        stderr(&o)
    );
}

/// `--strict`: any failed row makes the exit status 1; every good row is still written.
#[test]
fn batch_strict_exits_1_when_a_row_failed() {
    let file = payroll("broken.csv");
    let args = [
        "batch",
        file.as_str(),
        "--city",
        "jining",
        "--month",
        "2024-03",
    ];
    let lenient = yibao(&args);
    assert_eq!(lenient.status.code(), Some(0));
    let strict = yibao(&[&args[..], &["--strict"]].concat());
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(stdout(&strict), stdout(&lenient));
    let clean = yibao(&[
        "batch",
        &payroll("gbk.csv"),
        "--city",
        "jining",
        "--month",
        "2024-03",
        "--strict",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
}

/// A figure nobody published is named once, not blamed on the wage of every row: with the
/// employer kind given for the whole file it is asked for before reading; with a kind column,
/// the rows that need it fail with no column and the summary names it once.
#[test]
fn batch_missing_figure_is_named_once() {
    let o = yibao(&[
        "batch",
        &payroll("gbk.csv"),
        "--city",
        "huanggang",
        "--month",
        "2026-11",
    ]);
    let out = stdout(&o);
    let public_body_row = out.lines().find(|l| l.starts_with("3,A002")).unwrap();
    assert!(
        public_body_row.ends_with(",出错,,缺少未公布的数据：用人单位费率（机关事业单位，含生育）"),
        "{public_body_row}"
    );
    assert!(
        stderr(&o)
            .contains("缺少未公布的数据，用到它们的行出错：用人单位费率（机关事业单位，含生育）"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stderr(&o)
            .matches("employee.rate.employer.public_body")
            .count(),
        1,
        "{}",
        stderr(&o)
    );
    let o = yibao(&[
        "batch",
        &payroll("bom.csv"),
        "--city",
        "huanggang",
        "--month",
        "2026-11",
        "--employer",
        "public_body",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("employee.rate.employer.public_body"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_sites_figures_file_is_used_and_named() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/figures/wenzhou-2027.toml"
    );
    let args = [
        "--figures",
        example,
        "contribution",
        "--city",
        "wenzhou",
        "--month",
        "2027-02",
        "--employer",
        "other",
        "--wage",
        "3000",
    ];
    let o = yibao(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // max(3000, 5100) = 5100.00 (the site's 2027 floor); 5100 × 9.2% = 469.20
    assert!(out.contains("缴费基数: 5100.00"), "{out}");
    assert!(out.contains("单位每月: 469.20"), "{out}");
    assert!(
        out.contains("本站（示例网站 (example site)）的数值文件"),
        "{out}"
    );
    // Without the file: the built-in 4986 carried provisionally.
    let o = yibao(&args[2..]);
    assert!(stdout(&o).contains("缴费基数: 4986.00"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("暂按 2025 年起执行的标准，2027 年标准尚未收录"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_bad_figures_file_is_refused_with_its_line() {
    let dir = std::env::temp_dir().join(format!("yibao-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/figures/wenzhou-2027.toml"
    ))
    .unwrap();
    let path = dir.join("figures.toml");
    std::fs::write(&path, good.replace("value = \"5100\"", "value = \"-5\"")).unwrap();
    let o = yibao(&[
        "--lang",
        "en",
        "--figures",
        path.to_str().unwrap(),
        "rules",
        "horizon",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("figures.toml [figure 1 (line 15).value]"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_horizon_lists_what_runs_out() {
    let o = yibao(&["rules", "horizon", "--from", "2026-12", "--months", "12"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("职工医保缴费基数下限 = 4986.00 元/月 [推断值]: 有效至 2026-12；其后暂按此值沿用至 2027-12；2028-01 起未收录"), "{out}");
    assert!(out.contains("统筹文件有效期至 2026-12"), "{out}");
    // Words a person reads, not ids or codes: 黄冈's method and the flexible view's lacks.
    assert!(
        out.contains("统筹前基金缺口的承担办法 = 由当地（原统筹区）自行承担"),
        "{out}"
    );
    assert!(
        out.contains("需填写；缺：灵活就业缴费基数（月）、灵活就业费率"),
        "{out}"
    );
    assert!(
        !out.contains("local_finance") && !out.contains("employee.fixed"),
        "{out}"
    );
    let o = yibao(&[
        "--json", "rules", "horizon", "--from", "2026-12", "--months", "1",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["cities"].as_array().unwrap().len(), 5);
}

#[test]
fn a_payroll_as_hr_systems_export_it() {
    // GBK, a title line above the header, company forms as employer kinds, a row missing
    // two cells, a blank row and a 合计 line.
    let o = yibao(&[
        "batch",
        &payroll("hr-export-gbk.csv"),
        "--city",
        "jining",
        "--month",
        "2026-11",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (out, summary) = (stdout(&o), stderr(&o));
    // 5000 × 8% + 6 = 406.00 for a 有限责任公司 (another employer); rows keep their lines.
    assert!(
        out.contains(
            "3,E01,张三,其他单位,5000.00,400.00,6.00,406.00,100.00,4.00,104.00,104.00,0.00,正常,,"
        ),
        "{out}"
    );
    // 全额拨款事业单位 is a public body: max(4000, 4573) × 7.4% = 338.40 + 6 = 344.40.
    assert!(
        out.contains("7,E05,钱七,机关事业单位,4573.00,338.40,6.00,344.40"),
        "{out}"
    );
    // Both problems of a row at once.
    assert!(
        out.contains("8,E06,孙八,,,,,,,,,,,出错,单位类型、应发工资,单位类型为空；不能为空"),
        "{out}"
    );
    assert!(
        out.contains("10,合计,,,,,,,,,,,,合计行,,合计行，已跳过"),
        "{out}"
    );
    assert!(
        summary.contains("第 1 行「2026年12月工资表（济宁某公司）」是标题，不是表头，已跳过"),
        "{summary}"
    );
    assert!(
        summary.contains(
            "4 行的单位类型（有限责任公司、私营企业、外资企业、股份有限公司）按其他单位计"
        ),
        "{summary}"
    );
    assert!(summary.contains("合计行（已跳过） 1"), "{summary}");
    assert!(summary.contains("出错行 1"), "{summary}");
}
