//! Writing batch results: CSV with a UTF-8 BOM (so Excel opens the Chinese correctly) and
//! .xlsx. The CLI and the web page use these same writers, so their files are identical.

use super::{RowResult, RowStatus, Totals};
use crate::money::Money;
use crate::text::Lang;

/// The byte-order mark Excel needs to read UTF-8.
pub const CSV_BOM: &str = "\u{feff}";

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

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn cells(r: &RowResult, lang: Lang) -> Vec<String> {
    let m = |v: Option<Money>| v.map_or_else(String::new, |m| m.to_string());
    let kind = r.employer_kind.map_or_else(String::new, |k| match k {
        crate::EmployerKind::PublicBody => "public_body".to_string(),
        crate::EmployerKind::Other => "other".to_string(),
    });
    let status = match (r.status, lang) {
        (RowStatus::Ok, Lang::Zh) => "正常",
        (RowStatus::Mismatch, Lang::Zh) => "扣款不符",
        (RowStatus::Failed, Lang::Zh) => "出错",
        (RowStatus::Ok, Lang::En) => "ok",
        (RowStatus::Mismatch, Lang::En) => "mismatch",
        (RowStatus::Failed, Lang::En) => "failed",
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
        r.reason
            .as_ref()
            .map_or_else(String::new, |t| t.get(lang).to_string()),
    ]
}

/// The header line of the result CSV (no BOM), ending in `\r\n` as Excel writes.
pub fn csv_header(lang: Lang) -> String {
    let names: Vec<&str> = COLUMNS
        .iter()
        .map(|(zh, en)| if lang == Lang::Zh { *zh } else { *en })
        .collect();
    names.join(",") + "\r\n"
}

/// One result line.
pub fn csv_row(r: &RowResult, lang: Lang) -> String {
    cells(r, lang)
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(",")
        + "\r\n"
}

/// The results and totals as an .xlsx workbook.
pub fn xlsx(rows: &[RowResult], totals: &Totals, lang: Lang) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    let sheet = book.add_worksheet();
    sheet
        .set_name(if lang == Lang::Zh {
            "结果"
        } else {
            "results"
        })
        .map_err(|e| e.to_string())?;
    for (c, (zh, en)) in COLUMNS.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, if lang == Lang::Zh { *zh } else { *en }, &bold)
            .map_err(|e| e.to_string())?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        for (c, text) in cells(r, lang).iter().enumerate() {
            // Money columns as numbers, so Excel can sum them; two decimals always show.
            let is_money = (3..=11).contains(&c) && !text.is_empty();
            match (is_money, text.parse::<f64>()) {
                (true, Ok(v)) => sheet.write_number_with_format(row, c as u16, v, &money),
                _ if c == 0 => sheet.write_number(row, 0, r.row as f64),
                _ => sheet.write_string(row, c as u16, text),
            }
            .map_err(|e| e.to_string())?;
        }
    }
    let t = book.add_worksheet();
    t.set_name(if lang == Lang::Zh { "合计" } else { "totals" })
        .map_err(|e| e.to_string())?;
    let heads = if lang == Lang::Zh {
        ["", "人数", "单位合计", "个人合计", "合计"]
    } else {
        ["", "rows", "employer", "individual", "total"]
    };
    for (c, h) in heads.iter().enumerate() {
        t.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(|e| e.to_string())?;
    }
    let lines = [
        (
            if lang == Lang::Zh {
                "机关事业单位"
            } else {
                "public body"
            },
            &totals.public_body,
        ),
        (
            if lang == Lang::Zh {
                "其他单位"
            } else {
                "other employers"
            },
            &totals.other,
        ),
        (
            if lang == Lang::Zh { "全部" } else { "all" },
            &totals.overall,
        ),
    ];
    for (i, (name, total)) in lines.iter().enumerate() {
        let row = (i + 1) as u32;
        t.write_string(row, 0, *name).map_err(|e| e.to_string())?;
        t.write_number(row, 1, total.rows as f64)
            .map_err(|e| e.to_string())?;
        for (c, m) in [total.employer, total.individual, total.total]
            .iter()
            .enumerate()
        {
            let v: f64 = m.to_string().parse().unwrap_or(0.0);
            t.write_number_with_format(row, (c + 2) as u16, v, &money)
                .map_err(|e| e.to_string())?;
        }
    }
    let failed_label = if lang == Lang::Zh {
        "出错行数"
    } else {
        "failed rows"
    };
    let mismatch_label = if lang == Lang::Zh {
        "扣款不符行数"
    } else {
        "mismatched rows"
    };
    t.write_string(5, 0, failed_label)
        .map_err(|e| e.to_string())?;
    t.write_number(5, 1, totals.failed_rows as f64)
        .map_err(|e| e.to_string())?;
    t.write_string(6, 0, mismatch_label)
        .map_err(|e| e.to_string())?;
    t.write_number(6, 1, totals.mismatched_rows as f64)
        .map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}
