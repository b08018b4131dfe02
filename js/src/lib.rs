//! The yibao JavaScript API: one function per computation of the rules core, and one
//! `compute` for any request, plain JSON objects in and out, with the same shapes as
//! `yibao … --json`.
//!
//! ```js
//! import init, * as yibao from "./yibao_js.js";
//! await init();
//! const r = yibao.contribution({ city: "jining", month: "2024-03", employer: "other", wage: "5000" });
//! r.employer.total   // "406.00" (money is a string with two decimals, never a float)
//! yibao.compute({ kind: "flexible", city: "jining", month: "2024-03", overrides: { "flexible.base": "6000" } });
//! try { yibao.contribution({ city: "jining", month: "2024-03", employer: "other", wage: "-5" }) }
//! catch (e) { e.kind === "input"; e.errors[0].field === "wage"; e.errors[0].message.zh }
//! ```
//!
//! Numbers may be given as JS numbers or strings; strings are exact. Every request takes
//! `officialOnly: true` (figures from official documents only) and `explain: false`
//! (figures without the steps, much faster). An error is thrown as an object:
//! `{kind: "input", errors: [{field, code, message: {zh, en}}]}`,
//! `{kind: "missing_figures", missing: [{id, label, hint, unit}]}` (supply them in
//! `overrides: {id: value}`), or `{kind: "rules", issues: [...]}`.

mod glue;

use glue::{run, to_js};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use yibao::Text;

/// A site's figures file, checked by the figures module (`yibao/figures`:
/// `checkFigures(name, tomlText)` gives the bytes, or throws the file's defects with their
/// lines), merged into the rules every later call reads: newer figures than the built-in
/// ones, each cited as the site's document, and every result that uses one says so. Once
/// per page. Throws `{kind: "rules", issues}` where the figures do not fit the rules (a
/// city or a parameter they do not have); nothing is merged then.
#[wasm_bindgen(js_name = installFigures)]
pub fn install_figures(bytes: &[u8]) -> Result<(), JsValue> {
    let site: yibao::model::SiteFigures = postcard::from_bytes(bytes).map_err(|_| {
        to_js(&yibao::Error::field(
            "figures",
            "unreadable",
            Text::new("数值文件无法读取", "the figures file cannot be read"),
        ))
    })?;
    LAST_PLAN.with(|last| last.borrow_mut().take());
    yibao::rules::install_site(&site).map_err(|e| to_js(&e))
}

/// Any request, tagged by `kind` ("contribution", "flexible", "resident", "eligibility", "fund").
#[wasm_bindgen(unchecked_return_type = "YibaoResponse")]
pub fn compute(
    #[wasm_bindgen(unchecked_param_type = "YibaoRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    run(request, yibao::compute)
}

/// The headline figures of any request's result, with their labels: `[{key, label, value, unit}]`.
#[wasm_bindgen(unchecked_return_type = "Array<Headline>")]
pub fn headline(
    #[wasm_bindgen(unchecked_param_type = "YibaoRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let req: yibao::Request = glue::request("request", request)?;
    yibao::compute(&req)
        .map(|r| to_js(&r.headline()))
        .map_err(|e| to_js(&e))
}

/// 职工医保: `{city, month, employer: "public_body"|"other", wage, overrides?}` → contributions.
#[wasm_bindgen(unchecked_return_type = "ContributionResult")]
pub fn contribution(
    #[wasm_bindgen(unchecked_param_type = "ContributionRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    run(request, yibao::contribution)
}

