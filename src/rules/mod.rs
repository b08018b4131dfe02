//! The rule files in `rules/`: their format, their validation, and the model the
//! computations read. Files are embedded at compile time (see `build.rs`) and validated
//! once, before any computation; an invalid file stops everything with an error naming the
//! file, the key and the reason.

#[cfg(feature = "cli")]
pub mod convert;
mod load;
mod records;
pub mod value;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

pub use load::load;
#[cfg(feature = "cli")]
pub use load::load_toml;
pub use value::{Ratio, Value};

use crate::error::Error;
use crate::month::YearMonth;
use crate::params::ParamDef;
use crate::text::Text;

/// How far a value can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Stated in one of the five seed documents.
    Seed,
    /// Stated in an official document other than the seeds.
    Official,
    /// Reported by a dated secondary source (news, a reprint of a draft).
    Secondary,
    /// Only on unofficial pages; shown as such.
    LowReliability,
    /// Derived from found text; the derivation is in the entry's note.
    Inferred,
    /// Nobody published it: the person must supply it.
    Unknown,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "seed" => Status::Seed,
            "official" => Status::Official,
            "secondary" => Status::Secondary,
            "low-reliability" => Status::LowReliability,
            "inferred" => Status::Inferred,
            "unknown" => Status::Unknown,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Seed => "seed",
            Status::Official => "official",
            Status::Secondary => "secondary",
            Status::LowReliability => "low-reliability",
            Status::Inferred => "inferred",
            Status::Unknown => "unknown",
        }
    }

    /// Whether a result resting on this value must say so (everything short of a published
    /// official text).
    pub fn needs_caution(self) -> bool {
        matches!(
            self,
            Status::Secondary | Status::LowReliability | Status::Inferred
        )
    }

    pub fn label(self) -> Text {
        match self {
            Status::Seed => Text::new("统筹文件原文", "seed document"),
            Status::Official => Text::new("官方文件", "official document"),
            Status::Secondary => Text::new("二手来源", "secondary source"),
            Status::LowReliability => Text::new("低可信度来源", "low-reliability source"),
            Status::Inferred => Text::new("推断值", "inferred"),
            Status::Unknown => Text::new("未公布", "unknown"),
        }
    }
}

/// A document a value rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// A short name for citations, where the title is long and there is no number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// The document number (文号), where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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

/// Where one value comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub document: Document,
    /// Article or section, e.g. "三（二）1" or "第十七条".
    pub article: String,
    /// A short quote of the text.
    pub quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One dated value (or dated unknown) of a parameter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub from: YearMonth,
    /// Last month in force; `None` while still in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<YearMonth>,
    /// `None` exactly when the status is `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Entry {
    pub fn covers(&self, month: YearMonth) -> bool {
        self.from <= month && self.to.is_none_or(|to| month <= to)
    }
}

/// A parameter's dated values, in order, without gaps or overlaps.
#[derive(Clone, Debug, Serialize)]
pub struct Series {
    #[serde(skip)]
    pub def: &'static ParamDef,
    pub id: &'static str,
    pub entries: Vec<Entry>,
}

impl Series {
    pub fn at(&self, month: YearMonth) -> Option<&Entry> {
        self.entries.iter().find(|e| e.covers(month))
    }
}

/// A city under city-level pooling, as its rule file describes it.
#[derive(Clone, Debug, Serialize)]
pub struct City {
    pub id: String,
    pub name: Text,
    pub province: Text,
    /// First month of city-level pooling under the city's document.
    pub pooling_from: YearMonth,
    /// Last month the document is in force, where it says so (黄冈: three years).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooling_to: Option<YearMonth>,
    /// Areas of the city the pooling leaves out (郑州: 巩义市).
    pub excluded_areas: Vec<Text>,
    /// The city's pooling document.
    pub document: Document,
    /// A line or two on what the document fixes.
    pub summary: Text,
    pub file: String,
    pub params: BTreeMap<&'static str, Series>,
}

/// Every rule file, validated.
#[derive(Clone, Debug, Serialize)]
pub struct Rules {
    /// A short content hash of all rule files, so a share link can say which rules made it.
    pub version: String,
    pub national: BTreeMap<&'static str, Series>,
    pub cities: Vec<City>,
}

impl Rules {
    pub fn city(&self, id: &str) -> Option<&City> {
        let id = id.trim();
        self.cities.iter().find(|c| {
            c.id.eq_ignore_ascii_case(id)
                || c.name.zh == id
                || c.name.zh.trim_end_matches('市') == id
        })
    }
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/rules_embedded.rs"));
}

/// The rule files compiled into this build: `(file name, the file in record form)`.
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    embedded::FILES
}

/// The embedded rules, validated once. Every computation goes through this, so invalid
/// rules stop every computation with the same clear error.
pub fn rules() -> Result<&'static Rules, Error> {
    static RULES: OnceLock<Result<Rules, Error>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            load(embedded_files())
                // The version of the full rule files, the same in every build.
                .map(|mut r| {
                    r.version = embedded::VERSION.to_string();
                    r
                })
                .map_err(|issues| Error::Rules { issues })
        })
        .as_ref()
        .map_err(Clone::clone)
}
