//! The glue every wasm door shares (the JS API and the batch page's bundle): values to
//! plain JS objects, requests from them, errors as objects. One copy, included by both
//! crates (`#[path]`), so neither drags the other's exports into its bundle.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use yibao::Error;

/// A value as a plain JS object (maps as objects, not `Map`; money stays a string).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// A request from a JS object, or the error a person can act on.
pub fn request<T: DeserializeOwned>(what: &str, input: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(input)
        .map_err(|e| to_js(&yibao::registry::malformed(what, &e.to_string())))
}

/// Runs a computation on a JS request: the result as an object, or the error thrown as one.
#[allow(dead_code)] // the batch bundle uses only part of the glue
pub fn run<Q: DeserializeOwned, R: Serialize>(
    input: JsValue,
    f: fn(&Q) -> Result<R, Error>,
) -> Result<JsValue, JsValue> {
    let req: Q = request("request", input)?;
    f(&req).map(|r| to_js(&r)).map_err(|e| to_js(&e))
}
