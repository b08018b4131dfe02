//! Explanations: every figure comes with the steps that produce it, each with the formula
//! in actual numbers and the article it rests on, so a person can check it with a desk
//! calculator. Steps are recorded by the arithmetic itself (see [`crate::trace`]); this
//! module holds what a result carries and how the CLI prints it.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::{Document, Lang, ParamId, Status, Text, YearMonth};

/// Where a value used in a step comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cite {
    /// The parameter, when the value is a rule parameter (overridable with `--set`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<ParamId>,
    /// The request field, when the value is the person's own situation (wage, months).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What the value is, in words (the parameter's or the field's label).
    pub label: Text,
    /// The value as shown, e.g. "8%".
    pub value: String,
    /// A word or yes/no value in words ("一次性补缴", "是"), for pages that show no codes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Text>,
    /// `rule`: from `rules/`; `user`: a parameter the person supplied (`--set`, an input
    /// box for an unpublished figure); `input`: the person's own situation (wage, months).
    pub origin: Origin,
    /// How far the value can be trusted (for rule values; `provisional` where carried).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Where a rule value is carried past its window: what it was published for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<CiteSource>,
    /// How the value was read or derived, in English (`note_zh`: the same in Chinese).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<&'static str>,
    /// For a rule value: the key of its quote and notes in `yibao rules texts` (the web
    /// build carries them there rather than inline), e.g. `jining/employee.rate.individual/2020-01`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_key: Option<String>,
    /// For a figure the person supplied: the published value it replaced, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Replaced>,
}

/// A value applied past the end of its source's window while no later one is on file, as
/// practice does until the new figure is published (暂按上年度标准执行, settled later).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Carried {
    /// The window the value was published for.
    pub published_from: YearMonth,
    pub published_to: YearMonth,
    /// The first month it is carried into.
    pub since: YearMonth,
    /// The published value's own status.
    pub status: Status,
    /// In words: "暂按 2026 年标准，2027 年标准尚未收录".
    pub words: Text,
}

/// A notice of the rules shown at the top of a result (a document's term that ended, an
/// unconfirmed change, a law on who sets a figure), with its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeShown {
    pub id: &'static str,
    pub text: Text,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<CiteSource>,
}

/// A source as a result shows it: the whole document, the article and the quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CiteSource {
    pub document: DocumentRef,
    pub article: &'static str,
    pub quote: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
}

impl CiteSource {
    /// The document's short name and where in it: "郑政办〔2021〕24号 四（四）".
    pub fn citation(&self) -> Text {
        crate::model::rules::citation(self.document.short_name(), self.article)
    }
}

// The texts of a citation borrow from the rules, which live as long as the program (a
// computation holds them as `&'static`): copying every document's title, issuer and notes
// into each citation took a dozen allocations per citation, the larger part of writing an
// explanation out.
/// A document as a result cites it (the model's [`Document`], without empty fields).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentRef {
    pub id: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<&'static str>,
    /// Whether the full text is kept (`sources/ID.txt` beside the app), to open the article.
    pub has_text: bool,
    /// The site whose figures file brought the document, where one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<&'static str>,
}

impl From<&'static Document> for DocumentRef {
    fn from(d: &'static Document) -> Self {
        DocumentRef {
            id: &d.id,
            title: &d.title,
            short: d.short.as_deref(),
            number: d.number.as_deref(),
            issuer: d.issuer.as_deref(),
            date: d.date.as_deref(),
            url: d.url.as_deref(),
            status: d.status,
            note: d.note.as_deref(),
            note_zh: d.note_zh.as_deref(),
            has_text: d.has_text,
            site: d.site.as_deref(),
        }
    }
}

impl DocumentRef {
    /// "郑政办〔2021〕24号" where there is a number, else the short name, else the title.
    pub fn short_name(&self) -> &str {
        self.number.or(self.short).unwrap_or(self.title)
    }
}

/// The value a rule file had where the person supplied their own.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Replaced {
    pub value: String,
    /// A word or yes/no value in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Text>,
    pub status: Status,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Rule,
    User,
    Input,
}

