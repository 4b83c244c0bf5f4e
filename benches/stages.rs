//! `cargo bench`: native throughput (MB/s) of the whole analysis and of each
//! stage — normalization, tokens + number reading, the lexicon pass (cue
//! words, names, triggers, pillar cues, document types), places, the corpus
//! summary — over the dev corpus (`../shared/corpus/dev`, read at run
//! time, never copied here) and over it repeated to 1 MB and 10 MB, so the
//! slow stage is visible; and the dev documents one at a time, as they are
//! analyzed in use. Without the dev corpus it uses the demo's sample.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ngoaivu::extract::{entities::find_places, lexicon};
use ngoaivu::read::scan::scan;
use ngoaivu::text::normalize::{normalize, Format};
use ngoaivu::text::tokens::tokenize;
use ngoaivu::{Analyzer, Corpus, DocOptions, Options};

fn documents() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| r.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect())
        .unwrap_or_default();
    paths.sort();
    let docs: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if docs.is_empty() {
        eprintln!("no dev corpus at {}: using www/sample.txt", dir.display());
        return vec![include_str!("../www/sample.txt").to_string()];
    }
    docs
}

fn repeated(docs: &[String], bytes: usize) -> String {
    let one = docs.join("\n\n");
    let mut out = String::with_capacity(bytes + one.len());
    while out.len() < bytes {
        out.push_str(&one);
        out.push_str("\n\n");
    }
    out
}

fn inputs(docs: &[String]) -> Vec<(&'static str, String)> {
    vec![("dev", docs.join("\n\n")), ("1MB", repeated(docs, 1 << 20)), ("10MB", repeated(docs, 10 << 20))]
}

fn stages(c: &mut Criterion) {
    let docs = documents();
    let analyzer = Analyzer::new(Options::default());
    // Tables compile once per process, before anything is timed.
    let _ = analyzer.analyze("Năm 2023, tỉnh đón 52 đoàn.");
    for (name, text) in inputs(&docs) {
        let mut g = c.benchmark_group(format!("stages/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        if name == "10MB" {
            g.sample_size(10);
        }
        g.bench_function("analyze", |b| b.iter(|| analyzer.analyze(&text).map(|r| r.metrics.len())));
        if name != "10MB" {
            let norm = normalize(&text, Format::Text);
            g.bench_function("normalize", |b| b.iter(|| normalize(&text, Format::Text).text.len()));
            g.bench_function("tokens_and_numbers", |b| {
                b.iter(|| {
                    let toks = tokenize(&norm.text);
                    scan(&norm.text, &norm.lower, &toks).quantities.len()
                })
            });
            let toks = tokenize(&norm.text);
            g.bench_function("lexicon", |b| b.iter(|| lexicon::scan_tokens(&norm.lower, &toks).of(lexicon::Table::Cues).len()));
            let hits = lexicon::scan_tokens(&norm.lower, &toks);
            g.bench_function("places", |b| b.iter(|| find_places(&norm, &hits).len()));
        }
        g.finish();
    }
}

/// The dev corpus as people send it, one document at a time (the WASM
/// bench's "17 texts one by one"): per-document costs, and the per-figure
/// costs of short, dense articles, count here as they do in use, where the
/// joined text of `stages/dev` spreads them thin.
fn one_by_one(c: &mut Criterion) {
    let docs = documents();
    let analyzer = Analyzer::new(Options::default());
    let _ = analyzer.analyze("Năm 2023, tỉnh đón 52 đoàn.");
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("documents");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("dev_one_by_one", |b| b.iter(|| docs.iter().map(|d| analyzer.analyze(d).map_or(0, |r| r.metrics.len())).sum::<usize>()));
    g.finish();
}

fn corpus_summary(c: &mut Criterion) {
    let docs = documents();
    let mut corpus = Corpus::new(Options::default());
    // The dev corpus five times over, as five years of a province's reports.
    for (k, d) in docs.iter().cycle().take(docs.len() * 5).enumerate() {
        let _ = corpus.add(d, DocOptions { name: Some(format!("doc{k}")), ..DocOptions::default() });
    }
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * 5;
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_with_input(BenchmarkId::new("summary", corpus.len()), &corpus, |b, c| b.iter(|| c.summary().facts.len()));
    g.finish();
}

criterion_group!(benches, stages, one_by_one, corpus_summary);
criterion_main!(benches);
