//! Payroll batch for HR officers: a whole payroll file, each row computed with the same
//! plan as the single calculation, failed rows listed with row, column and reason while
//! every good row is still computed, and deductions checked against the computed amount.
//!
//! The file is read by [`read`] (CSV in UTF-8 with or without BOM or GBK/GB18030, or
//! .xlsx); rows go through [`Batch::row`] one at a time, so the CLI streams with flat memory.

mod output;
mod read;

use std::collections::BTreeMap;

use serde::Serialize;

pub use output::{csv_header, csv_row, xlsx, CSV_BOM};
pub use read::{decode, read_records, Format, Record, StreamingCsv};

use crate::compute::contribution::{plan, Amounts, EmployerKind, Plan};
use crate::context::Overrides;
use crate::error::Error;
use crate::input::{self, Raw};
use crate::money::Money;
use crate::text;
use crate::text::Text;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    EmployeeId,
    Wage,
    EmployerKind,
    Deducted,
}

/// Header names recognised for each column (compared without spaces, case-insensitive).
const NAMES: &[(Column, &[&str])] = &[
    (
        Column::EmployeeId,
        &[
            "工号",
            "员工编号",
            "职工编号",
            "员工号",
            "编号",
            "人员编号",
            "employee_id",
            "employeeid",
            "id",
            "staff_id",
        ],
    ),
    (
        Column::Wage,
        &[
            "月工资",
            "工资",
            "缴费工资",
            "缴费基数",
            "基数",
            "月平均工资",
            "上年度月平均工资",
            "wage",
            "monthly_wage",
            "salary",
            "base",
        ],
    ),
    (
        Column::EmployerKind,
        &["单位类型", "单位性质", "employer", "employer_kind"],
    ),
    (
        Column::Deducted,
        &[
            "个人扣款",
            "医保扣款",
            "实扣",
            "实扣金额",
            "个人实扣",
            "个人缴费",
            "deducted",
            "individual_deducted",
            "deduction",
        ],
    ),
];

/// Which column holds what, as read from the header row; shown before computing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapping {
    pub headers: Vec<String>,
    pub employee_id: Option<usize>,
    pub wage: usize,
    pub employer_kind: Option<usize>,
    pub deducted: Option<usize>,
}

impl Mapping {
    /// Reads the header row. No recognised wage column means there is no header row.
    pub fn from_header(headers: &[String]) -> Result<Mapping, Error> {
        let norm = |h: &str| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .replace([' ', '\u{3000}', '_', '-'], "")
                .to_lowercase()
        };
        let find = |col: Column| {
            let names = NAMES
                .iter()
                .find(|(c, _)| *c == col)
                .map_or(&[][..], |(_, n)| *n);
            headers
                .iter()
                .position(|h| names.iter().any(|n| norm(h) == n.replace('_', "")))
        };
        let Some(wage) = find(Column::Wage) else {
            let seen = headers
                .iter()
                .take(6)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Error::field(
                "file",
                "no_header",
                text!(
                    "第 1 行应为表头，且须有工资列（如「月工资」「缴费基数」「wage」）；读到的是：{seen}",
                    "row 1 must be a header row with a wage column (e.g. 月工资, 缴费基数, wage); it reads: {seen}"
                ),
            ));
        };
        Ok(Mapping {
            headers: headers.to_vec(),
            employee_id: find(Column::EmployeeId),
            wage,
            employer_kind: find(Column::EmployerKind),
            deducted: find(Column::Deducted),
        })
    }

    fn name(&self, i: usize) -> String {
        self.headers.get(i).cloned().unwrap_or_default()
    }
}

/// Settings of a batch run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub city: Raw,
    pub month: Raw,
    /// The employer kind of rows with no such column (or an empty cell).
    pub employer: Option<EmployerKind>,
    pub overrides: Overrides,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Ok,
    /// The deducted amount differs from the computed individual total.
    Mismatch,
    Failed,
}