/// 职工医保 for many wages at once (a chart, a portal's table, a spreadsheet's column): the
/// request of `contribution()` without `wage` (and without `explain`: figures only), and the
/// wages in yuan as a `Float64Array` or an array of numbers. The figures in force are
/// resolved once; each wage's amounts are exactly `contribution()`'s.
///
/// Returns one object: each amount as a `Float64Array` in **whole fen** (分; 40600 is 406.00
/// yuan: exact integers, divide by 100 only to show them), index for index with the wages;
/// a wage refused (negative, more than two decimals, not a number) is `NaN` in every array
/// and listed in `refused` with its reason. `cautions`, `notKnown` and `userSupplied` say
/// once what `contribution()` says with each result. Throws as `contribution()` does (a
/// bad city, month or employer kind; figures nobody published).
#[wasm_bindgen(js_name = contributionTable, unchecked_return_type = "ContributionTable")]
pub fn contribution_table(
    #[wasm_bindgen(unchecked_param_type = "ContributionTableRequest")] request: JsValue,
    wages: &[f64],
) -> Result<JsValue, JsValue> {
    use js_sys::{Array, Float64Array, Object, Reflect};
    use wasm_bindgen::intern;
    let mut req: yibao::ContributionRequest = glue::request("request", request)?;
    req.wage = yibao::Raw::default();
    let (plan, amounts) = LAST_PLAN.with(|last| {
        let mut last = last.borrow_mut();
        let plan = match last.as_ref() {
            Some((r, plan)) if *r == req => plan.clone(),
            _ => {
                let plan = yibao::compute::wages::plan_of(&req).map_err(|e| to_js(&e))?;
                *last = Some((req.clone(), plan.clone()));
                plan
            }
        };
        let amounts = yibao::compute::wages::amounts_in_fen(&plan, wages);
        Ok::<_, JsValue>((plan, amounts))
    })?;
    let column = |f: &dyn Fn(&yibao::compute::contribution::FenAmounts) -> Option<i64>| {
        let mut v = Vec::with_capacity(amounts.len());
        for a in &amounts {
            // Whole fen below 10^13: exact as a double.
            v.push(a.as_ref().ok().and_then(f).map_or(f64::NAN, |x| x as f64));
        }
        Float64Array::from(v.as_slice())
    };
    let out = Object::new();
    // The keys are the same at every call: kept as JS strings (interned), not decoded anew.
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&out, &intern(k).into(), v);
    };
    set("base", &column(&|a| Some(a.base)));
    set("employer", &column(&|a| Some(a.employer_total)));
    set("employerBasic", &column(&|a| Some(a.employer_basic)));
    set("individual", &column(&|a| Some(a.individual_total)));
    set("individualBasic", &column(&|a| Some(a.individual_basic)));
    set("total", &column(&|a| Some(a.monthly_total)));
    let first = amounts.iter().find_map(|a| a.as_ref().ok());
    let optional =
        |has: bool, f: &dyn Fn(&yibao::compute::contribution::FenAmounts) -> Option<i64>| {
            if has {
                JsValue::from(column(f))
            } else {
                JsValue::NULL
            }
        };
    set(
        "maternity",
        &optional(first.is_some_and(|a| a.maternity_part.is_some()), &|a| {
            a.maternity_part
        }),
    );
    set(
        "personalAccount",
        &optional(first.is_some_and(|a| a.personal_account.is_some()), &|a| {
            a.personal_account
        }),
    );
    let refused = Array::new();
    for (i, a) in amounts.iter().enumerate() {
        if let Err(reason) = a {
            let r = Object::new();
            let _ = Reflect::set(&r, &"index".into(), &(i as u32).into());
            let _ = Reflect::set(&r, &"reason".into(), &to_js(reason));
            refused.push(&r);
        }
    }
    set("refused", &refused);
    set("cautions", &to_js(&plan.cautions));
    set("notKnown", &to_js(&plan.not_known));
    set("userSupplied", &to_js(&plan.user_supplied));
    set("unit", &"fen".into());
    Ok(out.into())
}

thread_local! {
    /// The plan of the last `contributionTable` request (without its wages): a chart, or a
    /// portal's wage box, asks the same city, month and employer again and again with other
    /// wages. Forgotten when a site's figures are installed.
    static LAST_PLAN: std::cell::RefCell<Option<(yibao::ContributionRequest, yibao::compute::contribution::Plan)>> =
        const { std::cell::RefCell::new(None) };
}

#[wasm_bindgen(typescript_custom_section)]
const CONTRIBUTION_TABLE: &str = r#"
/** contributionTable()'s request: contribution()'s, without the wage and the explanation. */
export type ContributionTableRequest = Omit<ContributionRequest, "wage" | "explain">;
/** contributionTable()'s answer: amounts in whole fen (分), index for index with the wages;
 * a refused wage is NaN in every array and listed in `refused`. */
