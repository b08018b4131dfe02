//! The JS API in a real browser (headless Chromium): plain objects in, plain objects out,
//! errors thrown as objects with field and reason.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, k| match k.parse::<u32>() {
            Ok(i) => Reflect::get_u32(&v, i).unwrap(),
            Err(_) => Reflect::get(&v, &JsValue::from_str(k)).unwrap(),
        })
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

#[wasm_bindgen_test]
fn contribution_returns_plain_json_with_string_money() {
    let r = yibao_js::contribution(obj(&[
        ("city", s("jining")),
        ("month", s("2024-03")),
        ("employer", s("other")),
        ("wage", s("5000")),
    ]))
    .unwrap();
    assert_eq!(get(&r, "employer.total").as_string().unwrap(), "406.00");
    assert_eq!(get(&r, "individual.total").as_string().unwrap(), "104.00");
    // A plain object, not a Map: property access works.
    assert!(get(&r, "explanation.steps.0.label.zh")
        .as_string()
        .is_some());
}

#[wasm_bindgen_test]
fn numbers_are_accepted_as_js_numbers() {
    let r = yibao_js::contribution(obj(&[
        ("city", s("jining")),
        ("month", s("2024-03")),
        ("employer", s("public_body")),
        ("wage", JsValue::from_f64(5000.0)),
    ]))
    .unwrap();
    assert_eq!(get(&r, "employer.total").as_string().unwrap(), "376.00");
}

#[wasm_bindgen_test]
fn errors_are_thrown_as_objects_with_field_and_reason() {
    let e = yibao_js::contribution(obj(&[
        ("city", s("jining")),
        ("month", s("2024-03")),
        ("employer", s("other")),
        ("wage", s("-5")),
    ]))
    .unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "input");
    assert_eq!(get(&e, "errors.0.field").as_string().unwrap(), "wage");
    assert_eq!(get(&e, "errors.0.code").as_string().unwrap(), "negative");
    assert!(get(&e, "errors.0.message.en")
        .as_string()
        .unwrap()
        .contains("negative"));
}

#[wasm_bindgen_test]
fn missing_figures_and_overrides() {
    let req = |overrides: JsValue| {
        obj(&[
            ("city", s("wenzhou")),
            ("month", s("2022-03")),
            ("employer", s("other")),
            ("wage", s("5000")),
            ("overrides", overrides),
        ])
    };
    let e = yibao_js::contribution(req(obj(&[]))).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "missing_figures");
    assert_eq!(
        get(&e, "missing.0.id").as_string().unwrap(),
        "employee.rate.employer.other"
    );
    let o = obj(&[
        ("employee.rate.employer.other", s("0.07")),
        ("employee.rate.individual", s("0.02")),
        ("employee.fixed.employer", s("0")),
        ("employee.fixed.individual", s("0")),
    ]);
    let r = yibao_js::contribution(req(o)).unwrap();
    assert_eq!(get(&r, "employer.total").as_string().unwrap(), "350.00");
    assert_eq!(
        get(&r, "explanation.user_supplied.0").as_string().unwrap(),
        "employee.rate.employer.other"
    );
}

#[wasm_bindgen_test]
fn malformed_request_is_an_error_not_a_panic() {
    let e = yibao_js::contribution(JsValue::from_f64(3.0)).unwrap_err();
    assert_eq!(get(&e, "errors.0.field").as_string().unwrap(), "request");
}

