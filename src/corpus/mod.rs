//! Many documents at once: metrics deduplicated into facts with all their
//! sources, series by kind, locality and year, conflicts between sources,
//! partner counts, and the checks that need more than one document.
//!
//! Adding a document analyzes only that document; the summary is computed
//! from the stored reports when asked, so a corpus of hundreds of documents
//! stays responsive. What it does not do: decide which of two conflicting
//! figures is right, or sum what cannot be summed (overlapping periods,
//! cumulative stocks, percentages).

pub(crate) mod export;

#[cfg(not(target_arch = "wasm32"))]
pub use export::xlsx;
pub use export::{facts_csv, metrics_csv};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::check::vi_number;
use crate::report::{metric_by_id, Finding, Metric, Period, Report, Span};
use crate::{Analyzer, Error, Format, Options};

/// Schema id of [`Summary`] JSON.
pub const SUMMARY_SCHEMA: &str = "ngoaivu.summary/1";

/// Default for [`Corpus`]'s total size limit: 256 MiB.
pub const DEFAULT_MAX_CORPUS_BYTES: usize = 256 << 20;

/// What the caller knows about one document.
#[derive(Debug, Clone, Default)]
pub struct DocOptions {
    pub name: Option<String>,
    pub published: Option<String>,
    pub locality: Option<String>,
    pub format: Option<Format>,
}

struct Entry {
    id: String,
    name: String,
    bytes: usize,
    report: Report,
}

impl DocOptions {
    /// From the JS object `{name, published, locality, format}`.
    pub fn from_json(json: &str) -> Result<DocOptions, Error> {
        if json.trim().is_empty() {
            return Ok(DocOptions::default());
        }
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| Error::bad_option("document", format!("not JSON: {e}")))?;
        let mut doc = DocOptions::default();
        let Some(obj) = value.as_object() else {
            return if value.is_null() { Ok(doc) } else { Err(Error::bad_option("document", "expected an object")) };
        };
        for (key, v) in obj {
            if v.is_null() {
                continue;
            }
            let s = v.as_str().ok_or_else(|| Error::bad_option(key, "expected a string"))?.to_string();
            match key.as_str() {
                "name" => doc.name = Some(s),
                "published" => doc.published = Some(crate::parse_date_option(&s)?),
                "locality" => doc.locality = Some(s),
                "format" => doc.format = Some(Format::parse(&s).ok_or_else(|| Error::bad_option("format", format!("expected \"text\", \"html\" or \"auto\", got {s:?}")))?),
                other => return Err(Error::bad_option(other, "unknown document option")),
            }
        }
        Ok(doc)
    }
}

/// A set of analyzed documents.
pub struct Corpus {
    analyzer: Analyzer,
    options: Options,
    utf16: bool,
    max_total_bytes: usize,
    total_bytes: usize,
    next_id: u64,
    docs: Vec<Entry>,
}

/// One document of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub locality: Option<String>,
    pub chars: usize,
    /// Figures classified into a kind (not `other`).
    pub metrics: usize,
    pub findings: usize,
}

/// Where a fact is stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub document: String,
    pub metric: String,
    pub span: Span,
    pub text: String,
    /// The figure restates the fact in another currency ("tương đương …").
    pub restatement: bool,
}

/// One figure, however many times and places it is stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    pub id: String,
    pub kind: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub value: f64,
    pub value_text: Option<String>,
    pub unit: &'static str,
    pub qualifier: &'static str,
    pub period: Option<Period>,
    pub locality: Option<String>,
    /// Foreign partners named with the figure where it is first stated.
    pub partners: Vec<&'static str>,
    pub sources: Vec<Source>,
}

/// A kind's values by year, for one locality and unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub kind: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub unit: &'static str,
    pub locality: Option<String>,
    pub points: Vec<Point>,
    /// The sum over the years, when summing means something (flows over
    /// disjoint years, not stocks or percentages).
    pub total: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub year: u16,
    pub value: f64,
    /// The facts the point is read from; more than one is a conflict.
    pub facts: Vec<String>,
}

/// Sources that disagree on the same kind, period and locality.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub kind: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub unit: &'static str,
    pub period: Period,
    pub locality: Option<String>,
    /// Each value with the fact that states it.
    pub values: Vec<ConflictValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictValue {
    pub value: f64,
    pub fact: String,
    pub sources: Vec<Source>,
}

