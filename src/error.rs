//! Errors a person can act on: each names the field (or rule file and key) and the reason,
//! in Chinese and English. The core returns these; it never panics on input.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::explain::Replaced;
use crate::model::{Lang, ParamId, RuleIssue, Text};

/// One bad input field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldError {
    /// The request field, e.g. `wage`, `month`, or `set:employee.base.floor` for an override
    /// (`row 3: revenue` for a row of the fund's figures), as the CLI names it.
    pub field: String,
    /// A stable machine code, e.g. `negative`, `too_many_decimals`.
    pub code: String,
    pub message: Text,
    /// The figure a typed value was for, where the error is about one: a page puts the
    /// message beside that figure's box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub figure: Option<ParamId>,
    /// The cell of a table, where the error is about a row of a file: a page names it in its
    /// language (第 3 行「收入」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub cell: Option<Cell>,
}

/// A cell of a table a person brought: the row's line in the file (the header is line 1)
/// and the column, with its name in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cell {
    pub line: usize,
    pub column: String,
    pub label: Text,
}

/// Where a bad value is: a field of the request, a typed figure, or a cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Request(String),
    Figure(ParamId),
    Cell(Cell),
}

impl From<&str> for Field {
    fn from(s: &str) -> Field {
        Field::Request(s.to_string())
    }
}

/// A typed figure's box (the JSON names it `set:ID`).
impl From<ParamId> for Field {
    fn from(id: ParamId) -> Field {
        Field::Figure(id)
    }
}

impl From<String> for Field {
    fn from(s: String) -> Field {
        Field::Request(s)
    }
}

impl FieldError {
    /// A bad value at `at`, its `field` written as the CLI and the JSON name it.
    pub fn at(at: impl Into<Field>, code: &str, message: Text) -> FieldError {
        let (field, figure, cell) = match at.into() {
            Field::Request(f) => (f, None, None),
            Field::Figure(id) => (format!("set:{}", id.key()), Some(id), None),
            Field::Cell(c) => (format!("row {}: {}", c.line, c.column), None, Some(c)),
        };
        FieldError {
            field,
            code: code.into(),
            message,
            figure,
            cell,
        }
    }

    /// The same error at another place (a figure's reading, named as the figure).
    pub fn moved(self, at: impl Into<Field>) -> FieldError {
        FieldError::at(at, &self.code, self.message)
    }
}

/// A figure the computation needs that no published rule gives and the caller did not
/// supply: supply it with `--set ID=VALUE` (CLI) or `overrides: {ID: VALUE}` (JS).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MissingFigure {
    pub id: crate::model::ParamId,
    pub label: Text,
    /// What the figure is and where a person finds it (the local notice, a payslip).
    pub hint: Text,
    /// The unit's code with its allowed words (`rate`, `yuan/month`): for the CLI and scripts.
    pub unit: String,
    /// The unit as a person reads it after a number (`%`, `元/月`; empty for words).
    pub unit_label: Text,
    /// With "official figures only": the value a less-than-official source gives, which was
    /// set aside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_aside: Option<Replaced>,
}

impl MissingFigure {
    /// The figure `id` as a page asks for it, with nothing set aside.
    pub fn of(id: crate::model::ParamId) -> MissingFigure {
        let def = id.def();
        MissingFigure {
            id,
            label: def.label(),
            hint: def.hint(),
            unit: def.unit.describe(),
            unit_label: def.unit.label(),
            set_aside: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "YibaoError"))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Error {
    /// Bad input; every bad field is listed, not just the first.
    Input { errors: Vec<FieldError> },
    /// Figures nobody published that this computation cannot do without; `optional` lists
    /// (by id) the unpublished figures it would go without, so a front end can offer all of
    /// them at once.
    MissingFigures {
        missing: Vec<MissingFigure>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        optional: Vec<crate::model::ParamId>,
        /// The rules' notices that bear on what was looked up (a document's term that
        /// ended), shown with the request for figures as with a result.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        notices: Vec<crate::explain::NoticeShown>,
    },
    /// The embedded (or checked) rules are invalid; nothing is computed from them.
    Rules { issues: Vec<RuleIssue> },
}

impl Error {
    pub fn field(field: impl Into<Field>, code: &str, message: Text) -> Error {
        Error::Input {
            errors: vec![FieldError::at(field, code, message)],
        }
    }

