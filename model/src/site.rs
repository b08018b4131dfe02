//! Figures from whoever holds them: a site that serves the calculator (a bureau's portal, an
//! HR department) may place a figures file beside it, in the rule files' entry format, with
//! figures newer than the built-in ones (a new year's base limits, a premium just
//! announced). They are merged into the rules: each replaces the built-in figure for the
//! months it covers, is cited as the site's document at the status the file claims but
//! never above `official`, and every result that uses one says it came from the site's
//! file. Read and checked by [`crate::load::figures`]; merged here.

use serde::{Deserialize, Serialize};

use crate::catalogue::ParamId;
use crate::rules::{City, Document, Entry, RuleIssue, Rules, Series};
use crate::text::Text;

/// One figure of a site's file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteFigure {
    /// The city it belongs to; `None` for a national figure.
    pub city: Option<String>,
    pub param: ParamId,
    pub entry: Entry,
    /// Where it is in the file, for messages: "figure 2 (line 14)".
    pub place: String,
}

/// A site's figures file, read and checked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteFigures {
    /// Who publishes the file, as results name it ("温州市医疗保障局网站").
    pub site: String,
    /// The file's name, for messages.
    pub file: String,
    /// Its documents, by id (each marked as the site's).
    pub documents: Vec<Document>,
    pub figures: Vec<SiteFigure>,
}

fn issue(file: &str, key: &str, zh: String, en: String) -> RuleIssue {
    RuleIssue {
        file: file.to_string(),
        key: key.to_string(),
        reason: Text::new(zh, en),
    }
}

/// Puts `new` into a series' windows: it takes the months it covers from the built-in
/// windows (each cut short, split or dropped), and everything else stays. Months between
/// the built-in windows and a later site window are carried as the last built-in window
/// allows ([`Series::find`]).
fn insert(series: &mut Series, new: Entry) {
    let mut out: Vec<Entry> = Vec::new();
    for e in series.entries.drain(..) {
        let overlaps = e.to.is_none_or(|et| et >= new.from) && new.to.is_none_or(|nt| e.from <= nt);
        if !overlaps {
            out.push(e);
            continue;
        }
        if e.from < new.from {
            out.push(Entry {
                to: new.from.plus(-1),
                ..e.clone()
            });
        }
        if let Some(nt) = new.to.filter(|nt| e.to.is_none_or(|et| et > *nt)) {
            if let Some(from) = nt.plus(1) {
                out.push(Entry { from, ..e });
            }
        }
    }
    out.push(new);
    out.sort_by_key(|e| e.from);
    series.entries = out;
}

impl Rules {
    /// The rules with a site's figures merged in, or what is wrong with them (a city or a
    /// parameter the rules do not have, a window before the city's pooling).
    pub fn with_site(&self, site: &SiteFigures) -> Result<Rules, Vec<RuleIssue>> {
        let mut rules = self.clone();
        let mut issues = Vec::new();
        for d in &site.documents {
            rules.documents.insert(d.id.clone(), d.clone());
            for c in &mut rules.cities {
                c.documents.insert(d.id.clone(), d.clone());
            }
        }
        for f in &site.figures {
            let series = match &f.city {
                None => rules.national.get_mut(&f.param),
                Some(id) => match rules.cities.iter_mut().find(|c| &c.id == id) {
                    Some(c) if f.entry.from < c.pooling_from => {
                        let p = c.pooling_from;
                        issues.push(issue(
                            &site.file,
                            &f.place,
                            format!("早于{}市级统筹开始（{p}）", c.name.zh),
                            format!("before pooling began in {} ({p})", c.name.en),
                        ));
                        continue;
                    }
                    Some(c) => city_series(c, f.param),
                    None => {
                        issues.push(issue(
                            &site.file,
                            &f.place,
                            format!("没有这个城市：{id}"),
                            format!("no such city: {id}"),
                        ));
                        continue;
                    }
                },
            };
            let Some(series) = series else {
                let k = f.param.key();
                issues.push(issue(
                    &site.file,
                    &f.place,
                    format!("该处的规则没有参数 {k}"),
                    format!("the rules there have no parameter {k}"),
                ));
                continue;
            };
            insert(series, f.entry.clone());
        }
        if issues.is_empty() {
            Ok(rules)
        } else {
            Err(issues)
        }
    }
}

fn city_series(c: &mut City, id: ParamId) -> Option<&mut Series> {
    c.params.get_mut(&id)
}
