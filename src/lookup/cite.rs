//! Citations made whole from what a lookup recorded, and the finished explanation: how sure
//! the result is and the figures that make it so.

use super::{CiteRef, Ctx};
use crate::explain::{Basis, Cite, CiteSource, Confidence, Explanation, Origin, Replaced};
use crate::model::{Entry, ParamId, Status, Value};

impl Ctx {
    /// A cite made whole: the document, the label, the status.
    pub fn cite(&self, c: &CiteRef) -> Cite {
        match c {
            CiteRef::Rule { id, entry } => Cite {
                param: Some(*id),
                field: None,
                label: id.label(),
                value: entry.value.as_ref().map(Value::show).unwrap_or_default(),
                origin: Origin::Rule,
                status: Some(entry.status),
                source: entry.source.as_ref().and_then(|s| {
                    self.rules.document(Some(self.city), &s.doc).map(|d| CiteSource {
                        document: d.into(),
                        article: &s.article,
                        quote: &s.quote,
                        url: s.url.as_deref(),
                    })
                }),
                note: entry.note.as_deref(),
                note_zh: entry.note_zh.as_deref(),
                text_key: Some(crate::model::texts::entry_key(&self.city.id, *id, entry.from)),
                replaces: None,
            },
            CiteRef::User { id, shown, replaced } => Cite {
                param: Some(*id),
                field: None,
                label: id.label(),
                value: shown.clone(),
                origin: Origin::User,
                status: None,
                source: None,
                note: None,
                note_zh: None,
                text_key: None,
                replaces: replaced.and_then(|e| e.value.as_ref().map(|v| Replaced { value: v.show(), status: e.status })),
            },
            CiteRef::Input { field, label, shown } => Cite {
                param: None,
                field: Some((*field).to_string()),
                label: label.clone(),
                value: shown.clone(),
                origin: Origin::Input,
                status: None,
                source: None,
                note: None,
                note_zh: None,
                text_key: None,
                replaces: None,
            },
        }
    }

    /// The explanation, finished: how sure the result is and the figures that make it so.
    pub fn finish(&mut self) -> Explanation {
        let mut ex = std::mem::take(&mut self.ex);
        let mut rests_on = Vec::new();
        let mut confidence = Confidence::Official;
        for c in &ex.cautions {
            let level = match c.status {
                Status::Secondary => Confidence::Secondary,
                _ => Confidence::LowReliabilityOrInferred,
            };
            confidence = confidence.max(level);
            if let Some(Some(e)) = self.entry(c.param) {
                // The caution's status: the entry's own, or inferred where it was stretched.
                rests_on.push(Basis { status: Some(c.status), ..self.basis(c.param, e) });
            }
        }
        for key in &ex.user_supplied {
            if let (Some(id), Some(s)) = (ParamId::parse(key), ParamId::parse(key).and_then(|id| self.overrides.get(&id))) {
                confidence = Confidence::UserSupplied;
                rests_on.push(Basis { param: id, label: id.label(), value: s.shown.clone(), status: None, source: None });
            }
        }
        ex.confidence = confidence;
        ex.rests_on = rests_on;
        ex
    }

    fn basis(&self, id: ParamId, e: &Entry) -> Basis {
        Basis {
            param: id,
            label: id.label(),
            value: e.value.as_ref().map(Value::show).unwrap_or_default(),
            status: Some(e.status),
            source: e.source.as_ref().map(|s| {
                let doc = self.rules.document(Some(self.city), &s.doc).map_or(s.doc.as_str(), |d| d.short_name());
                format!("{doc} {}", s.article)
            }),
        }
    }
}
