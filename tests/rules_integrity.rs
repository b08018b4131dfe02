//! Rules integrity: every value in rules/ has a source and a status (checked by the loader
//! and tests/rules_check.rs), and every figure written as `unknown` is one the calculator
//! asks for — as an error listing the id to supply, or as a "not published" input — in some
//! situation a person can be in. A figure nobody could ever be asked for would be a silent gap.

use std::collections::{BTreeMap, BTreeSet};

use yibao::model::{Scope, Status, CATALOGUE};
use yibao::rules;
use yibao::{Error, Explanation, Raw};

fn note(
    asked: &mut BTreeSet<String>,
    supplied: &mut BTreeMap<String, Raw>,
    result: Result<&Explanation, Error>,
) {
    match result {
        // A figure the result went without is offered as an input too: supply it as a person would.
        Ok(ex) => {
            for n in &ex.not_known {
                asked.insert(n.param.key().to_string());
                if n.param.scope() != Scope::National {
                    supplied.insert(
                        n.param.key().to_string(),
                        Raw(yibao::asks::sample(n.param.unit())),
                    );
                }
            }
        }
        Err(Error::MissingFigures { missing, .. }) => {
            for m in missing {
                asked.insert(m.id.key().to_string());
                supplied.insert(
                    m.id.key().to_string(),
                    Raw(yibao::asks::sample(m.id.unit())),
                );
            }
        }
        Err(_) => {}
    }
}

/// Every id the calculator asks for in a city, supplying what it asks until nothing new is.
fn asked_in(city: &yibao::model::City) -> BTreeSet<String> {
    // Early in the city's pooling, and past every figure carried (where later rules ask
    // for figures the early ones did not, such as 温州's provincial average wage).
    let early = city.pooling_from.plus(6).unwrap_or(city.pooling_from);
    let late = yibao::YearMonth::new(2028, 7).unwrap();
    [early, late]
        .into_iter()
        .fold(BTreeSet::new(), |mut all, m| {
            all.extend(asked_at(city, m));
            all
        })
}

/// Every id the calculator asks for in a city at a month, supplying what it asks until
/// nothing new is.
fn asked_at(city: &yibao::model::City, month: yibao::YearMonth) -> BTreeSet<String> {
    let m = month.to_string();
    let mut asked = BTreeSet::new();
    let mut supplied: BTreeMap<String, Raw> = BTreeMap::new();
    for _ in 0..8 {
        let before = (asked.len(), supplied.len());
        for employer in ["other", "public_body"] {
            let r = yibao::contribution(&yibao::ContributionRequest {
                city: city.id.as_str().into(),
                month: m.as_str().into(),
                employer: employer.into(),
                wage: "5000".into(),
                overrides: supplied.clone(),
                ..Default::default()
            });
            note(
                &mut asked,
                &mut supplied,
                r.as_ref().map(|r| &r.explanation).map_err(Clone::clone),
            );
        }
        for interrupted in ["false", "true"] {
            let r = yibao::flexible(&yibao::FlexibleRequest {
                city: city.id.as_str().into(),
                month: m.as_str().into(),
                first_paid: m.as_str().into(),
                interrupted: interrupted.into(),
                overrides: supplied.clone(),
                ..Default::default()
            });
            note(
                &mut asked,
                &mut supplied,
                r.as_ref().map(|r| &r.explanation).map_err(Clone::clone),
            );
        }
        for year in 2020..=2027 {
            let r = yibao::resident(&yibao::ResidentRequest {
                city: city.id.as_str().into(),
                year: Raw(year.to_string()),
                break_years: "2".into(),
                overrides: supplied.clone(),
                ..Default::default()
            });
            note(
                &mut asked,
                &mut supplied,
                r.as_ref().map(|r| &r.explanation).map_err(Clone::clone),
            );
        }
        let situations = [
            ("employee", "60", "", ""),
            ("flexible", "60", "", ""),
            ("never_enrolled", "0", "3000", ""),
            ("flexible_retiree", "0", "", ""),
            ("bankrupt", "60", "3000", "60"),
        ];
        // Both sexes: some cities set a women's minimum of its own.
        for (category, (situation, paid, pension, age)) in ["male", "female-55"]
            .into_iter()
            .flat_map(|c| situations.into_iter().map(move |s| (c, s)))
        {
            let r = yibao::eligibility(&yibao::EligibilityRequest {
                city: city.id.as_str().into(),
                birth: "1960-01".into(),
                category: category.into(),
                as_of: m.as_str().into(),
                paid_months: paid.into(),
                deemed_months: "12".into(),
                transferred_months: if paid == "0" { "0".into() } else { "12".into() },
                last_base: "5000".into(),
                situation: situation.into(),
                pension: pension.into(),
                bankruptcy_age: age.into(),
                overrides: supplied.clone(),
                ..Default::default()
            });
            note(
                &mut asked,
                &mut supplied,
                r.as_ref().map(|r| &r.explanation).map_err(Clone::clone),
            );
        }
        let year = month.year().to_string();
        let rows = vec![yibao::compute::fund::FundRow {
            year: year.as_str().into(),
            county: "A".into(),
            revenue: "100".into(),
            expenditure: "200".into(),
            opening_balance: "10".into(),
            prior_revenue: "100".into(),
            plan_met: "".into(),
            line: None,
        }];
        let r = yibao::fund(&yibao::FundRequest {
            city: city.id.as_str().into(),
            rows,
            overrides: supplied.clone(),
            ..Default::default()
        });
        note(
            &mut asked,
            &mut supplied,
            r.as_ref().map(|r| &r.explanation).map_err(Clone::clone),
        );
        if (asked.len(), supplied.len()) == before {
            break;
        }
    }
    asked
}

