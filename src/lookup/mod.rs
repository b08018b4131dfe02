//! Looking up parameters for one city and month, with the person's own figures, and
//! keeping account of what the result rests on: figures the person supplied, cautions,
//! and figures nobody published. Lookups are typed: [`Ctx::need`] gives a [`Need`] that
//! [`Ctx::resolve`] turns into values (or the error naming every missing figure), and
//! [`Ctx::optional`] a value the computation can do without.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, FieldError, MissingFigure};
use crate::explain::{Caution, Explanation, NotKnown, Replaced};
use crate::input::{self, Raw};
use crate::model::{
    At, City, CountedMonths, DeficitMethod, Entry, Money, ParamId, PrePoolingDeficit, Ratio,
    Rounding, Rules, Scope, Shortfall, Situation, Status, Text, TopupBase, Value, YearMonth,
};
use crate::text;

mod cite;
mod resolve;
mod value;
pub use self::resolve::*;
pub use self::value::*;
/// Overrides as the caller gives them: parameter id → value text.
pub type Overrides = BTreeMap<String, Raw>;

/// A figure the person supplied, read for its parameter's unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Supplied {
    pub value: Value,
    pub shown: String,
}

/// Reads overrides, each checked against its parameter's unit. Every bad one is reported.
pub fn parse_overrides(raw: &Overrides) -> Result<BTreeMap<ParamId, Supplied>, Vec<FieldError>> {
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (key, text) in raw {
        if text.is_blank() {
            continue;
        }
        let Some(id) = ParamId::parse(key) else {
            // No such figure: the field names what was typed (there is no id to point at).
            errors.push(FieldError::at(
                format!("set:{key}"),
                "unknown_param",
                text!(
                    "没有编号为 `{key}` 的参数（`yibao rules show` 列出全部编号）",
                    "there is no parameter `{key}` (`yibao rules show` lists them)"
                ),
            ));
            continue;
        };
        match input::figure(id.def(), text) {
            Ok(r) => {
                out.insert(
                    id,
                    Supplied {
                        shown: r.value.show(),
                        value: r.value,
                    },
                );
            }
            Err(Error::Input { errors: e }) => errors.extend(e.into_iter().map(|mut f| {
                f.code = "bad_override".into();
                f
            })),
            Err(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Where a looked-up value comes from, cheap to carry; made into a [`Cite`] only when an
/// explanation is written. Equal references make equal citations.
#[derive(Clone, Debug, PartialEq)]
pub enum CiteRef {
    /// A rule value; `carried` is the month it is carried from, where it is applied past
    /// its window provisionally; `stretched` where it is applied beyond what its source
    /// states (shown as inferred, see [`Ctx::inferred`]).
    Rule {
        id: ParamId,
        entry: &'static Entry,
        carried: Option<YearMonth>,
        stretched: bool,
    },
    User {
        id: ParamId,
        shown: String,
        replaced: Option<&'static Entry>,
    },
    Input {
        field: &'static str,
        label: Text,
        shown: String,
    },
}

/// A value with where it came from.
#[derive(Clone, Debug)]
pub struct Cited<T> {
    pub value: T,
    pub cite: CiteRef,
}

/// A figure the computation cannot do without, resolved by [`Ctx::resolve`].
pub struct Need<T> {
    id: ParamId,
    got: Option<Cited<T>>,
}

enum Lookup {
    Found(Value, CiteRef),
    /// A window covers the month, but nobody published the value (or, with official
    /// figures only, only a less-than-official source did, or it is carried: `set_aside`,
    /// with the status it would have had); or the month is past what is on file.
    Unknown {
        set_aside: Option<(&'static Entry, Status)>,
    },
    /// No window covers the month.
    NoWindow,
}

/// The lookup context of one computation: the rules, the city, the month the rules are
/// read at, the person's figures, and what the result is found to rest on.
pub struct Ctx {
    pub rules: &'static Rules,
    pub city: &'static City,
    pub month: YearMonth,
    /// The request field that chose `month`, for window errors ("month", "year", "as_of").
    month_field: &'static str,
    overrides: BTreeMap<ParamId, Supplied>,
    official_only: bool,
    /// Whether steps are written (off: figures only, as fast as possible).
    pub explain: bool,
    missing: Vec<MissingFigure>,
    window_errors: Vec<FieldError>,
    /// Every parameter looked up, for the notices that bear on them.
    used: Vec<ParamId>,
    /// A figure from a site's figures file was used (the result says so).
    site_used: Option<&'static Entry>,
    pub ex: Explanation,
}

impl Ctx {
    pub fn new(setup: &crate::compute::Setup, month_field: &'static str) -> Ctx {
        Ctx {
            rules: setup.rules,
            city: setup.city,
            month: setup.month,
            month_field,
            overrides: setup.overrides.clone(),
            official_only: setup.official_only,
            explain: setup.explain,
            missing: Vec::new(),
            window_errors: Vec::new(),
            used: Vec::new(),
            site_used: None,
            ex: Explanation::default(),
        }
    }

    /// Looks parameters up at another month (the resident year, the retirement rules at
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

    /// What the rules hold for `id` at the context's month; `None` where the city's rules
    /// do not have the parameter at all (a rule its document does not set).
    fn slot(&self, id: ParamId) -> Option<At<'static>> {
        let series = match id.scope() {
            Scope::City | Scope::Local => self.city.params.get(&id),
            Scope::National => self.rules.national.get(&id),
        }?;
        Some(series.find(self.month))
    }

    /// The entry that gives the value at the month, in force or carried, with the month it
    /// is carried from.
    fn entry(&self, id: ParamId) -> Option<(&'static Entry, Option<YearMonth>)> {
        match self.slot(id)? {
            At::InForce(e) => Some((e, None)),
            At::Carried { entry, since } => Some((entry, Some(since))),
            At::NotOnFile | At::Before => None,
        }
    }

    /// An entry's status as a result shows it: provisional where it is carried.
    fn shown_status(entry: &Entry, carried: Option<YearMonth>) -> Status {
        if carried.is_some() {
            Status::Provisional
        } else {
            entry.status
        }
    }

    /// The value in force, the person's own first.
    fn lookup(&mut self, id: ParamId) -> Lookup {
        if !self.used.contains(&id) {
            self.used.push(id);
        }
        let slot = self.slot(id);
        if let Some(s) = self.overrides.get(&id) {
            if !self.ex.user_supplied.contains(&id) {
                self.ex.user_supplied.push(id);
            }
            let replaced = self.entry(id).map(|(e, _)| e).filter(|e| e.value.is_some());
            let cite = CiteRef::User {
                id,
                shown: s.shown.clone(),
                replaced,
            };
            return Lookup::Found(s.value.clone(), cite);
        }
        let (entry, carried) = match slot {
            None | Some(At::Before) => return Lookup::NoWindow,
            // Past the last window and what may be carried: not yet on file, so asked for.
            Some(At::NotOnFile) => return Lookup::Unknown { set_aside: None },
            Some(At::InForce(e)) => (e, None),
            Some(At::Carried { entry, since }) => (entry, Some(since)),
        };
        let Some(value) = entry.value.clone() else {
            return Lookup::Unknown { set_aside: None };
        };
        let status = Self::shown_status(entry, carried);
        if self.official_only && status.needs_caution() {
            return Lookup::Unknown {
                set_aside: Some((entry, status)),
            };
        }
        if status.needs_caution() && !self.ex.cautions.iter().any(|c| c.param == id) {
            self.ex.cautions.push(Caution {
                param: id,
                status,
                label: id.label(),
            });
        }
        if entry.site && self.site_used.is_none() {
            self.site_used = Some(entry);
        }
        Lookup::Found(
            value,
            CiteRef::Rule {
                id,
                entry,
                carried,
                stretched: false,
            },
        )
    }

    /// A figure the computation cannot do without: unknown → listed as missing; no rule in
    /// force at the month → an input error on the month field.
    pub fn need<T: FromValue>(&mut self, id: ParamId) -> Need<T> {
        let got = match self.lookup(id) {
            Lookup::Found(v, cite) => T::from_value(&v).map(|value| Cited { value, cite }),
            Lookup::Unknown { set_aside } => {
                self.missing_figure(id, set_aside);
                None
            }
            Lookup::NoWindow => {
                self.no_window(id);
                None
            }
        };
        Need { id, got }
    }

    fn no_window(&mut self, id: ParamId) {
        let def = id.def();
        let err = FieldError::at(
            self.month_field,
            "outside_rule_window",
            Text::new(
                format!("{} 没有有效的「{}」规则；规则按时段生效，不会套用其他年份", self.month, def.label_zh),
                format!("no rule for “{}” is in force in {}; rules apply by date and no other year is used", def.label_en, self.month),
            ),
        );
        if !self.window_errors.contains(&err) {
            self.window_errors.push(err);
        }
    }

    /// A figure the computation can do without; recorded with what its absence means.
    pub fn optional<T: FromValue>(&mut self, id: ParamId, effect: Text) -> Option<Cited<T>> {
        self.optional_as(id, effect, true)
    }

    /// A rule the computation can do without that a person cannot find out either (where a
    /// top-up goes): recorded, but no page asks for it (the CLI's `--set` still takes it).
    pub fn unasked<T: FromValue>(&mut self, id: ParamId, effect: Text) -> Option<Cited<T>> {
        self.optional_as(id, effect, false)
    }

    fn optional_as<T: FromValue>(
        &mut self,
        id: ParamId,
        effect: Text,
        asked: bool,
    ) -> Option<Cited<T>> {
        match self.lookup(id) {
            Lookup::Found(v, cite) => T::from_value(&v).map(|value| Cited { value, cite }),
            Lookup::Unknown { .. } | Lookup::NoWindow => {
                if !self.ex.not_known.iter().any(|n| n.param == id) {
                    let def = id.def();
                    self.ex.not_known.push(NotKnown {
                        param: id,
                        label: def.label(),
                        hint: def.hint(),
                        effect,
                        asked,
                    });
                }
                None
            }
        }
    }

    /// Whether a value is in force for `id` (published or supplied), without recording
    /// anything: for rules only some cities have (温州's resident minimum).
    /// The figure last published for `id` before the month, where none applies now (not
    /// even carried): history a page may show beside "not yet on file", never used in a
    /// computation. With official figures only, a less-than-official one is not shown.
    pub fn last_published(&self, id: ParamId) -> Option<&'static Entry> {
        if !matches!(self.slot(id)?, At::NotOnFile) {
            return None;
        }
        let series = match id.scope() {
            Scope::City | Scope::Local => self.city.params.get(&id),
            Scope::National => self.rules.national.get(&id),
        }?;
        series
            .last_before(self.month)
            .filter(|e| !(self.official_only && e.status.needs_caution()))
    }

    pub fn peek(&self, id: ParamId) -> bool {
        if self.overrides.contains_key(&id) {
            return true;
        }
        self.entry(id).is_some_and(|(e, carried)| {
            e.value.is_some()
                && !(self.official_only && Self::shown_status(e, carried).needs_caution())
        })
    }

    /// Marks a figure as used beyond what its source states (a rule the document gives for
    /// some situations, applied to another): the result's confidence drops to inferred, and
    /// the note says why.
    pub fn inferred(&mut self, id: ParamId, note: Text) {
        match self.ex.cautions.iter_mut().find(|c| c.param == id) {
            Some(c) => c.status = Status::Inferred,
            None => self.ex.cautions.push(Caution {
                param: id,
                status: Status::Inferred,
                label: id.label(),
            }),
        }
        self.ex.note(note);
    }

    /// Whether the city's rules hold the parameter at all (a rule its document sets).
    pub fn has(&self, id: ParamId) -> bool {
        self.city.params.contains_key(&id)
    }

    /// Records `id` as a missing figure, once (also used when a fallback was unknown too).
    pub fn mark_missing(&mut self, id: ParamId) {
        let set_aside = self
            .entry(id)
            .map(|(e, carried)| (e, Self::shown_status(e, carried)))
            .filter(|(_, status)| self.official_only && status.needs_caution());
        self.missing_figure(id, set_aside);
    }

    fn missing_figure(&mut self, id: ParamId, set_aside: Option<(&'static Entry, Status)>) {
        if self.missing.iter().any(|m| m.id == id) {
            return;
        }
        self.missing.push(MissingFigure {
            set_aside: set_aside.and_then(|(e, status)| {
                e.value.as_ref().map(|v| Replaced {
                    value: v.show(),
                    words: id.words(v),
                    status,
                })
            }),
            ..MissingFigure::of(id)
        });
    }

    /// The errors recorded so far: window errors first, else every missing figure.
    pub fn check(&self) -> Result<(), Error> {
        if !self.window_errors.is_empty() {
            return Err(Error::Input {
                errors: self.window_errors.clone(),
            });
        }
        if !self.missing.is_empty() {
            let optional = self
                .ex
                .not_known
                .iter()
                .filter(|n| n.asked)
                .map(|n| n.param)
                .collect();
            return Err(Error::MissingFigures {
                missing: self.missing.clone(),
                optional,
                notices: self.notices(),
            });
        }
        Ok(())
    }

    /// The values of needed figures, or the error naming every one that is missing.
    pub fn resolve<R: Resolve>(&mut self, needs: R) -> Result<R::Out, Error> {
        self.check()?;
        needs.resolve(self)
    }

    /// The rounding rule `id` names. Rounding is a convention of the calculator (no
    /// document sets it), stated once in the result rather than cited at every step.
    pub fn rounding(&mut self, id: ParamId) -> Result<Rounding, Error> {
        let r: Need<Rounding> = self.need(id);
        let r = self.resolve(r)?;
        if let CiteRef::Rule { entry, .. } = &r.cite {
            if let Some(note) = entry.note_text() {
                self.ex.convention(note);
            }
        }
        Ok(r.value)
    }
}
