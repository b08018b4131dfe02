//! Reading and checking rule files. Every defect becomes a [`RuleIssue`] naming the file,
//! the key and the reason; all of them are reported, not just the first.

use std::collections::BTreeMap;

use super::records::{self, RawCity, RawDocument, RawEntry};
use super::value::{parse_written, Value, Written};
use super::{City, Document, Entry, Rules, Series, Source, Status};
use crate::error::RuleIssue;
use crate::month::YearMonth;
use crate::params::{self, Scope, CATALOGUE};
use crate::text::Text;

/// The format version this build reads.
pub const FORMAT: i64 = 1;

struct Issues<'a> {
    file: &'a str,
    list: &'a mut Vec<RuleIssue>,
}

impl Issues<'_> {
    fn push(&mut self, key: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) {
        self.list.push(RuleIssue {
            file: self.file.to_string(),
            key: key.into(),
            reason: Text::new(zh, en),
        });
    }
}

fn month(issues: &mut Issues, key: &str, text: &str) -> Option<YearMonth> {
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

/// FNV-1a, 64 bits: a stable content hash without a dependency.
fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Reads and checks rule files written in TOML (`(file name, text)`), as on disk.
#[cfg(feature = "cli")]
pub fn load_toml(files: &[(&str, &str)]) -> Result<Rules, Vec<RuleIssue>> {
    let mut converted = Vec::new();
    let mut issues = Vec::new();
    for (name, text) in files {
        match super::convert::toml_to_records(text) {
            Ok(j) => converted.push((name.to_string(), j)),
            Err(msg) => issues.push(RuleIssue {
                file: name.to_string(),
                key: "(syntax)".into(),
                reason: Text::new(
                    format!("不是有效的 TOML：{msg}"),
                    format!("not valid TOML: {msg}"),
                ),
            }),
        }
    }
    let refs: Vec<(&str, &str)> = converted
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    match load(&refs) {
        Ok(rules) if issues.is_empty() => Ok(rules),
        Ok(_) => Err(issues),
        Err(more) => {
            issues.extend(more);
            Err(issues)
        }
    }
}

/// Reads and checks a set of rule files in their embedded record form (`(file name, records)`),
/// which must hold exactly one `national.toml` and any number of city files.
pub fn load(files: &[(&str, &str)]) -> Result<Rules, Vec<RuleIssue>> {
    let mut list = Vec::new();
    let mut national = None;
    let mut cities: Vec<City> = Vec::new();
    for (name, text) in files {
        let mut issues = Issues {
            file: name,
            list: &mut list,
        };
        let (raw, problems) = records::read(text);
        for (key, zh, en) in problems {
            issues.push(key, zh, en);
        }
        if raw.format != Some(Written::Int(FORMAT)) {
            issues.push(
                "format",
                format!("本版本只读取 format = {FORMAT}"),
                format!("this build reads format = {FORMAT} only"),
            );
            continue;
        }
        let documents = documents(&mut issues, &raw.documents);
        let is_national = *name == "national.toml";
        let city = match (&raw.city, is_national) {
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
                continue;
            }
            (Some(c), false) => city_header(&mut issues, name, c, &documents),
            (None, true) => None,
        };
        let scope = if is_national {
            Scope::National
        } else {
            Scope::City
        };
        let window = city.as_ref().map(|c| (c.pooling_from, c.pooling_to));
        let params = param_table(&mut issues, scope, window, &raw.param, &documents);
        if is_national {
            if national.replace(params).is_some() {
                issues.push(
                    "(file)",
                    "national.toml 出现两次",
                    "national.toml appears twice",
                );
            }
        } else if let Some(mut city) = city {
            cross_checks(&mut issues, &params);
            city.params = params;
            if cities.iter().any(|c| c.id == city.id) {
                issues.push(
                    "city.id",
                    format!("城市编号重复：{}", city.id),
                    format!("city id used twice: {}", city.id),
                );
            }
            cities.push(city);
        }
    }
    let Some(national) = national else {
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
        cities,
    })
}

