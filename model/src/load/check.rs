//! Checks of a file's parameters: each entry (status, value for its unit, source, note),
//! windows without gaps or overlaps, every city parameter listed, and checks between
//! parameters (a floor above its ceiling).

use std::collections::BTreeMap;

use super::read::{RawEntry, Written};
use super::{city_parameters, month, note_pair, Issues};
use crate::catalogue::{find, ParamId, Scope, Unit};
use crate::month::YearMonth;
use crate::rules::{Document, Entry, Series, Source, Status};
use crate::value::{parse_text, Value};

/// Reads a value as a rule file writes it. Decimals must be strings: a float would pass
/// through binary floating point and lose exactness.
fn parse_written(unit: Unit, value: &Written) -> Result<Value, String> {
    match value {
        Written::Str(s) => parse_text(unit, s),
        Written::Int(i) if *i >= 0 => parse_text(unit, &i.to_string()),
        Written::Int(i) => Err(format!("{i} is negative")),
        Written::Float(f) => Err(format!("write decimals as strings (\"{f}\"), so they stay exact")),
        Written::Bool(b) => parse_text(unit, if *b { "true" } else { "false" }),
        Written::List(words) => parse_text(unit, &words.join(",")),
        Written::Other => Err(format!("expected {}", unit.describe())),
    }
}

pub(super) fn param_table(
    issues: &mut Issues,
    scope: Scope,
    window: Option<(YearMonth, Option<YearMonth>)>,
    raw: &BTreeMap<String, Vec<RawEntry>>,
    documents: &BTreeMap<String, Document>,
) -> BTreeMap<ParamId, Series> {
    let mut out = BTreeMap::new();
    for (id, entries) in raw {
        let key = format!("param.\"{id}\"");
        let Some(def) = find(id) else {
            issues.push(&key, format!("未知的参数编号：`{id}`"), format!("unknown parameter id: `{id}`"));
            continue;
        };
        let allowed = def.scope == scope || (scope == Scope::City && def.scope == Scope::Local);
        if !allowed {
            let (zh, en) = match def.scope {
                Scope::National => ("该参数属于 national.toml", "this parameter belongs in national.toml"),
                Scope::City | Scope::Local => ("该参数属于城市文件", "this parameter belongs in a city file"),
            };
            issues.push(&key, zh, en);
            continue;
        }
        let mut parsed: Vec<Entry> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(entry) = entry(issues, &format!("{key}[{i}]"), def.unit, e, documents) {
                parsed.push(entry);
            }
        }
        if parsed.len() != entries.len() {
            continue;
        }
        parsed.sort_by_key(|e| e.from);
        windows(issues, &key, &parsed, window);
        out.insert(def.id, Series { id: def.id, entries: parsed });
    }
    if scope == Scope::City {
        for id in city_parameters() {
            if !out.contains_key(&id) && !raw.contains_key(id.key()) {
                issues.push(
                    format!("param.\"{}\"", id.key()),
                    "城市文件缺少该参数；未公布的请写 status = \"unknown\"",
                    "missing from the city file; where nobody published it, write status = \"unknown\"",
                );
            }
        }
    }
    out
}

fn value(issues: &mut Issues, key: &str, unit: Unit, e: &RawEntry, status: Status) -> Option<Value> {
    match (&e.value, status) {
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
                issues.push(format!("{key}.value"), format!("数值无效：{reason}"), format!("invalid value: {reason}"));
                None
            }
        },
    }
}

fn source(
    issues: &mut Issues,
    key: &str,
    e: &RawEntry,
    status: Status,
    documents: &BTreeMap<String, Document>,
) -> Option<Source> {
    match (&e.doc, status) {
        (Some(doc), _) if documents.contains_key(doc) => {
            let article = e.article.clone().unwrap_or_default();
            let quote = e.quote.clone().unwrap_or_default();
            if status != Status::Unknown && (article.trim().is_empty() || quote.trim().is_empty()) {
                issues.push(key, "来源须注明条款（article）和原文摘录（quote）", "a source needs its article and a short quote");
            }
            Some(Source { doc: doc.clone(), article, quote, url: e.url.clone() })
        }
        (Some(doc), _) => {
            issues.push(format!("{key}.doc"), format!("未在 [documents] 中找到：`{doc}`"), format!("not in [documents]: `{doc}`"));
            None
        }
        (None, Status::Unknown) => None,
        (None, _) => {
            issues.push(key, "数值缺少来源（doc、article、quote）", "a value without a source (doc, article, quote)");
            None
        }
    }
}

