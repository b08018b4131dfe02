//! Every quote attributed to a document whose text the project keeps (`rules/sources/ID.txt`)
//! appears in that text verbatim: whitespace aside, and a quote may join parts with `…`
//! (each part must appear). So a quote cannot drift from the document it cites, and the
//! web app can open the article it comes from. And a value is `official` only where the
//! text it quotes is kept (rules/README.md, "Official texts read from reprints").

use std::collections::BTreeMap;
use std::fs;

use yibao::model::{Source, Status};

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn kept_texts() -> BTreeMap<String, String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/sources");
    let mut texts = BTreeMap::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            texts.insert(id, squash(&fs::read_to_string(&p).unwrap()));
        }
    }
    texts
}

/// Every cited source of the rules: `(where, status, source)` for values and notices.
fn sources(rules: &'static yibao::model::Rules) -> Vec<(String, Status, &'static Source)> {
    let mut out = Vec::new();
    let series = rules.national.values().map(|s| ("national", s)).chain(
        rules
            .cities
            .iter()
            .flat_map(|c| c.params.values().map(move |s| (c.id.as_str(), s))),
    );
    for (file, s) in series {
        for e in &s.entries {
            if let Some(src) = &e.source {
                out.push((format!("{file} {} ({})", s.id, e.from), e.status, src));
            }
        }
    }
    let notices = rules.notices.iter().map(|n| ("national", n)).chain(
        rules
            .cities
            .iter()
            .flat_map(|c| c.notices.iter().map(move |n| (c.id.as_str(), n))),
    );
    for (file, n) in notices {
        out.push((format!("{file} notice {}", n.id), n.status, &n.source));
    }
    out
}

#[test]
fn quotes_of_kept_documents_are_verbatim() {
    let texts = kept_texts();
    let rules = yibao::rules().unwrap();
    let documents: Vec<&str> = rules
        .documents
        .keys()
        .chain(rules.cities.iter().flat_map(|c| c.documents.keys()))
        .map(String::as_str)
        .collect();
    for id in texts.keys() {
        assert!(
            documents.contains(&id.as_str()),
            "rules/sources/{id}.txt is the text of no document in rules/"
        );
    }
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (place, _, src) in sources(rules) {
        let Some(text) = texts.get(&src.doc) else {
            continue;
        };
        for part in src
            .quote
            .split('…')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            checked += 1;
            if !text.contains(&squash(part)) {
                wrong.push(format!("{place}: «{part}» is not in {}.txt", src.doc));
            }
        }
    }
    assert!(checked > 80, "{checked} quotes checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The build marks the documents it keeps the text of.
    assert!(
        rules.cities.iter().all(|c| c.document.has_text),
        "every city's pooling document has its text"
    );
    assert!(rules
        .documents
        .get("retirement-2024")
        .is_some_and(|d| d.has_text));
}

#[test]
fn official_values_quote_a_kept_text() {
    // An official text seen only through someone's quote is secondary; one whose words (at
    // least the articles quoted) are kept here and checked above is official.
    let texts = kept_texts();
    let rules = yibao::rules().unwrap();
    let loose: Vec<String> = sources(rules)
        .into_iter()
        .filter(|(_, status, src)| *status == Status::Official && !texts.contains_key(&src.doc))
        .map(|(place, _, src)| {
            format!(
                "{place} cites {} as official, but its text is not in rules/sources/",
                src.doc
            )
        })
        .collect();
    assert!(loose.is_empty(), "{}", loose.join("\n"));
}