impl Cite {
    /// The note in both languages, where there is one.
    pub fn note_text(&self) -> Option<Text> {
        match (&self.note_zh, &self.note) {
            (Some(zh), Some(en)) => Some(Text::new(*zh, *en)),
            _ => None,
        }
    }

    /// One line: "用人单位费率（其他单位，含生育） = 8% — 济宁…通知 三（二）1 «quote» [统筹文件原文]".
    /// The value as a person reads it: in words where it is a word or a yes/no.
    pub fn shown(&self, lang: Lang) -> &str {
        self.words
            .as_ref()
            .map_or(self.value.as_str(), |w| w.get(lang))
    }

    pub fn render(&self, lang: Lang) -> String {
        let who = match self.origin {
            Origin::User => format!(
                "{} = {}{}",
                self.label.get(lang),
                self.shown(lang),
                lang.pick("（你提供的数据）", " (you supplied it)")
            ),
            _ => format!("{} = {}", self.label.get(lang), self.shown(lang)),
        };
        match &self.source {
            Some(s) => format!(
                "{who} — {} «{}»{}",
                s.citation().get(lang),
                s.quote,
                match self.status {
                    Some(st) => format!(" [{}]", status_words(st, self.carried.as_ref()).get(lang)),
                    None => String::new(),
                }
            ),
            None => who,
        }
    }
}

/// One step of a computation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Step {
    /// Stable name of the figure this step produces, e.g. `employer.basic`.
    pub key: Cow<'static, str>,
    pub label: Text,
    /// The formula with the actual numbers, e.g. "5000.00 × 8% = 400.00".
    pub formula: Text,
    /// The result, as text (money has two decimals).
    pub value: String,
    pub unit: &'static str,
    /// The values the step used and their sources.
    pub cites: Vec<Cite>,
}

/// A value the result rests on that is less than an official published figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Caution {
    pub param: ParamId,
    pub status: Status,
    pub label: Text,
}

/// A figure nobody published that the computation could do without, and what that means.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NotKnown {
    pub param: ParamId,
    pub label: Text,
    pub hint: Text,
    /// What the result does without it.
    pub effect: Text,
    /// Whether a page asks a person for it: `false` for rules a person cannot find out
    /// (whether a top-up goes to the personal account), which the result goes without.
    pub asked: bool,
}

/// How sure a result is, by the least sure figure it rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Every figure is from a seed or another official document.
    #[default]
    Official,
    /// Some figure rests on a secondary source.
    Secondary,
    /// Some figure rests on a low-reliability source or is inferred.
    LowReliabilityOrInferred,
    /// Some figure is carried past its window while the new one is not on file.
    Provisional,
    /// Some figure was supplied by the person.
    UserSupplied,
}

impl Confidence {
    /// A few words, for a badge.
    pub fn label_short(self) -> Text {
        match self {
            Confidence::Official => Text::new("官方数据", "official figures"),
            Confidence::Secondary => Text::new("含二手来源", "secondary sources"),
            Confidence::LowReliabilityOrInferred => Text::new(
                "含推断或低可信度数据",
                "inferred or low-reliability figures",
            ),
            Confidence::Provisional => {
                Text::new("含暂按上期标准的数据", "figures carried provisionally")
            }
            Confidence::UserSupplied => Text::new("含你提供的数据", "uses your figures"),
        }
    }

    pub fn label(self) -> Text {
        match self {
            Confidence::Official => Text::new(
                "所有数据均来自统筹文件或官方文件",
                "every figure is from the pooling document or another official document",
            ),
            Confidence::Secondary => Text::new(
                "部分数据来自二手来源（转载、新闻），未经官方原文核对",
                "some figures are from secondary sources (reprints, news), not checked against the official text",
            ),
            Confidence::LowReliabilityOrInferred => Text::new(
                "部分数据为推断值或来自低可信度来源",
                "some figures are inferred or from low-reliability sources",
            ),
            Confidence::Provisional => Text::new(
                "部分数据暂按上期标准沿用：新标准尚未收录，公布后可能需要补差",
                "some figures are carried from the last period on file: the new ones are not yet on file, and amounts may be settled once they are published",
            ),
            Confidence::UserSupplied => Text::new(
                "部分数据由你提供，结果取决于这些数据",
                "some figures were supplied by you; the result is only as good as they are",
            ),
        }
    }
}

