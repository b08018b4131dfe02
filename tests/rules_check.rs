//! The rules validator: the embedded files pass, and each kind of defect in a rule file is
//! caught with the file, the key and the reason.

use yibao::model::{load, Status};
use yibao::rules;

/// A rule file as written on disk (TOML).
fn file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/rules/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("rule file")
}

/// Loads national.toml with a changed jining.toml; returns the issues as "file|key|reason".
fn issues_with(jining: &str) -> Vec<String> {
    match load(&[
        ("national.toml", file("national.toml").as_str()),
        ("jining.toml", jining),
    ]) {
        Ok(_) => Vec::new(),
        Err(issues) => issues
            .iter()
            .map(|i| format!("{}|{}|{}", i.file, i.key, i.reason.en))
            .collect(),
    }
}

fn assert_issue(jining: &str, key: &str, reason: &str) {
    let issues = issues_with(jining);
    assert!(
        issues
            .iter()
            .any(|i| i.starts_with(&format!("jining.toml|{key}|")) && i.contains(reason)),
        "expected jining.toml [{key}] «{reason}», got {issues:#?}"
    );
}

fn replace_once(text: impl AsRef<str>, from: &str, to: &str) -> String {
    let text = text.as_ref();
    assert!(text.contains(from), "fixture text not found: {from}");
    text.replacen(from, to, 1)
}

#[test]
fn embedded_rules_are_valid() {
    let r = rules().expect("embedded rules are valid");
    // Every city file in rules/ is embedded (a sixth city is a file, nothing else).
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))
        .expect("rules/")
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".toml") && name != "national.toml"
        })
        .count();
    assert!(files >= 5);
    assert_eq!(r.cities.len(), files);
    for c in &r.cities {
        for def in yibao::model::CATALOGUE
            .iter()
            .filter(|d| d.scope == yibao::model::Scope::City)
        {
            assert!(
                c.params.contains_key(&def.id),
                "{} lacks {}",
                c.id,
                def.key()
            );
        }
        for s in c.params.values() {
            for e in &s.entries {
                if e.status != Status::Unknown {
                    let src = e
                        .source
                        .as_ref()
                        .unwrap_or_else(|| panic!("{} {} has no source", c.id, s.id));
                    assert!(!src.quote.is_empty() && !src.article.is_empty());
                    assert!(e.value.is_some());
                } else {
                    assert!(e.value.is_none(), "{} {}: unknown with a value", c.id, s.id);
                }
            }
        }
    }
    // 郑州 leaves out 巩义市; 黄冈's document runs three years.
    assert_eq!(r.city("zhengzhou").unwrap().excluded_areas[0].zh, "巩义市");
    assert_eq!(
        r.city("huanggang").unwrap().pooling_to.unwrap().to_string(),
        "2026-12"
    );
}

#[test]
fn the_unchanged_fixture_loads() {
    assert!(issues_with(&file("jining.toml")).is_empty());
}

#[test]
fn rate_outside_0_to_1() {
    let t = replace_once(file("jining.toml"), "value = \"0.08\"", "value = \"8\"");
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].value",
        "a rate must be between 0 and 1",
    );
}

#[test]
fn value_without_source() {
    let t = replace_once(
        file("jining.toml"),
        "value = \"0.08\"\nstatus = \"seed\"\ndoc = \"jining-2020\"",
        "value = \"0.08\"\nstatus = \"seed\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0]",
        "without a source",
    );
}

#[test]
fn unknown_key() {
    let t = file("jining.toml").to_string()
        + "\n[[param.\"employee.rate.bonus\"]]\nfrom = \"2020-01\"\nstatus = \"unknown\"\n";
    assert_issue(&t, "param.\"employee.rate.bonus\"", "unknown parameter id");
    let t = replace_once(
        file("jining.toml"),
        "status = \"seed\"\ndoc = \"jining-2020\"",
        "status = \"seed\"\nsorce = \"x\"\ndoc = \"jining-2020\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.public_body\"[0].sorce",
        "unknown field",
    );
    let t = file("jining.toml") + "\n[extra]\nx = 1\n";
    assert_issue(&t, "extra", "unknown field");
    let t = file("jining.toml").replacen("[city]", "[city]\npopulation = 1", 1);
    assert_issue(&t, "city.population", "unknown field");
    let t = file("jining.toml") + "\n[[param\n";
    assert_issue(&t, "(syntax)", "not valid TOML");
}

#[test]
fn overlapping_windows() {
    let extra = "\n[[param.\"employee.rate.individual\"]]\nfrom = \"2024-01\"\nvalue = \"0.03\"\nstatus = \"seed\"\ndoc = \"jining-2020\"\narticle = \"x\"\nquote = \"y\"\n";
    let t = file("jining.toml") + extra;
    assert_issue(
        &t,
        "param.\"employee.rate.individual\"",
        "overlapping windows",
    );
}

