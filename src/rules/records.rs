//! Reading the embedded record form (see `convert.rs`) into the rule file's fields. Every
//! unknown key and every missing required key is reported with where it is.

use std::collections::BTreeMap;

use super::value::Written;

#[derive(Default)]
pub struct RawFile {
    pub format: Option<Written>,
    pub city: Option<RawCity>,
    pub documents: BTreeMap<String, RawDocument>,
    pub param: BTreeMap<String, Vec<RawEntry>>,
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
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn written(tagged: &str) -> Written {
    let mut chars = tagged.chars();
    let tag = chars.next();
    let rest = chars.as_str();
    match tag {
        Some('s') => Written::Str(rest.to_string()),
        Some('i') => rest.parse().map_or(Written::Other, Written::Int),
        Some('f') => Written::Float(rest.to_string()),
        Some('b') => Written::Bool(rest == "true"),
        Some('a') if rest.is_empty() => Written::List(Vec::new()),
        Some('a') => Written::List(rest.split('\u{1f}').map(str::to_string).collect()),
        _ => Written::Other,
    }
}

/// A problem at a key: `(key, reason in Chinese, reason in English)`.
pub type Problem = (String, String, String);

/// Reads a file's records. Problems are collected, not fatal: what could be read is returned.
pub fn read(text: &str) -> (RawFile, Vec<Problem>) {
    let mut file = RawFile::default();
    let mut problems: Vec<Problem> = Vec::new();
    let mut seen: BTreeMap<String, ()> = BTreeMap::new();
    let unknown = |problems: &mut Vec<Problem>, key: String| {
        problems.push((
            key.clone(),
            format!("未知的字段：`{key}`"),
            format!("unknown field: `{key}`"),
        ));
    };
    for line in text.lines().filter(|l| !l.is_empty()) {
        let f: Vec<String> = line.split('\t').map(unescape).collect();
        let get = |i: usize| f.get(i).map_or("", String::as_str);
        // `key=value` fields from position `from` on.
        let pairs = |from: usize| {
            f.iter()
                .skip(from)
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_string(), written(v)))
                .collect::<Vec<_>>()
        };
        match get(0) {
            "format" => file.format = Some(written(get(1))),
            "city" => {
                let c = file.city.get_or_insert_with(RawCity::default);
                for (key, v) in pairs(1) {
                    seen.insert(format!("city.{key}"), ());
                    let (s, list) = match v {
                        Written::Str(s) => (Some(s), None),
                        Written::List(l) => (None, Some(l)),
                        _ => (None, None),
                    };
                    let slot: Option<&mut String> = match key.as_str() {
                        "id" => Some(&mut c.id),
                        "name_zh" => Some(&mut c.name_zh),
                        "name_en" => Some(&mut c.name_en),
                        "province_zh" => Some(&mut c.province_zh),
                        "province_en" => Some(&mut c.province_en),
                        "pooling_from" => Some(&mut c.pooling_from),
                        "document" => Some(&mut c.document),
                        "summary_zh" => Some(&mut c.summary_zh),
                        "summary_en" => Some(&mut c.summary_en),
                        _ => None,
                    };
                    match (key.as_str(), slot) {
                        (_, Some(slot)) => *slot = s.unwrap_or_default(),
                        ("pooling_to", None) => c.pooling_to = s,
                        ("excluded_areas_zh", None) => {
                            c.excluded_areas_zh = list.unwrap_or_default()
                        }
                        ("excluded_areas_en", None) => {
                            c.excluded_areas_en = list.unwrap_or_default()
                        }
                        _ => unknown(&mut problems, format!("city.{key}")),
                    }
                }
            }
            "doc" => {
                let id = get(1).to_string();
                let d = file.documents.entry(id.clone()).or_default();
                for (key, v) in pairs(2) {
                    let s = match v {
                        Written::Str(s) => s,
                        _ => String::new(),
                    };
                    match key.as_str() {
                        "title" => d.title = s,
                        "short" => d.short = Some(s),
                        "number" => d.number = Some(s),
                        "issuer" => d.issuer = Some(s),
                        "date" => d.date = Some(s),
                        "url" => d.url = Some(s),
                        "status" => d.status = s,
                        "note" => d.note = Some(s),
                        _ => unknown(&mut problems, format!("documents.{id}.{key}")),
                    }
                }
            }
            "param" => {
                let id = get(1).to_string();
                let entries = file.param.entry(id.clone()).or_default();
                let index = entries.len();
                let mut e = RawEntry::default();
                for (key, v) in pairs(2) {
                    let s = match &v {
                        Written::Str(s) => Some(s.clone()),
                        _ => None,
                    };
                    match key.as_str() {
                        "value" => e.value = Some(v),
                        "from" => e.from = s.unwrap_or_default(),
                        "to" => e.to = s,
                        "status" => e.status = s.unwrap_or_default(),
                        "doc" => e.doc = s,
                        "article" => e.article = s,
                        "quote" => e.quote = s,
                        "url" => e.url = s,
                        "note" => e.note = s,
                        _ => unknown(&mut problems, format!("param.\"{id}\"[{index}].{key}")),
                    }
                }
                entries.push(e);
            }
            "top" => unknown(&mut problems, get(1).to_string()),
            other => unknown(&mut problems, other.to_string()),
        }
    }
    if file.city.is_some() {
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
            if !seen.contains_key(&format!("city.{key}")) {
                problems.push((
                    format!("city.{key}"),
                    "缺少必填字段".into(),
                    "a required field is missing".into(),
                ));
            }
        }
    }
    (file, problems)
}
