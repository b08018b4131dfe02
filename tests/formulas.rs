//! Reads every written formula of every computation and checks its arithmetic, the way a
//! person with a desk calculator would: from the numbers the step shows, not from the
//! engine's own values. A step's formula is "operands and operators = result" (money:
//! "= exact ≈ rounded"); its English text is parsed and evaluated here by a small reader
//! of its own, its Chinese text must show the same numbers in the same order, and the
//! step's value must be the result it shows. A statement (a fact) may hold no "=": one
//! that does must be true arithmetic too.
//!
//! The requests: every golden case, with its explanation, and a sweep of every city and
//! kind over the months from pooling to a year ahead, with wages and fund figures that
//! have odd fen (so a total's product and a sum of rounded shares can differ).

use std::fs;

use serde_json::{json, Value};

/// The reader of a step's formula and its check.
#[path = "common/formula.rs"]
mod formula;
use formula::check;

/// Every explanation's steps in a result (a comparison or a household holds several).
fn steps(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(s)) = m.get("steps") {
                out.extend(s.iter().cloned());
            }
            for x in m.values() {
                steps(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| steps(x, out)),
        _ => {}
    }
}

/// Computes a request with its explanation; the steps of a result, or none for a refusal.
fn computed(mut req: Value) -> Option<Value> {
    req["explain"] = json!(true);
    let req: yibao::Request = serde_json::from_value(req).ok()?;
    yibao::compute(&req)
        .ok()
        .map(|r| serde_json::to_value(r).expect("serialise"))
}

fn golden_requests() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = fs::read_dir("tests/golden")
        .expect("tests/golden")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let text = fs::read_to_string(&path).expect("golden file");
        let file: toml::Value = toml::from_str(&text).expect("golden toml");
        for case in file["case"].as_array().into_iter().flatten() {
            let mut input = serde_json::to_value(&case["input"]).expect("input as json");
            input["kind"] = case["kind"].clone().try_into().expect("kind");
            out.push((
                format!(
                    "{}: {}",
                    path.display(),
                    case["name"].as_str().unwrap_or("")
                ),
                input,
            ));
        }
    }
    out
}

fn months() -> Vec<String> {
    let mut out = Vec::new();
    for y in 2020..=2027 {
        for m in [1, 4, 7, 10, 12] {
            out.push(format!("{y}-{m:02}"));
        }
    }
    out
}

const CITIES: [&str; 5] = ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"];

fn sweep() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for city in CITIES {
        for month in months() {
            for wage in ["1000", "3000", "4321.09", "7127.25", "33333.33"] {
                for employer in ["other", "public_body"] {
                    out.push((
                        format!("{city} {month} {employer} {wage}"),
                        json!({"kind": "contribution", "city": city, "month": month, "employer": employer, "wage": wage}),
                    ));
                }
            }
            out.push((
                format!("{city} {month} flexible"),
                json!({"kind": "flexible", "city": city, "month": month, "first_paid": month, "overrides": {"flexible.base": "4321.09"}}),
            ));
            out.push((
                format!("{city} {month} flexible, interrupted"),
                json!({"kind": "flexible", "city": city, "month": month, "first_paid": month, "interrupted": "true"}),
            ));
            let year = &month[..4];
            out.push((
                format!("{city} {year} resident"),
                json!({"kind": "resident", "city": city, "year": year, "break_years": "2"}),
            ));
            for (birth, paid, base) in [
                ("1966-01", "100", "4321.09"),
                ("1970-05", "300", "6789.01"),
                ("1975-12", "12", "3333.33"),
            ] {
                for situation in ["employee", "flexible"] {
                    out.push((
                        format!("{city} as of {month}: born {birth}, {paid} months, {situation}"),
                        json!({"kind": "eligibility", "city": city, "birth": birth, "category": "male", "paid_months": paid, "last_base": base, "situation": situation, "as_of": month}),
                    ));
                }
            }
        }
        // The fund with fractional figures: two counties at 1,000,000.25 of prior revenue
        // (黄冈's 2% of each is 20,000.005, rounded to 20,000.01 each: the reserve is their
        // sum, 40,000.02, never "2,000,000.50 × 2% = 40,000.02"), deficits and surpluses
        // with odd fen, a cap reached in the third year.
        let rows = json!([
                {"year": "2024", "county": "A", "revenue": "1000000.25", "expenditure": "990000.37", "opening_balance": "12345.67", "prior_revenue": "1000000.25"},
                {"year": "2024", "county": "B", "revenue": "1000000.25", "expenditure": "1090000.11", "opening_balance": "3333.33", "prior_revenue": "1000000.25"},
                {"year": "2025", "county": "A", "revenue": "1200000.01", "expenditure": "1000000.99"},
                {"year": "2025", "county": "B", "revenue": "800000.03", "expenditure": "1100000.07"},
                {"year": "2026", "county": "A", "revenue": "3000000.33", "expenditure": "1000000.01"},
                {"year": "2026", "county": "B", "revenue": "3000000.77", "expenditure": "3500000.05"},
        ]);
        out.push((
            format!("{city} fund"),
            json!({"kind": "fund", "city": city, "rows": rows}),
        ));
        // Where a city leaves its share to be set separately, a share with odd digits.
        out.push((
            format!("{city} fund, a city share of 33.3%"),
            json!({"kind": "fund", "city": city, "rows": rows, "overrides": {"fund.deficit.city_share": "0.333"}}),
        ));
    }
    out
}

