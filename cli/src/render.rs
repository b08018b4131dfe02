//! The core's results written as plain text, in one language: the command line's own
//! rendering (the pages render the same data as HTML).

use yibao::{Explanation, Lang};

/// An explanation as plain text: notices, how sure it is, what it rests on, every step with
/// its citations, what the person supplied and what is not published (by id: what
/// `--set ID=VALUE` takes), notes.
pub fn explanation(ex: &Explanation, lang: Lang) -> String {
    let mut out = String::new();
    for n in &ex.notices {
        let src = n
            .source
            .as_ref()
            .map(|s| {
                lang.pick("（", " (").to_string() + s.citation().get(lang) + lang.pick("）", ")")
            })
            .unwrap_or_default();
        out.push_str(&format!("! {}{src}\n", n.text.get(lang)));
    }
    out.push_str(&format!(
        "{}{}\n",
        lang.pick("可信度：", "Confidence: "),
        ex.confidence_line().get(lang)
    ));
    for b in &ex.rests_on {
        let status = b.status_words().get(lang).to_string();
        out.push_str(&format!(
            "  · {} = {} [{status}]{}\n",
            b.label.get(lang),
            b.words.as_ref().map_or(b.value.as_str(), |w| w.get(lang)),
            b.source
                .as_ref()
                .map(|s| format!(" {}", s.get(lang)))
                .unwrap_or_default()
        ));
    }
    out.push_str(lang.pick("计算步骤：\n", "Steps:\n"));
    for (i, s) in ex.steps.iter().enumerate() {
        out.push_str(&format!(
            "{:>2}. {}: {}\n",
            i + 1,
            s.label.get(lang),
            s.formula.get(lang)
        ));
        for c in &s.cites {
            out.push_str(&format!("      ↳ {}\n", c.render(lang)));
        }
    }
    if !ex.user_supplied.is_empty() {
        out.push_str(lang.pick("用户提供的数据：", "User-supplied figures: "));
        let keys: Vec<&str> = ex.user_supplied.iter().map(|id| id.key()).collect();
        out.push_str(&keys.join(", "));
        out.push('\n');
    }
    // The CLI names the id: it is what `--set ID=VALUE` takes.
    for n in &ex.not_known {
        out.push_str(&format!(
            "{}{}（{}）— {}\n",
            lang.pick("未公布：", "Not published: "),
            n.label.get(lang),
            n.param,
            n.effect.get(lang)
        ));
    }
    for n in ex.notes.iter().chain(&ex.conventions) {
        out.push_str(&format!("* {}\n", n.get(lang)));
    }
    out
}