fn documents(
    issues: &mut Issues,
    raw: &BTreeMap<String, RawDocument>,
) -> BTreeMap<String, Document> {
    let mut out = BTreeMap::new();
    for (id, d) in raw {
        let key = format!("documents.{id}");
        if d.title.trim().is_empty() {
            issues.push(&key, "文件标题不能为空", "a document needs a title");
        }
        let Some(status) = Status::parse(&d.status).filter(|s| *s != Status::Unknown) else {
            issues.push(
                format!("{key}.status"),
                format!("未知的可信度：`{}`", d.status),
                format!(
                    "`{}` is not a status (seed, official, secondary, low-reliability, inferred)",
                    d.status
                ),
            );
            continue;
        };
        out.insert(
            id.clone(),
            Document {
                id: id.clone(),
                title: d.title.clone(),
                short: d.short.clone().filter(|s| !s.is_empty()),
                number: d.number.clone().filter(|s| !s.is_empty()),
                issuer: d.issuer.clone(),
                date: d.date.clone(),
                url: d.url.clone().filter(|s| !s.is_empty()),
                status,
                note: d.note.clone(),
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
        name: Text::new(&c.name_zh, &c.name_en),
        province: Text::new(&c.province_zh, &c.province_en),
        pooling_from: from?,
        pooling_to: to,
        excluded_areas: c
            .excluded_areas_zh
            .iter()
            .zip(&c.excluded_areas_en)
            .map(|(z, e)| Text::new(z, e))
            .collect(),
        document: document?,
        summary: Text::new(&c.summary_zh, &c.summary_en),
        file: file.to_string(),
        params: BTreeMap::new(),
    })
}

fn param_table(
    issues: &mut Issues,
    scope: Scope,
    window: Option<(YearMonth, Option<YearMonth>)>,
    raw: &BTreeMap<String, Vec<RawEntry>>,
    documents: &BTreeMap<String, Document>,
) -> BTreeMap<&'static str, Series> {
    let mut out = BTreeMap::new();
    for (id, entries) in raw {
        let key = format!("param.\"{id}\"");
        let Some(def) = params::find(id) else {
            issues.push(
                &key,
                format!("未知的参数编号：`{id}`"),
                format!("unknown parameter id: `{id}`"),
            );
            continue;
        };
        let allowed = def.scope == scope || (scope == Scope::City && def.scope == Scope::Local);
        if !allowed {
            let (zh, en) = match def.scope {
                Scope::National => (
                    "该参数属于 national.toml",
                    "this parameter belongs in national.toml",
                ),
                Scope::City | Scope::Local => (
                    "该参数属于城市文件",
                    "this parameter belongs in a city file",
                ),
            };
            issues.push(&key, zh, en);
            continue;
        }
        let mut parsed: Vec<Entry> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let ekey = format!("{key}[{i}]");
            if let Some(entry) = entry(issues, &ekey, def.unit, e, documents) {
                parsed.push(entry);
            }
        }
        if parsed.len() != entries.len() {
            continue;
        }
        parsed.sort_by_key(|e| e.from);
        windows(issues, &key, &parsed, window);
        out.insert(
            def.id,
            Series {
                def,
                id: def.id,
                entries: parsed,
            },
        );
    }
    if scope == Scope::City {
        for def in CATALOGUE.iter().filter(|d| d.scope == Scope::City) {
            if !out.contains_key(def.id) && !raw.contains_key(def.id) {
                issues.push(
                    format!("param.\"{}\"", def.id),
                    "城市文件缺少该参数；未公布的请写 status = \"unknown\"",
                    "missing from the city file; where nobody published it, write status = \"unknown\"",
                );
            }
        }
    }
    out
}

fn entry(
    issues: &mut Issues,
    key: &str,
    unit: params::Unit,
    e: &RawEntry,
    documents: &BTreeMap<String, Document>,
) -> Option<Entry> {
    let before = issues.list.len();
    let from = month(issues, &format!("{key}.from"), &e.from);
    let to =
        e.to.as_deref()
            .and_then(|t| month(issues, &format!("{key}.to"), t));
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            issues.push(format!("{key}.to"), "结束早于开始", "ends before it starts");
        }
    }
    let Some(status) = Status::parse(&e.status) else {
        issues.push(
            format!("{key}.status"),
            format!("未知的可信度：`{}`", e.status),
            format!("`{}` is not a status (seed, official, secondary, low-reliability, inferred, unknown)", e.status),
        );
        return None;
    };
    let value = match (&e.value, status) {
        (Some(_), Status::Unknown) => {
            issues.push(
                format!("{key}.value"),
                "未公布（unknown）的参数不能有数值",
                "an unknown parameter must not have a value",
            );
            None
        }
        (None, Status::Unknown) => None,
        (None, _) => {
            issues.push(
                format!("{key}.value"),
                "缺少数值；未公布的请写 status = \"unknown\"",
                "no value; where nobody published it, write status = \"unknown\"",
            );
            None
        }
        (Some(v), _) => match parse_written(unit, v) {
            Ok(v) => Some(v),
            Err(reason) => {
                issues.push(
                    format!("{key}.value"),
                    format!("数值无效：{reason}"),
                    format!("invalid value: {reason}"),
                );
                None
            }
        },
    };
    let source = match (&e.doc, status) {
        (Some(doc), _) => match documents.get(doc) {
            Some(document) => {
                let article = e.article.clone().unwrap_or_default();
                let quote = e.quote.clone().unwrap_or_default();
                if status != Status::Unknown
                    && (article.trim().is_empty() || quote.trim().is_empty())
                {
                    issues.push(
                        key,
                        "来源须注明条款（article）和原文摘录（quote）",
                        "a source needs its article and a short quote",
                    );
                }
                Some(Source {
                    document: document.clone(),
                    article,
                    quote,
                    url: e.url.clone(),
                })
            }
            None => {
                issues.push(
                    format!("{key}.doc"),
                    format!("未在 [documents] 中找到：`{doc}`"),
                    format!("not in [documents]: `{doc}`"),
                );
                None
            }
        },
        (None, Status::Unknown) => None,
        (None, _) => {
            issues.push(
                key,
                "数值缺少来源（doc、article、quote）",
                "a value without a source (doc, article, quote)",
            );
            None
        }
    };
    if status == Status::Inferred && e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
        issues.push(
            format!("{key}.note"),
            "推断值须在 note 中写明推断过程",
            "an inferred value needs a note saying how it was derived",
        );
    }
    if issues.list.len() > before {
        return None;
    }
    Some(Entry {
        from: from?,
        to,
        value,
        status,
        source,
        note: e.note.clone(),
    })
}

