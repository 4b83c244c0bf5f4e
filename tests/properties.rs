//! Property tests: numbers written every Vietnamese way read back exactly;
//! NFC and NFD input give the same metrics; every span slices back; and no
//! input, however odd, panics.
#![cfg(not(target_arch = "wasm32"))]

use ngoaivu::{analyze, Analyzer, Format, Options};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// `n` with `.` between thousands, as Vietnamese writes it.
fn group_vn(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// Words for 0 < n < 1000, `full` when a higher group comes before it.
fn words_below_thousand(n: u64, full: bool) -> Vec<&'static str> {
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    let mut w = Vec::new();
    if h > 0 || full {
        w.push(DIGITS[h as usize]);
        w.push("trăm");
    }
    match t {
        0 if u > 0 && (h > 0 || full) => w.push("linh"),
        0 => {}
        1 => w.push("mười"),
        _ => {
            w.push(DIGITS[t as usize]);
            w.push("mươi");
        }
    }
    match u {
        0 => {}
        1 if t >= 2 => w.push("mốt"),
        5 if t >= 1 => w.push("lăm"),
        _ => w.push(DIGITS[u as usize]),
    }
    w
}

/// Vietnamese words for 1 ≤ n < 10^9.
fn words_vn(n: u64) -> String {
    let groups = [(n / 1_000_000, "triệu"), ((n / 1000) % 1000, "nghìn"), (n % 1000, "")];
    let mut w: Vec<&str> = Vec::new();
    for (g, scale) in groups {
        if g > 0 {
            w.extend(words_below_thousand(g, !w.is_empty()));
            if !scale.is_empty() {
                w.push(scale);
            }
        }
    }
    w.join(" ")
}

fn values(text: &str) -> Vec<(String, Option<String>, String)> {
    analyze(text)
        .map(|r| r.metrics.into_iter().map(|m| (m.kind.to_string(), m.value_text, m.unit.to_string())).collect())
        .unwrap_or_default()
}

fn spans_slice_back(text: &str, format: Format) -> Result<(), TestCaseError> {
    let opts = Options { format, ..Options::default() };
    let r = Analyzer::new(opts).analyze(text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for m in &r.metrics {
        prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
        prop_assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
        prop_assert!(m.sentence.start <= m.span.start && m.span.end <= m.sentence.end.max(m.span.end));
    }
    Ok(())
}

const FRAGMENTS: &[&str] = &[
    "Năm 2016, tỉnh đã cử 40 đoàn đi công tác nước ngoài",
    "đón 52 đoàn khách quốc tế với 414 lượt người",
    "ký kết 6 thỏa thuận hợp tác",
    "thu hút 30 dự án FDI với tổng vốn đăng ký 372 triệu USD",
    "kim ngạch xuất nhập khẩu ước đạt hơn 4.600 triệu USD, tăng 70,6% so với cùng kỳ",
    "tiếp nhận gần 100 dự án phi chính phủ nước ngoài trị giá 5,05 triệu NDT",
    "hơn 164km đường biên giới, hoà bình, thuỷ sản, khoẻ mạnh",
    "PCI đạt 67,88 điểm, xếp thứ 15/63",
    "Chỉ thị số 41-CT/TW ngày 15/4/2010",
    "hàng trăm doanh nghiệp và hai mươi lăm đoàn",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn digits_read_back_exactly(int in 0u64..10_000_000_000_000, frac in proptest::option::of(1u32..1000)) {
        let written = match frac {
            Some(f) => format!("{},{}", group_vn(int), f),
            None => group_vn(int),
        };
        let want = match frac {
            Some(f) => {
                let f = f.to_string();
                let f = f.trim_end_matches('0');
                if f.is_empty() { int.to_string() } else { format!("{int}.{f}") }
            }
            None => int.to_string(),
        };
        let got = values(&format!("Tổng giá trị viện trợ là {written} USD."));
        prop_assert_eq!(got.len(), 1, "{}", written);
        prop_assert_eq!(got[0].1.as_deref(), Some(want.as_str()), "{}", written);
    }

    #[test]
    fn scaled_money_is_exact(int in 1u64..100_000, frac in 0u32..100, scale in 0usize..3) {
        let (word, exp) = [("nghìn", 3u32), ("triệu", 6), ("tỷ", 9)][scale];
        let written = if frac == 0 { group_vn(int) } else { format!("{},{:02}", group_vn(int), frac) };
        let got = values(&format!("tổng vốn {written} {word} đồng"));
        let cents = u128::from(int) * 100 + u128::from(frac);
        let want = cents * 10u128.pow(exp) / 100;
        prop_assert_eq!(got.len(), 1);
        prop_assert_eq!(got[0].1.clone(), Some(want.to_string()), "{} {}", written, word);
        prop_assert_eq!(got[0].2.as_str(), "VND");
    }

    #[test]
    fn number_words_read_back(n in 2u64..1_000_000_000) {
        let text = format!("đã cử {} đoàn", words_vn(n));
        let got = values(&text);
        prop_assert_eq!(got.len(), 1, "{}", text);
        prop_assert_eq!(got[0].1.clone(), Some(n.to_string()), "{}", text);
    }

    #[test]
    fn nfd_gives_the_same_metrics(picks in proptest::collection::vec(0usize..FRAGMENTS.len(), 1..6)) {
        let nfc: String = picks.iter().map(|&i| FRAGMENTS[i]).collect::<Vec<_>>().join(". ");
        let nfd: String = nfc.nfd().collect();
        let strip = |t: &str| -> Vec<(String, Option<String>, String, String, Option<String>)> {
            analyze(t).map(|r| r.metrics.into_iter().map(|m| (m.kind.to_string(), m.value_text, m.unit.to_string(), m.qualifier.to_string(), m.period.map(|p| format!("{}-{}", p.from, p.to)))).collect()).unwrap_or_default()
        };
        prop_assert_eq!(strip(&nfc), strip(&nfd));
        spans_slice_back(&nfd, Format::Text)?;
    }

    #[test]
    fn any_text_never_panics_and_spans_hold(text in "\\PC{0,200}") {
        spans_slice_back(&text, Format::Auto)?;
        spans_slice_back(&text, Format::Html)?;
    }

    #[test]
    fn digit_soup_never_panics(text in "[0-9.,/ -]{0,300}(tỷ |triệu |đoàn |%)*") {
        spans_slice_back(&text, Format::Text)?;
    }
}

#[test]
fn adversarial_shapes_return() {
    let shapes = [
        "9".repeat(60),
        "1.".repeat(5000),
        "tỷ ".repeat(5000),
        format!("{}a", "\u{301}".repeat(3000)),
        "<div>".repeat(5000),
        format!("1\u{200b}2\u{202e}3 {} 4", " ".repeat(10000)),
        "hai mươi ".repeat(3000),
    ];
    for s in &shapes {
        let r = analyze(s).expect("analysis");
        for m in &r.metrics {
            assert_eq!(s.get(m.span.start..m.span.end), Some(m.text.as_str()));
        }
    }
}

#[test]
fn word_generator_matches_known_readings() {
    assert_eq!(words_vn(25), "hai mươi lăm");
    assert_eq!(words_vn(305), "ba trăm linh năm");
    assert_eq!(words_vn(1200), "một nghìn hai trăm");
    assert_eq!(words_vn(1005), "một nghìn không trăm linh năm");
}
