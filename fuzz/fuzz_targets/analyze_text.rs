//! Fuzz target: arbitrary bytes as a document — as plain text, as HTML and
//! sniffed — through `analyze` and its JSON. Nothing may panic, every span
//! must slice back to its text, and the UTF-16 JSON must serialize.
//!
//!   cargo +nightly fuzz run analyze_text -- -max_len=4096
#![no_main]

use libfuzzer_sys::fuzz_target;
use ngoaivu::{analyze_to_json, Analyzer, Format, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Html,
        _ => Format::Auto,
    };
    let opts = Options { format, published: (selector & 4 != 0).then(|| "2024-06-30".to_string()), ..Options::default() };
    let Ok(report) = Analyzer::new(opts.clone()).analyze(&text) else { return };
    for m in &report.metrics {
        assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()), "metric span");
    }
    for e in &report.entities {
        for m in &e.mentions {
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()), "entity span");
        }
    }
    for a in &report.activities {
        assert_eq!(text.get(a.trigger.span.start..a.trigger.span.end), Some(a.trigger.text.as_str()), "trigger span");
    }
    let _ = analyze_to_json(&text, &opts, None);
});
