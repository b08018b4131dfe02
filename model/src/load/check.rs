//! Checks of a file's parameters: each entry (status, value for its unit, source, note),
//! windows without gaps or overlaps, every city parameter listed, and checks between
//! parameters (a floor above its ceiling).

use std::collections::BTreeMap;

use super::read::{RawEntry, RawNotice, Written};
use super::{city_parameters, month, note_pair, Issues};
use crate::catalogue::{find, ParamId, Scope, Unit};
use crate::month::YearMonth;
use crate::rules::{Document, Entry, Notice, Series, Source, Status};
use crate::text::Text;
use crate::value::{parse_text, Value};

/// Reads a value as a rule file writes it. Decimals must be strings: a float would pass
/// through binary floating point and lose exactness.
fn parse_written(unit: Unit, value: &Written) -> Result<Value, Text> {
    match value {
        Written::Str(s) => parse_text(unit, s),
        Written::Int(i) if *i >= 0 => parse_text(unit, &i.to_string()),
        Written::Int(i) => Err(Text::new(format!("{i} 是负数"), format!("{i} is negative"))),
        Written::Float(f) => Err(Text::new(
            format!("小数须写成字符串（\"{f}\"），以保持精确"),
            format!("write decimals as strings (\"{f}\"), so they stay exact"),
        )),
        Written::Bool(b) => parse_text(unit, if *b { "true" } else { "false" }),
        Written::List(words) => parse_text(unit, &words.join(",")),
        Written::Other => Err(Text::new(
            format!("应为 {}", unit.describe()),
            format!("expected {}", unit.describe()),
        )),
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
            if let Some(entry) = entry(issues, &format!("{key}[{i}]"), def.unit, e, documents) {
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
                id: def.id,
                entries: parsed,
            },
        );
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

fn value(
    issues: &mut Issues,
    key: &str,
    unit: Unit,
    e: &RawEntry,
    status: Status,
) -> Option<Value> {
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
                issues.push(
                    format!("{key}.value"),
                    format!("数值无效：{}", reason.zh),
                    format!("invalid value: {}", reason.en),
                );
                None
            }
        },
    }
}

/// A bracketed part of a document ("（网页）") must be one an English page can name.
fn part_listed(issues: &mut Issues, key: &str, article: &str) {
    if let Some(part) = article
        .strip_prefix('（')
        .and_then(|a| a.strip_suffix('）'))
    {
        if !crate::rules::PARTS.iter().any(|(zh, _)| *zh == part) {
            issues.push(
                format!("{key}.article"),
                format!("`{article}`：括号里的部分须列在 model/src/rules.rs 的 PARTS 中（附英文）"),
                format!("`{article}`: a part in brackets must be listed, with its English, in PARTS (model/src/rules.rs)"),
            );
        }
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
                issues.push(
                    key,
                    "来源须注明条款（article）和原文摘录（quote）",
                    "a source needs its article and a short quote",
                );
            }
            part_listed(issues, key, &article);
            Some(Source {
                doc: doc.clone(),
                article,
                quote,
                url: e.url.clone(),
            })
        }
        (Some(doc), _) => {
            issues.push(
                format!("{key}.doc"),
                format!("未在 [documents] 中找到：`{doc}`"),
                format!("not in [documents]: `{doc}`"),
            );
            None
        }
        (None, Status::Unknown) => None,
        (None, _) => {
            issues.push(
                key,
                "数值缺少来源（doc、article、quote）",
                "a value without a source (doc, article, quote)",
            );
            None
        }
    }
}

pub(super) fn entry(
    issues: &mut Issues,
    key: &str,
    unit: Unit,
    e: &RawEntry,
    documents: &BTreeMap<String, Document>,
) -> Option<Entry> {
    let before = issues.count();
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
    let carry = carry(issues, key, e, to, status);
    if issues.count() > before {
        return None;
    }
    Some(Entry {
        from: from?,
        to,
        value,
        status,
        carry,
        source,
        note: e.note.clone(),
        note_zh: e.note_zh.clone(),
        site: false,
    })
}

/// The most months a value may be carried past its window: a year, as practice carries a
/// yearly figure until the next one is published (暂按上年度标准执行).
pub const MAX_CARRY: u32 = 12;

/// `carry`: months a value may be carried past the end of its window, 0 to 12; only where
/// the window ends and has a value.
fn carry(
    issues: &mut Issues,
    key: &str,
    e: &RawEntry,
    to: Option<YearMonth>,
    status: Status,
) -> Option<u32> {
    let w = e.carry.as_ref()?;
    let key = format!("{key}.carry");
    let months = match w {
        Written::Int(n) if (0..=i64::from(MAX_CARRY)).contains(n) => *n as u32,
        _ => {
            issues.push(
                key,
                format!("carry 应为 0 至 {MAX_CARRY} 的整数月数"),
                format!("carry must be a whole number of months from 0 to {MAX_CARRY}"),
            );
            return None;
        }
    };
    if to.is_none() || status == Status::Unknown {
        issues.push(
            key,
            "只有有数值且有结束月份（to）的时段才能写 carry",
            "only a window with a value and an end (to) may say how long it is carried",
        );
    }
    Some(months)
}

