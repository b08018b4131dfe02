//! The model the computations read: cities, their documents, and every parameter's dated
//! values with status and source. Built from `rules/*.toml` by [`crate::load`] (at build
//! time, then embedded) and never changed afterwards.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::ParamId;
use crate::month::YearMonth;
use crate::text::Text;
use crate::value::Value;

/// How far a value can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Stated in one of the five seed documents.
    Seed,
    /// Stated in an official document other than the seeds.
    Official,
    /// Reported by a dated secondary source (news, a reprint, an official text quoted by a third party).
    Secondary,
    /// Only on unofficial pages or in unsourced tables; shown as such.
    LowReliability,
    /// Derived from found text; the derivation is in the entry's note.
    Inferred,
    /// Never written in a rule file: a figure carried past the end of its source's window
    /// (暂按上年度标准执行) while the new one is not on file. Below every published grade.
    Provisional,
    /// No document sets it; the calculator states its own convention once (rounding).
    Convention,
    /// Nobody published it: the person must supply it.
    Unknown,
}

impl Status {
    /// The statuses a rule file may write (not [`Status::Provisional`], which only a lookup
    /// gives).
    pub const ALL: [Status; 7] = [
        Status::Seed,
        Status::Official,
        Status::Secondary,
        Status::LowReliability,
        Status::Inferred,
        Status::Convention,
        Status::Unknown,
    ];

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Seed => "seed",
            Status::Official => "official",
            Status::Secondary => "secondary",
            Status::LowReliability => "low-reliability",
            Status::Inferred => "inferred",
            Status::Provisional => "provisional",
            Status::Convention => "convention",
            Status::Unknown => "unknown",
        }
    }

    /// Whether a result resting on this value must say so (a figure short of a published
    /// official text).
    pub fn needs_caution(self) -> bool {
        matches!(
            self,
            Status::Secondary | Status::LowReliability | Status::Inferred | Status::Provisional
        )
    }

    /// Stated in a seed or another official document.
    pub fn is_official(self) -> bool {
        matches!(self, Status::Seed | Status::Official)
    }

    pub fn label(self) -> Text {
        match self {
            Status::Seed => Text::new("统筹文件原文", "seed document"),
            Status::Official => Text::new("官方文件", "official document"),
            Status::Secondary => Text::new("二手来源", "secondary source"),
            Status::LowReliability => Text::new("低可信度来源", "low-reliability source"),
            Status::Inferred => Text::new("推断值", "inferred"),
            Status::Provisional => Text::new("暂按上期标准", "carried provisionally"),
            Status::Convention => Text::new("本计算器的约定", "the calculator's convention"),
            Status::Unknown => Text::new("未公布", "unknown"),
        }
    }
}

/// A document a value rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Document {
    pub id: String,
    pub title: String,
    /// A short name for citations, where the title is long and there is no number.
    #[serde(default)]
    pub short: Option<String>,
    /// The document number (文号), where it has one.
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub status: Status,
    /// A note on the document in English ...
    #[serde(default)]
    pub note: Option<String>,
    /// ... and in Chinese.
    #[serde(default)]
    pub note_zh: Option<String>,
    /// Whether the project keeps its full text (`rules/sources/ID.txt`).
    #[serde(default)]
    pub has_text: bool,
    /// The site whose figures file brought it, where one did (not the built-in rules).
    #[serde(default)]
    pub site: Option<String>,
}

impl Document {
    /// "郑政办〔2021〕24号" where there is a number, else the short name, else the title.
    pub fn short_name(&self) -> &str {
        self.number
            .as_deref()
            .or(self.short.as_deref())
            .unwrap_or(&self.title)
    }
}

/// Where in a document a value stands, after the document's name: "郑政办〔2021〕24号 四（四）",
/// or, for a document with no articles, the part of it in brackets ("久松健康…（网页）"),
/// which an English page reads in English. A bracketed part not in the list below stays as
/// written (the validator asks for every one a rule file uses to be listed).
pub fn citation(document: &str, article: &str) -> Text {
    match article
        .strip_prefix('（')
        .and_then(|a| a.strip_suffix('）'))
    {
        Some(part) => {
            let en = PARTS
                .iter()
                .find(|(zh, _)| *zh == part)
                .map_or(part, |(_, en)| en);
            Text::new(
                format!("{document}（{part}）"),
                format!("{document} ({en})"),
            )
        }
        None if article.is_empty() => Text::same(document.to_string()),
        None => Text::same(format!("{document} {article}")),
    }
}

