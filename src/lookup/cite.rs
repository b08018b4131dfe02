//! Citations made whole from what a lookup recorded, and the finished explanation: how sure
//! the result is and the figures that make it so.

use super::{CiteRef, Ctx};
use crate::explain::{
    Basis, Carried, Cite, CiteSource, Confidence, Explanation, NoticeShown, Origin, Replaced,
};
use crate::model::{Entry, Notice, ParamId, Source, Status, Text, Value, YearMonth};

impl Ctx {
    /// A cite made whole: the document, the label, the status.
    pub fn cite(&self, c: &CiteRef) -> Cite {
        match c {
            CiteRef::Rule {
                id,
                entry,
                carried,
                stretched,
            } => Cite {
                param: Some(*id),
                field: None,
                label: id.label(),
                value: entry.value.as_ref().map(Value::show).unwrap_or_default(),
                words: entry.value.as_ref().and_then(|v| id.words(v)),
                origin: Origin::Rule,
                status: Some(if *stretched {
                    Status::Inferred
                } else {
                    Self::shown_status(entry, *carried)
                }),
                carried: carried.and_then(|since| Carried::of(entry, since)),
                source: entry.source.as_ref().and_then(|s| self.source(s)),
                note: entry.note.as_deref(),
                note_zh: entry.note_zh.as_deref(),
                text_key: Some(crate::model::texts::entry_key(
                    &self.city.id,
                    *id,
                    entry.from,
                )),
                replaces: None,
            },
            CiteRef::User {
                id,
                shown,
                replaced,
            } => Cite {
                param: Some(*id),
                field: None,
                label: id.label(),
                value: shown.clone(),
                words: crate::model::value::parse_text(id.unit(), shown)
                    .ok()
                    .and_then(|v| id.words(&v)),
                origin: Origin::User,
                status: None,
                carried: None,
                source: None,
                note: None,
                note_zh: None,
                text_key: None,
                replaces: replaced.and_then(|e| {
                    e.value.as_ref().map(|v| Replaced {
                        value: v.show(),
                        words: id.words(v),
                        status: e.status,
                    })
                }),
            },
            CiteRef::Input {
                field,
                label,
                shown,
            } => Cite {
                param: None,
                field: Some((*field).to_string()),
                label: label.clone(),
                value: shown.clone(),
                words: None,
                origin: Origin::Input,
                status: None,
                carried: None,
                source: None,
                note: None,
                note_zh: None,
                text_key: None,
                replaces: None,
            },
        }
    }

    /// A source as a citation shows it, with its whole document.
    fn source(&self, s: &'static Source) -> Option<CiteSource> {
        self.rules
            .document(Some(self.city), &s.doc)
            .map(|d| CiteSource {
                document: d.into(),
                article: &s.article,
                quote: &s.quote,
                url: s.url.as_deref(),
            })
    }