export interface ContributionTable {
  unit: "fen";
  base: Float64Array;
  employer: Float64Array;
  employerBasic: Float64Array;
  individual: Float64Array;
  individualBasic: Float64Array;
  total: Float64Array;
  /** The maternity part of the employer's amount, where the city folds it in; else null. */
  maternity: Float64Array | null;
  /** What goes to the personal account, where the rules say; else null. */
  personalAccount: Float64Array | null;
  refused: Array<{ index: number; reason: Text }>;
  /** What every result under these figures must show beside them (figures carried past
   * their source, the rules' notices, a base not held to its limits). */
  cautions: Array<Text>;
  /** Parameter ids nobody published, left out of the totals (fixed monthly amounts). */
  notKnown: Array<string>;
  /** Parameter ids the request supplied (`overrides`). */
  userSupplied: Array<string>;
}
"#;

/// 灵活就业: `{city, month, first_paid?, overrides?}` → the flexible worker's premium.
#[wasm_bindgen(unchecked_return_type = "FlexibleResult")]
pub fn flexible(
    #[wasm_bindgen(unchecked_param_type = "FlexibleRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    run(request, yibao::flexible)
}

/// 城乡居民: `{city, year, break_years?, repaid_years?, in_enrolment_period?, newborn?, overrides?}`.
#[wasm_bindgen(unchecked_return_type = "ResidentResult")]
pub fn resident(
    #[wasm_bindgen(unchecked_param_type = "ResidentRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    run(request, yibao::resident)
}

/// 退休待遇与补缴: `{city, birth, category, as_of, paid_months?, deemed_months?,
/// transferred_months?, last_base?, situation?, pension?, bankruptcy_age?, payment_month?, overrides?}`.
#[wasm_bindgen(unchecked_return_type = "EligibilityResult")]
pub fn eligibility(
    #[wasm_bindgen(unchecked_param_type = "EligibilityRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    run(request, yibao::eligibility)
}

/// 市级统筹基金: `{city, rows: [{year, county, revenue, expenditure, opening_balance?,
/// prior_revenue?}], overrides?}` → the year-by-year reserve, deficits, who covered them and
/// the warning lines.
#[wasm_bindgen(unchecked_return_type = "FundResult")]
pub fn fund(
    #[wasm_bindgen(unchecked_param_type = "FundRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    run(request, yibao::fund)
}

/// The fund's year-by-year account for `request`, as rows of words and figures (money
/// grouped by thousands) in both languages: the fund page draws it as its table, the
/// command line prints the same rows. `{before, header, rows: [{kind, cells}]}`.
#[wasm_bindgen(js_name = fundTable, unchecked_return_type = "FundTable")]
pub fn fund_table(
    #[wasm_bindgen(unchecked_param_type = "FundRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let req: yibao::FundRequest = glue::request("request", request)?;
    yibao::fund(&req)
        .map(|r| to_js(&yibao::compute::fund::table(&r)))
        .map_err(|e| to_js(&e))
}

/// The figures nobody published that a request of this kind could ask for, for its city,
/// month and choices (never its typed numbers): a page shows a box for each from the start,
/// so none appears under the fingers. `[{id, label, hint, unit, unit_label}]`.
#[wasm_bindgen(unchecked_return_type = "Array<MissingFigure>")]
pub fn asks(
    #[wasm_bindgen(unchecked_param_type = "YibaoRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let req: yibao::Request = glue::request("request", request)?;
    let asked: Vec<yibao::error::MissingFigure> = yibao::asks::asks(&req)
        .into_iter()
        .map(yibao::error::MissingFigure::of)
        .collect();
    Ok(to_js(&asked))
}

/// The boxes a page shows for figures nobody published, decided by the core as the
/// calculator's and the batch page's are: every figure the request's choices could need
/// (from the start, so none appears under the fingers), and every figure typed in
/// `overrides` with how it was read or why it is refused (a figure the rules refuse, such
/// as a floor above its ceiling, on its own box). `[{id, label, hint, unit, unit_label,
/// text, reading?, error?, set_aside?, required}]`.
#[wasm_bindgen(js_name = figureBoxes, unchecked_return_type = "Array<FigureBox>")]
pub fn figure_boxes(
    #[wasm_bindgen(unchecked_param_type = "YibaoRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let mut req: yibao::Request = glue::request("request", request)?;
    let typed = std::mem::take(req.options().overrides);
    let (_, boxes) = yibao::asks::with_boxes(&req, &typed);
    let out: Vec<yibao::asks::FigureBox> = boxes.into_vec().into_iter().map(Into::into).collect();
    Ok(to_js(&out))
}

