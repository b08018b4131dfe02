//! The payroll batch with real-shaped files: a GBK CSV as Excel saves it in China, a BOM
//! CSV, an .xlsx, a file with broken rows, one with no header, an empty file, a 10-MB file.
//! Expected figures are worked by hand from the 济宁 notice, 三（二）1、2:
//! other employer: base × 8% + 6 and base × 2% + 4; public body: base × 7.4% + 6.

use std::io::Write;

use yibao::{EmployerKind, Raw};
use yibao_tables::{
    read_records, Batch, Format, Mapping, Options, RowResult, RowStatus, StreamingCsv,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../tests/payroll/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn options(employer: Option<EmployerKind>) -> Options {
    Options {
        city: Raw("jining".into()),
        month: Raw("2024-03".into()),
        employer,
        overrides: Default::default(),
        official_only: false,
    }
}

/// Runs a whole file in memory, as the web page does.
fn run(bytes: &[u8], employer: Option<EmployerKind>) -> (Format, Batch, Vec<RowResult>) {
    let (format, mut rows) = read_records(bytes).unwrap();
    let (_, header) = rows.remove(0);
    let mut batch = Batch::new(
        options(employer),
        Mapping::from_header(&header, &Default::default()).unwrap(),
    )
    .unwrap();
    let results = rows
        .into_iter()
        .filter(|(_, cells)| cells.is_empty() || !cells.iter().all(|c| c.trim().is_empty()))
        .map(|(line, cells)| batch.row(line, &cells))
        .collect();
    (format, batch, results)
}

fn money(m: Option<yibao::Money>) -> String {
    m.map_or_else(String::new, |m| m.to_string())
}

#[test]
fn gbk_csv_as_excel_saves_it() {
    let (format, batch, rows) = run(&fixture("gbk.csv"), None);
    assert_eq!(format, Format::CsvGb18030);
    assert_eq!(batch.mapping.headers[2], "月工资");
    // A001 other 5000: 400.00 + 6 = 406.00; 100.00 + 4 = 104.00 (deducted 104.00: ok)
    assert_eq!(
        (
            money(rows[0].employer_total),
            money(rows[0].individual_total)
        ),
        ("406.00".into(), "104.00".into())
    );
    assert_eq!(rows[0].status, RowStatus::Ok);
    // A002 public body 8000: 8000 × 7.4% = 592.00 + 6 = 598.00; 160.00 + 4 = 164.00
    assert_eq!(money(rows[1].employer_total), "598.00");
    // A003 3333.33: 3333.33 × 2% = 66.6666 → 66.67 + 4 = 70.67; deducted 70.00 → difference −0.67
    assert_eq!(rows[2].status, RowStatus::Mismatch);
    assert_eq!(money(rows[2].difference), "-0.67");
    // A004 12000.5: × 8% = 960.04 + 6 = 966.04; × 2% = 240.01 + 4 = 244.01
    assert_eq!(money(rows[3].employer_total), "966.04");
    // Totals: other = 406.00 + 272.67 + 966.04 = 1644.71; public body 598.00; all 2242.71
    assert_eq!(batch.totals().other.employer.to_string(), "1644.71");
    assert_eq!(batch.totals().public_body.employer.to_string(), "598.00");
    assert_eq!(batch.totals().overall.employer.to_string(), "2242.71");
    assert_eq!(batch.totals().overall.individual.to_string(), "582.68"); // 104 + 164 + 70.67 + 244.01
    assert_eq!(batch.totals().mismatched_rows, 1);
}

#[test]
fn bom_csv_with_english_headers_and_a_default_employer_kind() {
    let (format, batch, rows) = run(&fixture("bom.csv"), Some(EmployerKind::Other));
    assert_eq!(format, Format::CsvUtf8Bom);
    assert_eq!(
        batch.mapping.employee_id,
        Some(0),
        "the BOM is not part of the first header"
    );
    assert_eq!(rows[0].employee_id, "E1");
    // E2 1000.25: × 2% = 20.005 → 20.01 (half up) + 4 = 24.01; × 8% = 80.02 + 6 = 86.02
    assert_eq!(
        (
            money(rows[1].individual_total),
            money(rows[1].employer_total)
        ),
        ("24.01".into(), "86.02".into())
    );
    // E3 wage 0: only the fixed amounts, 6.00 and 4.00
    assert_eq!(
        (
            money(rows[2].employer_total),
            money(rows[2].individual_total)
        ),
        ("6.00".into(), "4.00".into())
    );
}

#[test]
fn no_employer_column_and_no_default_is_refused_before_any_row() {
    let (_, mut rows) = read_records(&fixture("bom.csv")).unwrap();
    let mapping = Mapping::from_header(&rows.remove(0).1, &Default::default()).unwrap();
    let err = Batch::new(options(None), mapping).err().unwrap();
    assert!(err.to_string().contains("employer"), "{err}");
}

#[test]
fn xlsx_as_excel_writes_it() {
    let (format, _, rows) = run(&fixture("payroll.xlsx"), None);
    assert_eq!(format, Format::Xlsx);
    assert_eq!(rows[0].employee_id, "X01");
    assert_eq!(money(rows[0].employer_total), "406.00");
    // X02 public body 3333.33 (an Excel double): × 7.4% = 246.666642 → 246.67 + 6 = 252.67
    assert_eq!(money(rows[1].employer_total), "252.67");
    assert_eq!(rows[1].status, RowStatus::Ok); // deducted 70.67 = 66.67 + 4
}

#[test]
fn broken_rows_are_listed_and_good_rows_still_computed() {
    let (_, batch, rows) = run(&fixture("broken.csv"), None);
    let failed: Vec<(usize, String, String)> = rows
        .iter()
        .filter(|r| r.status == RowStatus::Failed)
        .map(|r| {
            (
                r.row,
                r.column.clone().unwrap(),
                r.reason.clone().unwrap().en.into_owned(),
            )
        })
        .collect();
    let expect = [
        (3, "月工资", "must not be empty"),
        (4, "月工资", "not a number: 五千"),
        (5, "月工资", "must not be negative"),
        (6, "月工资", "at most two decimals"),
        (8, "个人扣款", "not a number: abc"),
        // Both problems of the row at once.
        (
            12,
            "单位类型、月工资",
            "the employer kind is empty; must not be empty",
        ),
    ];
    assert_eq!(failed.len(), expect.len(), "{failed:#?}");
    for ((row, col, reason), (erow, ecol, ereason)) in failed.iter().zip(expect) {
        assert_eq!((*row, col.as_str()), (erow, ecol));
        assert!(reason.contains(ereason), "row {row}: {reason}");
    }
    // The good rows: B01 (5000 → 406.00), B06 (kind "boss", read as another employer: 6000 ×
    // 8% + 6 = 486.00) and B08 ("4,000.00" → 4000 × 8% + 6 = 326.00), at their real line
    // numbers (a blank line and a blank row stand between them).
    let good: Vec<(usize, String)> = rows
        .iter()
        .filter(|r| r.status != RowStatus::Failed)
        .map(|r| (r.row, money(r.employer_total)))
        .collect();
    assert_eq!(
        good,
        vec![
            (2, "406.00".to_string()),
            (7, "486.00".to_string()),
            (11, "326.00".to_string())
        ]
    );
    assert_eq!(batch.totals().kinds_read_as_other, 1);
    assert_eq!(batch.totals().texts_read_as_other, vec!["boss".to_string()]);
    assert_eq!(batch.totals().failed_rows, 6);
    // 406.00 + 486.00 + 326.00
    assert_eq!(batch.totals().overall.employer.to_string(), "1218.00");
}

#[test]
fn a_file_with_no_header_row_is_refused_with_the_reason() {
    let (_, rows) = read_records(&fixture("noheader.csv")).unwrap();
    let mapping = Mapping::from_header(&rows[0].1, &Default::default()).unwrap();
    assert_eq!(mapping.wage, None);
    let err = Batch::new(options(Some(EmployerKind::Other)), mapping)
        .err()
        .unwrap();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["errors"][0]["field"], "column");
    assert_eq!(json["errors"][0]["code"], "no_wage_column");
    assert!(json["errors"][0]["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("表头"));
}

#[test]
fn an_empty_file_is_refused() {
    for bytes in [&b""[..], b"\n\n", b"\xEF\xBB\xBF"] {
        let err = read_records(bytes).unwrap_err();
        assert_eq!(
            serde_json::to_value(&err).unwrap()["errors"][0]["code"],
            "empty_file"
        );
    }
    assert!(StreamingCsv::open(Box::new(&b""[..])).is_err());
}

#[test]
fn a_ten_megabyte_file_streams_with_every_row_right() {
    // 250,000 rows of GBK text, 8 distinct wages, ~10 MB; every figure checked.
    let wages = [
        "3000", "4500.5", "5000", "6000", "7777.77", "8000", "9999.99", "12000",
    ];
    let mut file = tempfile();
    {
        let mut w = std::io::BufWriter::new(&mut file.0);
        let (header, _, _) =
            encoding_rs::GBK.encode("工号,姓名,月工资,单位类型,个人扣款,部门,备注\r\n");
        w.write_all(&header).unwrap();
        // The Chinese pieces are encoded once and the lines put together from bytes (ASCII
        // is the same in GBK): encoding_rs's GBK encoder searches its index for each
        // character, and a debug build spent 45 of the test's 46 seconds there.
        let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
        let (employee, public_body, other, tail) = (
            gbk("员工"),
            gbk("机关事业单位"),
            gbk("其他单位"),
            gbk(",,财务部,按月缴纳医疗保险费用\r\n"),
        );
        for i in 0..250_000 {
            let kind = if i % 3 == 0 { &public_body } else { &other };
            write!(w, "E{i:07},").unwrap();
            w.write_all(&employee).unwrap();
            write!(w, "{i},{},", wages[i % 8]).unwrap();
            w.write_all(kind).unwrap();
            w.write_all(&tail).unwrap();
        }
    }
    let size = std::fs::metadata(&file.1).unwrap().len();
    assert!(size > 10_000_000, "{size} bytes");
    let mut rows = StreamingCsv::open(Box::new(std::fs::File::open(&file.1).unwrap())).unwrap();
    assert_eq!(rows.format, Format::CsvGb18030);
    let (_, header) = rows.next().unwrap();
    let mut batch = Batch::new(
        options(None),
        Mapping::from_header(&header, &Default::default()).unwrap(),
    )
    .unwrap();
    // Single-row figures from the core for each (wage, kind), to compare every row against.
    let mut single_cache = std::collections::HashMap::new();
    let mut single = |wage: &'static str, kind: &'static str| {
        *single_cache.entry((wage, kind)).or_insert_with(|| {
            let r = yibao::contribution(&yibao::ContributionRequest {
                city: "jining".into(),
                month: "2024-03".into(),
                employer: kind.into(),
                wage: wage.into(),
                ..Default::default()
            })
            .unwrap();
            (r.employer.total, r.individual.total)
        })
    };
    let mut n = 0;
    for (line, cells) in rows {
        let r = batch.row(line, &cells);
        let i = n;
        n += 1;
        assert_eq!(r.row, i + 2);
        let kind = if i % 3 == 0 { "public_body" } else { "other" };
        assert_eq!(
            (r.employer_total.unwrap(), r.individual_total.unwrap()),
            single(wages[i % 8], kind),
            "row {}",
            r.row
        );
    }
    assert_eq!(n, 250_000);
    assert_eq!(batch.totals().overall.rows, 250_000);
    assert_eq!(batch.totals().failed_rows, 0);
    std::fs::remove_file(&file.1).unwrap();
}

fn tempfile() -> (std::fs::File, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!("yibao-batch-{}.csv", std::process::id()));
    (std::fs::File::create(&path).unwrap(), path)
}

#[test]
fn exports_csv_with_bom_and_xlsx_that_reads_back() {
    let (_, batch, rows) = run(&fixture("gbk.csv"), None);
    let csv = yibao_tables::CSV_BOM.to_string()
        + &yibao_tables::csv_header(yibao::Lang::Zh)
        + &rows
            .iter()
            .map(|r| yibao_tables::csv_row(r, yibao::Lang::Zh))
            .collect::<String>();
    assert!(csv.starts_with("\u{feff}行号,工号"), "{csv}");
    assert!(csv.contains(
        "\r\n2,A001,张三,其他单位,5000.00,400.00,6.00,406.00,100.00,4.00,104.00,104.00,0.00,正常,,\r\n"
    ));
    let lines = yibao_tables::csv_header(yibao::Lang::En)
        + &rows
            .iter()
            .map(|r| yibao_tables::csv_row(r, yibao::Lang::En))
            .collect::<String>();
    let xlsx = yibao_tables::xlsx::write(&yibao_tables::result_sheets(
        lines,
        &batch.totals(),
        yibao::Lang::En,
    ))
    .unwrap();
    let (format, back) = read_records(&xlsx).unwrap();
    assert_eq!(format, Format::Xlsx);
    assert_eq!(back[0].1[0], "row");
    assert_eq!(back[1].1[1], "A001");
    assert_eq!(back[1].1[3], "other employer");
    assert_eq!(back[1].1[7], "406"); // a number cell, shown 406.00 by its format
}
