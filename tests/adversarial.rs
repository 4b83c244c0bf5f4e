//! Hostile shapes of input, each at a small size: the analysis answers with
//! a report (or a clear error), its spans slice back, its JSON serializes,
//! and what it reads is what the shape holds. The same shapes at full size
//! (megabytes) are timed by `npm run bench` (`scripts/bench.mjs`), never
//! here: tests assert results, benchmarks measure time.
#![cfg(not(target_arch = "wasm32"))]

use ngoaivu::{analyze_to_json, Analyzer, Format, Options, Report};

/// The shapes, by name, at about `size` bytes (shared with the benchmark's list).
fn shapes(size: usize) -> Vec<(&'static str, String, Format)> {
    let rep = |unit: &str| unit.repeat(size / unit.len().max(1) + 1);
    let nested = size / 11;
    vec![
        ("digits", rep("1234567890"), Format::Text),
        ("dotted_ones", rep("1."), Format::Text),
        ("scale_words", rep("tỷ "), Format::Text),
        ("one_long_line", rep("Năm 2023 tỉnh cử 40 đoàn ra nước ngoài, "), Format::Text),
        ("nested_tags", format!("{}Đón 52 đoàn khách.{}", "<div><span>".repeat(nested), "</span></div>".repeat(nested)), Format::Html),
        ("unclosed_tags", rep("<div <p <a href='"), Format::Html),
        ("whitespace", rep(" \t\u{a0}\n\u{200b}"), Format::Text),
        ("stacked_marks", format!("Đón 5{} đoàn", "\u{301}\u{323}\u{309}".repeat(size / 6)), Format::Text),
        ("invisible_between_digits", rep("1\u{200f}2\u{200b}3\u{202e}4\u{2066}5 đoàn; "), Format::Text),
        ("entities", rep("&amp;&#7889;&#x1F600;&#99999999;&nbsp;&bogus;"), Format::Html),
        ("brackets", rep("((((["), Format::Text),
        ("percents", rep("5%–7% "), Format::Text),
    ]
}

fn check(name: &str, text: &str, format: Format) -> Report {
    let opts = Options { format, ..Options::default() };
    let r = Analyzer::new(opts.clone()).analyze(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    for m in &r.metrics {
        assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()), "{name}: span of {}", m.id);
        assert!(m.value.is_none_or(f64::is_finite) || m.value_text.is_some(), "{name}: value of {}", m.id);
    }
    for e in &r.entities {
        for m in &e.mentions {
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()), "{name}: mention of {}", e.name);
        }
    }
    let json = analyze_to_json(text, &opts, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "{name}: JSON");
    r
}

#[test]
fn every_shape_gives_a_report_with_exact_spans() {
    for (name, text, format) in shapes(20_000) {
        check(name, &text, format);
    }
}

#[test]
fn what_each_shape_holds_is_what_is_read() {
    let by_name = |want: &str| shapes(20_000).into_iter().find(|(n, ..)| *n == want).map(|(_, t, f)| (t, f)).expect("shape");
    // 20 000 digits in a row are one number, far beyond any figure: its
    // exact digits are kept, and nothing else is invented.
    let (t, f) = by_name("digits");
    let r = check("digits", &t, f);
    assert!(r.metrics.len() <= 1, "{} metrics", r.metrics.len());
    // Scale words with no number are no figure.
    let (t, f) = by_name("scale_words");
    assert!(check("scale_words", &t, f).metrics.is_empty());
    // Whitespace alone: nothing.
    let (t, f) = by_name("whitespace");
    assert!(check("whitespace", &t, f).metrics.is_empty());
    // The sentence inside thousands of nested tags is still read.
    let (t, f) = by_name("nested_tags");
    let r = check("nested_tags", &t, f);
    assert_eq!(r.metrics.iter().map(|m| (m.kind, m.value)).collect::<Vec<_>>(), [("delegation_in", Some(52.0))]);
    // The long line's figures are all found, one per repetition pair.
    let (t, f) = by_name("one_long_line");
    let r = check("one_long_line", &t, f);
    let reps = t.matches("40 đoàn").count();
    assert_eq!(r.metrics.iter().filter(|m| m.value == Some(40.0)).count(), reps);
}

#[test]
fn input_beyond_the_limit_is_a_clear_error_and_the_analyzer_goes_on() {
    let opts = Options { max_input_bytes: 1000, ..Options::default() };
    let analyzer = Analyzer::new(opts);
    let err = analyzer.analyze(&"x".repeat(1001)).expect_err("too large");
    assert_eq!(err.code(), "input_too_large");
    assert!(err.to_string().contains("1000"), "{err}");
    let r = analyzer.analyze("Năm 2023, tỉnh đón 52 đoàn khách quốc tế.").expect("the same analyzer still works");
    assert_eq!(r.metrics.len(), 1);
}