/// How often a foreign partner is named with a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerCount {
    pub name: &'static str,
    pub code: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The Vietnamese locality of the figures.
    pub locality: Option<String>,
    pub metrics: usize,
    /// Activities (visits, meetings, agreements, aid) with this partner.
    pub activities: usize,
    pub documents: usize,
}

/// Everything the corpus says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub schema: &'static str,
    pub documents: Vec<DocumentInfo>,
    pub facts: Vec<Fact>,
    pub series: Vec<Series>,
    pub conflicts: Vec<Conflict>,
    pub partners: Vec<PartnerCount>,
    /// Every document's findings (with `document` set) and the corpus's own.
    pub findings: Vec<Finding>,
}

impl Corpus {
    /// A corpus whose reports carry byte spans (Rust's own strings).
    pub fn new(options: Options) -> Corpus {
        Corpus {
            analyzer: Analyzer::new(options.clone()),
            options,
            utf16: false,
            max_total_bytes: DEFAULT_MAX_CORPUS_BYTES,
            total_bytes: 0,
            next_id: 1,
            docs: Vec::new(),
        }
    }

    /// Reports and sources carry UTF-16 spans (what JS and the CLI's JSON use).
    pub fn utf16(mut self) -> Corpus {
        self.utf16 = true;
        self
    }

    /// Refuses documents once the corpus holds more than `bytes` of text.
    pub fn max_total_bytes(mut self, bytes: usize) -> Corpus {
        self.max_total_bytes = bytes;
        self
    }

    /// A UTF-16 corpus from the JS options object: the analysis options
    /// plus `maxCorpusBytes`.
    pub fn from_json_options(json: &str) -> Result<Corpus, Error> {
        let mut value: serde_json::Value = if json.trim().is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(json).map_err(|e| Error::bad_option("options", format!("not JSON: {e}")))?
        };
        let mut limit = DEFAULT_MAX_CORPUS_BYTES;
        if let Some(v) = value.as_object_mut().and_then(|o| o.remove("maxCorpusBytes")) {
            limit = v
                .as_u64()
                .filter(|&n| n > 0)
                .map(|n| n.min(usize::MAX as u64) as usize)
                .ok_or_else(|| Error::bad_option("maxCorpusBytes", "expected a positive integer"))?;
        }
        let options = Options::from_json(&value.to_string())?;
        Ok(Corpus::new(options).utf16().max_total_bytes(limit))
    }

    /// Analyzes and adds a document; returns its id.
    pub fn add(&mut self, text: &str, doc: DocOptions) -> Result<String, Error> {
        if self.total_bytes.saturating_add(text.len()) > self.max_total_bytes {
            return Err(Error::corpus_too_large(self.total_bytes.saturating_add(text.len()), self.max_total_bytes));
        }
        let mut opts = self.options.clone();
        if doc.published.is_some() {
            opts.published = doc.published.clone();
        }
        if doc.locality.is_some() {
            opts.locality = doc.locality.clone();
        }
        if let Some(f) = doc.format {
            opts.format = f;
        }
        let report = self.analyzer.analyze_with(text, &opts)?;
        let report = if self.utf16 { report.to_utf16(text) } else { report };
        Ok(self.add_report(doc.name, text.len(), report))
    }

    /// Adds a report made elsewhere (the CLI analyzes in parallel); its
    /// spans must be in this corpus's units.
    pub fn add_report(&mut self, name: Option<String>, bytes: usize, report: Report) -> String {
        let id = format!("d{}", self.next_id);
        self.next_id += 1;
        self.total_bytes += bytes;
        let name = name.unwrap_or_else(|| report.document.title.clone().unwrap_or_else(|| id.clone()));
        self.docs.push(Entry { id: id.clone(), name, bytes, report });
        id
    }

    /// Removes a document; false when there is none with that id.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(k) = self.docs.iter().position(|d| d.id == id) else { return false };
        let gone = self.docs.remove(k);
        self.total_bytes -= gone.bytes;
        true
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// A document's report.
    pub fn report(&self, id: &str) -> Option<&Report> {
        self.docs.iter().find(|d| d.id == id).map(|d| &d.report)
    }

    /// Documents with their ids, names and reports, in the order added.
    pub fn reports(&self) -> impl Iterator<Item = (&str, &str, &Report)> {
        self.docs.iter().map(|d| (d.id.as_str(), d.name.as_str(), &d.report))
    }

    pub fn documents(&self) -> Vec<DocumentInfo> {
        self.docs
            .iter()
            .map(|d| DocumentInfo {
                id: d.id.clone(),
                name: d.name.clone(),
                title: d.report.document.title.clone(),
                published: d.report.published.clone(),
                locality: d.report.document.locality.clone(),
                chars: d.report.stats.chars,
                metrics: d.report.metrics.iter().filter(|m| m.kind != "other").count(),
                findings: d.report.findings.len(),
            })
            .collect()
    }

    /// Facts, series, conflicts, partners and findings of the whole corpus.
    pub fn summary(&self) -> Summary {
        let facts = facts(&self.docs);
        let series = series(&facts);
        let conflicts = conflicts(&facts);
        let mut findings: Vec<Finding> = Vec::new();
        for d in &self.docs {
            findings.extend(d.report.findings.iter().cloned().map(|mut f| {
                f.document = Some(d.id.clone());
                f
            }));
        }
        change_vs_previous(&self.docs, &facts, &mut findings);
        conflict_findings(&conflicts, &mut findings);
        outliers(&facts, &mut findings);
        Summary {
            schema: SUMMARY_SCHEMA,
            documents: self.documents(),
            partners: partners(&self.docs),
            facts,
            series,
            conflicts,
            findings,
        }
    }
}

