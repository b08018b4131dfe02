//! Looking up parameters for one city and month, with the person's overrides, and keeping
//! account of what the result rests on: user-supplied figures, cautions, and figures
//! nobody published.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, FieldError, MissingFigure};
use crate::explain::{Caution, Cite, Explanation, NotKnown, Origin};
use crate::input::Raw;
use crate::money::{Money, Rounding};
use crate::month::YearMonth;
use crate::params::{self, ParamDef, Scope};
use crate::rules::value::parse_text;
use crate::rules::{City, Ratio, Rules, Value};
use crate::text;
use crate::text::Text;

/// Overrides as the caller gives them: parameter id → value text.
pub type Overrides = BTreeMap<String, Raw>;

/// Reads overrides, each checked against its parameter's unit.
pub fn parse_overrides(raw: &Overrides) -> Result<BTreeMap<&'static str, Value>, Vec<FieldError>> {
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (id, text) in raw {
        let field = format!("set:{id}");
        let Some(def) = params::find(id.trim()) else {
            errors.push(FieldError {
                field,
                code: "unknown_param".into(),
                message: text!(
                    "没有编号为 `{id}` 的参数（`yibao rules show` 列出全部编号）",
                    "there is no parameter `{id}` (`yibao rules show` lists them)"
                ),
            });
            continue;
        };
        match parse_text(def.unit, text.as_str()) {
            Ok(v) => {
                out.insert(def.id, v);
            }
            Err(reason) => errors.push(FieldError {
                field,
                code: "bad_override".into(),
                message: Text::new(
                    format!(
                        "`{text}` 不是有效的{}（应为 {}）：{reason}",
                        def.label_zh,
                        def.unit.describe()
                    ),
                    format!(
                        "`{text}` is not a valid {} ({}): {reason}",
                        def.label_en,
                        def.unit.describe()
                    ),
                ),
            }),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[allow(clippy::large_enum_variant)] // short-lived, returned and matched at once
enum Lookup {
    Found(Got),
    /// A window covers the month, but nobody published the value.
    Unknown,
    /// No window covers the month.
    NoWindow,
}

/// A value found for a parameter, with where it came from.
pub struct Got {
    pub value: Value,
    pub cite: Cite,
}

pub struct Ctx<'a> {
    pub rules: &'a Rules,
    pub city: &'a City,
    pub month: YearMonth,
    /// The request field that chose `month`, for window errors ("month", "year", "as_of").
    month_field: &'static str,
    overrides: BTreeMap<&'static str, Value>,
    missing: Vec<MissingFigure>,
    window_errors: Vec<FieldError>,
    pub ex: Explanation,
}

impl<'a> Ctx<'a> {
    pub fn new(
        rules: &'a Rules,
        city: &'a City,
        month: YearMonth,
        month_field: &'static str,
        overrides: BTreeMap<&'static str, Value>,
    ) -> Self {
        Ctx {
            rules,
            city,
            month,
            month_field,
            overrides,
            missing: Vec::new(),
            window_errors: Vec::new(),
            ex: Explanation::default(),
        }
    }

    /// Looks a parameter up at another month (the resident year, the retirement rules at
    /// the as-of month) without changing the context's month.
    pub fn at<T>(
        &mut self,
        month: YearMonth,
        field: &'static str,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let saved = (self.month, self.month_field);
        self.month = month;
        self.month_field = field;
        let out = f(self);
        (self.month, self.month_field) = saved;
        out
    }

    fn def(id: &str) -> &'static ParamDef {
        // Computations only ask for catalogue ids (tests/rules_integrity.rs runs them all);
        // an id not in the catalogue reads as a figure nobody published, never a panic.
        static NONE: ParamDef = ParamDef {
            id: "",
            scope: params::Scope::National,
            unit: params::Unit::Flag,
            label_zh: "",
            label_en: "",
            hint_zh: "",
            hint_en: "",
        };
        params::find(id).unwrap_or(&NONE)
    }

    /// The value in force, an override first.
    fn lookup(&mut self, id: &str) -> Lookup {
        let def = Self::def(id);
        if let Some(v) = self.overrides.get(def.id) {
            if !self.ex.user_supplied.iter().any(|u| u == def.id) {
                self.ex.user_supplied.push(def.id.to_string());
            }
            return Lookup::Found(Got {
                cite: Cite {
                    param: Some(def.id.into()),
                    value: v.show(),
                    origin: Origin::User,
                    status: None,
                    source: None,
                    note: None,
                },
                value: v.clone(),
            });
        }
        let series = match def.scope {
            Scope::City | Scope::Local => self.city.params.get(def.id),
            Scope::National => self.rules.national.get(def.id),
        };
        let Some(entry) = series.and_then(|s| s.at(self.month)) else {
            return Lookup::NoWindow;
        };
        let Some(value) = entry.value.clone() else {
            return Lookup::Unknown;
        };
        if entry.status.needs_caution() && !self.ex.cautions.iter().any(|c| c.param == def.id) {
            self.ex.cautions.push(Caution {
                param: def.id.into(),
                status: entry.status,
                label: def.label(),
            });
        }
        Lookup::Found(Got {
            cite: Cite {
                param: Some(def.id.into()),
                value: value.show(),
                origin: Origin::Rule,
                status: Some(entry.status),
                source: entry.source.clone(),
                note: entry.note.clone(),
            },
            value,
        })
    }

    /// A figure the computation cannot do without: unknown → listed as missing; no rule in
    /// force at the month → an input error on the month field.
    pub fn need(&mut self, id: &str) -> Option<Got> {
        let def = Self::def(id);
        match self.lookup(id) {
            Lookup::Found(g) => Some(g),
            Lookup::Unknown => {
                self.mark_missing(def.id);
                None
            }
            Lookup::NoWindow => {
                let err = FieldError {
                    field: self.month_field.into(),
                    code: "outside_rule_window".into(),
                    message: Text::new(
                        format!("{} 没有有效的「{}」规则（{}）；规则按时段生效，不会套用其他年份", self.month, def.label_zh, def.id),
                        format!("no rule for “{}” ({}) is in force in {}; rules apply by date and no other year is used", def.label_en, def.id, self.month),
                    ),
                };
                if !self.window_errors.contains(&err) {
                    self.window_errors.push(err);
                }
                None
            }
        }
    }

    /// A figure the computation can do without; recorded with what its absence means.
    pub fn optional(&mut self, id: &str, effect: Text) -> Option<Got> {
        let def = Self::def(id);
        match self.lookup(id) {
            Lookup::Found(g) => Some(g),
            Lookup::Unknown | Lookup::NoWindow => {
                if !self.ex.not_known.iter().any(|n| n.param == def.id) {
                    self.ex.not_known.push(NotKnown {
                        param: def.id.into(),
                        label: def.label(),
                        hint: def.hint(),
                        effect,
                    });
                }
                None
            }
        }
    }

    /// Whether a published value is in force, without recording anything: for rules only
    /// some cities have (温州's resident minimum).
    pub fn peek(&mut self, id: &str) -> bool {
        let saved = (self.ex.user_supplied.len(), self.ex.cautions.len());
        let found = matches!(self.lookup(id), Lookup::Found(_));
        self.ex.user_supplied.truncate(saved.0);
        self.ex.cautions.truncate(saved.1);
        found
    }

    /// Records `id` as a missing figure, once (also used when a fallback was unknown too).
    pub fn mark_missing(&mut self, id: &str) {
        let def = Self::def(id);
        if !self.missing.iter().any(|m| m.id == def.id) {
            self.missing.push(MissingFigure {
                id: def.id.into(),
                label: def.label(),
                hint: def.hint(),
                unit: def.unit.describe(),
            });
        }
    }

    /// After all lookups: fails with the window errors, else with every missing figure.
    pub fn check(&self) -> Result<(), Error> {
        if !self.window_errors.is_empty() {
            return Err(Error::Input {
                errors: self.window_errors.clone(),
            });
        }
        if !self.missing.is_empty() {
            return Err(Error::MissingFigures {
                missing: self.missing.clone(),
            });
        }
        Ok(())
    }

    /// The rounding rule `id` names, with its citation. Rounding is a national parameter
    /// in force from the first pooling month, so it is always found for a valid month.
    pub fn rounding(&mut self, id: &str) -> (Rounding, Vec<Cite>) {
        match self.need(id) {
            Some(Got {
                value: Value::Choice(name),
                cite,
            }) => (
                Rounding::parse(&name).unwrap_or(Rounding::HalfUp),
                vec![cite],
            ),
            _ => (Rounding::HalfUp, Vec::new()),
        }
    }
}

