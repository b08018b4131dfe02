//! Payroll batch for HR officers: a whole payroll file, each row computed with the same
//! plan as the single calculation, failed rows listed with row, column and reason while
//! every good row is still computed, and deductions checked against the computed amount.
//! Rows go through [`Batch::row`] one at a time, so the CLI streams with flat memory.

mod figures;
mod mapping;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use yibao::compute::contribution::{employer_kind, plan, Amounts, Plan};
use yibao::{input, text, EmployerKind, Error, Money, Options as Settings, Overrides, ParamId, Raw, Text};

pub use figures::{asks, missing_message, Ask};
pub use mapping::{Mapping, FIELDS};

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

impl Total {
    /// Adds a row; a total too large to hold is an error, never a silently kept old total.
    fn add(&mut self, a: &Amounts) -> Result<(), Error> {
        let sum = |x: Money, y: Money| x.checked_add(y).ok_or_else(|| yibao::compute::overflow("file"));
        self.employer = sum(self.employer, a.employer_total)?;
        self.individual = sum(self.individual, a.individual_total)?;
        self.total = sum(self.total, a.monthly_total)?;
        self.rows += 1;
        Ok(())
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
    wage: usize,
    options: Options,
    /// Figures nobody published that rows could not do without (each named once, not on
    /// every row).
    missing: BTreeSet<ParamId>,
    plans: BTreeMap<EmployerKind, Result<Plan, Error>>,
    pub totals: Totals,
}

/// A figure the plans used or went without, named for people.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Noted {
    pub id: String,
    pub label: Text,
}

/// What the plans rested on: figures the person supplied, unpublished fixed amounts they
/// went without, and figures missing altogether (the rows that needed them failed).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlanNotes {
    pub user_supplied: Vec<Noted>,
    pub not_known: Vec<Noted>,
    pub missing: Vec<Noted>,
}

fn noted<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<Noted> {
    let set: BTreeSet<ParamId> = ids.filter_map(ParamId::parse).collect();
    set.into_iter().map(|id| Noted { id: id.key().into(), label: id.def().label() }).collect()
}

fn reason(e: Error) -> Text {
    match e {
        Error::Input { errors } => errors.into_iter().next().map_or_else(Text::default, |e| e.message),
        Error::MissingFigures { missing, .. } => {
            let zh: Vec<&str> = missing.iter().map(|m| m.label.zh.as_str()).collect();
            let en: Vec<&str> = missing.iter().map(|m| m.label.en.as_str()).collect();
            Text::new(format!("缺少未公布的数据：{}", zh.join("、")), format!("figures nobody published are needed: {}", en.join("; ")))
        }
        Error::Rules { issues } => issues.into_iter().next().map_or_else(Text::default, |i| i.reason),
    }
}

