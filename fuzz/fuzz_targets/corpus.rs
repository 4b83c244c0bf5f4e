//! Fuzz target: the corpus API. The input is split at NUL bytes into
//! documents; they are added (as text or HTML), one is removed, and the
//! summary and the CSV exports are built. Nothing may panic.
//!
//!   cargo +nightly fuzz run corpus -- -max_len=8192
#![no_main]

use libfuzzer_sys::fuzz_target;
use ngoaivu::corpus::{facts_csv, metrics_csv};
use ngoaivu::{Corpus, DocOptions, Format, Options};

fuzz_target!(|data: &[u8]| {
    let mut corpus = Corpus::new(Options::default()).utf16().max_total_bytes(64 * 1024);
    let mut ids = Vec::new();
    for (k, part) in data.split(|&b| b == 0).enumerate().take(16) {
        let text = String::from_utf8_lossy(part);
        let doc = DocOptions {
            name: Some(format!("doc{k}")),
            published: (k % 2 == 0).then(|| format!("{}-01-15", 2015 + k)),
            locality: (k % 3 == 0).then(|| "Lạng Sơn".to_string()),
            format: Some(if k % 2 == 0 { Format::Text } else { Format::Auto }),
        };
        if let Ok(id) = corpus.add(&text, doc) {
            ids.push(id);
        }
    }
    if let Some(first) = ids.first() {
        if data.len() % 2 == 0 {
            corpus.remove(first);
        }
    }
    let summary = corpus.summary();
    let _ = serde_json::to_string(&summary);
    let _ = metrics_csv(&corpus, true);
    let _ = facts_csv(&summary, false);
});
