//! Writing batch results: CSV with a UTF-8 BOM (so Excel opens the Chinese correctly) and
//! .xlsx. The CLI and the web page use these same writers, so their files are identical.

use yibao::{EmployerKind, Lang, Money};

use crate::payroll::{RowResult, RowStatus, Totals};
use crate::write;
use crate::xlsx::{self, Cell, Sheet};

const COLUMNS: &[(&str, &str)] = &[
    ("行号", "row"),
    ("工号", "employee_id"),
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
    let kind = r.employer_kind.map_or_else(String::new, |k: EmployerKind| k.word().to_string());
    let status = match r.status {
        RowStatus::Ok => lang.pick("正常", "ok"),
        RowStatus::Mismatch => lang.pick("扣款不符", "mismatch"),
        RowStatus::Failed => lang.pick("出错", "failed"),
    };
    vec![
        r.row.to_string(),
        r.employee_id.clone(),
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
        r.reason.as_ref().map_or_else(String::new, |t| t.get(lang).to_string()),
    ]
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

fn number(m: Money) -> f64 {
    m.to_string().parse().unwrap_or(0.0)
}

/// The results and totals as an .xlsx workbook.
pub fn xlsx(rows: &[RowResult], totals: &Totals, lang: Lang) -> Result<Vec<u8>, String> {
    let header = COLUMNS.iter().map(|(zh, en)| lang.pick(*zh, *en).to_string()).collect();
    let body = rows
        .iter()
        .map(|r| {
            cells(r, lang)
                .into_iter()
                .enumerate()
                .map(|(c, text)| match (c, text.parse::<f64>()) {
                    (0, _) => Cell::Number(r.row as f64),
                    // Money columns as numbers, so Excel can sum them.
                    (3..=11, Ok(v)) if !text.is_empty() => Cell::Money(v),
                    _ => Cell::Text(text),
                })
                .collect()
        })
        .collect();
    let results = Sheet { name: lang.pick("结果", "results"), header, rows: body };
    let lines = [
        (lang.pick("机关事业单位", "public body"), &totals.public_body),
        (lang.pick("其他单位", "other employers"), &totals.other),
        (lang.pick("全部", "all"), &totals.overall),
    ];
    let mut total_rows: Vec<Vec<Cell>> = lines
        .iter()
        .map(|(name, t)| {
            vec![
                Cell::Text((*name).to_string()),
                Cell::Number(t.rows as f64),
                Cell::Money(number(t.employer)),
                Cell::Money(number(t.individual)),
                Cell::Money(number(t.total)),
            ]
        })
        .collect();
    total_rows.push(Vec::new());
    total_rows.push(vec![Cell::Text(lang.pick("出错行数", "failed rows").into()), Cell::Number(totals.failed_rows as f64)]);
    total_rows.push(vec![Cell::Text(lang.pick("扣款不符行数", "mismatched rows").into()), Cell::Number(totals.mismatched_rows as f64)]);
    let heads = lang.pick(["", "人数", "单位合计", "个人合计", "合计"], ["", "rows", "employer", "individual", "total"]);
    let sums = Sheet { name: lang.pick("合计", "totals"), header: heads.iter().map(|s| s.to_string()).collect(), rows: total_rows };
    xlsx::write(&[results, sums])
}
