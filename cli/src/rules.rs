//! `yibao rules`: list the cities, show a city's figures with windows, status and source,
//! and check rule files on disk with the same loader the build uses.

use yibao::model::{Series, Status};
use yibao::{text, Error, Lang, Raw, Rules};

use crate::args::RulesCommand;
use crate::json;

fn read_dir(dir: &std::path::Path) -> Result<Vec<(String, String)>, Error> {
    let unreadable = |e: std::io::Error| {
        Error::field(
            "dir",
            "unreadable",
            text!("无法读取目录：{e}", "cannot read the directory: {e}"),
        )
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)?.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "toml") {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
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
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            yibao_model::load(&refs).map_err(|issues| Error::Rules { issues })?
        }
    };
    let entries = || {
        loaded
            .cities
            .iter()
            .flat_map(|c| c.params.values())
            .flat_map(|s| &s.entries)
    };
    let known = entries().filter(|e| e.status != Status::Unknown).count();
    let unknown = entries().filter(|e| e.status == Status::Unknown).count();
    if as_json {
        return Ok(json(
            &serde_json::json!({"ok": true, "version": loaded.version, "cities": loaded.cities.len(), "known_values": known, "unknown_values": unknown}),
        ));
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
        let known = c
            .params
            .values()
            .filter(|s| s.entries.iter().any(|e| e.value.is_some()))
            .count();
        out += &format!(
            "{:<10} {} ({}) — {} — {} {}",
            c.id,
            c.name.get(lang),
            c.province.get(lang),
            c.document.short_name(),
            lang.pick("自", "from"),
            c.pooling_from
        );
        if let Some(to) = c.pooling_to {
            out += &format!(" – {to}");
        }
        if !c.excluded_areas.is_empty() {
            let ex: Vec<&str> = c.excluded_areas.iter().map(|t| t.get(lang)).collect();
            out += &format!(" ({} {})", lang.pick("不含", "except"), ex.join(", "));
        }
        out += &format!(
            "; {known}/{} {}\n",
            c.params.len(),
            lang.pick("项有数值", "parameters with values")
        );
    }
    out += &format!("rules version {}\n", r.version);
    Ok(out)
}

fn show_series(s: &Series, lang: Lang, r: &Rules, city: Option<&yibao::model::City>) -> String {
    let def = s.id.def();
    let mut out = format!(
        "\n{} — {} [{}]\n",
        s.id,
        lang.pick(def.label_zh, def.label_en),
        def.unit.describe()
    );
    for e in &s.entries {
        let window = format!(
            "{}–{}",
            e.from,
            e.to.map_or_else(String::new, |t| t.to_string())
        );
        let value = e
            .value
            .as_ref()
            .map_or_else(|| lang.pick("未公布", "unknown").to_string(), |v| v.show());
        out += &format!(
            "  {window:<16} {value:<12} [{}]",
            e.status.label().get(lang)
        );
        if let Some(n) = e.carry.filter(|n| *n > 0) {
            out += text!(
                "（其后可暂按此值沿用 {n} 个月）",
                " (then carried up to {n} months)"
            )
            .get(lang);
        }
        if let Some(src) = &e.source {
            let doc = r
                .document(city, &src.doc)
                .map_or(src.doc.as_str(), |d| d.short_name());
            out += &format!(
                " {} «{}»",
                yibao::model::rules::citation(doc, &src.article).get(lang),
                src.quote
            );
        }
        out += "\n";
        if let Some(n) = e.note_text() {
            out += &format!("  {:<16} {}\n", "", n.get(lang));
        }
    }
    if s.entries.iter().any(|e| e.value.is_none()) && !def.hint_zh.is_empty() {
        out += &format!(
            "  → --set {}=…: {}\n",
            s.id,
            lang.pick(def.hint_zh, def.hint_en)
        );
    }
    out
}

fn show(city: &str, param: Option<&str>, as_json: bool, lang: Lang) -> Result<String, Error> {
    let r = yibao::rules()?;
    let (series, title, c): (Vec<&Series>, String, _) = if city == "national" {
        (r.national.values().collect(), "national".into(), None)
    } else {
        let c = yibao::compute::city(r, "city", &Raw(city.to_string()))?;
        (
            c.params.values().collect(),
            format!("{} — {}", c.name.get(lang), c.document.title),
            Some(c),
        )
    };
    let series: Vec<&Series> = series
        .into_iter()
        .filter(|s| param.is_none_or(|p| p == s.id.key()))
        .collect();
    if let (Some(p), true) = (param, series.is_empty()) {
        return Err(Error::field(
            "param",
            "unknown_param",
            text!("没有参数 {p}", "no parameter {p}"),
        ));
    }
    if as_json {
        return Ok(json(&series));
    }
    Ok(series.iter().fold(format!("{title}\n"), |out, s| {
        out + &show_series(s, lang, r, c)
    }))
}

