//! Reading a rule file's TOML into its fields. Every unknown key and every missing
//! required key is reported with where it is; what could be read is still returned.

use std::collections::BTreeMap;

/// A problem at a key: `(key, reason in Chinese, reason in English)`.
pub type Problem = (String, String, String);

/// A value as a rule file wrote it, before it is read for its unit.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    Str(String),
    Int(i64),
    /// A TOML float, refused: it would lose exactness.
    Float(String),
    Bool(bool),
    List(Vec<String>),
    Other,
}

impl Written {
    pub(crate) fn of(v: &toml::Value) -> Written {
        match v {
            toml::Value::String(s) => Written::Str(s.clone()),
            toml::Value::Integer(i) => Written::Int(*i),
            toml::Value::Float(f) => Written::Float(f.to_string()),
            toml::Value::Boolean(b) => Written::Bool(*b),
            toml::Value::Array(a) => a
                .iter()
                .map(|x| x.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .map_or(Written::Other, Written::List),
            _ => Written::Other,
        }
    }

    fn text(&self) -> Option<String> {
        match self {
            Written::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct RawFile {
    pub format: Option<Written>,
    pub city: Option<RawCity>,
    pub documents: BTreeMap<String, RawDocument>,
    pub param: BTreeMap<String, Vec<RawEntry>>,
    pub notices: Vec<RawNotice>,
}

/// A `[[notice]]`: a caution with its source, shown with results in its window.
#[derive(Default)]
pub struct RawNotice {
    pub id: String,
    pub from: String,
    pub to: Option<String>,
    pub bears_on: Vec<String>,
    pub status: String,
    pub doc: Option<String>,
    pub article: Option<String>,
    pub quote: Option<String>,
    pub url: Option<String>,
    pub text_zh: String,
    pub text_en: String,
}

#[derive(Default)]
pub struct RawCity {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub province_zh: String,
    pub province_en: String,
    pub pooling_from: String,
    pub pooling_to: Option<String>,
    pub excluded_areas_zh: Vec<String>,
    pub excluded_areas_en: Vec<String>,
    pub document: String,
    pub summary_zh: String,
    pub summary_en: String,
}

#[derive(Default)]
pub struct RawDocument {
    pub title: String,
    pub short: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub status: String,
    pub note: Option<String>,
    pub note_zh: Option<String>,
}

#[derive(Default)]
pub struct RawEntry {
    pub from: String,
    pub to: Option<String>,
    pub value: Option<Written>,
    pub status: String,
    pub doc: Option<String>,
    pub article: Option<String>,
    pub quote: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
    pub note_zh: Option<String>,
    pub carry: Option<Written>,
}

pub(crate) fn unknown(problems: &mut Vec<Problem>, key: String) {
    problems.push((
        key.clone(),
        format!("未知的字段：`{key}`"),
        format!("unknown field: `{key}`"),
    ));
}

fn missing(problems: &mut Vec<Problem>, key: String) {
    problems.push((
        key,
        "缺少必填字段".into(),
        "a required field is missing".into(),
    ));
}

/// Parses and reads one file. `Err` is the TOML parser's message.
pub fn read(text: &str) -> Result<(RawFile, Vec<Problem>), String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut file = RawFile::default();
    let mut problems = Vec::new();
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("format", v) => file.format = Some(Written::of(v)),
            ("city", toml::Value::Table(t)) => file.city = Some(city(t, &mut problems)),
            ("documents", toml::Value::Table(t)) => {
                for (id, d) in t {
                    match d {
                        toml::Value::Table(d) => {
                            file.documents
                                .insert(id.clone(), document(id, d, &mut problems));
                        }
                        _ => unknown(&mut problems, format!("documents.{id}")),
                    }
                }
            }
            ("param", toml::Value::Table(t)) => {
                for (id, blocks) in t {
                    file.param
                        .insert(id.clone(), entries(id, blocks, &mut problems));
                }
            }
            ("notice", toml::Value::Array(blocks)) => {
                for (index, block) in blocks.iter().enumerate() {
                    match block.as_table() {
                        Some(t) => file.notices.push(notice(index, t, &mut problems)),
                        None => unknown(&mut problems, format!("notice[{index}]")),
                    }
                }
            }
            (other, _) => unknown(&mut problems, other.to_string()),
        }
    }
    Ok((file, problems))
}

fn city(t: &toml::Table, problems: &mut Vec<Problem>) -> RawCity {
    let mut c = RawCity::default();
    let list = |v: &toml::Value| match Written::of(v) {
        Written::List(l) => l,
        _ => Vec::new(),
    };
    for (key, v) in t {
        let s = Written::of(v).text().unwrap_or_default();
        match key.as_str() {
            "id" => c.id = s,
            "name_zh" => c.name_zh = s,
            "name_en" => c.name_en = s,
            "province_zh" => c.province_zh = s,
            "province_en" => c.province_en = s,
            "pooling_from" => c.pooling_from = s,
            "pooling_to" => c.pooling_to = Some(s),
            "document" => c.document = s,
            "summary_zh" => c.summary_zh = s,
            "summary_en" => c.summary_en = s,
            "excluded_areas_zh" => c.excluded_areas_zh = list(v),
            "excluded_areas_en" => c.excluded_areas_en = list(v),
            _ => unknown(problems, format!("city.{key}")),
        }
    }
    for key in [
        "id",
        "name_zh",
        "name_en",
        "province_zh",
        "province_en",
        "pooling_from",
        "document",
        "summary_zh",
        "summary_en",
    ] {
        if !t.contains_key(key) {
            missing(problems, format!("city.{key}"));
        }
    }
    c
}

pub(crate) fn document(id: &str, t: &toml::Table, problems: &mut Vec<Problem>) -> RawDocument {
    let mut d = RawDocument::default();
    for (key, v) in t {
        let s = Written::of(v).text().unwrap_or_default();
        match key.as_str() {
            "title" => d.title = s,
            "short" => d.short = Some(s),
            "number" => d.number = Some(s),
            "issuer" => d.issuer = Some(s),
            "date" => d.date = Some(s),
            "url" => d.url = Some(s),
            "status" => d.status = s,
            "note" => d.note = Some(s),
            "note_zh" => d.note_zh = Some(s),
            _ => unknown(problems, format!("documents.{id}.{key}")),
        }
    }
    d
}

pub(crate) fn entries(
    id: &str,
    blocks: &toml::Value,
    problems: &mut Vec<Problem>,
) -> Vec<RawEntry> {
    let toml::Value::Array(blocks) = blocks else {
        problems.push((
            format!("param.\"{id}\""),
            format!("应写成 [[param.\"{id}\"]] 块"),
            format!("write it as [[param.\"{id}\"]] blocks"),
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Some(t) = block.as_table() else {
            unknown(problems, format!("param.\"{id}\"[{index}]"));
            continue;
        };
        out.push(raw_entry(
            t,
            &format!("param.\"{id}\"[{index}]"),
            &[],
            problems,
        ));
    }
    out
}

fn notice(index: usize, t: &toml::Table, problems: &mut Vec<Problem>) -> RawNotice {
    let mut n = RawNotice::default();
    for (key, v) in t {
        let w = Written::of(v);
        let s = w.text();
        match key.as_str() {
            "id" => n.id = s.unwrap_or_default(),
            "from" => n.from = s.unwrap_or_default(),
            "to" => n.to = s,
            "bears_on" => match w {
                Written::List(l) => n.bears_on = l,
                _ => problems.push((
                    format!("notice[{index}].bears_on"),
                    "应为参数编号的列表".into(),
                    "expected a list of parameter ids".into(),
                )),
            },
            "status" => n.status = s.unwrap_or_default(),
            "doc" => n.doc = s,
            "article" => n.article = s,
            "quote" => n.quote = s,
            "url" => n.url = s,
            "text_zh" => n.text_zh = s.unwrap_or_default(),
            "text_en" => n.text_en = s.unwrap_or_default(),
            _ => unknown(problems, format!("notice[{index}].{key}")),
        }
    }
    for key in [
        "id", "from", "status", "doc", "article", "quote", "text_zh", "text_en",
    ] {
        if !t.contains_key(key) {
            missing(problems, format!("notice[{index}].{key}"));
        }
    }
    n
}

/// One dated value's fields; `extra` keys belong to the caller (a figures file's `city`).
pub(crate) fn raw_entry(
    t: &toml::Table,
    key: &str,
    extra: &[&str],
    problems: &mut Vec<Problem>,
) -> RawEntry {
    let mut e = RawEntry::default();
    for (k, v) in t {
        let w = Written::of(v);
        let s = w.text();
        match k.as_str() {
            "value" => e.value = Some(w),
            "from" => e.from = s.unwrap_or_default(),
            "to" => e.to = s,
            "status" => e.status = s.unwrap_or_default(),
            "doc" => e.doc = s,
            "article" => e.article = s,
            "quote" => e.quote = s,
            "url" => e.url = s,
            "note" => e.note = s,
            "note_zh" => e.note_zh = s,
            "carry" => e.carry = Some(w),
            other if extra.contains(&other) => {}
            _ => unknown(problems, format!("{key}.{k}")),
        }
    }
    e
}