impl Batch {
    /// Checks the settings (city, month, overrides) once, before any row.
    pub fn new(options: Options, mapping: Mapping) -> Result<Batch, Error> {
        let wage = mapping.wage_column()?;
        let probe = options.employer.unwrap_or(EmployerKind::Other);
        let settings = Settings { official_only: options.official_only, explain: false };
        // Where every row has the same employer kind (no kind column, one kind given), a
        // figure nobody published is asked for before any row, not reported on every row.
        let one_kind = mapping.employer_kind.is_none() && options.employer.is_some();
        match plan(&options.city, &options.month, probe, &options.overrides, settings) {
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
        Ok(Batch { mapping, wage, options, missing: BTreeSet::new(), plans: BTreeMap::new(), totals: Totals::default() })
    }

    /// The plan for an employer kind, resolved once.
    pub fn plan(&mut self, kind: EmployerKind) -> &Result<Plan, Error> {
        let o = &self.options;
        let settings = Settings { official_only: o.official_only, explain: false };
        self.plans.entry(kind).or_insert_with(|| plan(&o.city, &o.month, kind, &o.overrides, settings))
    }

    fn failed(&mut self, mut r: RowResult, column: String, e: Error) -> RowResult {
        self.totals.failed_rows += 1;
        r.column = Some(column);
        r.reason = Some(reason(e));
        r
    }

    /// Computes one row (`row` is its number in the file, the header being row 1).
    pub fn row(&mut self, row: usize, cells: &[String]) -> RowResult {
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |s| s.as_str());
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
        let kind_text = cell(m.employer_kind);
        let kind = if kind_text.trim().is_empty() {
            self.options.employer.ok_or_else(|| Error::field("employer", "empty", text!("单位类型为空", "the employer kind is empty")))
        } else {
            employer_kind("employer", &Raw(kind_text.to_string()))
        };
        let kind_col = m.employer_kind.map_or_else(|| "employer".to_string(), |i| m.header(i));
        let wage_col = m.header(self.wage);
        let deducted_col = m.deducted.map(|i| m.header(i)).unwrap_or_default();
        let wage = input::amount("wage", &Raw(cell(Some(self.wage)).to_string()));
        let deducted = match m.deducted.map(|i| cell(Some(i))).filter(|t| !t.trim().is_empty()) {
            None => Ok(None),
            Some(t) => input::amount("deducted", &Raw(t.to_string())).map(Some),
        };
        let kind = match kind {
            Ok(k) => k,
            Err(e) => return self.failed(r, kind_col, e),
        };
        let wage = match wage {
            Ok(w) => w,
            Err(e) => return self.failed(RowResult { employer_kind: Some(kind), ..r }, wage_col, e),
        };
        let deducted = match deducted {
            Ok(d) => d,
            Err(e) => return self.failed(RowResult { employer_kind: Some(kind), ..r }, deducted_col, e),
        };
        self.computed(r, kind, wage, deducted, wage_col)
    }

    fn computed(&mut self, mut r: RowResult, kind: EmployerKind, wage: Money, deducted: Option<Money>, wage_col: String) -> RowResult {
        r.employer_kind = Some(kind);
        let (a, fixed) = match self.plan(kind) {
            Ok(p) => (p.amounts(wage), (p.employer_fixed, p.individual_fixed)),
            Err(e) => (Err(e.clone()), (None, None)),
        };
        let a = match a {
            Ok(a) => a,
            // A figure nobody published is the city's, not the row's: no column is blamed,
            // and the batch names it once.
            Err(Error::MissingFigures { missing, optional }) => {
                self.missing.extend(missing.iter().filter_map(|m| ParamId::parse(&m.id)));
                return self.failed(r, String::new(), Error::MissingFigures { missing, optional });
            }
            Err(e) => return self.failed(r, wage_col, e),
        };
        let totals = match kind {
            EmployerKind::PublicBody => &mut self.totals.public_body,
            EmployerKind::Other => &mut self.totals.other,
        };
        if let Err(e) = totals.add(&a).and_then(|()| self.totals.overall.add(&a)) {
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
        r.status = if r.difference.is_some_and(|d| !d.is_zero()) { RowStatus::Mismatch } else { RowStatus::Ok };
        if r.status == RowStatus::Mismatch {
            self.totals.mismatched_rows += 1;
        }
        r
    }

    /// Figures the plans used that the person supplied, went without, or could not do without.
    pub fn plan_notes(&self) -> PlanNotes {
        let plans = || self.plans.values().flatten();
        PlanNotes {
            user_supplied: noted(plans().flat_map(|p| p.user_supplied.iter().map(String::as_str))),
            not_known: noted(plans().flat_map(|p| p.not_known.iter().map(String::as_str))),
            missing: noted(self.missing.iter().map(|id| id.key())),
        }
    }

    /// The employer kind a row's cell gives (or the default for an empty cell), if it reads.
    pub fn kind_of(&self, cells: &[String]) -> Option<EmployerKind> {
        let text = self.mapping.employer_kind.and_then(|i| cells.get(i)).map_or("", |s| s.trim());
        if text.is_empty() {
            self.options.employer
        } else {
            employer_kind("employer", &Raw(text.to_string())).ok()
        }
    }
}