/// Reads fund figures written as CSV (a header row of year, county, revenue, expenditure
/// and optionally opening_balance, prior_revenue; Chinese names too; UTF-8 or GBK; quoted
/// numbers) into `rows` for `fund`, each with its line in the file.
#[wasm_bindgen(js_name = fundRowsFromCsv, unchecked_return_type = "Array<FundRow>")]
pub fn fund_rows_from_csv(text: &str) -> Result<JsValue, JsValue> {
    yibao_tables::fund::rows_from_csv(text)
        .map(|r| to_js(&r))
        .map_err(|e| to_js(&e))
}

/// The fund's year-by-year table as CSV with a UTF-8 BOM (`lang`: "zh" or "en").
#[wasm_bindgen(js_name = fundTableCsv)]
pub fn fund_table_csv(
    #[wasm_bindgen(unchecked_param_type = "FundRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\"")] lang: &str,
) -> Result<String, JsValue> {
    let req: yibao::FundRequest = glue::request("request", request)?;
    let r = yibao::fund(&req).map_err(|e| to_js(&e))?;
    Ok(yibao_tables::fund::table_csv(
        &r,
        lang.parse().unwrap_or(yibao::Lang::Zh),
    ))
}

/// The cities on file: `[{id, name, province, pooling_from, pooling_to?, excluded_areas, document, summary}]`.
#[wasm_bindgen(unchecked_return_type = "Array<CityInfo>")]
pub fn cities() -> Result<JsValue, JsValue> {
    let rules = yibao::rules().map_err(|e| to_js(&e))?;
    let list: Vec<CityInfo> = rules.cities.iter().map(CityInfo::from).collect();
    Ok(to_js(&list))
}

#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CityInfo<'a> {
    id: &'a str,
    name: &'a Text,
    province: &'a Text,
    pooling_from: String,
    pooling_to: Option<String>,
    excluded_areas: &'a [Text],
    document: yibao::explain::DocumentRef,
    summary: &'a Text,
    /// Whether the city's document sets rules for the pooled fund.
    has_fund_rules: bool,
}

impl From<&'static yibao::model::City> for CityInfo<'static> {
    fn from(c: &'static yibao::model::City) -> Self {
        CityInfo {
            id: &c.id,
            name: &c.name,
            province: &c.province,
            pooling_from: c.pooling_from.to_string(),
            pooling_to: c.pooling_to.map(|t| t.to_string()),
            excluded_areas: &c.excluded_areas,
            document: (&c.document).into(),
            summary: &c.summary,
            has_fund_rules: c.params.contains_key(&yibao::ParamId::DeficitMethodRule),
        }
    }
}

/// The rules version: a hash of all rule files, as share links carry it.
#[wasm_bindgen(js_name = rulesVersion)]
pub fn rules_version() -> Result<String, JsValue> {
    yibao::rules()
        .map(|r| r.version.clone())
        .map_err(|e| to_js(&e))
}

/// A city's parameters (or `"national"`), each with its windows, values, status and source.
#[wasm_bindgen(unchecked_return_type = "Record<string, Series>")]
pub fn parameters(city: &str) -> Result<JsValue, JsValue> {
    let rules = yibao::rules().map_err(|e| to_js(&e))?;
    if city == "national" {
        return Ok(to_js(&rules.national));
    }
    let c = yibao::compute::city(rules, "city", &yibao::Raw(city.to_string()))
        .map_err(|e| to_js(&e))?;
    Ok(to_js(&c.params))
}

/// Reads a figure as a person typed it for a parameter: `{value, shown: {zh, en}, note?}`
/// (`note` says how an ambiguous entry was read: "8" → 8%), or throws the reason.
#[wasm_bindgen(js_name = readFigure, unchecked_return_type = "Reading")]
pub fn read_figure(id: &str, text: &str) -> Result<JsValue, JsValue> {
    let def = yibao::model::find(id).ok_or_else(|| {
        to_js(&yibao::registry::malformed(
            "id",
            &format!("no parameter `{id}`"),
        ))
    })?;
    let r = yibao::input::figure(def, &yibao::Raw(text.to_string())).map_err(|e| to_js(&e))?;
    Ok(to_js(&Reading {
        value: r.value.show(),
        shown: r.shown,
        note: r.note,
    }))
}

/// A figure as read from what a person typed (`readFigure`).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reading {
    /// The value as the rules write it ("0.074").
    pub value: String,
    pub shown: Text,
    /// How an ambiguous entry was read ("8" → 8%).
    pub note: Option<Text>,
}