/// Windows must follow one another without gaps or overlaps, and a city's must start when
/// its pooling does. They may end before today: what comes after the last window is not on
/// file, and its value is carried provisionally as long as `carry` allows, so the last
/// window, where it ends with a value, must say how long (`carry = 0` for never). A
/// document whose term ends (`pooling_to`) bounds its windows.
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
    let Some(last) = entries.last() else {
        issues.push(key, "没有任何时段", "no windows at all");
        return;
    };
    if let (Some(end), Some(_), None) = (last.to, &last.value, last.carry) {
        issues.push(
            key,
            format!("最后一个时段至 {end} 结束：请写明其后可否暂按此值沿用（年度数值写 carry = 12，临时措施写 carry = 0）"),
            format!("the last window ends {end}: say whether its value may be carried past it (carry = 12 for a yearly figure, carry = 0 for a temporary measure)"),
        );
    }
    let Some((from, term)) = window else { return };
    if let Some(first) = entries.first().filter(|f| f.from > from) {
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
    if let Some(term) = term {
        if last.to.is_none_or(|end| end > term) {
            issues.push(
                key,
                format!("时段超出统筹文件有效期（至 {term}）：请写到 {term} 为止，其后按 carry 暂行沿用"),
                format!("a window runs past the document's term ({term}): end it there; carry says how long it is carried after"),
            );
        }
    }
}

/// Checks between parameters: a floor above its ceiling, a maternity part above the
/// employer rate it is part of.
pub(super) fn cross_checks(issues: &mut Issues, params: &BTreeMap<ParamId, Series>) {
    use ParamId::*;
    let pairs = [
        (
            BaseFloor,
            BaseCeiling,
            "下限高于上限",
            "the floor is above the ceiling",
        ),
        (
            MaternityRatePublicBody,
            EmployerRatePublicBody,
            "生育部分高于单位费率",
            "the maternity part is above the employer rate",
        ),
        (
            MaternityRateOther,
            EmployerRateOther,
            "生育部分高于单位费率",
            "the maternity part is above the employer rate",
        ),
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
                    issues.push(
                        format!("param.\"{}\"", low_id.key()),
                        format!("{zh}（{start} 起）"),
                        format!("{en} (from {start})"),
                    );
                }
            }
        }
    }
}

/// Reads a file's `[[notice]]` tables: each with a source, a status, both languages and
/// parameter ids that exist; a notice's id is unique in its file.
pub(super) fn notices(
    issues: &mut Issues,
    raw: &[RawNotice],
    documents: &BTreeMap<String, Document>,
) -> Vec<Notice> {
    let mut out: Vec<Notice> = Vec::new();
    for (i, n) in raw.iter().enumerate() {
        let key = format!("notice[{i}]");
        let before = issues.count();
        let from = month(issues, &format!("{key}.from"), &n.from);
        let to =
            n.to.as_deref()
                .and_then(|t| month(issues, &format!("{key}.to"), t));
        let status = Status::parse(&n.status).filter(|s| *s != Status::Unknown);
        if status.is_none() {
            issues.push(
                format!("{key}.status"),
                format!("未知的可信度：`{}`", n.status),
                format!(
                    "`{}` is not a status (seed, official, secondary, low-reliability, inferred)",
                    n.status
                ),
            );
        }
        let mut bears_on = Vec::new();
        for id in &n.bears_on {
            match find(id) {
                Some(d) => bears_on.push(d.id),
                None => issues.push(
                    format!("{key}.bears_on"),
                    format!("未知的参数编号：`{id}`"),
                    format!("unknown parameter id: `{id}`"),
                ),
            }
        }
        let doc = n.doc.clone().unwrap_or_default();
        part_listed(issues, &key, n.article.as_deref().unwrap_or_default());
        if !documents.contains_key(&doc) {
            issues.push(
                format!("{key}.doc"),
                format!("未在 [documents] 中找到：`{doc}`"),
                format!("not in [documents]: `{doc}`"),
            );
        }
        if n.text_zh.trim().is_empty() || n.text_en.trim().is_empty() || n.id.trim().is_empty() {
            issues.push(
                &key,
                "提示须有编号（id）及中英文内容（text_zh、text_en）",
                "a notice needs an id and its text in both languages (text_zh, text_en)",
            );
        }
        if out.iter().any(|o| o.id == n.id) {
            issues.push(
                format!("{key}.id"),
                format!("提示编号重复：{}", n.id),
                format!("notice id used twice: {}", n.id),
            );
        }
        let (Some(from), Some(status)) = (from, status) else {
            continue;
        };
        if issues.count() > before {
            continue;
        }
        out.push(Notice {
            id: n.id.clone(),
            from,
            to,
            bears_on,
            status,
            source: Source {
                doc,
                article: n.article.clone().unwrap_or_default(),
                quote: n.quote.clone().unwrap_or_default(),
                url: n.url.clone(),
            },
            text: Text::new(n.text_zh.clone(), n.text_en.clone()),
        });
    }
    out
}