    /// The notices of the city's rules and the national ones in force at the month that
    /// bear on what the computation looked up.
    pub(crate) fn notices(&self) -> Vec<NoticeShown> {
        let all = self.city.notices.iter().chain(&self.rules.notices);
        let mut out: Vec<NoticeShown> = all
            .filter(|n| {
                n.covers(self.month)
                    && (n.bears_on.is_empty() || n.bears_on.iter().any(|id| self.used.contains(id)))
            })
            .map(|n: &'static Notice| NoticeShown {
                id: &n.id,
                text: n.text.clone(),
                status: n.status,
                source: self.source(&n.source),
            })
            .collect();
        // A figure from the site's own file: said once, with the site's name.
        if let Some(e) = self.site_used {
            let source = e.source.as_ref().and_then(|s| self.source(s));
            let site = source
                .as_ref()
                .and_then(|s| s.document.site)
                .unwrap_or_default();
            out.push(NoticeShown {
                id: "site-figures",
                text: Text::new(
                    format!("本结果用到本站（{site}）的数值文件提供的数值，未经本计算器核对；来源见各数值的出处"),
                    format!("This result uses figures from this site's own figures file ({site}), not checked by the calculator; each figure cites its source"),
                ),
                status: e.status,
                source,
            });
        }
        out
    }

    /// The explanation, finished: how sure the result is and the figures that make it so.
    pub fn finish(&mut self) -> Explanation {
        let mut ex = std::mem::take(&mut self.ex);
        let mut rests_on = Vec::new();
        let mut confidence = Confidence::Official;
        for c in &ex.cautions {
            let level = match c.status {
                Status::Secondary => Confidence::Secondary,
                Status::Provisional => Confidence::Provisional,
                _ => Confidence::LowReliabilityOrInferred,
            };
            confidence = confidence.max(level);
            // A figure the person supplied is listed as theirs below; an entry with no value
            // (unknown) has nothing to list.
            let supplied = self.overrides.contains_key(&c.param);
            if let Some((e, carried)) = self
                .entry(c.param)
                .filter(|(e, _)| e.value.is_some() && !supplied)
            {
                // The caution's status: the entry's own (provisional where carried), or
                // inferred where it was stretched.
                let carried = carried.and_then(|since| Carried::of(e, since));
                rests_on.push(Basis {
                    status: Some(c.status),
                    carried,
                    ..self.basis(c.param, e)
                });
            }
        }
        for &id in &ex.user_supplied {
            if let Some(s) = self.overrides.get(&id) {
                confidence = Confidence::UserSupplied;
                rests_on.push(Basis {
                    param: id,
                    label: id.label(),
                    value: s.shown.clone(),
                    words: id.words(&s.value),
                    status: None,
                    carried: None,
                    source: None,
                });
            }
        }
        ex.confidence = confidence;
        ex.rests_on = rests_on;
        ex.notices = self.notices();
        ex
    }

    fn basis(&self, id: ParamId, e: &Entry) -> Basis {
        Basis {
            param: id,
            label: id.label(),
            value: e.value.as_ref().map(Value::show).unwrap_or_default(),
            words: e.value.as_ref().and_then(|v| id.words(v)),
            status: Some(e.status),
            carried: None,
            source: e.source.as_ref().map(|s| {
                let doc = self
                    .rules
                    .document(Some(self.city), &s.doc)
                    .map_or(s.doc.as_str(), |d| d.short_name());
                crate::model::rules::citation(doc, &s.article)
            }),
        }
    }
}

impl Carried {
    /// A value carried from `since`, in words a person reads: "暂按 2026 年标准，2027 年标准
    /// 尚未收录"; a window longer than a year (a figure a later source said was still in use)
    /// is named by the month it began, "暂按 2025 年起执行的标准", never as a two-year standard.
    pub fn of(entry: &Entry, since: YearMonth) -> Option<Carried> {
        let to = entry.to?;
        let (from, y) = (entry.from, since.year());
        let period = if from.month() == 1 && to.month() == 12 && from.year() == to.year() {
            Text::new(
                format!("{} 年标准", from.year()),
                format!("the {} figure", from.year()),
            )
        } else if from.month() == 1 {
            Text::new(
                format!("{} 年起执行的标准", from.year()),
                format!("the figure in use since {}", from.year()),
            )
        } else {
            Text::new(
                format!("{from} 起执行的标准"),
                format!("the figure in use since {from}"),
            )
        };
        let next = if since.month() == 1 {
            Text::new(format!("{y} 年标准"), format!("the {y} figure"))
        } else {
            Text::new(
                format!("{since} 起的标准"),
                format!("the figure from {since}"),
            )
        };
        let words = Text::new(
            format!("暂按 {}，{}尚未收录", period.zh, next.zh),
            format!(
                "provisionally {}; {} is not yet on file",
                period.en, next.en
            ),
        );
        Some(Carried {
            published_from: from,
            published_to: to,
            since,
            status: entry.status,
            words,
        })
    }
}