/// The parts of documents without articles that rule files cite, in English.
pub const PARTS: &[(&str, &str)] = &[
    ("网页", "web page"),
    ("通知", "notice"),
    ("通知正文", "text of the notice"),
    ("通知转载", "reprint of the notice"),
    ("新闻发布", "press release"),
    ("新闻报道", "news report"),
    ("问答", "questions and answers"),
    ("申报指南", "filing guide"),
    ("个人账户", "personal accounts"),
    ("待遇等待期", "waiting period"),
    ("待复核的不一致", "inconsistencies to be checked"),
    ("山东 2025", "Shandong, 2025"),
    ("山东 注释", "Shandong, note"),
    ("山东平均工资表", "Shandong average wages"),
    ("河南 注释", "Henan, note"),
    ("河南", "Henan"),
    ("浙江", "Zhejiang"),
    ("温州", "Wenzhou"),
    ("盐城", "Yancheng"),
    ("郑州", "Zhengzhou"),
    ("黄冈", "Huanggang"),
];

/// Where one value comes from: a document (by id), the article and a short quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    pub doc: String,
    /// Article or section, e.g. "三（二）1" or "第十七条".
    pub article: String,
    /// A short quote of the text.
    pub quote: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// One dated value (or dated unknown) of a parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Entry {
    pub from: YearMonth,
    /// Last month in force; `None` while still in force.
    #[serde(default)]
    pub to: Option<YearMonth>,
    /// `None` exactly when the status is `unknown`.
    #[serde(default)]
    pub value: Option<Value>,
    pub status: Status,
    /// Months the value may be carried past `to` while no later value is on file
    /// (暂按上年度标准执行): 0 = never, at most 12; the last window of a series that ends
    /// with a value must say.
    #[serde(default)]
    pub carry: Option<u32>,
    #[serde(default)]
    pub source: Option<Source>,
    /// How the value was read or derived, in English ...
    #[serde(default)]
    pub note: Option<String>,
    /// ... and in Chinese (every note a person can see has both).
    #[serde(default)]
    pub note_zh: Option<String>,
    /// From a site's figures file rather than the built-in rules.
    #[serde(default)]
    pub site: bool,
}

impl Entry {
    pub fn covers(&self, month: YearMonth) -> bool {
        self.from <= month && self.to.is_none_or(|to| month <= to)
    }

    /// The note in both languages, where there is one.
    pub fn note_text(&self) -> Option<Text> {
        match (&self.note_zh, &self.note) {
            (Some(zh), Some(en)) => Some(Text::new(zh.clone(), en.clone())),
            _ => None,
        }
    }
}

/// A caution a rule file attaches to results in its window (a document's term that ended,
/// an unconfirmed report that the rules changed, a law that moved who sets a figure), with
/// its source. Shown once at the top of a result, in every door.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Notice {
    pub id: String,
    pub from: YearMonth,
    #[serde(default)]
    pub to: Option<YearMonth>,
    /// The parameters it bears on: shown with a result that looked up any of them; empty
    /// for every result of the city (or, in `national.toml`, of every city).
    pub bears_on: Vec<ParamId>,
    pub status: Status,
    pub source: Source,
    pub text: Text,
}

impl Notice {
    pub fn covers(&self, month: YearMonth) -> bool {
        self.from <= month && self.to.is_none_or(|to| month <= to)
    }
}

/// A parameter's dated values, in order, without gaps or overlaps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Series {
    pub id: ParamId,
    pub entries: Vec<Entry>,
}

