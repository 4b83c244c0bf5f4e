//! The JS surface: thin wasm-bindgen wrappers over the core. Only this
//! module knows about JS. Results that grow with the input are handed to a
//! JS function in pieces as they are written: a report as a tape
//! ([`crate::tape`]) that `js/tape.js` reads into plain objects, the
//! corpus's other results (and a report as JSON text, on request) as JSON
//! that `js/api.js` joins and parses; the small fixed ones, the kinds and the version, cross
//! as strings. Errors cross as JS `Error`s carrying the core error's `code`
//! and message.

use wasm_bindgen::prelude::*;

use crate::corpus::{self, Corpus, DocOptions};
use crate::{Error, Options};

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code()));
    err.into()
}

/// Analyzes `text` with options given as a JSON object string and hands
/// the report, JSON with UTF-16 spans, to `sink` in pieces (see
/// [`json_pieces`]): the report's JSON text, which the tests hold the tape
/// of [`analyze_tape_pieces`] to.
#[wasm_bindgen(js_name = analyzeJsonPieces)]
pub fn analyze_json_pieces(text: &str, options_json: &str, milliseconds: f64, sink: &js_sys::Function) -> Result<(), JsValue> {
    let options = if options_json.is_empty() { Ok(Options::default()) } else { Options::from_json(options_json) };
    let options = options.map_err(|e| js_error(&e))?;
    let report = crate::report_for_js(text, &options, Some(milliseconds)).map_err(|e| js_error(&e))?;
    json_pieces(&report, sink)
}

/// Analyzes `text` as [`analyze_json_pieces`] does, and hands the report to
/// `sink` as a tape (see [`crate::tape`]) in pieces: `sink(numbers, text)`,
/// a `Float64Array` and a string each time, which `js/tape.js` joins and
/// reads into the objects the JSON would give, several times faster than
/// `JSON.parse`. What `sink` throws is rethrown as it is.
#[wasm_bindgen(js_name = analyzeTapePieces)]
pub fn analyze_tape_pieces(text: &str, options_json: &str, milliseconds: f64, sink: &js_sys::Function) -> Result<(), JsValue> {
    let options = if options_json.is_empty() { Ok(Options::default()) } else { Options::from_json(options_json) };
    let options = options.map_err(|e| js_error(&e))?;
    let report = crate::report_for_js(text, &options, Some(milliseconds)).map_err(|e| js_error(&e))?;
    tape_pieces(&report, sink)
}

/// `value` as a tape, handed to `sink(numbers, text)` in pieces as it is
/// written (see [`crate::tape::write_tape`]), for the same reason as
/// [`json_pieces`]: the tape never sits whole in the WASM memory.
fn tape_pieces<T: serde::Serialize + ?Sized>(value: &T, sink: &js_sys::Function) -> Result<(), JsValue> {
    let mut failed = None;
    let written = crate::tape::write_tape(value, |numbers, text| {
        let numbers = js_sys::Float64Array::from(numbers);
        sink.call2(&JsValue::NULL, &numbers, &JsValue::from_str(text)).map(|_| ()).map_err(|thrown| {
            failed = Some(thrown);
            crate::tape::TapeError("the sink threw".into())
        })
    });
    match (written, failed) {
        (_, Some(thrown)) => Err(thrown),
        (Err(e), None) => Err(js_error(&Error::bad_option("output", e.to_string()))),
        (Ok(()), None) => Ok(()),
    }
}

/// `value` as ASCII JSON, handed to `sink` in pieces as it is written:
/// each at least [`PIECE`] bytes but the last, and longer only by the last
/// write (one string). The JS joins them. So the JSON (twice the input for
/// prose, up to a hundred times for a text of bare figures) never sits
/// whole in the WASM memory, which grows to its peak and stays there.
/// The document list, the summary and a report's JSON text cross this way:
/// one writer type keeps one copy of the JSON serializers in the `.wasm`.
fn json_pieces<T: serde::Serialize + ?Sized>(value: &T, sink: &js_sys::Function) -> Result<(), JsValue> {
    let mut failed = None;
    // Handed over by value: through `&mut`, serde_json's many small writes
    // went through an out-of-line forwarding function, 9% of the profile.
    let out = Pieces { buf: Vec::with_capacity(PIECE), sink, failed: &mut failed };
    let written = crate::json::write_ascii_json(value, out);
    match (written, failed) {
        (_, Some(thrown)) => Err(thrown),
        (Err(e), None) => Err(js_error(&Error::bad_option("output", e.to_string()))),
        (Ok(()), None) => Ok(()),
    }
}

