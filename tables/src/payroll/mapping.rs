//! Which column of a payroll file holds what: read from the header row by the names people
//! use, or chosen by the person (the page's column picker, the CLI's `--column`).

use std::collections::BTreeMap;

use serde::Serialize;
use yibao::{text, Error, Text};

use crate::headers::{self, Column};

/// The fields a column can be chosen for, by the names the page and `--column` use.
pub const FIELDS: [(&str, Column); 5] = [
    ("employee_id", Column::EmployeeId),
    ("name", Column::Name),
    ("wage", Column::Wage),
    ("employer_kind", Column::EmployerKind),
    ("deducted", Column::Deducted),
];

/// Which column holds what; shown before computing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapping {
    pub headers: Vec<String>,
    pub employee_id: Option<usize>,
    pub name: Option<usize>,
    /// The wage (the contribution base before the floor and ceiling). Without it nothing
    /// can be computed: the person chooses it.
    pub wage: Option<usize>,
    pub employer_kind: Option<usize>,
    pub deducted: Option<usize>,
    /// What to say beside the mapping (a wage column that is not the contribution base).
    pub notes: Vec<Text>,
}

fn column_error(reason: &str, message: Text) -> Error {
    Error::field("column", reason, message)
}

/// A chosen column: its header (as written or normalised) or its number from 1; empty or
/// `-` for none.
fn chosen_position(headers: &[String], field: &str, choice: &str) -> Result<Option<usize>, Error> {
    let c = choice.trim();
    if c.is_empty() || c == "-" {
        return Ok(None);
    }
    if let Some(i) = headers.iter().position(|h| h.trim() == c).or_else(|| {
        headers
            .iter()
            .position(|h| headers::normalize(h) == headers::normalize(c))
    }) {
        return Ok(Some(i));
    }
    if let Ok(n) = c.parse::<usize>() {
        if (1..=headers.len()).contains(&n) {
            return Ok(Some(n - 1));
        }
    }
    let seen = headers.join(", ");
    Err(column_error(
        "no_such_column",
        text!(
            "{field}：文件中没有「{c}」这一列；表头是：{seen}",
            "{field}: the file has no column “{c}”; its header reads: {seen}"
        ),
    ))
}

impl Mapping {
    /// Reads the header row; `chosen` (field → header or number) overrides what the names say.
    pub fn from_header(
        headers: &[String],
        chosen: &BTreeMap<String, String>,
    ) -> Result<Mapping, Error> {
        for field in chosen.keys() {
            if !FIELDS.iter().any(|(f, _)| f == field) {
                let all = FIELDS.map(|(f, _)| f).join(", ");
                return Err(column_error(
                    "unknown_field",
                    text!(
                        "没有「{field}」这一项；可选：{all}",
                        "there is no field “{field}”; the fields are: {all}"
                    ),
                ));
            }
        }
        let mut at = [None; 5];
        for (slot, (field, col)) in at.iter_mut().zip(FIELDS) {
            *slot = match chosen.get(field) {
                Some(choice) => chosen_position(headers, field, choice)?,
                None => headers::find(headers, col),
            };
        }
        let [employee_id, name, wage, employer_kind, deducted] = at;
        let notes = wage
            .and_then(|i| headers.get(i))
            .and_then(|h| headers::caution(Column::Wage, h))
            .into_iter()
            .collect();
        Ok(Mapping {
            headers: headers.to_vec(),
            employee_id,
            name,
            wage,
            employer_kind,
            deducted,
            notes,
        })
    }

    pub fn header(&self, i: usize) -> String {
        self.headers.get(i).cloned().unwrap_or_default()
    }

    /// The wage column, or what to do without one (each door says how to choose it).
    pub fn wage_column(&self) -> Result<usize, Error> {
        self.wage.ok_or_else(|| {
            let seen = self.headers.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
            column_error(
                "no_wage_column",
                text!(
                    "找不到工资列（如「缴费基数」「月工资」）：请选择哪一列是工资；表头读到的是：{seen}",
                    "no wage column found (such as 缴费基数, 月工资, wage): choose which column is the wage; the header reads: {seen}"
                ),
            )
        })
    }
}

/// How many title lines above the header are skipped at most.
const TITLE_ROWS: usize = 5;

/// The header row: the first row with two cells written or naming a column, after any title lines
/// above it (HR systems and Excel templates write one or two, "2026年12月工资表（…）", in a
/// single cell; 用友 and 金蝶 exports a unit or date line). Returns its line, its cells and a
/// note for each title line skipped, or `None` for a file with no such row. No data row is
/// read: the header is the first row that is not a title line.
pub fn find_header<I: Iterator<Item = (usize, Vec<String>)>>(
    rows: &mut I,
) -> Option<(usize, Vec<String>, Vec<Text>)> {
    let mut notes = Vec::new();
    for (line, cells) in rows.by_ref() {
        let written: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        // A one-cell row that names a column ("工资") is a header all the same.
        let names_a_column = FIELDS
            .iter()
            .any(|(_, col)| headers::find(&cells, *col).is_some());
        match written.len() {
            0 => continue,
            1 if notes.len() < TITLE_ROWS && !names_a_column => {
                let title = written.join(" ");
                notes.push(text!(
                    "第 {line} 行「{title}」是标题，不是表头，已跳过",
                    "line {line}, “{title}”, is a title, not the header: skipped"
                ));
            }
            _ => return Some((line, cells, notes)),
        }
    }
    None
}
