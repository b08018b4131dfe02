//! A batch's totals as every door shows them: one line per employer kind and one for all,
//! and the notes beside them (failed and mismatched rows, total lines skipped, kinds read
//! as other employers, the figures the plans rested on). The CLI prints them, the batch
//! page draws them and the workbook's totals sheet writes them; none words them again.

use serde::Serialize;
use yibao::{text, EmployerKind, Money, Text};

use crate::payroll::{Noted, PlanNotes, Total, Totals};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TotalsLine {
    pub label: Text,
    pub rows: u64,
    pub employer: Money,
    pub individual: Money,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TotalsTable {
    pub header: Vec<Text>,
    pub lines: Vec<TotalsLine>,
    pub notes: Vec<Text>,
}

fn line(label: Text, t: &Total) -> TotalsLine {
    TotalsLine {
        label,
        rows: t.rows,
        employer: t.employer,
        individual: t.individual,
        total: t.total,
    }
}

/// The figures of a list, by name: "缴费基数下限、…".
fn names(v: &[Noted]) -> Text {
    let zh: Vec<&str> = v.iter().map(|n| n.label.zh.as_ref()).collect();
    let en: Vec<&str> = v.iter().map(|n| n.label.en.as_ref()).collect();
    Text::new(zh.join("、"), en.join("; "))
}

fn with(lead: Text, v: &[Noted]) -> Text {
    let n = names(v);
    Text::new(
        format!("{}{}", lead.zh, n.zh),
        format!("{}{}", lead.en, n.en),
    )
}

/// The totals with their notes.
pub fn table(t: &Totals, figures: &PlanNotes) -> TotalsTable {
    let header = vec![
        text!("类别", "kind"),
        text!("人数", "rows"),
        text!("单位合计", "employer"),
        text!("个人合计", "individual"),
        text!("合计", "total"),
    ];
    let lines = vec![
        line(EmployerKind::PublicBody.label(), &t.public_body),
        line(EmployerKind::Other.label(), &t.other),
        line(text!("全部", "all"), &t.overall),
    ];
    let (failed, mismatched) = (t.failed_rows, t.mismatched_rows);
    let mut notes = vec![text!(
        "出错行 {failed} · 扣款不符 {mismatched}",
        "failed rows {failed} · deduction mismatches {mismatched}"
    )];
    if t.total_rows > 0 {
        let n = t.total_rows;
        notes.push(text!("合计行（已跳过） {n}", "total lines (skipped) {n}"));
    }
    if t.kinds_read_as_other > 0 {
        let n = t.kinds_read_as_other;
        let (zh, en) = (
            t.texts_read_as_other.join("、"),
            t.texts_read_as_other.join(", "),
        );
        let rows = if n == 1 {
            "1 row's".to_string()
        } else {
            format!("{n} rows'")
        };
        notes.push(Text::new(
            format!("{n} 行的单位类型（{zh}）按其他单位计"),
            format!("{rows} employer kind ({en}) read as other employers"),
        ));
    }
    if !figures.user_supplied.is_empty() {
        notes.push(with(
            text!("用了你填写的数据：", "used figures you entered: "),
            &figures.user_supplied,
        ));
    }
    if !figures.not_known.is_empty() {
        notes.push(with(
            text!("未公布、未计入：", "not published, left out: "),
            &figures.not_known,
        ));
    }
    notes.extend(figures.cautions.iter().cloned());
    if !figures.missing.is_empty() {
        notes.push(with(
            text!(
                "缺少未公布的数据，用到它们的行出错：",
                "figures nobody published were missing; the rows that need them failed: "
            ),
            &figures.missing,
        ));
    }
    TotalsTable {
        header,
        lines,
        notes,
    }
}