/// Typed views of a found value. A mismatch cannot happen for catalogue ids (values are
/// parsed by unit); it reads as "not known" rather than a panic.
pub fn rate(g: &Option<Got>) -> Option<Ratio> {
    match g {
        Some(Got {
            value: Value::Rate(r),
            ..
        }) => Some(*r),
        _ => None,
    }
}

pub fn money(g: &Option<Got>) -> Option<Money> {
    match g {
        Some(Got {
            value: Value::Money(m),
            ..
        }) => Some(*m),
        _ => None,
    }
}

pub fn years(g: &Option<Got>) -> Option<Decimal> {
    match g {
        Some(Got {
            value: Value::Years(y),
            ..
        }) => Some(*y),
        _ => None,
    }
}

pub fn months(g: &Option<Got>) -> Option<u32> {
    match g {
        Some(Got {
            value: Value::Months(n),
            ..
        }) => Some(*n),
        _ => None,
    }
}

pub fn flag(g: &Option<Got>) -> Option<bool> {
    match g {
        Some(Got {
            value: Value::Flag(b),
            ..
        }) => Some(*b),
        _ => None,
    }
}

pub fn choice(g: &Option<Got>) -> Option<&str> {
    match g {
        Some(Got {
            value: Value::Choice(c),
            ..
        }) => Some(c),
        _ => None,
    }
}

pub fn set(g: &Option<Got>) -> Option<&[String]> {
    match g {
        Some(Got {
            value: Value::Set(s),
            ..
        }) => Some(s),
        _ => None,
    }
}

pub fn month(g: &Option<Got>) -> Option<YearMonth> {
    match g {
        Some(Got {
            value: Value::Month(m),
            ..
        }) => Some(*m),
        _ => None,
    }
}

pub fn cite(g: &Option<Got>) -> Vec<Cite> {
    g.iter().map(|g| g.cite.clone()).collect()
}