fn year_of(p: &Period) -> Option<u16> {
    (p.from == p.to && !p.cumulative).then(|| p.from.get(..4)?.parse().ok()).flatten()
}

/// Whether a figure is one to write down as a fact. A part of a total of
/// its own kind would count twice; a part of another kind ("74 dự án FDI"
/// among all investment projects) is a fact of its own.
fn is_fact(m: &Metric, metrics: &[Metric]) -> bool {
    let dependent = m.relation.as_ref().is_some_and(|r| match r.kind {
        "part_of" => metric_by_id(metrics, &r.metric).is_none_or(|t| t.kind == m.kind),
        kind => matches!(kind, "change_of" | "plan_of"),
    });
    m.kind != "other" && m.value.is_some() && !dependent
}

/// The identity of a fact: kind, unit, value, period and locality.
type FactKey = (&'static str, &'static str, i128, Option<(String, String, bool)>, Option<String>);

fn fact_key(m: &Metric, value: f64) -> FactKey {
    // Values equal to 9 significant digits are one value.
    let scale = 10f64.powi(8 - value.abs().max(1e-9).log10().floor() as i32);
    let rounded = (value * scale).round() as i128;
    let period = m.period.as_ref().map(|p| (p.from.clone(), p.to.clone(), p.cumulative));
    (m.kind, m.unit, rounded, period, m.locality.clone())
}

fn source(doc: &Entry, m: &Metric, restatement: bool) -> Source {
    Source { document: doc.id.clone(), metric: m.id.clone(), span: m.span, text: m.text.clone(), restatement }
}

fn facts(docs: &[Entry]) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut by_key: HashMap<FactKey, usize> = HashMap::new();
    for d in docs {
        let mut fact_of_metric: HashMap<&str, usize> = HashMap::new();
        for m in &d.report.metrics {
            if let Some(r) = m.relation.as_ref().filter(|r| r.kind == "restates") {
                if let Some(&k) = fact_of_metric.get(r.metric.as_str()) {
                    facts[k].sources.push(source(d, m, true));
                    fact_of_metric.insert(&m.id, k);
                    continue;
                }
            }
            let Some(value) = m.value.filter(|_| is_fact(m, &d.report.metrics)) else { continue };
            let key = fact_key(m, value);
            let k = *by_key.entry(key).or_insert_with(|| {
                facts.push(Fact {
                    id: format!("f{}", facts.len() + 1),
                    kind: m.kind,
                    label_vi: m.label_vi,
                    label_en: m.label_en,
                    value,
                    value_text: m.value_text.clone(),
                    unit: m.unit,
                    qualifier: m.qualifier,
                    period: m.period.clone(),
                    locality: m.locality.clone(),
                    partners: m.partners.iter().map(|p| p.name).collect(),
                    sources: Vec::new(),
                });
                facts.len() - 1
            });
            facts[k].sources.push(source(d, m, false));
            fact_of_metric.insert(&m.id, k);
        }
    }
    facts
}

/// Units whose values add up over disjoint years.
fn summable(unit: &str) -> bool {
    !matches!(unit, "percent" | "rank" | "point" | "times" | "number" | "year" | "day" | "month")
}

