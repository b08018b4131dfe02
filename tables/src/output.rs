//! Writing batch results in the officer's language: CSV with a UTF-8 BOM (so Excel opens
//! the Chinese correctly), and the sheets of an .xlsx workbook as CSV texts (written by
//! [`crate::xlsx::write`]). The CLI and the web page use these same writers, so their files
//! are identical.

use yibao::{EmployerKind, Lang, Money};

use crate::payroll::{RowResult, RowStatus, Totals};
use crate::write;
use crate::xlsx::CsvSheet;

const COLUMNS: &[(&str, &str)] = &[
    ("行号", "row"),
    ("工号", "employee_id"),
    ("姓名", "name"),
    ("单位类型", "employer_kind"),
    ("缴费基数", "base"),
    ("单位缴费", "employer_basic"),
    ("单位定额", "employer_fixed"),
    ("单位合计", "employer_total"),
    ("个人缴费", "individual_basic"),
    ("个人定额", "individual_fixed"),
    ("个人合计", "individual_total"),
    ("实际扣款", "deducted"),
    ("差额", "difference"),
    ("状态", "status"),
    ("出错列", "error_column"),
    ("原因", "reason"),
];

fn cells(r: &RowResult, lang: Lang) -> Vec<String> {
    let m = |v: Option<Money>| v.map_or_else(String::new, |m| m.to_string());
    let kind = r.employer_kind.map_or_else(String::new, |k: EmployerKind| {
        k.label().get(lang).to_string()
    });
    let status = match r.status {
        RowStatus::Ok => lang.pick("正常", "ok"),
        RowStatus::Mismatch => lang.pick("扣款不符", "mismatch"),
        RowStatus::Failed => lang.pick("出错", "failed"),
        RowStatus::Total => lang.pick("合计行", "total line"),
    };
    vec![
        r.row.to_string(),
        r.employee_id.clone(),
        r.name.clone(),
        kind,
        m(r.base),
        m(r.employer_basic),
        m(r.employer_fixed),
        m(r.employer_total),
        m(r.individual_basic),
        m(r.individual_fixed),
        m(r.individual_total),
        m(r.deducted),
        m(r.difference),
        status.to_string(),
        r.column.clone().unwrap_or_default(),
        r.reason
            .as_ref()
            .map_or_else(String::new, |t| t.get(lang).to_string()),
    ]
}

/// The result columns as a page shows them, in words (the English CSV header uses the
/// fields' ids, for scripts and spreadsheets).
pub fn column_labels() -> Vec<yibao::Text> {
    const ENGLISH: [&str; 16] = [
        "row",
        "employee id",
        "name",
        "employer kind",
        "base",
        "employer premium",
        "employer fixed",
        "employer total",
        "individual premium",
        "individual fixed",
        "individual total",
        "deducted",
        "difference",
        "status",
        "column at fault",
        "reason",
    ];
    COLUMNS
        .iter()
        .zip(ENGLISH)
        .map(|((zh, _), en)| yibao::Text::new(*zh, en))
        .collect()
}

/// The header line of the result CSV (no BOM), ending in `\r\n` as Excel writes.
pub fn csv_header(lang: Lang) -> String {
    let names: Vec<&str> = COLUMNS.iter().map(|(zh, en)| lang.pick(*zh, *en)).collect();
    write::line(&names)
}

/// One result line.
pub fn csv_row(r: &RowResult, lang: Lang) -> String {
    write::line(&cells(r, lang))
}

/// The columns of the result lines that hold money.
pub const MONEY_COLUMNS: std::ops::RangeInclusive<usize> = 4..=12;

/// The totals as CSV lines (header first): by employer kind and overall, then the counts
/// (the lines of [`crate::totals::table`], as the CLI and the page show them).
pub fn totals_csv(totals: &Totals, lang: Lang) -> String {
    let t = crate::totals::table(totals, &Default::default());
    let head: Vec<&str> = t.header.iter().map(|h| h.get(lang)).collect();
    let mut out = write::line(&head);
    for l in &t.lines {
        out.push_str(&write::line(&[
            l.label.get(lang).to_string(),
            l.rows.to_string(),
            l.employer.to_string(),
            l.individual.to_string(),
            l.total.to_string(),
        ]));
    }
    out.push_str(&write::line(&[
        lang.pick("出错行数", "failed rows").to_string(),
        totals.failed_rows.to_string(),
    ]));
    out.push_str(&write::line(&[
        lang.pick("扣款不符行数", "mismatched rows").to_string(),
        totals.mismatched_rows.to_string(),
    ]));
    out
}

/// The sheets of the results workbook: the result lines (as written by [`csv_header`] and
/// [`csv_row`], without the BOM) and the totals.
pub fn sheets(result_lines: String, totals: &Totals, lang: Lang) -> Vec<CsvSheet> {
    vec![
        CsvSheet {
            name: lang.pick("结果", "results").into(),
            csv: result_lines,
            money: MONEY_COLUMNS.collect(),
            numbers: vec![0],
        },
        CsvSheet {
            name: lang.pick("合计", "totals").into(),
            csv: totals_csv(totals, lang),
            money: vec![2, 3, 4],
            numbers: vec![1],
        },
    ]
}
