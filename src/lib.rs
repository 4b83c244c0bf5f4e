//! ngoaivu reads Vietnamese foreign-affairs reporting (đối ngoại) and turns
//! it into normalized, sourced metrics: delegations sent and received,
//! agreements, FDI and aid, trade, partners and periods — each with its
//! kind, exact value, unit, qualifier, period and the span of the original
//! text it came from. It runs natively and in WebAssembly, with no server.
//!
//! ```
//! let report = ngoaivu::analyze("Năm 2016, tỉnh đã cử 40 đoàn đi công tác nước ngoài.").unwrap();
//! let m = &report.metrics[0];
//! assert_eq!((m.kind, m.value, m.unit), ("delegation_out", Some(40.0), "delegation"));
//! assert_eq!(m.text, "40 đoàn");
//! assert_eq!(m.period.as_ref().map(|p| p.from.as_str()), Some("2016"));
//! ```
//!
//! The pipeline: [`text`] normalizes (with a map back to the original),
//! [`read`] reads numbers, money and dates exactly, [`extract`] classifies
//! and attributes them, [`report`] is the output. Spans in a Rust
//! [`Report`] are byte offsets; [`Report::to_utf16`] gives the JS ones.

pub mod check;
pub mod corpus;
pub mod error;
pub mod extract;
pub(crate) mod hash;
pub mod json;
pub mod read;
pub mod report;
pub mod tape;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
pub use corpus::{Corpus, DocOptions, Summary};
pub use report::{Metric, Report};
pub use text::Format;

/// Default for [`Options::max_input_bytes`]: 32 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 32 << 20;

/// Options of an analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// How the input is written (default: sniffed).
    pub format: Format,
    /// Publication date `YYYY-MM-DD` (default: detected in the header).
    pub published: Option<String>,
    /// The Vietnamese province or city the document is about, when the caller knows.
    pub locality: Option<String>,
    /// Inputs larger than this are refused with an error.
    pub max_input_bytes: usize,
    /// Annual average rates for checking currency restatements.
    pub exchange_rates: check::ExchangeRates,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            format: Format::Auto,
            published: None,
            locality: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            exchange_rates: check::ExchangeRates::default(),
        }
    }
}

impl Options {
    /// Reads options from a JSON object (the shape the JS API takes):
    /// `{"format": "text"|"html"|"auto", "published": "YYYY-MM-DD",
    /// "locality": "…", "maxInputBytes": N, "exchangeRates": {"2023": {"USD":
    /// 23787, "EUR": 25700}}}` (dong per unit of each currency, added to the
    /// shipped table). Unknown keys are errors.
    pub fn from_json(json: &str) -> Result<Options, Error> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| Error::bad_option("options", format!("not JSON: {e}")))?;
        let mut opts = Options::default();
        let Some(obj) = value.as_object() else {
            if value.is_null() {
                return Ok(opts);
            }
            return Err(Error::bad_option("options", "expected an object"));
        };
        for (key, v) in obj {
            match key.as_str() {
                "format" => {
                    let s = v.as_str().ok_or_else(|| Error::bad_option("format", "expected a string"))?;
                    opts.format = Format::parse(s)
                        .ok_or_else(|| Error::bad_option("format", format!("expected \"text\", \"html\" or \"auto\", got {s:?}")))?;
                }
                "published" if v.is_null() => {}
                "published" => {
                    let s = v.as_str().ok_or_else(|| Error::bad_option("published", "expected a string YYYY-MM-DD"))?;
                    opts.published = Some(parse_date_option(s)?);
                }
                "locality" if v.is_null() => {}
                "locality" => {
                    let s = v.as_str().ok_or_else(|| Error::bad_option("locality", "expected a string"))?;
                    opts.locality = Some(s.to_string());
                }
                "maxInputBytes" => {
                    opts.max_input_bytes = v
                        .as_u64()
                        .filter(|&n| n > 0)
                        .map(|n| n.min(usize::MAX as u64) as usize)
                        .ok_or_else(|| Error::bad_option("maxInputBytes", "expected a positive integer"))?;
                }
                "exchangeRates" => read_rates(v, &mut opts.exchange_rates)?,
                other => return Err(Error::bad_option(other, "unknown option")),
            }
        }
        Ok(opts)
    }
}

fn read_rates(v: &serde_json::Value, rates: &mut check::ExchangeRates) -> Result<(), Error> {
    let bad = || Error::bad_option("exchangeRates", "expected {\"YYYY\": {\"USD\": dong per dollar, …}, …}");
    for (year, table) in v.as_object().ok_or_else(bad)? {
        let year: u16 = year.parse().map_err(|_| bad())?;
        let mut pairs: Vec<(&String, f64)> = Vec::new();
        for (cur, rate) in table.as_object().ok_or_else(bad)? {
            let rate = rate.as_f64().filter(|r| r.is_finite() && *r > 0.0).ok_or_else(bad)?;
            pairs.push((cur, rate));
        }
        // The dollar first: other currencies are crossed through it.
        pairs.sort_by_key(|(c, _)| c.as_str() != "USD");
        for (cur, rate) in pairs {
            rates.set(year, cur, "VND", rate);
        }
    }
    Ok(())
}

pub(crate) fn parse_date_option(s: &str) -> Result<String, Error> {
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0));
    if ok {
        Ok(s.to_string())
    } else {
        Err(Error::bad_option("published", format!("expected YYYY-MM-DD, got {s:?}")))
    }
}

/// Holds the compiled tables; analyzing with one is the same as [`analyze`].
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    options: Options,
}

impl Analyzer {
    pub fn new(options: Options) -> Analyzer {
        Analyzer { options }
    }

    /// Analyzes one document. Spans are byte offsets into `input`.
    pub fn analyze(&self, input: &str) -> Result<Report, Error> {
        self.analyze_with(input, &self.options)
    }

    /// Analyzes with options other than the analyzer's own.
    pub fn analyze_with(&self, input: &str, options: &Options) -> Result<Report, Error> {
        analyze_with_options(input, options)
    }
}

fn analyze_with_options(input: &str, options: &Options) -> Result<Report, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::input_too_large(input.len(), options.max_input_bytes));
    }
    let norm = text::normalize(input, options.format);
    let mut report = extract::extract(input, &norm, options);
    check::check_document(input, &mut report, &options.exchange_rates);
    Ok(report)
}

/// Analyzes one document with default options.
pub fn analyze(input: &str) -> Result<Report, Error> {
    Analyzer::default().analyze(input)
}

/// Analyzes and serializes the report as JSON with UTF-16 spans — the
/// exact JSON the JS API returns, in ASCII for a fast crossing
/// ([`json::to_ascii_json`]).
pub fn analyze_to_json(input: &str, options: &Options, milliseconds: Option<f64>) -> Result<String, Error> {
    json::to_ascii_json(&report_for_js(input, options, milliseconds)?).map_err(|e| Error::bad_option("report", e.to_string()))
}

/// The report the JS API returns: spans in UTF-16 code units of `input`,
/// and `milliseconds` (measured by the caller) as its time.
pub fn report_for_js(input: &str, options: &Options, milliseconds: Option<f64>) -> Result<Report, Error> {
    let mut report = analyze_with_options(input, options)?.to_utf16(input);
    if let Some(ms) = milliseconds {
        report.stats.milliseconds = ms;
    }
    Ok(report)
}