#[wasm_bindgen_test]
fn the_other_computations() {
    let r = yibao_js::eligibility(obj(&[
        ("city", s("jining")),
        ("birth", s("1967-03")),
        ("category", s("male")),
        ("paid_months", s("72")),
        ("last_base", s("5000")),
        ("as_of", s("2026-11")),
    ]))
    .unwrap();
    assert_eq!(
        get(&r, "stop_now.topup.amount").as_string().unwrap(),
        "16800.00"
    );
    let r = yibao_js::resident(obj(&[
        ("city", s("jining")),
        ("year", s("2025")),
        ("break_years", s("2")),
    ]))
    .unwrap();
    assert_eq!(get(&r, "waiting_months").as_f64().unwrap(), 4.0);
    let r = yibao_js::flexible(obj(&[
        ("city", s("jining")),
        ("month", s("2024-03")),
        ("overrides", obj(&[("flexible.base", s("6000"))])),
    ]))
    .unwrap();
    assert_eq!(get(&r, "monthly_total").as_string().unwrap(), "550.00");
    let c = yibao_js::cities().unwrap();
    assert_eq!(js_sys::Array::from(&c).length(), 5);
    assert_eq!(yibao_js::rules_version().unwrap().len(), 8);
    let p = yibao_js::parameters("jining").unwrap();
    // Parameter ids contain dots, so read the key whole.
    let series = Reflect::get(&p, &s("employee.rate.employer.other")).unwrap();
    assert!(get(&series, "entries.0.value").as_string().is_some());
}

/// Many wages at once: each wage's amounts, in whole fen, are exactly `contribution()`'s.
/// 济宁 2026-06, other employers: rates 8% and 2%, fixed 6 and 4 (通知 三（二）1、2); base
/// limits 4504 and 22518 for 2026-01..06 (research notes, an inferred figure). 3000 → base
/// 4504 (raised to the floor): 4504 × 8% = 360.32 + 6 = 366.32, 4504 × 2% = 90.08 + 4 =
/// 94.08; 5000 → 406.00 / 104.00; 5000.13 → 400.0104 → 400.01 + 6 = 406.01 and 100.0026 →
/// 100.00 + 4 = 104.00; 99999 → base 22518: 1801.44 + 6 = 1807.44.
#[wasm_bindgen_test]
fn contribution_table_gives_each_wage_what_contribution_gives() {
    let wages = [3000.0, 5000.0, 5000.13, 99999.0, -1.0, 1.005, f64::NAN];
    let request = || {
        obj(&[
            ("city", s("jining")),
            ("month", s("2026-06")),
            ("employer", s("other")),
        ])
    };
    let t = yibao_js::contribution_table(request(), &wages).unwrap();
    let column = |k: &str| js_sys::Float64Array::from(get(&t, k)).to_vec();
    assert_eq!(get(&t, "unit").as_string().unwrap(), "fen");
    let employer = column("employer");
    let individual = column("individual");
    let base = column("base");
    assert_eq!(&employer[..4], &[36632.0, 40600.0, 40601.0, 180744.0]);
    assert_eq!(&individual[..3], &[9408.0, 10400.0, 10400.0]);
    assert_eq!(base[0], 450400.0);
    assert_eq!(base[3], 2251800.0);
    // Every valid wage, as contribution() computes it one at a time.
    for (i, w) in wages.iter().enumerate().take(4) {
        let one = yibao_js::contribution(obj(&[
            ("city", s("jining")),
            ("month", s("2026-06")),
            ("employer", s("other")),
            ("wage", JsValue::from_f64(*w)),
        ]))
        .unwrap();
        let yuan = |k: &str| get(&one, k).as_string().unwrap();
        assert_eq!(
            format!("{:.2}", employer[i] / 100.0),
            yuan("employer.total"),
            "wage {w}"
        );
        assert_eq!(
            format!("{:.2}", individual[i] / 100.0),
            yuan("individual.total"),
            "wage {w}"
        );
    }
    // Refused wages: NaN in every column, each with its reason, the others kept.
    assert!(employer[4].is_nan() && employer[5].is_nan() && employer[6].is_nan());
    assert_eq!(get(&t, "refused.length").as_f64(), Some(3.0));
    assert_eq!(get(&t, "refused.0.index").as_f64(), Some(4.0));
    assert_eq!(
        get(&t, "refused.0.reason.zh").as_string().unwrap(),
        "不能为负数"
    );
    assert_eq!(
        get(&t, "refused.1.reason.en").as_string().unwrap(),
        "an amount has at most two decimals (fen)"
    );
    // A bad city is thrown as contribution() throws it.
    let bad = obj(&[
        ("city", s("nowhere")),
        ("month", s("2026-06")),
        ("employer", s("other")),
    ]);
    let e = yibao_js::contribution_table(bad, &wages).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "input");
}