#[test]
fn gapped_windows() {
    let t = replace_once(
        file("jining.toml"),
        "[[param.\"employee.rate.individual\"]]\nfrom = \"2020-01\"",
        "[[param.\"employee.rate.individual\"]]\nfrom = \"2020-01\"\nto = \"2021-12\"",
    );
    let t = t + "\n[[param.\"employee.rate.individual\"]]\nfrom = \"2022-03\"\nvalue = \"0.02\"\nstatus = \"seed\"\ndoc = \"jining-2020\"\narticle = \"x\"\nquote = \"y\"\n";
    assert_issue(
        &t,
        "param.\"employee.rate.individual\"",
        "gap between windows",
    );
    // A window starting after the city's pooling start leaves a gap too.
    let t = replace_once(
        file("jining.toml"),
        "[[param.\"employee.rate.individual\"]]\nfrom = \"2020-01\"",
        "[[param.\"employee.rate.individual\"]]\nfrom = \"2021-01\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.individual\"",
        "gap: pooling starts 2020-01",
    );
}

#[test]
fn floor_above_ceiling() {
    // 2026-07 → 2027-06: floor 4573, ceiling 22863; a floor of 30000 is above it.
    let t = replace_once(file("jining.toml"), "value = \"4573\"", "value = \"30000\"");
    let issues = issues_with(&t);
    assert!(
        issues.iter().any(
            |i| i.starts_with("jining.toml|param.\"employee.base.floor\"")
                && i.contains("the floor is above the ceiling")
        ),
        "expected the floor above its ceiling to be refused, got {issues:#?}"
    );
}

#[test]
fn unknown_must_have_no_number_and_known_must_have_one() {
    let t = replace_once(
        file("jining.toml"),
        "value = \"0.08\"\nstatus = \"seed\"",
        "value = \"0.08\"\nstatus = \"unknown\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].value",
        "an unknown parameter must not have a value",
    );
    let t = replace_once(
        file("jining.toml"),
        "value = \"0.08\"\nstatus = \"seed\"",
        "status = \"seed\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].value",
        "no value",
    );
}

#[test]
fn floats_are_refused_as_inexact() {
    let t = replace_once(file("jining.toml"), "value = \"0.08\"", "value = 0.08");
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].value",
        "write decimals as strings",
    );
}

#[test]
fn a_city_file_must_list_every_city_parameter() {
    let t = replace_once(
        file("jining.toml"),
        "[[param.\"retiree.life_expectancy\"]]",
        "[[param.\"retiree.life_expectancy_old\"]]",
    );
    assert_issue(
        &t,
        "param.\"retiree.life_expectancy\"",
        "missing from the city file",
    );
}

#[test]
fn inferred_needs_its_derivation() {
    let t = replace_once(
        file("jining.toml"),
        "note = \"The notice counts years actually paid",
        "comment_removed = 1\nnotes = \"x",
    );
    assert!(!issues_with(&t).is_empty());
    let t = replace_once(
        file("jining.toml"),
        "value = \"6\"\nstatus = \"seed\"",
        "value = \"6\"\nstatus = \"inferred\"",
    );
    assert_issue(
        &t,
        "param.\"employee.fixed.employer\"[0].note",
        "needs a note",
    );
}

#[test]
fn status_and_document_must_exist() {
    let t = replace_once(
        file("jining.toml"),
        "value = \"0.08\"\nstatus = \"seed\"",
        "value = \"0.08\"\nstatus = \"rumour\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].status",
        "is not a status",
    );
    let t = replace_once(
        file("jining.toml"),
        "value = \"0.08\"\nstatus = \"seed\"\ndoc = \"jining-2020\"",
        "value = \"0.08\"\nstatus = \"seed\"\ndoc = \"jining-2099\"",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].doc",
        "not in [documents]",
    );
}

#[test]
fn a_set_without_national_toml_is_refused() {
    // (That invalid rules stop every computation is the build's: build.rs refuses them.)
    let bad = load(&[("jining.toml", &file("jining.toml"))]).unwrap_err();
    assert_eq!(bad[0].file, "national.toml");
    assert!(bad[0].reason.zh.contains("national.toml"));
}

