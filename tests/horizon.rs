//! Every month answers: with the web app's starting fields, every city and view is computed
//! for every month from today (or 2026-12, whichever is earlier) to twelve months on. None
//! may be refused (no error about the calendar, ever), and a view that shows a figure today
//! must show one in every month after. Figures past their window are carried provisionally
//! (rules/README.md), so the months ahead are the test of that.

use std::time::{SystemTime, UNIX_EPOCH};

use yibao::defaults::{request, Answer, KINDS};
use yibao::YearMonth;

fn this_month() -> YearMonth {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    YearMonth::in_china(secs).unwrap()
}

fn answer(kind: &str, city: &str, month: YearMonth, official_only: bool) -> Answer {
    let req = request(kind, city, month, official_only).unwrap();
    Answer::of(&yibao::compute(&req))
}

#[test]
fn every_month_ahead_answers_where_today_answers() {
    let rules = yibao::rules().unwrap();
    let fixed = YearMonth::new(2026, 12).unwrap();
    let today = this_month();
    let start = today.min(fixed);
    let end = today.max(fixed).plus(12).unwrap();
    let mut problems = Vec::new();
    let mut computed = 0;
    for official_only in [false, true] {
        for city in &rules.cities {
            for kind in KINDS {
                let first = answer(kind, &city.id, start, official_only);
                let mut m = start;
                while m <= end {
                    let a = answer(kind, &city.id, m, official_only);
                    computed += 1;
                    if a == Answer::Refused {
                        problems.push(format!(
                            "{} {kind} {m} (official only: {official_only}): refused",
                            city.id
                        ));
                    } else if first.answers() && !a.answers() {
                        problems.push(format!("{} {kind} {m} (official only: {official_only}): answered in {start} ({first:?}), now {a:?}", city.id));
                    }
                    m = m.plus(1).unwrap();
                }
            }
        }
    }
    assert!(computed >= 2 * 5 * 4 * 13, "{computed}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn what_answers_in_december_2026() {
    // The starting screens of the month this round began, as a person sees them: the views
    // that show figures, by city (the README's table "With nothing typed").
    let m = YearMonth::new(2026, 12).unwrap();
    let shows = |city: &str, kind: &str| answer(kind, city, m, false).answers();
    for city in ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"] {
        assert!(shows(city, "contribution"), "{city} contribution");
        assert!(
            shows(city, "resident"),
            "{city} resident: benefit year 2027 has the carried national minima"
        );
        assert!(
            shows(city, "eligibility"),
            "{city} eligibility: the retirement month at least"
        );
    }
    // With official figures only, the resident view with no break and the retirement view
    // answer everywhere (国办发〔2024〕38号 and the decision's own words are official).
    for city in ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"] {
        assert!(
            answer("resident", city, m, true).answers(),
            "{city} resident, official only"
        );
        assert!(
            answer("eligibility", city, m, true).answers(),
            "{city} eligibility, official only"
        );
    }
}