/// One row's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowResult {
    /// The row number in the file, the header being row 1.
    pub row: usize,
    pub employee_id: String,
    pub employer_kind: Option<EmployerKind>,
    #[serde(skip)]
    pub amounts: Option<Amounts>,
    pub base: Option<Money>,
    pub employer_basic: Option<Money>,
    pub employer_fixed: Option<Money>,
    pub employer_total: Option<Money>,
    pub individual_basic: Option<Money>,
    pub individual_fixed: Option<Money>,
    pub individual_total: Option<Money>,
    pub deducted: Option<Money>,
    /// deducted − computed individual total.
    pub difference: Option<Money>,
    pub status: RowStatus,
    /// For a failed row: the column (its header) and the reason.
    pub column: Option<String>,
    pub reason: Option<Text>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Total {
    pub rows: u64,
    pub employer: Money,
    pub individual: Money,
    pub total: Money,
}

impl Total {
    fn add(&mut self, a: &Amounts) {
        self.rows += 1;
        // Totals of whole-fen amounts stay whole fen; far below overflow for any payroll.
        self.employer = self
            .employer
            .checked_add(a.employer_total)
            .unwrap_or(self.employer);
        self.individual = self
            .individual
            .checked_add(a.individual_total)
            .unwrap_or(self.individual);
        self.total = self
            .total
            .checked_add(a.monthly_total)
            .unwrap_or(self.total);
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub public_body: Total,
    pub other: Total,
    pub overall: Total,
    pub failed_rows: u64,
    pub mismatched_rows: u64,
}

/// A batch in progress: the mapping, one plan per employer kind, running totals.
pub struct Batch {
    pub mapping: Mapping,
    options: Options,
    plans: BTreeMap<&'static str, Result<Plan, Error>>,
    pub totals: Totals,
}

impl Batch {
    /// Checks the settings (city, month, overrides) once, before any row.
    pub fn new(options: Options, mapping: Mapping) -> Result<Batch, Error> {
        // Validate city, month and overrides with the same checks as the single calculation.
        let probe = options.employer.unwrap_or(EmployerKind::Other);
        match plan(&options.city, &options.month, probe, &options.overrides) {
            Err(e @ Error::Input { .. }) | Err(e @ Error::Rules { .. }) => return Err(e),
            _ => {}
        }
        if mapping.employer_kind.is_none() && options.employer.is_none() {
            return Err(Error::field(
                "employer",
                "no_employer_kind",
                text!(
                    "文件没有单位类型列，请指定单位类型（public_body 机关事业单位 或 other 其他单位）",
                    "the file has no employer-kind column: give the employer kind (public_body or other)"
                ),
            ));
        }
        Ok(Batch {
            mapping,
            options,
            plans: BTreeMap::new(),
            totals: Totals::default(),
        })
    }

    fn plan(&mut self, kind: EmployerKind) -> &Result<Plan, Error> {
        let key = match kind {
            EmployerKind::PublicBody => "public_body",
            EmployerKind::Other => "other",
        };
        let (city, month, overrides) = (
            &self.options.city,
            &self.options.month,
            &self.options.overrides,
        );
        self.plans
            .entry(key)
            .or_insert_with(|| plan(city, month, kind, overrides))
    }