/// The size of the pieces [`json_pieces`] hands over.
const PIECE: usize = 64 << 10;

/// Buffers what is written and passes it on to a JS function a piece at a time.
struct Pieces<'a> {
    buf: Vec<u8>,
    sink: &'a js_sys::Function,
    /// What the JS function threw, if it did: rethrown as it is.
    failed: &'a mut Option<JsValue>,
}

impl Pieces<'_> {
    fn pass_on(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        // The JSON is ASCII, so a piece never cuts a character.
        let piece = std::str::from_utf8(&self.buf).map_err(std::io::Error::other)?;
        if let Err(thrown) = self.sink.call1(&JsValue::NULL, &JsValue::from_str(piece)) {
            *self.failed = Some(thrown);
            return Err(std::io::Error::other("the JSON's sink threw"));
        }
        self.buf.clear();
        Ok(())
    }
}

impl std::io::Write for Pieces<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes).map(|()| bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= PIECE {
            self.pass_on()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on()
    }
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

/// Many documents: the core [`Corpus`] with UTF-16 spans; a document's
/// report crosses as a tape, the other results as JSON.
#[wasm_bindgen(js_name = RawCorpus)]
pub struct RawCorpus {
    inner: Corpus,
}

#[wasm_bindgen(js_class = RawCorpus)]
impl RawCorpus {
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str) -> Result<RawCorpus, JsValue> {
        Corpus::from_json_options(options_json).map(|inner| RawCorpus { inner }).map_err(|e| js_error(&e))
    }

    /// Adds a document; `doc_json` is `{name, published, locality, format}`.
    pub fn add(&mut self, text: &str, doc_json: &str) -> Result<String, JsValue> {
        let doc = DocOptions::from_json(doc_json).map_err(|e| js_error(&e))?;
        self.inner.add(text, doc).map_err(|e| js_error(&e))
    }

    pub fn remove(&mut self, id: &str) -> bool {
        self.inner.remove(id)
    }

    pub fn size(&self) -> usize {
        self.inner.len()
    }

    /// The documents as JSON, handed to `sink` in pieces.
    #[wasm_bindgen(js_name = documentsJsonPieces)]
    pub fn documents_json_pieces(&self, sink: &js_sys::Function) -> Result<(), JsValue> {
        json_pieces(&self.inner.documents(), sink)
    }

    /// A document's report as a tape, handed to `sink` in pieces (see
    /// [`analyze_tape_pieces`]).
    #[wasm_bindgen(js_name = reportTapePieces)]
    pub fn report_tape_pieces(&self, id: &str, sink: &js_sys::Function) -> Result<(), JsValue> {
        let report = self.inner.report(id).ok_or_else(|| js_error(&Error::no_such_document(id)))?;
        tape_pieces(report, sink)
    }

    /// The corpus summary as JSON, handed to `sink` in pieces.
    #[wasm_bindgen(js_name = summaryJsonPieces)]
    pub fn summary_json_pieces(&self, sink: &js_sys::Function) -> Result<(), JsValue> {
        json_pieces(&self.inner.summary(), sink)
    }

    #[wasm_bindgen(js_name = metricsCsv)]
    pub fn metrics_csv(&self, bom: bool) -> String {
        corpus::metrics_csv(&self.inner, bom)
    }

    #[wasm_bindgen(js_name = factsCsv)]
    pub fn facts_csv(&self, bom: bool) -> String {
        corpus::facts_csv(&self.inner.summary(), bom)
    }
}