fn entry(
    issues: &mut Issues,
    key: &str,
    unit: Unit,
    e: &RawEntry,
    documents: &BTreeMap<String, Document>,
) -> Option<Entry> {
    let before = issues.count();
    let from = month(issues, &format!("{key}.from"), &e.from);
    let to = e.to.as_deref().and_then(|t| month(issues, &format!("{key}.to"), t));
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            issues.push(format!("{key}.to"), "结束早于开始", "ends before it starts");
        }
    }
    let Some(status) = Status::parse(&e.status) else {
        issues.push(
            format!("{key}.status"),
            format!("未知的可信度：`{}`", e.status),
            format!("`{}` is not a status (seed, official, secondary, low-reliability, inferred, convention, unknown)", e.status),
        );
        return None;
    };
    let value = value(issues, key, unit, e, status);
    let source = source(issues, key, e, status, documents);
    if matches!(status, Status::Inferred | Status::Convention)
        && e.note.as_deref().is_none_or(|n| n.trim().is_empty())
    {
        issues.push(
            format!("{key}.note"),
            "推断值须在 note 中写明推断过程",
            "an inferred value needs a note saying how it was derived",
        );
    }
    note_pair(issues, key, &e.note, &e.note_zh);
    if issues.count() > before {
        return None;
    }
    Some(Entry { from: from?, to, value, status, source, note: e.note.clone(), note_zh: e.note_zh.clone() })
}

/// Windows must follow one another without gaps or overlaps, and a city's must cover the
/// whole time its pooling document is in force.
fn windows(issues: &mut Issues, key: &str, entries: &[Entry], window: Option<(YearMonth, Option<YearMonth>)>) {
    for (a, b) in entries.iter().zip(entries.iter().skip(1)) {
        match a.to {
            None => issues.push(
                key,
                format!("时段重叠：{} 起的时段未结束，{} 起又有新值", a.from, b.from),
                format!("overlapping windows: the one from {} never ends, another starts {}", a.from, b.from),
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
            format!("时段有空档：统筹自 {from} 起，而该参数自 {} 起才有值", first.from),
            format!("gap: pooling starts {from} but the first window starts {}", first.from),
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
pub(super) fn cross_checks(issues: &mut Issues, params: &BTreeMap<ParamId, Series>) {
    use ParamId::*;
    let pairs = [
        (BaseFloor, BaseCeiling, "下限高于上限", "the floor is above the ceiling"),
        (MaternityRatePublicBody, EmployerRatePublicBody, "生育部分高于单位费率", "the maternity part is above the employer rate"),
        (MaternityRateOther, EmployerRateOther, "生育部分高于单位费率", "the maternity part is above the employer rate"),
    ];
    for (low_id, high_id, zh, en) in pairs {
        let (Some(low), Some(high)) = (params.get(&low_id), params.get(&high_id)) else {
            continue;
        };
        for l in &low.entries {
            for h in &high.entries {
                let start = l.from.max(h.from);
                let end = match (l.to, h.to) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (Some(a), None) | (None, Some(a)) => Some(a),
                    (None, None) => None,
                };
                let overlap = end.is_none_or(|e| start <= e);
                let bigger = match (&l.value, &h.value) {
                    (Some(Value::Money(a)), Some(Value::Money(b))) => a > b,
                    (Some(Value::Rate(a)), Some(Value::Rate(b))) => a.as_decimal() > b.as_decimal(),
                    _ => false,
                };
                if overlap && bigger {
                    issues.push(format!("param.\"{}\"", low_id.key()), format!("{zh}（{start} 起）"), format!("{en} (from {start})"));
                }
            }
        }
    }
}
