//! A site's figures file: the rule files' entry format, one `[[figure]]` per dated value
//! with the city it belongs to, its documents in `[documents.ID]`, and `site` naming who
//! publishes it. Checked like the rules (every figure with its source, a value for its
//! unit, windows that end saying how long they are carried); every defect is reported with
//! the line of its `[[figure]]`, and a file with any defect is refused as a whole.

use std::collections::BTreeMap;

use super::read::{document, raw_entry, Problem, Written};
use super::{check, documents, Issues, FORMAT};
use crate::catalogue::find;
use crate::rules::{RuleIssue, Status};
use crate::site::{SiteFigure, SiteFigures};

/// The line (1-based) of each `[[figure]]` header, in order.
fn figure_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[figure]]"))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Reads and checks a site's figures file (`name` is how messages name it).
pub fn figures(name: &str, text: &str) -> Result<SiteFigures, Vec<RuleIssue>> {
    let mut list = Vec::new();
    let mut issues = Issues {
        file: name,
        list: &mut list,
    };
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            issues.push(
                "(syntax)",
                format!("不是有效的 TOML：{e}"),
                format!("not valid TOML: {e}"),
            );
            return Err(list);
        }
    };
    let lines = figure_lines(text);
    let mut problems: Vec<Problem> = Vec::new();
    let mut site = String::new();
    let mut raw_documents = BTreeMap::new();
    let mut blocks: Vec<(String, &toml::Table)> = Vec::new();
    let mut format = None;
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("format", v) => format = Some(Written::of(v)),
            ("site", toml::Value::String(s)) => site = s.trim().to_string(),
            ("documents", toml::Value::Table(t)) => {
                for (id, d) in t {
                    match d.as_table() {
                        Some(d) => {
                            raw_documents.insert(id.clone(), document(id, d, &mut problems));
                        }
                        None => super::read::unknown(&mut problems, format!("documents.{id}")),
                    }
                }
            }
            ("figure", toml::Value::Array(a)) => {
                for (i, b) in a.iter().enumerate() {
                    let place = match lines.get(i) {
                        Some(l) => format!("figure {} (line {l})", i + 1),
                        None => format!("figure {}", i + 1),
                    };
                    match b.as_table() {
                        Some(t) => blocks.push((place, t)),
                        None => super::read::unknown(&mut problems, place),
                    }
                }
            }
            (other, _) => super::read::unknown(&mut problems, other.to_string()),
        }
    }
    for (key, zh, en) in problems.drain(..) {
        issues.push(key, zh, en);
    }
    if format != Some(Written::Int(FORMAT)) {
        issues.push(
            "format",
            format!("本版本只读取 format = {FORMAT}"),
            format!("this build reads format = {FORMAT} only"),
        );
    }
    if site.is_empty() {
        issues.push(
            "site",
            "请写明发布此文件的网站或单位（site = \"…\"），结果会注明数值来自那里",
            "name who publishes the file (site = \"…\"): results say their figures came from it",
        );
    }
    let mut docs = documents(&mut issues, &raw_documents);
    for d in docs.values_mut() {
        // A site's document is at most official: seed is for the five pooling documents.
        if d.status == Status::Seed {
            d.status = Status::Official;
        }
        d.site = Some(site.clone());
    }
    let mut figures = Vec::new();
    for (place, t) in blocks {
        let city = t.get("city").and_then(toml::Value::as_str).map(str::trim);
        let param = t.get("param").and_then(toml::Value::as_str).map(str::trim);
        if city.is_none_or(str::is_empty) {
            issues.push(
                format!("{place}.city"),
                "须写明城市（city = \"wenzhou\"；全国数值写 \"national\"）",
                "needs its city (city = \"wenzhou\", or \"national\")",
            );
        }
        let def = match param {
            None | Some("") => {
                issues.push(
                    format!("{place}.param"),
                    "须写明参数编号（param = \"employee.base.floor\"）",
                    "needs its parameter id (param = \"employee.base.floor\")",
                );
                None
            }
            Some(p) => find(p).or_else(|| {
                let near = nearest(p);
                issues.push(
                    format!("{place}.param"),
                    format!("没有参数编号 `{p}`；是否是 `{near}`？（全部编号见 yibao rules show）"),
                    format!("no parameter has the id `{p}`; did you mean `{near}`? (every id: yibao rules show)"),
                );
                None
            }),
        };
        let (Some(city), Some(def)) = (city.filter(|c| !c.is_empty()), def) else {
            continue;
        };
        let before = issues.count();
        let raw = raw_entry(t, &place, &["city", "param"], &mut problems);
        for (key, zh, en) in problems.drain(..) {
            issues.push(key, zh, en);
        }
        let Some(mut entry) = check::entry(&mut issues, &place, def.unit, &raw, &docs) else {
            continue;
        };
        if entry.value.is_none() {
            issues.push(
                &place,
                "数值文件只收有数值的数据（status 不能为 unknown）",
                "a figures file gives figures: status cannot be unknown",
            );
        }
        if let (Some(end), None) = (entry.to, entry.carry) {
            issues.push(
                &place,
                format!("至 {end} 结束：请写明其后可否暂按此值沿用（年度数值写 carry = 12，临时措施写 carry = 0）"),
                format!("it ends {end}: say whether it may be carried past it (carry = 12 for a yearly figure, carry = 0 for a temporary measure)"),
            );
        }
        if entry.status == Status::Seed {
            entry.status = Status::Official;
        }
        entry.site = true;
        if issues.count() > before {
            continue;
        }
        let city = (city != "national").then(|| city.to_string());
        figures.push(SiteFigure {
            city,
            param: def.id,
            entry,
            place,
        });
    }
    if !list.is_empty() {
        return Err(list);
    }
    Ok(SiteFigures {
        site,
        file: name.to_string(),
        documents: docs.into_values().collect(),
        figures,
    })
}

/// The catalogue's id nearest a misspelt one (`employee.base.flor` → `employee.base.floor`),
/// by edit distance: a dozen lines here rather than a crate in the web build for one hint.
fn nearest(id: &str) -> &'static str {
    fn distance(a: &str, b: &str) -> usize {
        const FAR: usize = usize::MAX / 4;
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = Vec::with_capacity(b.len() + 1);
            cur.push(i + 1);
            for (j, cb) in b.iter().enumerate() {
                let replace = prev.get(j).copied().unwrap_or(FAR) + usize::from(ca != *cb);
                let delete = prev.get(j + 1).copied().unwrap_or(FAR) + 1;
                let insert = cur.last().copied().unwrap_or(FAR) + 1;
                cur.push(replace.min(delete).min(insert));
            }
            prev = cur;
        }
        prev.last().copied().unwrap_or(0)
    }
    crate::catalogue::CATALOGUE
        .iter()
        .map(|d| d.id.key())
        .min_by_key(|k| distance(id, k))
        .unwrap_or_default()
}
