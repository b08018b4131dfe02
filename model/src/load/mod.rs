//! Reading and checking rule files written in TOML. Every defect becomes a [`RuleIssue`]
//! naming the file, the key and the reason; all of them are reported, not just the first.
//! The build script runs this on `rules/*.toml` and fails the build on any issue, so the
//! program only ever embeds valid rules; `yibao rules check --dir` runs it on files on disk.

mod check;
mod figures;
mod read;

pub use figures::figures;

use std::borrow::Cow;
use std::collections::BTreeMap;

use self::read::{RawCity, RawDocument, Written};
use crate::catalogue::{Scope, CATALOGUE};
use crate::month::YearMonth;
use crate::rules::{fnv1a, City, Document, RuleIssue, Rules, Status};
use crate::text::Text;

/// The format version this build reads. Version 2: every note has `note` (English) and
/// `note_zh`; sources name their document by id.
pub const FORMAT: i64 = 2;

pub(crate) struct Issues<'a> {
    file: &'a str,
    list: &'a mut Vec<RuleIssue>,
}

impl Issues<'_> {
    pub(crate) fn push(
        &mut self,
        key: impl Into<String>,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) {
        self.list.push(RuleIssue {
            file: self.file.to_string(),
            key: key.into(),
            reason: Text::new(zh, en),
        });
    }

    pub(crate) fn count(&self) -> usize {
        self.list.len()
    }
}

pub(crate) fn month(issues: &mut Issues, key: &str, text: &str) -> Option<YearMonth> {
    let parsed = text.parse::<YearMonth>().ok();
    if parsed.is_none() {
        issues.push(
            key,
            format!("不是年月（YYYY-MM）：`{text}`"),
            format!("not a month (YYYY-MM): `{text}`"),
        );
    }
    parsed
}

/// Both languages of a note, or an issue where only one is given.
pub(crate) fn note_pair(issues: &mut Issues, key: &str, en: &Option<String>, zh: &Option<String>) {
    match (en, zh) {
        (Some(_), None) => issues.push(
            format!("{key}.note_zh"),
            "说明须有中文（note_zh）和英文（note）两种语言",
            "a note needs both languages: note (English) and note_zh",
        ),
        (None, Some(_)) => issues.push(
            format!("{key}.note"),
            "说明须有中文（note_zh）和英文（note）两种语言",
            "a note needs both languages: note (English) and note_zh",
        ),
        _ => {}
    }
}

/// Reads and checks a set of rule files (`(file name, TOML text)`), which must hold
/// exactly one `national.toml` and any number of city files.
pub fn load(files: &[(&str, &str)]) -> Result<Rules, Vec<RuleIssue>> {
    let mut list = Vec::new();
    let mut national = None;
    let mut cities: Vec<City> = Vec::new();
    for (name, text) in files {
        let mut issues = Issues {
            file: name,
            list: &mut list,
        };
        if let Some(loaded) = file(&mut issues, name, text) {
            match loaded {
                Loaded::National(params, docs, notices) => {
                    if national.replace((params, docs, notices)).is_some() {
                        issues.push(
                            "(file)",
                            "national.toml 出现两次",
                            "national.toml appears twice",
                        );
                    }
                }
                Loaded::City(city) => {
                    if cities.iter().any(|c| c.id == city.id) {
                        issues.push(
                            "city.id",
                            format!("城市编号重复：{}", city.id),
                            format!("city id used twice: {}", city.id),
                        );
                    }
                    cities.push(*city);
                }
            }
        }
    }
    let Some((national, documents, notices)) = national else {
        list.push(RuleIssue {
            file: "national.toml".into(),
            key: "(file)".into(),
            reason: Text::new(
                "缺少全国规则文件 national.toml",
                "the national rules file national.toml is missing",
            ),
        });
        return Err(list);
    };
    if !list.is_empty() {
        return Err(list);
    }
    let hash = fnv1a(files.iter().flat_map(|(n, t)| n.bytes().chain(t.bytes())));
    Ok(Rules {
        version: format!("{:08x}", hash >> 32),
        national,
        documents,
        notices,
        cities,
    })
}

enum Loaded {
    National(
        BTreeMap<crate::ParamId, crate::rules::Series>,
        BTreeMap<String, Document>,
        Vec<crate::rules::Notice>,
    ),
    City(Box<City>),
}

fn file(issues: &mut Issues, name: &str, text: &str) -> Option<Loaded> {
    let (raw, problems) = match read::read(text) {
        Ok(r) => r,
        Err(msg) => {
            issues.push(
                "(syntax)",
                format!("不是有效的 TOML：{msg}"),
                format!("not valid TOML: {msg}"),
            );
            return None;
        }
    };
    for (key, zh, en) in problems {
        issues.push(key, zh, en);
    }
    if raw.format != Some(Written::Int(FORMAT)) {
        issues.push(
            "format",
            format!("本版本只读取 format = {FORMAT}"),
            format!("this build reads format = {FORMAT} only"),
        );
        return None;
    }
    let documents = documents(issues, &raw.documents);
    let is_national = name == "national.toml";
    match (&raw.city, is_national) {
        (Some(_), true) => {
            issues.push(
                "city",
                "national.toml 不应有 [city]",
                "national.toml must not have a [city] table",
            );
            None
        }
        (None, false) => {
            issues.push(
                "city",
                "城市文件缺少 [city] 表",
                "a city file needs a [city] table",
            );
            None
        }
        (None, true) => {
            let params = check::param_table(issues, Scope::National, None, &raw.param, &documents);
            let notices = check::notices(issues, &raw.notices, &documents);
            Some(Loaded::National(params, documents, notices))
        }
        (Some(c), false) => {
            let mut city = city_header(issues, name, c, &documents)?;
            let window = Some((city.pooling_from, city.pooling_to));
            let params = check::param_table(issues, Scope::City, window, &raw.param, &documents);
            check::cross_checks(issues, &params);
            let notices = check::notices(issues, &raw.notices, &documents);
            term_notice(issues, &city, &notices);
            city.params = params;
            city.notices = notices;
            city.documents = documents;
            Some(Loaded::City(Box::new(city)))
        }
    }
}

