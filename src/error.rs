//! Errors a person can act on: each names the field (or rule file and key) and the reason,
//! in Chinese and English. The core returns these; it never panics on input.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Text};

/// One bad input field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The request field, e.g. `wage`, `month`, or `set:employee.base.floor` for an override.
    pub field: String,
    /// A stable machine code, e.g. `negative`, `too_many_decimals`.
    pub code: String,
    pub message: Text,
}

/// A figure the computation needs that no published rule gives and the caller did not
/// supply: supply it with `--set ID=VALUE` (CLI) or `overrides: {ID: VALUE}` (JS).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingFigure {
    pub id: String,
    pub label: Text,
    /// What the figure is and where a person finds it (the local notice, a payslip).
    pub hint: Text,
    pub unit: String,
}

/// A defect in a rules file: which file, which key, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleIssue {
    pub file: String,
    pub key: String,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Error {
    /// Bad input; every bad field is listed, not just the first.
    Input { errors: Vec<FieldError> },
    /// Figures nobody published that this computation cannot do without.
    MissingFigures { missing: Vec<MissingFigure> },
    /// The embedded (or checked) rules are invalid; nothing is computed from them.
    Rules { issues: Vec<RuleIssue> },
}

impl Error {
    pub fn field(field: impl Into<String>, code: &str, message: Text) -> Error {
        Error::Input {
            errors: vec![FieldError {
                field: field.into(),
                code: code.into(),
                message,
            }],
        }
    }

    /// Human-readable, one line per problem.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        match self {
            Error::Input { errors } => {
                for e in errors {
                    out.push_str(&format!("{}: {}\n", e.field, e.message.get(lang)));
                }
            }
            Error::MissingFigures { missing } => {
                out.push_str(match lang {
                    Lang::Zh => "缺少未公布的数据，请用 --set 编号=数值 提供：\n",
                    Lang::En => {
                        "Figures nobody published are needed; supply them with --set ID=VALUE:\n"
                    }
                });
                for m in missing {
                    out.push_str(&format!(
                        "  {} ({}, {}): {}\n",
                        m.id,
                        m.label.get(lang),
                        m.unit,
                        m.hint.get(lang)
                    ));
                }
            }
            Error::Rules { issues } => {
                for i in issues {
                    out.push_str(&format!("{} [{}]: {}\n", i.file, i.key, i.reason.get(lang)));
                }
            }
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render(Lang::En).trim_end())
    }
}

impl std::error::Error for Error {}

/// Collects field errors so a request reports all its bad fields at once.
#[derive(Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn push(&mut self, field: &str, code: &str, message: Text) {
        self.0.push(FieldError {
            field: field.into(),
            code: code.into(),
            message,
        });
    }

    pub fn absorb(&mut self, error: Error) -> Result<(), Error> {
        match error {
            Error::Input { errors } => {
                self.0.extend(errors);
                Ok(())
            }
            other => Err(other),
        }
    }

    /// Keeps the value if it parsed, records the error otherwise.
    pub fn take<T>(&mut self, result: Result<T, Error>) -> Result<Option<T>, Error> {
        match result {
            Ok(v) => Ok(Some(v)),
            Err(e) => self.absorb(e).map(|()| None),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn finish(self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::Input { errors: self.0 })
        }
    }
}
