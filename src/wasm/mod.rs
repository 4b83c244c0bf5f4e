//! The JS surface: thin wasm-bindgen wrappers over the core. Only this
//! module knows about JS; results cross as JSON strings that the package's
//! JS glue (`js/api.js`) parses into plain objects, and errors cross as JS
//! `Error`s carrying the core error's `code` and message.

use wasm_bindgen::prelude::*;

use crate::{Error, Options};

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code()));
    err.into()
}

/// Analyzes `text` with options given as a JSON object string; returns the
/// report as a JSON string with UTF-16 spans.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, options_json: &str, milliseconds: f64) -> Result<String, JsValue> {
    let options = if options_json.is_empty() { Ok(Options::default()) } else { Options::from_json(options_json) };
    let options = options.map_err(|e| js_error(&e))?;
    crate::analyze_to_json(text, &options, Some(milliseconds)).map_err(|e| js_error(&e))
}

/// The metric kinds with their units and labels, as a JSON array.
#[wasm_bindgen(js_name = kindsJson)]
pub fn kinds_json() -> String {
    let kinds: Vec<serde_json::Value> = crate::extract::kinds::all_kinds()
        .iter()
        .map(|k| serde_json::json!({ "kind": k.kind, "unit": k.unit, "labelVi": k.label_vi, "labelEn": k.label_en }))
        .collect();
    serde_json::Value::Array(kinds).to_string()
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
