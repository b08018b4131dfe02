//! Figures from whoever holds them: a site's figures file is read and checked like the
//! rules (every defect with the line of its figure), merged so each figure replaces the
//! built-in one for the months it covers, cited at most as official, and named in every
//! result that uses it. (The merge tests merge into freshly decoded rules: the last test
//! installs the file for the whole process.)

use yibao::model::{load, At, ParamId, Status, YearMonth};

fn file(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/figures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn m(s: &str) -> YearMonth {
    s.parse().unwrap()
}

#[test]
fn a_site_figure_replaces_the_carried_one_for_its_months() {
    let site = load::figures("wenzhou-2027.toml", &file("wenzhou-2027.toml")).unwrap();
    assert_eq!(site.figures.len(), 2);
    // A seed status is for the five pooling documents: a site's is official at most.
    assert!(site
        .figures
        .iter()
        .all(|f| f.entry.status == Status::Official && f.entry.site));
    assert!(site
        .documents
        .iter()
        .all(|d| d.status == Status::Official
            && d.site.as_deref() == Some("示例网站 (example site)")));
    let rules = yibao::rules::decode().unwrap().with_site(&site).unwrap();
    let floor = &rules.city("wenzhou").unwrap().params[&ParamId::BaseFloor];
    // 2026-12 is the built-in 4986; 2027 the site's 5100 in force (not carried); 2028 the
    // site's carried.
    assert!(
        matches!(floor.find(m("2026-12")), At::InForce(e) if e.value.as_ref().unwrap().show() == "4986.00")
    );
    assert!(
        matches!(floor.find(m("2027-06")), At::InForce(e) if e.site && e.value.as_ref().unwrap().show() == "5100.00")
    );
    assert!(matches!(floor.find(m("2028-03")), At::Carried { entry, .. } if entry.site));
    assert_eq!(floor.find(m("2029-01")), At::NotOnFile);
}

#[test]
fn a_site_window_inside_a_built_in_one_splits_it_and_a_gap_is_carried() {
    // 济宁's floor 4573 runs 2026-07 → 2027-06. A site figure for 2026-10 → 2026-12 splits it.
    let text = file("wenzhou-2027.toml")
        .replace("city = \"wenzhou\"", "city = \"jining\"")
        .replace(
            "from = \"2027-01\"\nto = \"2027-12\"\nvalue = \"5100\"",
            "from = \"2026-10\"\nto = \"2026-12\"\nvalue = \"4600\"",
        );
    let site = load::figures("split.toml", &text).unwrap();
    let rules = yibao::rules::decode().unwrap().with_site(&site).unwrap();
    let floor = &rules.city("jining").unwrap().params[&ParamId::BaseFloor];
    let value = |s: &str| match floor.find(m(s)) {
        At::InForce(e) | At::Carried { entry: e, .. } => e.value.as_ref().unwrap().show(),
        other => format!("{other:?}"),
    };
    assert_eq!(value("2026-09"), "4573.00");
    assert_eq!(value("2026-11"), "4600.00");
    assert_eq!(value("2027-03"), "4573.00");
    // A site figure that starts after a gap: the months between are carried from before.
    let text = file("wenzhou-2027.toml").replace(
        "from = \"2027-01\"\nto = \"2027-12\"\nvalue = \"5100\"",
        "from = \"2027-07\"\nto = \"2028-06\"\nvalue = \"5100\"",
    );
    let site = load::figures("gap.toml", &text).unwrap();
    let rules = yibao::rules::decode().unwrap().with_site(&site).unwrap();
    let floor = &rules.city("wenzhou").unwrap().params[&ParamId::BaseFloor];
    assert!(
        matches!(floor.find(m("2027-03")), At::Carried { entry, since } if !entry.site && since == m("2027-01"))
    );
    assert!(matches!(floor.find(m("2027-07")), At::InForce(e) if e.site));
}

#[test]
fn a_bad_file_is_refused_with_the_line_and_the_reason() {
    let bad = file("wenzhou-2027.toml").replace("value = \"5100\"", "value = \"51.001\"");
    let issues = load::figures("bad.toml", &bad).unwrap_err();
    assert!(
        issues.iter().any(|i| i.key == "figure 1 (line 15).value"
            && i.reason.en.contains("more than two decimals")),
        "{issues:#?}"
    );
    let no_carry = file("wenzhou-2027.toml").replacen("carry = 12\n", "", 1);
    let issues = load::figures("bad.toml", &no_carry).unwrap_err();
    assert!(
        issues
            .iter()
            .any(|i| i.key == "figure 1 (line 15)" && i.reason.en.contains("carried")),
        "{issues:#?}"
    );
    let no_city = file("wenzhou-2027.toml").replacen("city = \"wenzhou\"\n", "", 1);
    let issues = load::figures("bad.toml", &no_city).unwrap_err();
    assert!(
        issues
            .iter()
            .any(|i| i.key == "figure 1 (line 15).city" && i.reason.zh.contains("城市")),
        "{issues:#?}"
    );
    // A misspelt id is named as such, with the id it was probably meant to be, in Chinese
    // and English alike (the reason of a bad value too).
    let misspelt =
        file("wenzhou-2027.toml").replacen("employee.base.floor", "employee.base.flor", 1);
    let issues = load::figures("bad.toml", &misspelt).unwrap_err();
    assert!(
        issues.iter().any(|i| i.key == "figure 1 (line 15).param"
            && i.reason
                .zh
                .contains("没有参数编号 `employee.base.flor`；是否是 `employee.base.floor`？")),
        "{issues:#?}"
    );
    let bad_value = load::figures("bad.toml", &bad).unwrap_err();
    assert!(
        bad_value
            .iter()
            .any(|i| i.reason.zh == "数值无效：`51.001` 超过两位小数（金额精确到分）"),
        "{bad_value:#?}"
    );
    let no_site = file("wenzhou-2027.toml").replacen("site = ", "sight = ", 1);
    let issues = load::figures("bad.toml", &no_site).unwrap_err();
    assert!(issues.iter().any(|i| i.key == "site"), "{issues:#?}");
    // Read, but not mergeable: a city the rules do not have.
    let beijing = file("wenzhou-2027.toml").replace("city = \"wenzhou\"", "city = \"beijing\"");
    let site = load::figures("bad.toml", &beijing).unwrap();
    let issues = yibao::rules::decode()
        .unwrap()
        .with_site(&site)
        .unwrap_err();
    assert!(
        issues
            .iter()
            .any(|i| i.key == "figure 1 (line 15)" && i.reason.en.contains("no such city")),
        "{issues:#?}"
    );
}

#[test]
fn results_say_which_figures_came_from_the_site() {
    let site = load::figures("wenzhou-2027.toml", &file("wenzhou-2027.toml")).unwrap();
    yibao::rules::install_site(&site).unwrap();
    // Once per program.
    assert!(yibao::rules::install_site(&site).is_err());
    // max(3000, 5100) = 5100.00; 5100 × 9.2% = 469.20; 5100 × 2% = 102.00
    let r = yibao::contribution(&yibao::ContributionRequest {
        city: "wenzhou".into(),
        month: "2027-02".into(),
        employer: "other".into(),
        wage: "3000".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(r.base.to_string(), "5100.00");
    assert_eq!(r.employer.basic.to_string(), "469.20");
    let n = r
        .explanation
        .notices
        .iter()
        .find(|n| n.id == "site-figures")
        .expect("the site's figures are named");
    assert!(n.text.zh.contains("示例网站"));
    let step = r
        .explanation
        .steps
        .iter()
        .find(|s| s.key == "base")
        .unwrap();
    let floor = step
        .cites
        .iter()
        .find(|c| c.param == Some(ParamId::BaseFloor))
        .unwrap();
    assert_eq!(floor.status, Some(Status::Official));
    assert_eq!(
        floor.source.as_ref().unwrap().document.site,
        Some("示例网站 (example site)")
    );
    // The national 2027 minimum, 420, replaces the carried 400.
    let res = yibao::resident(&yibao::ResidentRequest {
        city: "jining".into(),
        year: "2027".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(res.individual_premium.unwrap().amount.to_string(), "420.00");
}
