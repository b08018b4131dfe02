//! The horizon: what runs out in the months ahead. For each city, the figures whose window
//! ends (and how long each is then carried provisionally, and when it is no longer on file),
//! and what each view shows with the starting fields, month by month, where that changes.
//! `yibao rules horizon` prints it; whoever keeps the rules reads it to know which figure
//! to look for next.

use serde::Serialize;

use crate::defaults::{request, Answer, KINDS};
use crate::explain::Confidence;
use crate::model::{City, ParamId, Series, Status, Text, Value, YearMonth};
use crate::{Error, Rules};

/// A figure whose window ends within the months looked at.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ending {
    pub param: ParamId,
    pub label: Text,
    /// The value as shown ("4986.00"), or empty for a window that was `unknown`.
    pub value: String,
    /// The value in words with its unit where it reads better so ("是", "6 个月").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Text>,
    pub status: Status,
    /// The last month of its window.
    pub in_force_to: YearMonth,
    /// The last month it may be carried provisionally (absent: not carried).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_to: Option<YearMonth>,
    /// From this month nothing is on file: the figure is asked for.
    pub not_on_file_from: Option<YearMonth>,
}

/// What a view shows with the starting fields from a month on (until the next change).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shows {
    pub from: YearMonth,
    pub answer: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Figures it goes without, or asks for.
    pub lacks: Vec<ParamId>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ViewCourse {
    pub kind: &'static str,
    pub changes: Vec<Shows>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CityHorizon {
    pub city: String,
    pub name: Text,
    /// The last month of the pooling document's term, where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_to: Option<YearMonth>,
    pub endings: Vec<Ending>,
    pub views: Vec<ViewCourse>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Horizon {
    pub from: YearMonth,
    pub to: YearMonth,
    /// National figures that end (they apply in every city).
    pub national: Vec<Ending>,
    pub cities: Vec<CityHorizon>,
}

impl Answer {
    fn word(self) -> &'static str {
        match self {
            Answer::Full => "full",
            Answer::Partly => "partly",
            Answer::Asks => "asks",
            Answer::Refused => "refused",
        }
    }
}

/// The last window of a series, with a value, where it ends within `[from, to]`, or where
/// what it is carried into ends there.
fn ending(s: &Series, from: YearMonth, to: YearMonth) -> Option<Ending> {
    // A window that was unknown changes nothing when it ends: the figure is asked for before
    // and after.
    let last = s.entries.last().filter(|e| e.value.is_some())?;
    let end = last.to?;
    let horizon = s.horizon()?;
    let within = |m: YearMonth| from <= m && m <= to;
    if !within(end) && !within(horizon) {
        return None;
    }
    let carried_to = (last.value.is_some() && horizon > end).then_some(horizon);
    Some(Ending {
        param: s.id,
        label: s.id.label(),
        value: last.value.as_ref().map(Value::show).unwrap_or_default(),
        words: last.value.as_ref().and_then(|v| s.id.words(v)),
        status: last.status,
        in_force_to: end,
        carried_to,
        not_on_file_from: horizon.plus(1),
    })
}

/// What a view shows for a city at a month with the starting fields.
fn shows(kind: &str, city: &City, month: YearMonth, official_only: bool) -> Shows {
    let result = request(kind, &city.id, month, official_only)
        .map_err(|e| Error::field("request", "malformed_request", Text::same(e)))
        .and_then(|r| crate::compute(&r));
    let answer = Answer::of(&result);
    let (confidence, lacks) = match &result {
        Ok(r) => (
            Some(r.explanation().confidence),
            r.explanation().not_known.iter().map(|n| n.param).collect(),
        ),
        Err(Error::MissingFigures { missing, .. }) => {
            (None, missing.iter().map(|m| m.id).collect())
        }
        Err(_) => (None, Vec::new()),
    };
    Shows {
        from: month,
        answer: answer.word(),
        confidence,
        lacks,
    }
}

/// The horizon of every city from `from` for `months` months.
pub fn horizon(rules: &Rules, from: YearMonth, months: u32, official_only: bool) -> Horizon {
    let to = from.plus(months as i32).unwrap_or(from);
    let national = rules
        .national
        .values()
        .filter_map(|s| ending(s, from, to))
        .collect();
    let cities = rules
        .cities
        .iter()
        .map(|city| {
            let endings = city
                .params
                .values()
                .filter_map(|s| ending(s, from, to))
                .collect();
            let views = KINDS
                .iter()
                .map(|kind| {
                    let mut changes: Vec<Shows> = Vec::new();
                    let mut m = from;
                    while m <= to {
                        let s = shows(kind, city, m, official_only);
                        if changes.last().is_none_or(|p| {
                            (p.answer, p.confidence, &p.lacks) != (s.answer, s.confidence, &s.lacks)
                        }) {
                            changes.push(s);
                        }
                        m = match m.plus(1) {
                            Some(next) => next,
                            None => break,
                        };
                    }
                    ViewCourse { kind, changes }
                })
                .collect();
            CityHorizon {
                city: city.id.clone(),
                name: city.name.clone(),
                term_to: city.pooling_to,
                endings,
                views,
            }
        })
        .collect();
    Horizon {
        from,
        to,
        national,
        cities,
    }
}
