//! Payroll batch for HR officers: a whole payroll file, each row computed with the same
//! plan as the single calculation, failed rows listed with row, column and reason while
//! every good row is still computed, and deductions checked against the computed amount.
//! Rows go through [`Batch::row`] one at a time, so the CLI streams with flat memory.

mod fast;
mod figures;
mod mapping;
mod notes;
pub use self::notes::*;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use yibao::compute::contribution::{plan, Amounts, FenPlan, Plan};
use yibao::{
    input, text, EmployerKind, Error, Lang, MissingFigure, Money, Options as Settings, Overrides,
    ParamId, Raw, Text,
};

use crate::read::Cells;

pub use figures::{asks, missing_message, Ask};
pub use mapping::{find_header, Mapping, FIELDS};

/// Settings of a batch run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub city: Raw,
    pub month: Raw,
    /// The employer kind of rows with no such column (or an empty cell).
    pub employer: Option<EmployerKind>,
    pub overrides: Overrides,
    pub official_only: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Ok,
    /// The deducted amount differs from the computed individual total.
    Mismatch,
    Failed,
    /// A total line (合计, 总计, 小计) of the file: recognised and skipped, not computed.
    Total,
}

/// Whether a row is the file's total line rather than a person: its id, name or first cell
/// reads 合计, 总计 or 小计 (spaces aside, as in "合 计").
pub fn is_total_row<C: Cells + ?Sized>(cells: &C, mapping: &Mapping) -> bool {
    let says_total = |t: &str| {
        let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        matches!(
            t.as_str(),
            "合计" | "总计" | "小计" | "本页合计" | "合计：" | "合计:"
        )
    };
    [Some(0), mapping.employee_id, mapping.name]
        .into_iter()
        .flatten()
        .filter_map(|i| cells.cell(i))
        .any(says_total)
}

/// One row's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowResult {
    /// The row number in the file, the header being row 1.
    pub row: usize,
    pub employee_id: String,
    pub name: String,
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

/// A running total in whole fen (every amount added is already rounded to the fen, so the
/// sum is exact): the same sums as adding [`Money`], without decimal arithmetic per row.
#[derive(Clone, Copy, Debug, Default)]
struct FenTotal {
    rows: u64,
    employer: i128,
    individual: i128,
    total: i128,
}

/// Far above any payroll, and below what a [`Money`] holds (a decimal of 96 bits).
const TOTAL_LIMIT: i128 = 10i128.pow(26);

impl FenTotal {
    /// Adds a row; a total too large to hold is an error, never a silently kept old total.
    fn add(&mut self, employer: i64, individual: i64, total: i64) -> Result<(), Error> {
        let sum = |x: i128, y: i64| {
            x.checked_add(i128::from(y))
                .filter(|s| s.abs() < TOTAL_LIMIT)
                .ok_or_else(|| yibao::compute::overflow("file"))
        };
        let (e, i, t) = (
            sum(self.employer, employer)?,
            sum(self.individual, individual)?,
            sum(self.total, total)?,
        );
        *self = FenTotal {
            rows: self.rows + 1,
            employer: e,
            individual: i,
            total: t,
        };
        Ok(())
    }