/// The built-in rules' quotes and notes, keyed for the web page (always JSON, compact: the
/// page fetches it).
fn texts() -> Result<String, Error> {
    let mut r = yibao::rules()?.clone();
    let texts = yibao::model::texts::take(&mut r);
    Ok(serde_json::to_string(&texts).unwrap_or_default() + "\n")
}

/// `yibao rules horizon`: the core's horizon, in words.
fn horizon(
    months: u32,
    from: Option<&str>,
    official_only: bool,
    as_json: bool,
    lang: Lang,
) -> Result<String, Error> {
    let r = yibao::rules()?;
    let from = yibao::input::month(
        "from",
        &Raw(from.map_or_else(crate::this_month, str::to_string)),
    )?;
    let h = yibao::horizon::horizon(r, from, months, official_only);
    if as_json {
        return Ok(json(&h));
    }
    let ending = |e: &yibao::horizon::Ending| {
        let value = if e.value.is_empty() {
            lang.pick("未公布", "unknown").to_string()
        } else {
            let v = e.words.as_ref().map_or(e.value.as_str(), |w| w.get(lang));
            format!("{v} [{}]", e.status.label().get(lang))
        };
        let mut line = format!(
            "    {} = {value}: {} {}",
            e.label.get(lang),
            lang.pick("有效至", "in force to"),
            e.in_force_to
        );
        if let Some(c) = e.carried_to {
            line += &format!(
                "{}{c}",
                lang.pick("；其后暂按此值沿用至 ", "; then carried provisionally to ")
            );
        }
        if let Some(n) = e.not_on_file_from {
            line += &format!(
                "{}{n}{}",
                lang.pick("；", "; "),
                lang.pick(" 起未收录，将改为请你填写", " on: not on file, asked for")
            );
        }
        line + "\n"
    };
    let (a, b) = (h.from, h.to);
    let mut out = text!(
        "{a} 至 {b}：到期的数值，以及不填写任何内容时各页面显示什么\n",
        "{a} to {b}: figures that run out, and what each view shows with nothing typed\n"
    )
    .get(lang)
    .to_string();
    if !h.national.is_empty() {
        out += lang.pick("\n全国\n", "\nnational\n");
        h.national.iter().for_each(|e| out += &ending(e));
    }
    for c in &h.cities {
        out += &format!("\n{} ({})\n", c.name.get(lang), c.city);
        if let Some(t) = c.term_to {
            out += text!("  统筹文件有效期至 {t}，其后暂按原规定计算\n", "  the pooling document's term ends {t}; its rules are carried provisionally after it\n").get(lang);
        }
        if c.endings.is_empty() {
            out += lang.pick(
                "  这段时间没有到期的数值\n",
                "  no figure runs out in these months\n",
            );
        }
        c.endings.iter().for_each(|e| out += &ending(e));
        for v in &c.views {
            out += &format!(
                "  {}{}\n",
                yibao::defaults::label(v.kind).get(lang),
                lang.pick("：", ":")
            );
            for s in &v.changes {
                let what = match s.answer {
                    "full" => lang.pick("完整", "full"),
                    "partly" => lang.pick("部分", "partly"),
                    "asks" => lang.pick("需填写", "asks"),
                    _ => lang.pick("出错", "refused"),
                };
                let conf = s
                    .confidence
                    .map(|c| format!("{}{}", lang.pick("，", ", "), c.label_short().get(lang)))
                    .unwrap_or_default();
                // Names a person reads; `--json` has the ids `--set` takes.
                let lacks: Vec<String> = s
                    .lacks
                    .iter()
                    .map(|p| p.label().get(lang).to_string())
                    .collect();
                let lacks = if lacks.is_empty() {
                    String::new()
                } else {
                    format!(
                        "{}{}",
                        lang.pick("；缺：", "; lacks: "),
                        lacks.join(lang.pick("、", "; "))
                    )
                };
                out += &format!(
                    "    {} {}{what}{conf}{lacks}\n",
                    s.from,
                    lang.pick("起 ", "on: ")
                );
            }
        }
    }
    Ok(out)
}

pub fn run(
    command: &RulesCommand,
    as_json: bool,
    official_only: bool,
    lang: Lang,
) -> Result<String, Error> {
    match command {
        RulesCommand::Horizon { months, from } => {
            horizon(*months, from.as_deref(), official_only, as_json, lang)
        }
        RulesCommand::Check { dir } => check(dir.as_deref(), as_json, lang),
        RulesCommand::List => list(as_json, lang),
        RulesCommand::Texts => texts(),
        RulesCommand::Show { city, param } => show(city, param.as_deref(), as_json, lang),
    }
}