#[test]
fn every_formula_of_every_computation_is_true_arithmetic() {
    let mut failures = Vec::new();
    let mut formulas = 0;
    let mut results: std::collections::BTreeMap<String, usize> = Default::default();
    for (name, req) in golden_requests().into_iter().chain(sweep()) {
        let kind = req["kind"].as_str().unwrap_or_default().to_string();
        let Some(result) = computed(req) else {
            continue;
        };
        *results.entry(kind).or_default() += 1;
        let mut all = Vec::new();
        steps(&result, &mut all);
        for s in &all {
            match check(s) {
                Ok(true) => formulas += 1,
                Ok(false) => {}
                Err(e) => failures.push(format!(
                    "{name}: step {} «{}»: {e}",
                    s["key"], s["formula"]["en"]
                )),
            }
        }
    }
    // The sweep reaches every kind: a request shape the core stopped accepting would
    // otherwise pass by checking nothing.
    assert!(
        failures.is_empty(),
        "{} false formulas, for example:\n{}",
        failures.len(),
        failures
            .iter()
            .take(usize::MAX)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    for (kind, least) in [
        ("contribution", 700),
        ("flexible", 100),
        ("resident", 50),
        ("eligibility", 500),
        ("fund", 8),
    ] {
        let n = results.get(kind).copied().unwrap_or(0);
        assert!(
            n >= least,
            "{kind}: only {n} results computed ({results:?})"
        );
    }
    assert!(formulas > 15_000, "only {formulas} formulas read");
}

#[test]
fn the_reader_catches_a_false_formula() {
    let step =
        |en: &str, zh: &str, value: &str| json!({"formula": {"en": en, "zh": zh}, "value": value});
    // The fund's old reserve step: a sum of rounded shares printed as the total's product.
    assert!(check(&step(
        "prior-year revenue 2000000.50 × 2% = 40000.02",
        "上年收入 2000000.50 × 2% = 40000.02",
        "40000.02"
    ))
    .is_err());
    assert!(check(&step(
        "20000.01 + 20000.01 = 40000.02",
        "20000.01 + 20000.01 = 40000.02",
        "40000.02"
    ))
    .unwrap());
    assert!(check(&step(
        "1750.00 × 1/3 = 583.3333333333333333333333333 ≈ 583.34",
        "1750.00 × 1/3 = 583.3333333333333333333333333 ≈ 583.34",
        "583.34"
    ))
    .unwrap());
    assert!(check(&step(
        "min(max(wage 5000.00, floor 3000.00), ceiling 15000.00) = 5000.00",
        "（工资 5000.00、下限 3000.00 中较大者）、上限 15000.00 中较小者 = 5000.00",
        "5000.00"
    ))
    .unwrap());
    assert!(check(&step(
        "born 1967-03 + 731 = 2028-02",
        "出生 1967-03 + 731 = 2028-02",
        "2028-02"
    ))
    .unwrap());
    // A value other than the result, or Chinese with other numbers.
    assert!(check(&step("2 × 3 = 6", "2 × 3 = 6", "7")).is_err());
    assert!(check(&step("2 × 3 = 6", "2 × 4 = 6", "6")).is_err());
    assert!(check(&step("⌈27 ÷ 4⌉ = 7", "27 ÷ 4，向上取整 = 7", "7")).unwrap());
}