    fn money(&self) -> Total {
        let m = |fen: i128| Money::from_fen_wide(fen).unwrap_or_default();
        Total {
            rows: self.rows,
            employer: m(self.employer),
            individual: m(self.individual),
            total: m(self.total),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub public_body: Total,
    pub other: Total,
    pub overall: Total,
    pub failed_rows: u64,
    pub mismatched_rows: u64,
    /// Total lines of the file (合计), recognised and skipped.
    pub total_rows: u64,
    /// Rows whose employer kind was read as another employer (有限责任公司, 私营企业 …), and
    /// the texts so read (the first few).
    pub kinds_read_as_other: u64,
    pub texts_read_as_other: Vec<String>,
}

/// A batch in progress: the mapping, one plan per employer kind, running totals.
pub struct Batch {
    pub mapping: Mapping,
    wage: usize,
    options: Options,
    /// Figures nobody published that rows could not do without (each named once, not on
    /// every row).
    missing: BTreeSet<ParamId>,
    plans: BTreeMap<EmployerKind, Result<Plan, Error>>,
    /// Each plan in whole fen, where it fits ([`Batch::write_row`]'s fast path).
    fen_plans: BTreeMap<EmployerKind, Option<FenPlan>>,
    /// The employer-kind cells seen so far and what they read as (a payroll repeats a
    /// handful of texts), so a row does not parse its kind again; `true` where a text was
    /// read as another employer rather than written as one.
    kinds: Vec<(String, EmployerKind, bool)>,
    /// The result line's labels in the language last written.
    labels: Option<Labels>,
    by_kind: [FenTotal; 2],
    failed_rows: u64,
    mismatched_rows: u64,
    total_rows: u64,
    read_as_other: u64,
}

/// The words of a result line in one language, made once.
struct Labels {
    lang: Lang,
    kinds: [String; 2],
    ok: &'static str,
    mismatch: &'static str,
}

fn kind_index(kind: EmployerKind) -> usize {
    match kind {
        EmployerKind::PublicBody => 0,
        EmployerKind::Other => 1,
    }
}

/// `str::trim`, with a shortcut for the usual cell that starts and ends in a visible ASCII
/// character (Unicode trimming showed in the batch's profile).
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

impl Batch {
    /// Checks the settings (city, month, overrides) once, before any row.
    pub fn new(options: Options, mapping: Mapping) -> Result<Batch, Error> {
        let wage = mapping.wage_column()?;
        let probe = options.employer.unwrap_or(EmployerKind::Other);
        let settings = Settings {
            official_only: options.official_only,
            explain: false,
        };
        // Where every row has the same employer kind (no kind column, one kind given), a
        // figure nobody published is asked for before any row, not reported on every row.
        let one_kind = mapping.employer_kind.is_none() && options.employer.is_some();
        match plan(
            &options.city,
            &options.month,
            probe,
            &options.overrides,
            settings,
        ) {
            Err(e @ Error::Input { .. }) | Err(e @ Error::Rules { .. }) => return Err(e),
            Err(e @ Error::MissingFigures { .. }) if one_kind => return Err(e),
            _ => {}
        }
        if mapping.employer_kind.is_none() && options.employer.is_none() {
            return Err(Error::field(
                "employer",
                "no_employer_kind",
                text!(
                    "文件没有单位类型列，请指定单位类型（机关事业单位 或 其他单位）",
                    "the file has no employer-kind column: give the employer kind (public_body or other)"
                ),
            ));
        }
        Ok(Batch {
            mapping,
            wage,
            options,
            missing: BTreeSet::new(),
            plans: BTreeMap::new(),
            fen_plans: BTreeMap::new(),
            kinds: Vec::new(),
            labels: None,
            by_kind: [FenTotal::default(); 2],
            failed_rows: 0,
            mismatched_rows: 0,
            total_rows: 0,
            read_as_other: 0,
        })
    }

    /// Totals by employer kind and overall, and the counts of failed and mismatched rows.
    pub fn totals(&self) -> Totals {
        let [p, o] = self.by_kind;
        let overall = FenTotal {
            rows: p.rows + o.rows,
            employer: p.employer + o.employer,
            individual: p.individual + o.individual,
            total: p.total + o.total,
        };
        Totals {
            public_body: p.money(),
            other: o.money(),
            overall: overall.money(),
            failed_rows: self.failed_rows,
            mismatched_rows: self.mismatched_rows,
            total_rows: self.total_rows,
            kinds_read_as_other: self.read_as_other,
            texts_read_as_other: self
                .kinds
                .iter()
                .filter(|k| k.2)
                .map(|k| k.0.clone())
                .take(8)
                .collect(),
        }
    }

    /// The employer kind a cell gives: read loosely ([`EmployerKind::read_loosely`]), each
    /// distinct text once; a row read as another employer is counted.
    fn kind_of_text(&mut self, text: &str) -> Option<EmployerKind> {
        let text = text.trim();
        if text.is_empty() {
            return self.options.employer;
        }
        let (kind, assumed) = match self.kinds.iter().find(|(t, ..)| t == text) {
            Some((_, k, a)) => (*k, *a),
            None => {
                let (k, a) = EmployerKind::read_loosely(text)?;
                if self.kinds.len() < 64 {
                    self.kinds.push((text.to_string(), k, a));
                }
                (k, a)
            }
        };
        if assumed {
            self.read_as_other += 1;
        }
        Some(kind)
    }

    /// The plan for an employer kind, resolved once.
    pub fn plan(&mut self, kind: EmployerKind) -> &Result<Plan, Error> {
        let o = &self.options;
        let settings = Settings {
            official_only: o.official_only,
            explain: false,
        };
        self.plans
            .entry(kind)
            .or_insert_with(|| plan(&o.city, &o.month, kind, &o.overrides, settings))
    }

    fn failed(&mut self, mut r: RowResult, column: String, e: Error) -> RowResult {
        self.failed_rows += 1;
        r.column = Some(column);
        r.reason = Some(reason(e));
        r
    }

    /// Computes one row (`row` is its number in the file, the header being row 1).
    pub fn row<C: Cells + ?Sized>(&mut self, row: usize, cells: &C) -> RowResult {
        let cell = |i: Option<usize>| i.and_then(|i| cells.cell(i)).unwrap_or("");
        let m = &self.mapping;
        let r = RowResult {
            row,
            employee_id: cell(m.employee_id).trim().to_string(),
            name: cell(m.name).trim().to_string(),
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
        if is_total_row(cells, m) {
            self.total_rows += 1;
            return RowResult {
                status: RowStatus::Total,
                reason: Some(text!("合计行，已跳过", "a total line: skipped")),
                ..r
            };
        }
        let kind_text = cell(m.employer_kind).to_string();
        let kind_col = m
            .employer_kind
            .map_or_else(|| "employer".to_string(), |i| m.header(i));
        let wage_col = m.header(self.wage);
        let deducted_col = m.deducted.map(|i| m.header(i)).unwrap_or_default();
        let wage = input::amount("wage", &Raw(cell(Some(self.wage)).to_string()));
        let deducted = match m
            .deducted
            .map(|i| cell(Some(i)))
            .filter(|t| !t.trim().is_empty())
        {
            None => Ok(None),
            Some(t) => input::amount("deducted", &Raw(t.to_string())).map(Some),
        };
        let kind = self.kind_of_text(&kind_text).ok_or_else(|| {
            Error::field(
                "employer",
                "empty",
                text!("单位类型为空", "the employer kind is empty"),
            )
        });
        // Every problem of the row at once, so one correction is enough.
        let mut problems: Vec<(String, Error)> = Vec::new();
        let kind = kind.map_err(|e| problems.push((kind_col, e))).ok();
        let wage = wage.map_err(|e| problems.push((wage_col.clone(), e))).ok();
        let deducted = deducted.map_err(|e| problems.push((deducted_col, e))).ok();
        let (Some(kind), Some(wage), Some(deducted)) = (kind, wage, deducted) else {
            let columns = problems
                .iter()
                .map(|(c, _)| c.as_str())
                .collect::<Vec<_>>()
                .join("、");
            let reasons: Vec<Text> = problems.into_iter().map(|(_, e)| reason(e)).collect();
            let zh = reasons
                .iter()
                .map(|t| t.zh.as_ref())
                .collect::<Vec<_>>()
                .join("；");
            let en = reasons
                .iter()
                .map(|t| t.en.as_ref())
                .collect::<Vec<_>>()
                .join("; ");
            self.failed_rows += 1;
            return RowResult {
                employer_kind: kind,
                column: Some(columns),
                reason: Some(Text::new(zh, en)),
                ..r
            };
        };
        self.computed(r, kind, wage, deducted, wage_col)
    }

    fn computed(
        &mut self,
        mut r: RowResult,
        kind: EmployerKind,
        wage: Money,
        deducted: Option<Money>,
        wage_col: String,
    ) -> RowResult {
        r.employer_kind = Some(kind);
        let (a, fixed) = match self.plan(kind) {
            Ok(p) => (p.amounts(wage), (p.employer_fixed, p.individual_fixed)),
            Err(e) => (Err(e.clone()), (None, None)),
        };
        let a = match a {
            Ok(a) => a,
            // A figure nobody published is the city's, not the row's: no column is blamed,
            // and the batch names it once.
            Err(e @ Error::MissingFigures { .. }) => {
                if let Error::MissingFigures { missing, .. } = &e {
                    self.missing.extend(missing.iter().map(|m| m.id));
                }
                return self.failed(r, String::new(), e);
            }
            Err(e) => return self.failed(r, wage_col, e),
        };
        let fen = |m: Money| m.to_fen().ok_or_else(|| yibao::compute::overflow("wage"));
        let added = (
            fen(a.employer_total),
            fen(a.individual_total),
            fen(a.monthly_total),
        );
        let added = match added {
            (Ok(e), Ok(i), Ok(t)) => self
                .by_kind
                .get_mut(kind_index(kind))
                .map_or(Ok(()), |total| total.add(e, i, t)),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
        };
        if let Err(e) = added {
            return self.failed(r, wage_col, e);
        }
        // An unpublished fixed amount stays blank in its column (the totals leave it out,
        // and the batch lists it among the figures it went without).
        r.employer_fixed = fixed.0;
        r.individual_fixed = fixed.1;
        r.amounts = Some(a);
        r.base = Some(a.base);
        r.employer_basic = Some(a.employer_basic);
        r.employer_total = Some(a.employer_total);
        r.individual_basic = Some(a.individual_basic);
        r.individual_total = Some(a.individual_total);
        r.deducted = deducted;
        r.difference = deducted.and_then(|d| d.checked_sub(a.individual_total));
        r.status = if r.difference.is_some_and(|d| !d.is_zero()) {
            RowStatus::Mismatch
        } else {
            RowStatus::Ok
        };
        if r.status == RowStatus::Mismatch {
            self.mismatched_rows += 1;
        }
        r
    }

    /// The employer kind a row's cell gives (or the default for an empty cell), read as the
    /// batch reads it.
    pub fn kind_of<C: Cells + ?Sized>(&self, cells: &C) -> Option<EmployerKind> {
        let text = self
            .mapping
            .employer_kind
            .and_then(|i| cells.cell(i))
            .map_or("", str::trim);
        if text.is_empty() {
            self.options.employer
        } else {
            EmployerKind::read_loosely(text).map(|(k, _)| k)
        }
    }
}