fn series(facts: &[Fact]) -> Vec<Series> {
    let mut groups: BTreeMap<(&str, &str, Option<String>), BTreeMap<u16, Vec<&Fact>>> = BTreeMap::new();
    for f in facts {
        let Some(year) = f.period.as_ref().and_then(year_of) else { continue };
        groups.entry((f.kind, f.unit, f.locality.clone())).or_default().entry(year).or_default().push(f);
    }
    groups
        .into_iter()
        .map(|((kind, unit, locality), years)| {
            let points: Vec<Point> = years
                .into_iter()
                .map(|(year, fs)| {
                    // The most-cited value stands for the year; the others are conflicts.
                    let best = fs.iter().max_by_key(|f| f.sources.len()).map_or(0.0, |f| f.value);
                    Point { year, value: best, facts: fs.iter().map(|f| f.id.clone()).collect() }
                })
                .collect();
            let total = summable(unit).then(|| points.iter().map(|p| p.value).sum());
            let (label_vi, label_en) = facts.iter().find(|f| f.kind == kind).map_or(("", ""), |f| (f.label_vi, f.label_en));
            Series { kind, label_vi, label_en, unit, locality, points, total }
        })
        .collect()
}

/// Sources disagree when different documents give the same kind, period,
/// locality and partners different values. Two values in one document are
/// usually two scopes (a total and a part, two programmes), not a conflict.
fn conflicts(facts: &[Fact]) -> Vec<Conflict> {
    type Key<'a> = (&'a str, &'a str, (String, String, bool), Option<String>, Vec<&'a str>);
    let mut groups: BTreeMap<Key, Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        let Some(p) = &f.period else { continue };
        let key = (f.kind, f.unit, (p.from.clone(), p.to.clone(), p.cumulative), f.locality.clone(), f.partners.clone());
        groups.entry(key).or_default().push(f);
    }
    let docs_of = |f: &Fact| -> BTreeSet<String> { f.sources.iter().map(|s| s.document.clone()).collect() };
    groups
        .into_values()
        .filter(|fs| fs.len() > 1)
        .filter(|fs| {
            let all: BTreeSet<String> = fs.iter().flat_map(|f| docs_of(f)).collect();
            // No one document states every value.
            all.len() > 1 && !all.iter().any(|d| fs.iter().all(|f| docs_of(f).contains(d)))
        })
        .filter_map(|fs| {
            let first = fs.first()?;
            Some(Conflict {
                kind: first.kind,
                label_vi: first.label_vi,
                label_en: first.label_en,
                unit: first.unit,
                period: first.period.clone()?,
                locality: first.locality.clone(),
                values: fs.iter().map(|f| ConflictValue { value: f.value, fact: f.id.clone(), sources: f.sources.clone() }).collect(),
            })
        })
        .collect()
}

/// A finding about the first source's document: its spans and metric ids
/// are that document's, and `sources` lists every figure concerned.
fn finding_for(code: &'static str, severity: &'static str, vi: String, en: String, sources: &[&Source]) -> Finding {
    let document = sources.first().map(|s| s.document.clone());
    let own = || sources.iter().filter(|s| Some(&s.document) == document.as_ref());
    Finding {
        code,
        severity,
        message_vi: vi,
        message_en: en,
        spans: own().map(|s| s.span).collect(),
        metrics: own().map(|s| s.metric.clone()).collect(),
        document,
        sources: sources.iter().map(|&s| s.clone()).collect(),
    }
}

fn conflict_findings(conflicts: &[Conflict], out: &mut Vec<Finding>) {
    for c in conflicts {
        let values: Vec<String> = c.values.iter().map(|v| vi_number(v.value)).collect();
        let sources: Vec<&Source> = c.values.iter().filter_map(|v| v.sources.first()).collect();
        let period = if c.period.from == c.period.to { c.period.from.clone() } else { format!("{}–{}", c.period.from, c.period.to) };
        out.push(finding_for(
            "conflicting_values",
            "warning",
            format!("{} ({period}) được nêu với các giá trị khác nhau: {}.", c.label_vi, values.join("; ")),
            format!("{} ({period}) is stated with different values: {}.", c.label_en, values.join("; ")),
            &sources,
        ));
    }
}

