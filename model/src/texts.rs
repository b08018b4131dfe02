//! The long texts of the rules (quotes, notes), apart from the figures. The web build
//! embeds the rules without them, so the calculator's first load carries numbers, windows,
//! statuses and articles only; the page fetches these texts after its first paint and
//! shows them in the citations by key. The CLI and the JS API keep them inline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{ParamId, Scope};
use crate::month::YearMonth;
use crate::rules::{Document, Entry, Rules, Status};

/// The key of an entry's texts: `jining/employee.rate.individual/2020-01` (a city's
/// parameter) or `national/resident.national_min.individual/2025-01`.
pub fn entry_key(city: &str, id: ParamId, from: YearMonth) -> String {
    let scope = if id.scope() == Scope::National {
        "national"
    } else {
        city
    };
    format!("{scope}/{}/{from}", id.key())
}

/// The key of a document's texts: `doc/jining/jining-2020` or `doc/national/retirement-2024`.
pub fn document_key(scope: &str, id: &str) -> String {
    format!("doc/{scope}/{id}")
}

/// What is taken out of one entry or document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Texts {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
}

impl Texts {
    fn is_empty(&self) -> bool {
        self.quote.is_empty() && self.note.is_none() && self.note_zh.is_none()
    }
}

fn take_entry(e: &mut Entry) -> Texts {
    // A convention's note is what the result states instead of a citation: it stays.
    let (note, note_zh) = if e.status == Status::Convention {
        (None, None)
    } else {
        (e.note.take(), e.note_zh.take())
    };
    let quote = e
        .source
        .as_mut()
        .map(|s| std::mem::take(&mut s.quote))
        .unwrap_or_default();
    Texts {
        quote,
        note,
        note_zh,
    }
}

fn take_document(d: &mut Document) -> Texts {
    Texts {
        quote: String::new(),
        note: d.note.take(),
        note_zh: d.note_zh.take(),
    }
}

/// Takes the texts out of the rules (leaving the figures), keyed as above.
pub fn take(rules: &mut Rules) -> BTreeMap<String, Texts> {
    let mut out = BTreeMap::new();
    let mut keep = |k: String, t: Texts| {
        if !t.is_empty() {
            out.insert(k, t);
        }
    };
    for s in rules.national.values_mut() {
        for e in &mut s.entries {
            let k = entry_key("national", s.id, e.from);
            keep(k, take_entry(e));
        }
    }
    for d in rules.documents.values_mut() {
        keep(document_key("national", &d.id), take_document(d));
    }
    for c in &mut rules.cities {
        for s in c.params.values_mut() {
            for e in &mut s.entries {
                let k = entry_key(&c.id, s.id, e.from);
                keep(k, take_entry(e));
            }
        }
        for d in c.documents.values_mut() {
            keep(document_key(&c.id, &d.id), take_document(d));
        }
        let id = c.document.id.clone();
        keep(document_key(&c.id, &id), take_document(&mut c.document));
    }
    out
}
