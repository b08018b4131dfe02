//! Every quote attributed to a document whose full text the project keeps
//! (`rules/sources/ID.txt`) appears in that text verbatim: whitespace aside, and a quote
//! may join parts with `…` (each part must appear). So a quote cannot drift from the
//! document it cites, and the web app can open the article it comes from.

use std::collections::BTreeMap;
use std::fs;

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn quotes_of_kept_documents_are_verbatim() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/sources");
    let mut texts = BTreeMap::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            texts.insert(id, squash(&fs::read_to_string(&p).unwrap()));
        }
    }
    assert_eq!(texts.len(), 5, "the five seed documents are kept");
    let rules = yibao::rules().unwrap();
    let mut checked = 0;
    let mut wrong = Vec::new();
    let series = rules.national.values().map(|s| ("national", s)).chain(rules.cities.iter().flat_map(|c| c.params.values().map(move |s| (c.id.as_str(), s))));
    for (file, s) in series {
        for e in &s.entries {
            let Some(src) = &e.source else { continue };
            let Some(text) = texts.get(&src.doc) else { continue };
            for part in src.quote.split('…').map(str::trim).filter(|p| !p.is_empty()) {
                checked += 1;
                if !text.contains(&squash(part)) {
                    wrong.push(format!("{file} {} ({}): «{part}» is not in {}.txt", s.id, e.from, src.doc));
                }
            }
        }
    }
    assert!(checked > 50, "{checked} quotes checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The build marks the documents it keeps the text of.
    assert!(rules.cities.iter().all(|c| c.document.has_text), "every city's pooling document has its text");
}