/// One figure a result rests on that is less than official, listed once at the top.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Basis {
    pub param: ParamId,
    pub label: Text,
    pub value: String,
    /// A word or yes/no value in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Text>,
    /// The entry's status (`provisional` where carried); `None` for a figure the person
    /// supplied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
    /// The document's short name and article, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

impl Basis {
    /// How sure the figure is, in words: its grade, and where it is carried, for how long.
    pub fn status_words(&self) -> Text {
        match self.status {
            Some(s) => status_words(s, self.carried.as_ref()),
            None => Text::new("你提供的数据", "supplied by you"),
        }
    }
}

/// A figure's grade in words; a carried one says so after its own grade where that grade is
/// below official ("低可信度来源 · 暂按 2026 年标准…"), so carrying never hides a weak source.
pub fn status_words(status: Status, carried: Option<&Carried>) -> Text {
    match carried {
        Some(c) if c.status.needs_caution() => {
            let own = c.status.label();
            Text::new(
                format!("{} · {}", own.zh, c.words.zh),
                format!("{} · {}", own.en, c.words.en),
            )
        }
        Some(c) => c.words.clone(),
        None => status.label(),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Explanation {
    /// Notices of the rules that bear on the result, shown first.
    pub notices: Vec<NoticeShown>,
    pub steps: Vec<Step>,
    /// Things a person should know about the result (what is not covered, assumptions).
    pub notes: Vec<Text>,
    /// Parameter ids whose values the person supplied.
    pub user_supplied: Vec<ParamId>,
    /// Inferred, secondary or low-reliability values the result rests on.
    pub cautions: Vec<Caution>,
    /// Unpublished figures the result went without.
    pub not_known: Vec<NotKnown>,
    /// How sure the result is, with the figures that make it less than official.
    pub confidence: Confidence,
    pub rests_on: Vec<Basis>,
    /// Conventions of the calculator the result follows (how amounts are rounded), each
    /// stated once.
    pub conventions: Vec<Text>,
}

impl Explanation {
    /// Adds a note once. A note is a sentence on its own line: its English begins with a
    /// capital, however the text was written where it arose.
    pub fn note(&mut self, note: Text) {
        let note = Text::new(note.zh, capitalised(&note.en));
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    pub fn convention(&mut self, text: Text) {
        let text = Text::new(text.zh, capitalised(&text.en));
        if !self.conventions.contains(&text) {
            self.conventions.push(text);
        }
    }

    /// The confidence line: how sure the figures used are, and, where some figure was not
    /// on file or was set aside (official figures only), that the result is incomplete, so
    /// "every figure is official" never sits above a result that lacks one.
    pub fn confidence_line(&self) -> Text {
        let label = self.confidence.label();
        let n = self.not_known.len();
        if n == 0 {
            return label;
        }
        let label = if self.confidence == Confidence::Official {
            Text::new(
                "所用数据均来自统筹文件或官方文件",
                "every figure used is from the pooling document or another official document",
            )
        } else {
            label
        };
        let what = if n == 1 {
            Text::new(
                "1 项数据未收录或未采用，结果不完整（见下）".to_string(),
                "one figure is not on file or not used, so the result is incomplete (see below)"
                    .to_string(),
            )
        } else {
            Text::new(
                format!("{n} 项数据未收录或未采用，结果不完整（见下）"),
                format!("{n} figures are not on file or not used, so the result is incomplete (see below)"),
            )
        };
        Text::new(
            format!("{}；{}", label.zh, what.zh),
            format!("{}; {}", label.en, what.en),
        )
    }
}

/// The text with its first letter in capitals ("the city's figure …" → "The city's …").
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii_lowercase() => f.to_ascii_uppercase().to_string() + c.as_str(),
        _ => s.to_string(),
    }
}
