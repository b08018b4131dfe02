//! Which figures a request could ask for, whatever is typed in its text boxes: the boxes a
//! page offers for unpublished figures. They depend only on the choices (the city, the
//! month, the selects, official figures only), never on the numbers typed, so no box
//! appears, vanishes or moves while a person types (a box that appeared under the fingers
//! once swallowed the second key of "25" and gave a wrong retirement answer).
//!
//! Found the way the rules' integrity test walks them: each kind's probes (its request with
//! the typed fields set to values that reach every path: a deficit of months, deemed and
//! transferred months, a break) are computed, every figure asked for is supplied with a
//! sample of its unit, and again, until nothing new is asked.

use std::collections::{BTreeMap, BTreeSet};

use crate::input::Raw;
use crate::model::{ParamId, Scope, Unit};
use crate::registry::Request;
use crate::Error;

/// A value of a unit that lets a computation go on to whatever it asks next (also what the
/// rules' integrity test supplies to walk every path).
pub fn sample(unit: Unit) -> String {
    match unit {
        Unit::Rate => "0.02".into(),
        Unit::YuanPerMonth => "5000".into(),
        Unit::YuanPerYear => "400".into(),
        Unit::Years => "10".into(),
        Unit::Months => "6".into(),
        Unit::Days => "3".into(),
        Unit::Flag => "false".into(),
        Unit::Choice(c) => c.first().map_or_else(String::new, |c| c.word.to_string()),
        Unit::ChoiceSet(c) => c.iter().map(|c| c.word).collect::<Vec<_>>().join(","),
        Unit::Month => "2020-01".into(),
    }
}

/// The request with its typed fields set to values that reach every path of the
/// computation (the selects, months and checkboxes stay as the person set them).
fn probes(req: &Request) -> Vec<Request> {
    let mut out = Vec::new();
    match req {
        Request::Contribution(r) => {
            let mut p = r.clone();
            p.wage = Raw::from("5000");
            out.push(Request::Contribution(p));
        }
        Request::Flexible(r) => out.push(Request::Flexible(r.clone())),
        Request::Resident(r) => {
            for (breaks, repaid) in [("0", "0"), ("5", "1")] {
                let mut p = r.clone();
                p.break_years = Raw::from(breaks);
                p.repaid_years = Raw::from(repaid);
                p.household = Raw::from("2");
                out.push(Request::Resident(p));
            }
        }
        Request::Eligibility(r) => {
            for (paid, other) in [("0", "1"), ("0", "0")] {
                let mut p = r.clone();
                p.paid_months = Raw::from(paid);
                p.deemed_months = Raw::from(other);
                p.transferred_months = Raw::from(other);
                p.last_base = Raw::from("5000");
                p.pension = Raw::from("3000");
                p.bankruptcy_age = Raw::from("50");
                p.payment_month = Raw::default();
                out.push(Request::Eligibility(p));
            }
        }
        // The fund page's boxes do not follow the file either: a made-up file that reaches
        // every path (pooling's first year with a balance to collect and a deficit from
        // before pooling, a deficit and a surplus, a plan missed, a second year) asks all
        // the city could need.
        #[cfg(feature = "fund")]
        Request::Fund(r) => {
            let year = crate::rules()
                .ok()
                .and_then(|rules| rules.city(r.city.as_str()))
                .map_or(2020, |c| c.pooling_from.year());
            let row =
                |y: i32, county: &str, revenue: &str, spent: &str, opening: &str, plan: &str| {
                    crate::compute::fund::FundRow {
                        year: Raw(y.to_string()),
                        county: Raw::from(county),
                        revenue: Raw::from(revenue),
                        expenditure: Raw::from(spent),
                        opening_balance: Raw::from(opening),
                        prior_revenue: Raw::from(if y == year { revenue } else { "" }),
                        plan_met: Raw::from(plan),
                        line: None,
                    }
                };
            let mut p = r.clone();
            p.rows = vec![
                row(year, "A", "100", "300", "50", ""),
                row(year, "B", "100", "50", "-10", "false"),
                row(year + 1, "A", "100", "300", "", ""),
                row(year + 1, "B", "100", "50", "", ""),
            ];
            out.push(Request::Fund(p));
            out.push(Request::Fund(r.clone()));
        }
    }
    out
}

/// Every figure nobody published (for the city, the month and the choices made) that a
/// request of this kind could ask for, in the catalogue's order.
pub fn asks(req: &Request) -> Vec<ParamId> {
    let mut asked: BTreeSet<ParamId> = BTreeSet::new();
    let mut supplied: BTreeMap<String, Raw> = BTreeMap::new();
    let probes = probes(req);
    for _ in 0..8 {
        let before = asked.len();
        for probe in &probes {
            let mut p = probe.clone();
            let o = p.options();
            *o.overrides = supplied.clone();
            *o.explain = Some(false);
            let ids: Vec<ParamId> = match crate::compute(&p) {
                Ok(r) => r
                    .explanation()
                    .not_known
                    .iter()
                    .filter(|n| n.asked)
                    .map(|n| n.param)
                    .collect(),
                Err(Error::MissingFigures {
                    missing, optional, ..
                }) => missing
                    .iter()
                    .map(|m| m.id.as_str())
                    .chain(optional.iter().map(String::as_str))
                    .filter_map(ParamId::parse)
                    .collect(),
                Err(_) => Vec::new(),
            };
            for id in ids.into_iter().filter(|id| id.scope() != Scope::National) {
                supplied
                    .entry(id.key().to_string())
                    .or_insert_with(|| Raw(sample(id.unit())));
                asked.insert(id);
            }
        }
        if asked.len() == before {
            break;
        }
    }
    asked.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eligibility(city: &str, deemed: &str, min_years: Option<&str>) -> Request {
        let fields = [
            ("city", city),
            ("birth", "1968-05"),
            ("category", "female-55"),
            ("as_of", "2026-12"),
            ("paid_months", "168"),
            ("deemed_months", deemed),
        ];
        let mut r = Request::from_fields("eligibility", fields).unwrap();
        if let Some(m) = min_years {
            r.options()
                .overrides
                .insert("retiree.min_years_women".to_string(), Raw::from(m));
        }
        r
    }

    #[test]
    fn the_boxes_do_not_depend_on_what_is_typed() {
        // 盐城 (men 30 / women 25 from 2024; deemed months counted by an unknown rule): the
        // boxes are the same before and after the deemed months and the minimum are typed.
        let before = asks(&eligibility("yancheng", "0", None));
        let after = asks(&eligibility("yancheng", "60", Some("25")));
        assert_eq!(before, after);
        assert!(before.contains(&ParamId::CountedMonthsRule), "{before:?}");
        // 黄冈 2027: nothing known but the retirement month, yet every box is there at once.
        let hg = asks(&eligibility("huanggang", "0", None));
        assert!(
            hg.contains(&ParamId::MinYears)
                && hg.contains(&ParamId::CountedMonthsRule)
                && hg.contains(&ParamId::TopupRate),
            "{hg:?}"
        );
    }
}