    /// Computes one row (`row` is its number in the file, the header being row 1).
    pub fn row(&mut self, row: usize, cells: &[String]) -> RowResult {
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |s| s.as_str());
        let mut r = RowResult {
            row,
            employee_id: cell(self.mapping.employee_id).trim().to_string(),
            employer_kind: None,
            amounts: None,
            base: None,
            employer_basic: None,
            employer_fixed: None,
            employer_total: None,
            individual_basic: None,
            individual_fixed: None,
            individual_total: None,
            deducted: None,
            difference: None,
            status: RowStatus::Failed,
            column: None,
            reason: None,
        };
        let fail = |mut r: RowResult, column: String, e: Error| {
            r.column = Some(column);
            r.reason = Some(match e {
                Error::Input { errors } => errors
                    .into_iter()
                    .next()
                    .map_or_else(|| Text::same("?"), |e| e.message),
                Error::MissingFigures { missing } => {
                    let ids = missing
                        .iter()
                        .map(|m| m.id.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    text!(
                        "缺少未公布的数据：{ids}",
                        "figures nobody published are needed: {ids}"
                    )
                }
                Error::Rules { issues } => issues
                    .into_iter()
                    .next()
                    .map_or_else(|| Text::same("?"), |i| i.reason),
            });
            r
        };
        let kind_text = cell(self.mapping.employer_kind);
        let kind = if kind_text.trim().is_empty() {
            self.options.employer.ok_or_else(|| {
                Error::field(
                    "employer",
                    "empty",
                    text!("单位类型为空", "the employer kind is empty"),
                )
            })
        } else {
            EmployerKind::parse("employer", &Raw(kind_text.to_string()))
        };
        let kind = match kind {
            Ok(k) => k,
            Err(e) => {
                self.totals.failed_rows += 1;
                let col = self
                    .mapping
                    .employer_kind
                    .map_or_else(|| "employer".to_string(), |i| self.mapping.name(i));
                return fail(r, col, e);
            }
        };
        r.employer_kind = Some(kind);
        let wage = match input::amount("wage", &Raw(cell(Some(self.mapping.wage)).to_string())) {
            Ok(w) => w,
            Err(e) => {
                self.totals.failed_rows += 1;
                let col = self.mapping.name(self.mapping.wage);
                return fail(r, col, e);
            }
        };
        let deducted = match self
            .mapping
            .deducted
            .map(|i| cell(Some(i)))
            .filter(|t| !t.trim().is_empty())
        {
            None => None,
            Some(t) => match input::amount("deducted", &Raw(t.to_string())) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.totals.failed_rows += 1;
                    let col = self
                        .mapping
                        .deducted
                        .map(|i| self.mapping.name(i))
                        .unwrap_or_default();
                    return fail(r, col, e);
                }
            },
        };
        let amounts = match self.plan(kind) {
            Ok(p) => p.amounts(wage),
            Err(e) => Err(e.clone()),
        };
        let a = match amounts {
            Ok(a) => a,
            Err(e) => {
                self.totals.failed_rows += 1;
                let col = self.mapping.name(self.mapping.wage);
                return fail(r, col, e);
            }
        };
        if let Ok(p) = self.plan(kind).clone() {
            r.employer_fixed = Some(p.employer_fixed);
            r.individual_fixed = Some(p.individual_fixed);
        }
        r.amounts = Some(a);
        r.base = Some(a.base);
        r.employer_basic = Some(a.employer_basic);
        r.employer_total = Some(a.employer_total);
        r.individual_basic = Some(a.individual_basic);
        r.individual_total = Some(a.individual_total);
        r.deducted = deducted;
        r.difference =
            deducted.and_then(|d| Money::from_fen_exact(d.amount() - a.individual_total.amount()));
        r.status = if r.difference.is_some_and(|d| !d.amount().is_zero()) {
            RowStatus::Mismatch
        } else {
            RowStatus::Ok
        };
        if r.status == RowStatus::Mismatch {
            self.totals.mismatched_rows += 1;
        }
        match kind {
            EmployerKind::PublicBody => self.totals.public_body.add(&a),
            EmployerKind::Other => self.totals.other.add(&a),
        }
        self.totals.overall.add(&a);
        r
    }

    /// Figures the plans used that the person supplied, and figures they went without.
    pub fn plan_notes(&self) -> (Vec<String>, Vec<String>) {
        let mut user = Vec::new();
        let mut unknown = Vec::new();
        for p in self.plans.values().flatten() {
            user.extend(p.user_supplied.iter().cloned());
            unknown.extend(p.not_known.iter().cloned());
        }
        user.sort();
        user.dedup();
        unknown.sort();
        unknown.dedup();
        (user, unknown)
    }
}