    /// Human-readable, one line per problem (the CLI's form: field names and ids included,
    /// since they are what `--flags` and `--set` take).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        match self {
            Error::Input { errors } => {
                for e in errors {
                    // A cell of a file in the reader's language (第 3 行「收入」); other
                    // fields by the name the command line's flags take.
                    let field = match &e.cell {
                        Some(c) => Text::new(
                            format!("第 {} 行「{}」", c.line, c.label.zh),
                            format!("row {}: {}", c.line, c.label.en),
                        )
                        .get(lang)
                        .to_string(),
                        None => e.field.clone(),
                    };
                    out.push_str(&format!("{field}: {}\n", e.message.get(lang)));
                }
            }
            Error::MissingFigures { missing, .. } => {
                out.push_str(lang.pick(
                    "缺少未公布的数据，请用 --set 编号=数值 提供：\n",
                    "Figures nobody published are needed; supply them with --set ID=VALUE:\n",
                ));
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

    /// Each bad field changed by `f` (placed elsewhere, worded with more context); other
    /// errors as they are.
    pub fn map_fields(self, f: impl FnMut(FieldError) -> FieldError) -> Error {
        match self {
            Error::Input { errors } => Error::Input {
                errors: errors.into_iter().map(f).collect(),
            },
            other => other,
        }
    }

    /// The message of the first error about the typed figure `id`, if any.
    pub fn on_figure(&self, id: ParamId) -> Option<&Text> {
        match self {
            Error::Input { errors } => errors
                .iter()
                .find(|e| e.figure == Some(id))
                .map(|e| &e.message),
            _ => None,
        }
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
    pub fn push(&mut self, field: impl Into<Field>, code: &str, message: Text) {
        self.0.push(FieldError::at(field, code, message));
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

/// Tuples of results, combined: every value if every one is `Ok`, else every bad field of
/// all of them together (a non-input error, such as invalid rules, wins).
pub trait AllOk {
    type Out;
    fn all_ok(self) -> Result<Self::Out, Error>;
}

macro_rules! all_ok_tuple {
    ($($t:ident $v:ident),+) => {
        impl<$($t),+> AllOk for ($(Result<$t, Error>,)+) {
            type Out = ($($t,)+);
            fn all_ok(self) -> Result<Self::Out, Error> {
                let ($($v,)+) = self;
                match ($($v,)+) {
                    ($(Ok($v),)+) => Ok(($($v,)+)),
                    ($($v,)+) => {
                        let mut errors = Vec::new();
                        $(
                            match $v {
                                Err(Error::Input { errors: e }) => errors.extend(e),
                                Err(other) => return Err(other),
                                Ok(_) => {}
                            }
                        )+
                        Err(Error::Input { errors })
                    }
                }
            }
        }
    };
}

all_ok_tuple!(A a);
all_ok_tuple!(A a, B b);
all_ok_tuple!(A a, B b, C c);
all_ok_tuple!(A a, B b, C c, D d);
all_ok_tuple!(A a, B b, C c, D d, E e);
all_ok_tuple!(A a, B b, C c, D d, E e, F f);
all_ok_tuple!(A a, B b, C c, D d, E e, F f, G g);
all_ok_tuple!(A a, B b, C c, D d, E e, F f, G g, H h);
all_ok_tuple!(A a, B b, C c, D d, E e, F f, G g, H h, I i);
all_ok_tuple!(A a, B b, C c, D d, E e, F f, G g, H h, I i, J j);
all_ok_tuple!(A a, B b, C c, D d, E e, F f, G g, H h, I i, J j, K k);
all_ok_tuple!(A a, B b, C c, D d, E e, F f, G g, H h, I i, J j, K k, L l);