/// "tăng 52% so với cùng kỳ" against last year's figure when the corpus has it.
fn change_vs_previous(docs: &[Entry], facts: &[Fact], out: &mut Vec<Finding>) {
    let mut by_year: HashMap<(&str, &str, Option<&str>, u16), &Fact> = HashMap::new();
    for f in facts {
        if let Some(y) = f.period.as_ref().and_then(year_of) {
            by_year.entry((f.kind, f.unit, f.locality.as_deref(), y)).or_insert(f);
        }
    }
    for d in docs {
        for m in &d.report.metrics {
            let (Some(v), Some(ch)) = (m.value, m.change.as_ref()) else { continue };
            let (Some(pct), Some("yoy")) = (ch.percent, ch.basis) else { continue };
            let Some(year) = m.period.as_ref().and_then(year_of) else { continue };
            let Some(prev) = by_year.get(&(m.kind, m.unit, m.locality.as_deref(), year.wrapping_sub(1))) else { continue };
            if prev.value <= 0.0 || m.kind == "other" {
                continue;
            }
            let sign = if ch.direction == "decrease" { -1.0 } else { 1.0 };
            let implied = (v / prev.value - 1.0) * 100.0;
            if (implied - sign * pct).abs() <= 2.0 {
                continue;
            }
            let here = source(d, m, false);
            let mut sources = vec![&here];
            sources.extend(prev.sources.first());
            out.push(finding_for(
                "change_vs_previous",
                "info",
                format!(
                    "Nêu {}{}% so với cùng kỳ, nhưng so với {} của năm {} (nguồn khác) là {}% — kiểm tra hai số có cùng phạm vi và thời gian.",
                    if sign < 0.0 { "giảm " } else { "tăng " },
                    vi_number(pct),
                    vi_number(prev.value),
                    year - 1,
                    vi_number(implied)
                ),
                format!(
                    "States {}{}% year on year, but against {} for {} (another source) it is {}% — check both cover the same scope and months.",
                    if sign < 0.0 { "-" } else { "+" },
                    vi_number(pct),
                    vi_number(prev.value),
                    year - 1,
                    vi_number(implied)
                ),
                &sources,
            ));
        }
    }
}

/// Figures far outside the range the rest of the corpus shows for the kind.
fn outliers(facts: &[Fact], out: &mut Vec<Finding>) {
    let mut by_kind: BTreeMap<(&str, &str), Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        if f.value > 0.0 {
            by_kind.entry((f.kind, f.unit)).or_default().push(f);
        }
    }
    for fs in by_kind.values().filter(|fs| fs.len() >= 5) {
        let mut values: Vec<f64> = fs.iter().map(|f| f.value).collect();
        values.sort_by(f64::total_cmp);
        let median = values[values.len() / 2];
        for f in fs {
            let ratio = f.value / median;
            if !(1.0 / 100.0..=100.0).contains(&ratio) {
                let sources: Vec<&Source> = f.sources.iter().take(1).collect();
                out.push(finding_for(
                    "outlier",
                    "info",
                    format!("{} {} khác xa mức thường gặp trong kho ({}).", f.label_vi, vi_number(f.value), vi_number(median)),
                    format!("{} {} is far from the corpus's usual level ({}).", f.label_en, vi_number(f.value), vi_number(median)),
                    &sources,
                ));
            }
        }
    }
}

fn partners(docs: &[Entry]) -> Vec<PartnerCount> {
    type Key = (&'static str, &'static str, &'static str, Option<String>);
    // Per partner and locality: (metrics, activities, documents).
    let mut counts: BTreeMap<Key, (usize, usize, BTreeSet<&str>)> = BTreeMap::new();
    for d in docs {
        for m in d.report.metrics.iter().filter(|m| m.kind != "other") {
            for p in &m.partners {
                let e = counts.entry((p.name, p.code, p.kind, m.locality.clone())).or_default();
                e.0 += 1;
                e.2.insert(&d.id);
            }
        }
        for a in &d.report.activities {
            for c in a.counterparts.iter().filter(|c| c.kind != "organization") {
                let e = counts.entry((c.name, c.code, c.kind, a.locality.clone())).or_default();
                e.1 += 1;
                e.2.insert(&d.id);
            }
        }
    }
    let mut out: Vec<PartnerCount> = counts
        .into_iter()
        .map(|((name, code, kind, locality), (metrics, activities, docs))| PartnerCount { name, code, kind, locality, metrics, activities, documents: docs.len() })
        .collect();
    out.sort_by(|a, b| (b.metrics + b.activities).cmp(&(a.metrics + a.activities)).then(a.name.cmp(b.name)));
    out
}

#[cfg(test)]
mod tests;