/// What a series holds for a month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum At<'a> {
    /// A window covers the month (its value, or `unknown`).
    InForce(&'a Entry),
    /// The month is past the last window on file, within the months its value may be
    /// carried: the value applies provisionally from `since` (the month after its window).
    Carried { entry: &'a Entry, since: YearMonth },
    /// Past the last window before the month and beyond what may be carried: not yet on
    /// file, so unknown (asked for), never an error about the calendar.
    NotOnFile,
    /// Before the first window: no rule applied yet.
    Before,
}

impl Series {
    /// The window covering the month, if any.
    pub fn at(&self, month: YearMonth) -> Option<&Entry> {
        self.entries.iter().find(|e| e.covers(month))
    }

    /// What applies in a month: a window, the value of the last window before it carried
    /// provisionally, or nothing. (Rule files have no gaps between windows; a site's newer
    /// figure may start after a gap, which the window before it is carried into.)
    pub fn find(&self, month: YearMonth) -> At<'_> {
        if let Some(e) = self.at(month) {
            return At::InForce(e);
        }
        let Some(prev) = self
            .entries
            .iter()
            .rev()
            .find(|e| e.to.is_some_and(|to| to < month))
        else {
            return At::Before;
        };
        let Some(to) = prev.to else {
            return At::NotOnFile;
        };
        let within = to
            .plus(prev.carry.unwrap_or(0) as i32)
            .is_some_and(|end| month <= end);
        match (prev.value.is_some() && within, to.plus(1)) {
            (true, Some(since)) => At::Carried { entry: prev, since },
            _ => At::NotOnFile,
        }
    }

    /// The last window with a value that ended before the month: what was published last,
    /// for a page to show as history once it may no longer be carried.
    pub fn last_before(&self, month: YearMonth) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.value.is_some() && e.to.is_some_and(|to| to < month))
    }

    /// The last month a value applies, carried or not (`None`: open-ended).
    pub fn horizon(&self) -> Option<YearMonth> {
        let last = self.entries.last()?;
        let to = last.to?;
        if last.value.is_some() {
            to.plus(last.carry.unwrap_or(0) as i32)
        } else {
            Some(to)
        }
    }
}

/// A city under city-level pooling, as its rule file describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct City {
    pub id: String,
    pub name: Text,
    pub province: Text,
    /// First month of city-level pooling under the city's document.
    pub pooling_from: YearMonth,
    /// Last month the document is in force, where it says so (黄冈: three years).
    #[serde(default)]
    pub pooling_to: Option<YearMonth>,
    /// Areas of the city the pooling leaves out (郑州: 巩义市).
    pub excluded_areas: Vec<Text>,
    /// The city's pooling document.
    pub document: Document,
    /// A line or two on what the document fixes.
    pub summary: Text,
    pub file: String,
    /// Every document the city's values cite, by id.
    pub documents: BTreeMap<String, Document>,
    pub params: BTreeMap<ParamId, Series>,
    #[serde(default)]
    pub notices: Vec<Notice>,
}

impl City {
    /// The first month of a year under the city's pooling: the month pooling began in its
    /// first year, January after (a resident's benefit year, a fund's year).
    pub fn first_month_of(&self, year: i32) -> Option<YearMonth> {
        if year == self.pooling_from.year() {
            Some(self.pooling_from)
        } else {
            YearMonth::new(year, 1)
        }
    }
}

/// Every rule file, validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rules {
    /// A short content hash of all rule files, so a share link can say which rules made it.
    pub version: String,
    pub national: BTreeMap<ParamId, Series>,
    /// The documents national values cite, by id.
    pub documents: BTreeMap<String, Document>,
    /// Notices that apply in every city.
    #[serde(default)]
    pub notices: Vec<Notice>,
    pub cities: Vec<City>,
}

impl Rules {
    /// A city by its id (`jining`) or Chinese name (`济宁`, `济宁市`).
    pub fn city(&self, id: &str) -> Option<&City> {
        let id = id.trim();
        self.cities.iter().find(|c| {
            c.id.eq_ignore_ascii_case(id)
                || c.name.zh == id
                || c.name.zh.trim_end_matches('市') == id
        })
    }

    /// The document a source cites: the city's own, else a national one.
    pub fn document<'a>(&'a self, city: Option<&'a City>, id: &str) -> Option<&'a Document> {
        city.and_then(|c| c.documents.get(id))
            .or_else(|| self.documents.get(id))
    }
}

/// A defect in a rules file: which file, which key, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleIssue {
    pub file: String,
    pub key: String,
    pub reason: Text,
}

/// FNV-1a, 64 bits: a stable content hash without a dependency (the rules version).
pub fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
