//! The yibao JavaScript API: one function per computation of the rules core, plain JSON
//! objects in and out, with the same shapes as `yibao … --json`.
//!
//! ```js
//! import init, * as yibao from "./yibao_js.js";
//! await init();
//! const r = yibao.contribution({ city: "jining", month: "2024-03", employer: "other", wage: "5000" });
//! r.employer.total   // "406.00" (money is a string with two decimals, never a float)
//! try { yibao.contribution({ city: "jining", month: "2024-03", employer: "other", wage: "-5" }) }
//! catch (e) { e.kind === "input"; e.errors[0].field === "wage"; e.errors[0].message.zh }
//! ```
//!
//! Numbers may be given as JS numbers or strings; strings are exact. An error is thrown as
//! an object: `{kind: "input", errors: [{field, code, message: {zh, en}}]}`,
//! `{kind: "missing_figures", missing: [{id, label, hint, unit}]}` (supply them in
//! `overrides: {id: value}`), or `{kind: "rules", issues: [...]}`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use yibao::{Error, Text};

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn request_of<T: DeserializeOwned>(input: JsValue) -> Result<T, JsValue> {
    request(input)
}

fn request<T: DeserializeOwned>(input: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(input).map_err(|e| {
        let msg = e.to_string();
        to_js(&Error::field(
            "request",
            "malformed_request",
            Text::new(
                format!("请求格式不对：{msg}"),
                format!("the request is malformed: {msg}"),
            ),
        ))
    })
}

fn run<Q: DeserializeOwned, R: Serialize>(
    input: JsValue,
    f: fn(&Q) -> Result<R, Error>,
) -> Result<JsValue, JsValue> {
    let req: Q = request(input)?;
    f(&req).map(|r| to_js(&r)).map_err(|e| to_js(&e))
}

/// 职工医保: `{city, month, employer: "public_body"|"other", wage, overrides?}` → contributions.
#[wasm_bindgen]
pub fn contribution(request: JsValue) -> Result<JsValue, JsValue> {
    run(request, yibao::contribution)
}

/// 灵活就业: `{city, month, first_paid?, overrides?}` → the flexible worker's premium.
#[wasm_bindgen]
pub fn flexible(request: JsValue) -> Result<JsValue, JsValue> {
    run(request, yibao::flexible)
}

/// 城乡居民: `{city, year, break_years?, repaid_years?, in_enrolment_period?, newborn?, overrides?}`.
#[wasm_bindgen]
pub fn resident(request: JsValue) -> Result<JsValue, JsValue> {
    run(request, yibao::resident)
}

/// 退休待遇与补缴: `{city, birth, category, as_of, paid_months?, deemed_months?,
/// transferred_months?, last_base?, situation?, pension?, bankruptcy_age?, payment_month?, overrides?}`.
#[wasm_bindgen]
pub fn eligibility(request: JsValue) -> Result<JsValue, JsValue> {
    run(request, yibao::eligibility)
}

/// 市级统筹基金: `{city, rows: [{year, county, revenue, expenditure, opening_balance?,
/// prior_revenue?}], overrides?}` → the year-by-year reserve, deficits, who covered them and
/// the warning lines.
#[wasm_bindgen]
pub fn fund(request: JsValue) -> Result<JsValue, JsValue> {
    run(request, yibao::fund)
}

/// Reads fund figures written as CSV (a header row of year, county, revenue, expenditure
/// and optionally opening_balance, prior_revenue; Chinese names too) into `rows` for `fund`.
#[wasm_bindgen(js_name = fundRowsFromCsv)]
pub fn fund_rows_from_csv(text: &str) -> Result<JsValue, JsValue> {
    yibao::compute::fund::rows_from_csv(text)
        .map(|r| to_js(&r))
        .map_err(|e| to_js(&e))
}

/// The fund's year-by-year table as CSV with a UTF-8 BOM (`lang`: "zh" or "en").
#[wasm_bindgen(js_name = fundTableCsv)]
pub fn fund_table_csv(request: JsValue, lang: &str) -> Result<String, JsValue> {
    let req: yibao::FundRequest = request_of(request)?;
    let r = yibao::fund(&req).map_err(|e| to_js(&e))?;
    Ok(yibao::compute::fund::to_csv(
        &r,
        lang.parse().unwrap_or(yibao::Lang::Zh),
    ))
}

/// The cities on file: `[{id, name, province, pooling_from, pooling_to?, excluded_areas, document, summary}]`.
#[wasm_bindgen]
pub fn cities() -> Result<JsValue, JsValue> {
    let rules = yibao::rules().map_err(|e| to_js(&e))?;
    let list: Vec<_> = rules
        .cities
        .iter()
        .map(|c| CityInfo {
            id: &c.id,
            name: &c.name,
            province: &c.province,
            pooling_from: c.pooling_from.to_string(),
            pooling_to: c.pooling_to.map(|t| t.to_string()),
            excluded_areas: &c.excluded_areas,
            document: &c.document,
            summary: &c.summary,
        })
        .collect();
    Ok(to_js(&list))
}

#[derive(Serialize)]
struct CityInfo<'a> {
    id: &'a str,
    name: &'a Text,
    province: &'a Text,
    pooling_from: String,
    pooling_to: Option<String>,
    excluded_areas: &'a [Text],
    document: &'a yibao::rules::Document,
    summary: &'a Text,
}

/// The rules version: a hash of all rule files, as share links carry it.
#[wasm_bindgen(js_name = rulesVersion)]
pub fn rules_version() -> Result<String, JsValue> {
    yibao::rules()
        .map(|r| r.version.clone())
        .map_err(|e| to_js(&e))
}

/// A city's parameters (or `"national"`), each with its windows, values, status and source.
#[wasm_bindgen]
pub fn parameters(city: &str) -> Result<JsValue, JsValue> {
    let rules = yibao::rules().map_err(|e| to_js(&e))?;
    if city == "national" {
        return Ok(to_js(&rules.national));
    }
    let c = yibao::compute::city(rules, "city", &yibao::Raw(city.to_string()))
        .map_err(|e| to_js(&e))?;
    Ok(to_js(&c.params))
}