#[test]
fn every_unknown_is_asked_for_somewhere() {
    let r = rules::rules().unwrap();
    let mut silent = Vec::new();
    for city in &r.cities {
        let asked = asked_in(city);
        for (id, series) in &city.params {
            if series.entries.iter().any(|e| e.status == Status::Unknown)
                && !asked.contains(id.key())
            {
                silent.push(format!("{}: {id}", city.id));
            }
        }
    }
    assert!(
        silent.is_empty(),
        "unknown figures the calculator never asks for:\n{}",
        silent.join("\n")
    );
}

#[test]
fn national_unknowns_have_a_city_figure_asked_in_their_place() {
    // The national minima are a fallback: where none is on file (benefit year 2021's
    // individual figure; 2028, past the year the 2026 figures may be carried), the city's
    // own premium is asked for instead (see compute/resident.rs).
    let r = rules::rules().unwrap();
    let mut unknown: Vec<&str> = r
        .national
        .values()
        .filter(|s| s.entries.iter().any(|e| e.status == Status::Unknown))
        .map(|s| s.id.key())
        .collect();
    unknown.sort();
    assert_eq!(
        unknown,
        vec![
            "personal_account.in_service_share",
            "resident.national_min.individual"
        ]
    );
    let r = yibao::resident(&yibao::ResidentRequest {
        city: "jining".into(),
        year: "2028".into(),
        ..Default::default()
    })
    .unwrap();
    assert!(r.individual_premium.is_none());
    assert!(
        r.explanation
            .not_known
            .iter()
            .any(|n| n.param.key() == "resident.individual_premium"),
        "{:?}",
        r.explanation.not_known
    );
    // The 2020 personal-account rule (before the 2021 reform) is reported as not published.
    let c = yibao::contribution(&yibao::ContributionRequest {
        city: "jining".into(),
        month: "2020-06".into(),
        employer: "other".into(),
        wage: "5000".into(),
        ..Default::default()
    })
    .unwrap();
    assert!(c
        .explanation
        .not_known
        .iter()
        .any(|n| n.param.key() == "personal_account.in_service_share"));
}

#[test]
fn every_city_parameter_the_ui_offers_has_a_hint() {
    for def in CATALOGUE.iter().filter(|d| d.scope != Scope::National) {
        assert!(
            !def.hint_zh.is_empty() && !def.hint_en.is_empty(),
            "{} needs a hint on where to find it",
            def.key()
        );
    }
}
