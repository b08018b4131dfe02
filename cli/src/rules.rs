//! `yibao rules`: list the cities, show a city's figures with windows, status and source,
//! and check rule files on disk with the same loader the build uses.

use yibao::model::{Series, Status};
use yibao::{text, Error, Lang, Raw, Rules};

use crate::args::RulesCommand;
use crate::json;

fn read_dir(dir: &std::path::Path) -> Result<Vec<(String, String)>, Error> {
    let unreadable = |e: std::io::Error| Error::field("dir", "unreadable", text!("无法读取目录：{e}", "cannot read the directory: {e}"));
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)?.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "toml") {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            files.push((name, std::fs::read_to_string(&path).map_err(unreadable)?));
        }
    }
    files.sort();
    Ok(files)
}

fn check(dir: Option<&std::path::Path>, as_json: bool, lang: Lang) -> Result<String, Error> {
    let loaded: Rules = match dir {
        None => yibao::rules()?.clone(),
        Some(dir) => {
            let files = read_dir(dir)?;
            let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
            yibao_model::load(&refs).map_err(|issues| Error::Rules { issues })?
        }
    };
    let entries = || loaded.cities.iter().flat_map(|c| c.params.values()).flat_map(|s| &s.entries);
    let known = entries().filter(|e| e.status != Status::Unknown).count();
    let unknown = entries().filter(|e| e.status == Status::Unknown).count();
    if as_json {
        return Ok(json(&serde_json::json!({"ok": true, "version": loaded.version, "cities": loaded.cities.len(), "known_values": known, "unknown_values": unknown})));
    }
    let (n, v) = (loaded.cities.len(), &loaded.version);
    Ok(text!(
        "规则有效：{n} 个城市 + 全国规则，版本 {v}；城市数值 {known} 个已知，{unknown} 个未公布\n",
        "rules valid: {n} cities + national, version {v}; {known} city values known, {unknown} unknown\n"
    )
    .get(lang)
    .to_string())
}

fn list(as_json: bool, lang: Lang) -> Result<String, Error> {
    let r = yibao::rules()?;
    if as_json {
        return Ok(json(&r.cities.iter().map(|c| serde_json::json!({
            "id": c.id, "name": c.name, "province": c.province, "pooling_from": c.pooling_from,
            "pooling_to": c.pooling_to, "excluded_areas": c.excluded_areas, "document": c.document, "summary": c.summary,
        })).collect::<Vec<_>>()));
    }
    let mut out = String::new();
    for c in &r.cities {
        let known = c.params.values().filter(|s| s.entries.iter().any(|e| e.value.is_some())).count();
        out += &format!("{:<10} {} ({}) — {} — {} {}", c.id, c.name.get(lang), c.province.get(lang), c.document.short_name(), lang.pick("自", "from"), c.pooling_from);
        if let Some(to) = c.pooling_to {
            out += &format!(" – {to}");
        }
        if !c.excluded_areas.is_empty() {
            let ex: Vec<&str> = c.excluded_areas.iter().map(|t| t.get(lang)).collect();
            out += &format!(" ({} {})", lang.pick("不含", "except"), ex.join(", "));
        }
        out += &format!("; {known}/{} {}\n", c.params.len(), lang.pick("项有数值", "parameters with values"));
    }
    out += &format!("rules version {}\n", r.version);
    Ok(out)
}

fn show_series(s: &Series, lang: Lang, r: &Rules, city: Option<&yibao::model::City>) -> String {
    let def = s.id.def();
    let mut out = format!("\n{} — {} [{}]\n", s.id, lang.pick(def.label_zh, def.label_en), def.unit.describe());
    for e in &s.entries {
        let window = format!("{}–{}", e.from, e.to.map_or_else(String::new, |t| t.to_string()));
        let value = e.value.as_ref().map_or_else(|| lang.pick("未公布", "unknown").to_string(), |v| v.show());
        out += &format!("  {window:<16} {value:<12} [{}]", e.status.label().get(lang));
        if let Some(src) = &e.source {
            let doc = r.document(city, &src.doc).map_or(src.doc.as_str(), |d| d.short_name());
            out += &format!(" {doc} {} «{}»", src.article, src.quote);
        }
        out += "\n";
        if let Some(n) = e.note_text() {
            out += &format!("  {:<16} {}\n", "", n.get(lang));
        }
    }
    if s.entries.iter().any(|e| e.value.is_none()) && !def.hint_zh.is_empty() {
        out += &format!("  → --set {}=…: {}\n", s.id, lang.pick(def.hint_zh, def.hint_en));
    }
    out
}

fn show(city: &str, param: Option<&str>, as_json: bool, lang: Lang) -> Result<String, Error> {
    let r = yibao::rules()?;
    let (series, title, c): (Vec<&Series>, String, _) = if city == "national" {
        (r.national.values().collect(), "national".into(), None)
    } else {
        let c = yibao::compute::city(r, "city", &Raw(city.to_string()))?;
        (c.params.values().collect(), format!("{} — {}", c.name.get(lang), c.document.title), Some(c))
    };
    let series: Vec<&Series> = series.into_iter().filter(|s| param.is_none_or(|p| p == s.id.key())).collect();
    if let (Some(p), true) = (param, series.is_empty()) {
        return Err(Error::field("param", "unknown_param", text!("没有参数 {p}", "no parameter {p}")));
    }
    if as_json {
        return Ok(json(&series));
    }
    Ok(series.iter().fold(format!("{title}\n"), |out, s| out + &show_series(s, lang, r, c)))
}

/// The built-in rules' quotes and notes, keyed for the web page (always JSON, compact: the
/// page fetches it).
fn texts() -> Result<String, Error> {
    let mut r = yibao::rules()?.clone();
    let texts = yibao::model::texts::take(&mut r);
    Ok(serde_json::to_string(&texts).unwrap_or_default() + "\n")
}

pub fn run(command: &RulesCommand, as_json: bool, lang: Lang) -> Result<String, Error> {
    match command {
        RulesCommand::Check { dir } => check(dir.as_deref(), as_json, lang),
        RulesCommand::List => list(as_json, lang),
        RulesCommand::Texts => texts(),
        RulesCommand::Show { city, param } => show(city, param.as_deref(), as_json, lang),
    }
}