pub(crate) fn documents(
    issues: &mut Issues,
    raw: &BTreeMap<String, RawDocument>,
) -> BTreeMap<String, Document> {
    let mut out = BTreeMap::new();
    for (id, d) in raw {
        let key = format!("documents.{id}");
        if d.title.trim().is_empty() {
            issues.push(&key, "文件标题不能为空", "a document needs a title");
        }
        note_pair(issues, &key, &d.note, &d.note_zh);
        let Some(status) = Status::parse(&d.status).filter(|s| *s != Status::Unknown) else {
            issues.push(
                format!("{key}.status"),
                format!("未知的可信度：`{}`", d.status),
                format!(
                    "`{}` is not a status (seed, official, secondary, low-reliability, inferred, convention)",
                    d.status
                ),
            );
            continue;
        };
        let nonempty = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
        out.insert(
            id.clone(),
            Document {
                id: id.clone(),
                title: d.title.clone(),
                short: nonempty(&d.short),
                number: nonempty(&d.number),
                issuer: d.issuer.clone(),
                date: d.date.clone(),
                url: nonempty(&d.url),
                status,
                note: d.note.clone(),
                note_zh: d.note_zh.clone(),
                has_text: false,
                site: None,
            },
        );
    }
    out
}

fn city_header(
    issues: &mut Issues,
    file: &str,
    c: &RawCity,
    documents: &BTreeMap<String, Document>,
) -> Option<City> {
    let stem = file.trim_end_matches(".toml");
    if c.id != stem || c.id.is_empty() || !c.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    {
        issues.push(
            "city.id",
            format!("城市编号应与文件名相同且为小写字母：`{}`", c.id),
            format!(
                "the city id must be the file name in lower-case letters: `{}`",
                c.id
            ),
        );
    }
    let from = month(issues, "city.pooling_from", &c.pooling_from);
    let to = c
        .pooling_to
        .as_deref()
        .and_then(|t| month(issues, "city.pooling_to", t));
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            issues.push("city.pooling_to", "结束早于开始", "ends before it starts");
        }
    }
    if c.excluded_areas_zh.len() != c.excluded_areas_en.len() {
        issues.push(
            "city.excluded_areas_en",
            "中英文排除地区数目不一致",
            "excluded_areas_zh and _en differ in length",
        );
    }
    let document = documents.get(&c.document).cloned();
    if document.is_none() {
        issues.push(
            "city.document",
            format!("未在 [documents] 中找到：`{}`", c.document),
            format!("not in [documents]: `{}`", c.document),
        );
    }
    Some(City {
        id: c.id.clone(),
        name: Text::new(c.name_zh.clone(), c.name_en.clone()),
        province: Text::new(c.province_zh.clone(), c.province_en.clone()),
        pooling_from: from?,
        pooling_to: to,
        excluded_areas: c
            .excluded_areas_zh
            .iter()
            .zip(&c.excluded_areas_en)
            .map(|(z, e)| Text::new(z.clone(), e.clone()))
            .collect(),
        document: document?,
        summary: Text::new(c.summary_zh.clone(), c.summary_en.clone()),
        file: file.to_string(),
        documents: BTreeMap::new(),
        params: BTreeMap::new(),
        notices: Vec::new(),
    })
}

/// A document whose term ends keeps its rules provisionally after it, and says so: a city
/// with `pooling_to` needs a notice for every result from the month after it.
fn term_notice(issues: &mut Issues, city: &City, notices: &[crate::rules::Notice]) {
    let Some(after) = city.pooling_to.and_then(|t| t.plus(1)) else {
        return;
    };
    if !notices
        .iter()
        .any(|n| n.from == after && n.bears_on.is_empty())
    {
        issues.push(
            "notice",
            format!("统筹文件有效期至 {}：须有自 {after} 起、适用于全部结果的提示（[[notice]]，bears_on = []），说明其后暂按原规定计算", after.plus(-1).map(|m| m.to_string()).unwrap_or_default()),
            format!("the document's term ends before {after}: a [[notice]] from {after} with bears_on = [] must say its rules are carried provisionally after it"),
        );
    }
}

/// Every city parameter a city file must list.
pub(crate) fn city_parameters() -> impl Iterator<Item = crate::ParamId> {
    CATALOGUE
        .iter()
        .filter(|d| d.scope == Scope::City)
        .map(|d| d.id)
}