#[test]
fn a_last_window_that_ends_says_how_long_it_is_carried() {
    // 济宁's floor 4573 ends 2027-06 with carry = 12; without it the file says nothing of
    // what follows, which the validator refuses.
    let t = replace_once(
        file("jining.toml"),
        "value = \"4573\"\nstatus = \"inferred\"\ncarry = 12",
        "value = \"4573\"\nstatus = \"inferred\"",
    );
    assert_issue(
        &t,
        "param.\"employee.base.floor\"",
        "say whether its value may be carried",
    );
    // A year at most.
    let t = replace_once(
        file("jining.toml"),
        "value = \"4573\"\nstatus = \"inferred\"\ncarry = 12",
        "value = \"4573\"\nstatus = \"inferred\"\ncarry = 13",
    );
    assert_issue(&t, "param.\"employee.base.floor\"[2].carry", "from 0 to 12");
    // Only a window that ends and has a value can be carried.
    let t = replace_once(
        file("jining.toml"),
        "value = \"0.08\"\nstatus = \"seed\"",
        "value = \"0.08\"\nstatus = \"seed\"\ncarry = 12",
    );
    assert_issue(
        &t,
        "param.\"employee.rate.employer.other\"[0].carry",
        "only a window with a value and an end",
    );
    // A status no file may write: provisional is what a lookup makes of a carried value.
    let t = replace_once(
        file("jining.toml"),
        "value = \"4573\"\nstatus = \"inferred\"",
        "value = \"4573\"\nstatus = \"provisional\"",
    );
    assert_issue(
        &t,
        "param.\"employee.base.floor\"[2].status",
        "is not a status",
    );
}

#[test]
fn carrying_follows_the_rule_file() {
    let r = rules().unwrap();
    let floor = &r.city("jining").unwrap().params[&yibao::model::ParamId::BaseFloor];
    let m = |s: &str| s.parse::<yibao::model::YearMonth>().unwrap();
    use yibao::model::At;
    assert!(matches!(floor.find(m("2027-06")), At::InForce(e) if e.from == m("2026-07")));
    // 2027-07 to 2028-06: the 2026 Shandong year's 4573, carried from 2027-07.
    assert!(matches!(floor.find(m("2027-07")), At::Carried { since, .. } if since == m("2027-07")));
    assert!(matches!(floor.find(m("2028-06")), At::Carried { .. }));
    assert_eq!(floor.find(m("2028-07")), At::NotOnFile);
    assert_eq!(floor.find(m("2019-12")), At::Before);
    assert_eq!(floor.horizon(), Some(m("2028-06")));
}

#[test]
fn a_document_whose_term_ends_says_so_after_it() {
    let hg = file("huanggang.toml");
    let load_hg = |t: &str| match load(&[
        ("national.toml", file("national.toml").as_str()),
        ("huanggang.toml", t),
    ]) {
        Ok(_) => Vec::new(),
        Err(issues) => issues
            .iter()
            .map(|i| format!("{}|{}", i.key, i.reason.en))
            .collect::<Vec<_>>(),
    };
    assert!(load_hg(&hg).is_empty(), "{:?}", load_hg(&hg));
    let without = hg.split("[[notice]]").next().unwrap().to_string();
    assert!(load_hg(&without)
        .iter()
        .any(|i| i.starts_with("notice|") && i.contains("carried provisionally after it")));
    // No window runs past the term: what follows is carried, and said to be.
    let past = replace_once(
        &hg,
        "to = \"2026-12\"\nvalue = \"0.02\"",
        "to = \"2027-06\"\nvalue = \"0.02\"",
    );
    assert!(
        load_hg(&past)
            .iter()
            .any(|i| i.contains("runs past the document's term")),
        "{:?}",
        load_hg(&past)
    );
}

#[test]
fn notices_name_their_source_and_parameters() {
    let notice = |body: &str| format!("{}\n[[notice]]\n{body}\n", file("jining.toml"));
    let ok = "id = \"x\"\nfrom = \"2025-01\"\nbears_on = []\nstatus = \"seed\"\ndoc = \"jining-2020\"\narticle = \"三（二）1\"\nquote = \"q\"\ntext_zh = \"中\"\ntext_en = \"en\"";
    assert!(
        issues_with(&notice(ok))
            .iter()
            .all(|i| !i.contains("notice")),
        "{:?}",
        issues_with(&notice(ok))
    );
    assert_issue(
        &notice(&ok.replace("bears_on = []", "bears_on = [\"employee.rate.bonus\"]")),
        "notice[1].bears_on",
        "unknown parameter id",
    );
    assert_issue(
        &notice(&ok.replace("jining-2020", "nowhere")),
        "notice[1].doc",
        "not in [documents]",
    );
    assert_issue(
        &notice(&ok.replace("text_en = \"en\"", "")),
        "notice[1].text_en",
        "required field is missing",
    );
    assert_issue(
        &notice(&ok.replace("status = \"seed\"", "status = \"unknown\"")),
        "notice[1].status",
        "is not a status",
    );
}