/// Windows must follow one another without gaps or overlaps, and a city's must cover the
/// whole time its pooling document is in force.
fn windows(
    issues: &mut Issues,
    key: &str,
    entries: &[Entry],
    window: Option<(YearMonth, Option<YearMonth>)>,
) {
    for (a, b) in entries.iter().zip(entries.iter().skip(1)) {
        match a.to {
            None => issues.push(
                key,
                format!("时段重叠：{} 起的时段未结束，{} 起又有新值", a.from, b.from),
                format!(
                    "overlapping windows: the one from {} never ends, another starts {}",
                    a.from, b.from
                ),
            ),
            Some(to) if to >= b.from => issues.push(
                key,
                format!("时段重叠：{}–{} 与 {} 起", a.from, to, b.from),
                format!("overlapping windows: {}–{} and from {}", a.from, to, b.from),
            ),
            Some(to) if to.plus(1) != Some(b.from) => issues.push(
                key,
                format!("时段有空档：{} 至 {} 之间没有值", to, b.from),
                format!("gap between windows: nothing between {} and {}", to, b.from),
            ),
            Some(_) => {}
        }
    }
    let Some((from, to)) = window else { return };
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        issues.push(key, "没有任何时段", "no windows at all");
        return;
    };
    if first.from > from {
        issues.push(
            key,
            format!(
                "时段有空档：统筹自 {from} 起，而该参数自 {} 起才有值",
                first.from
            ),
            format!(
                "gap: pooling starts {from} but the first window starts {}",
                first.from
            ),
        );
    }
    match (last.to, to) {
        (Some(end), None) => issues.push(
            key,
            format!("时段有空档：{end} 之后没有值（文件仍有效时须写到无结束日期）"),
            format!("gap: nothing after {end} while the city's document is still in force"),
        ),
        (Some(end), Some(to)) if end < to => issues.push(
            key,
            format!("时段有空档：{end} 之后至 {to} 没有值"),
            format!("gap: nothing from {end} to {to}"),
        ),
        _ => {}
    }
}

/// Checks between parameters: a floor above its ceiling, a maternity part above the
/// employer rate it is part of.
fn cross_checks(issues: &mut Issues, params: &BTreeMap<&'static str, Series>) {
    let pairs = [
        (
            "employee.base.floor",
            "employee.base.ceiling",
            "下限高于上限",
            "the floor is above the ceiling",
        ),
        (
            "employee.rate.maternity.public_body",
            "employee.rate.employer.public_body",
            "生育部分高于单位费率",
            "the maternity part is above the employer rate",
        ),
        (
            "employee.rate.maternity.other",
            "employee.rate.employer.other",
            "生育部分高于单位费率",
            "the maternity part is above the employer rate",
        ),
    ];
    for (low_id, high_id, zh, en) in pairs {
        let (Some(low), Some(high)) = (params.get(low_id), params.get(high_id)) else {
            continue;
        };
        for l in &low.entries {
            for h in &high.entries {
                let overlap = l.from.max(h.from)
                    <= match (l.to, h.to) {
                        (Some(a), Some(b)) => a.min(b),
                        (Some(a), None) | (None, Some(a)) => a,
                        (None, None) => l.from.max(h.from),
                    };
                let bigger = match (&l.value, &h.value) {
                    (Some(Value::Money(a)), Some(Value::Money(b))) => a > b,
                    (Some(Value::Rate(a)), Some(Value::Rate(b))) => a.as_decimal() > b.as_decimal(),
                    _ => false,
                };
                if overlap && bigger {
                    issues.push(
                        format!("param.\"{low_id}\""),
                        format!("{zh}（{} 起）", l.from.max(h.from)),
                        format!("{en} (from {})", l.from.max(h.from)),
                    );
                }
            }
        }
    }
}
