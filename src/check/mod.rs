//! Checks: the figures of a document held against each other — parts
//! against their total, a stated change against the levels it compares,
//! plan arithmetic, currency restatements against the year's exchange rate,
//! impossible shares and fractions, periods after publication, and the
//! reading notes an editor should see (ambiguous number formats, glued
//! tokens, repeated paragraphs).
//!
//! Each finding has a stable `code`, a severity and a message in
//! Vietnamese and English. Checks across documents (a change against last
//! year's figure, conflicts, outliers) live in `corpus`. What this does not
//! do: decide which figure is right — it points at the text to look at.

mod rates;

pub use rates::ExchangeRates;

use std::collections::HashMap;

use crate::report::{metric_by_id, Finding, Metric, Report, Span};

/// Relative tolerance of arithmetic checks on figures a text rounds.
const ROUNDING: f64 = 0.01;

/// Runs every document check and stores the findings in `report`.
/// Spans in `report` must be byte offsets into `input`.
pub fn check_document(input: &str, report: &mut Report, rates: &ExchangeRates) {
    let mut out = Vec::new();
    parts_total(input, &report.metrics, &mut out);
    change_levels(input, &report.metrics, &mut out);
    plan_arithmetic(&report.metrics, &mut out);
    restatement_rates(&report.metrics, rates, &mut out);
    impossible_values(input, &report.metrics, &mut out);
    period_after_publication(input, report.published.as_deref(), &report.metrics, &mut out);
    reading_notes(report, &mut out);
    report.findings = out;
}

fn finding(code: &'static str, severity: &'static str, vi: String, en: String, ms: &[&Metric]) -> Finding {
    Finding {
        code,
        severity,
        message_vi: vi,
        message_en: en,
        spans: ms.iter().map(|m| m.span).collect(),
        metrics: ms.iter().map(|m| m.id.clone()).collect(),
        document: None,
        sources: Vec::new(),
    }
}

/// A number as an editor writes it: 1.108.742 or 3,5.
pub fn vi_number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let int = rounded.trunc().abs() as u128;
    let frac = ((rounded.abs() - rounded.abs().trunc()) * 100.0).round() as u32;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    match frac {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped},{}", f / 10),
        f => format!("{sign}{grouped},{f:02}"),
    }
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

/// "12 cặp cửa khẩu (2 quốc tế, 01 song phương, 9 cặp cửa khẩu phụ)": the
/// figures in the parenthesis right after a total, in its unit or bare.
fn parts_total(input: &str, metrics: &[Metric], out: &mut Vec<Finding>) {
    for (i, total) in metrics.iter().enumerate() {
        let Some(tv) = total.value else { continue };
        if total.kind == "other" || total.unit == "percent" || total.relation.is_some() {
            continue;
        }
        let Some(close_at) = parenthesis_after(input, total.span.end) else { continue };
        let parts: Vec<&Metric> = metrics[i + 1..]
            .iter()
            .take_while(|m| m.span.start < close_at)
            .filter(|m| m.relation.as_ref().is_some_and(|r| r.kind == "part_of" && r.metric == total.id) || m.unit == total.unit)
            .collect();
        if parts.len() < 2 || parts.iter().any(|m| m.value.is_none() || m.qualifier != "exact") {
            continue;
        }
        let sum: f64 = parts.iter().filter_map(|m| m.value).sum();
        if close(sum, tv, 1e-9) {
            continue;
        }
        let mut ms = vec![total];
        ms.extend(parts.iter().copied());
        let (sev, vi_rel, en_rel) = if sum > tv { ("warning", "lớn hơn", "more than") } else { ("info", "nhỏ hơn", "less than") };
        out.push(finding(
            "parts_total_mismatch",
            sev,
            format!("Các thành phần cộng lại {} {vi_rel} tổng {} được nêu.", vi_number(sum), vi_number(tv)),
            format!("The parts add up to {}, {en_rel} the stated total {}.", vi_number(sum), vi_number(tv)),
            &ms,
        ));
    }
}

/// Where the parenthesis that opens right after `at` (spaces allowed)
/// closes, if it does within a sentence's reach.
fn parenthesis_after(input: &str, at: usize) -> Option<usize> {
    let rest = input.get(at..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let open = at + (rest.len() - trimmed.len());
    if !trimmed.starts_with('(') {
        return None;
    }
    let body = &input[open + 1..];
    let len = body.find([')', '\n'])?;
    (body.as_bytes().get(len) == Some(&b')')).then_some(open + 1 + len)
}

/// "đạt 1.108.742 USD, tăng 992.829 USD so với năm 2020 (115.913 USD)":
/// the level minus the base must be the stated change.
fn change_levels(input: &str, metrics: &[Metric], out: &mut Vec<Finding>) {
    for (i, level) in metrics.iter().enumerate() {
        let (Some(lv), Some(change)) = (level.value, level.change.as_ref()) else { continue };
        let Some(delta) = metrics[i + 1..].iter().take_while(|m| m.sentence == level.sentence).find(|m| {
            m.relation.as_ref().is_some_and(|r| r.kind == "change_of" && r.metric == level.id)
        }) else {
            continue;
        };
        // The base: the next figure in the sentence, in parentheses, in the level's unit.
        let base = metrics[i + 1..]
            .iter()
            .take_while(|m| m.sentence == level.sentence)
            .filter(|m| m.span.start > delta.span.end && m.unit == level.unit && m.value.is_some())
            .find(|m| input.get(..m.span.start).is_some_and(|b| b.trim_end().ends_with('(')));
        let Some(base) = base else { continue };
        let Some(bv) = base.value.filter(|&b| b != 0.0) else { continue };
        let sign = if change.direction == "decrease" { -1.0 } else { 1.0 };
        let (ok, stated, implied, vi_what, en_what) = if let Some(a) = change.amount {
            let implied = lv - bv;
            (close(implied, sign * a, ROUNDING), vi_number(sign * a), vi_number(implied), "mức thay đổi", "change")
        } else if let Some(p) = change.percent {
            let implied = (lv / bv - 1.0) * 100.0;
            ((implied - sign * p).abs() <= 1.0, format!("{}%", vi_number(sign * p)), format!("{}%", vi_number(implied)), "tỷ lệ thay đổi", "percent change")
        } else {
            continue;
        };
        if !ok {
            out.push(finding(
                "change_mismatch",
                "warning",
                format!("{} nêu là {stated}, nhưng từ {} lên {} là {implied}.", capitalize(vi_what), vi_number(bv), vi_number(lv)),
                format!("The stated {en_what} is {stated}, but {} to {} is {implied}.", vi_number(bv), vi_number(lv)),
                &[level, delta, base],
            ));
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// "ước đạt 2 tỷ USD (kế hoạch 1,2 tỷ USD), đạt 160% kế hoạch".
fn plan_arithmetic(metrics: &[Metric], out: &mut Vec<Finding>) {
    // The plans stated for each figure, gathered once so a long document
    // is not searched again for every mismatch.
    let mut plans: HashMap<&str, Vec<&Metric>> = HashMap::new();
    for o in metrics {
        if let Some(r) = o.relation.as_ref().filter(|r| r.kind == "plan_of") {
            plans.entry(r.metric.as_str()).or_default().push(o);
        }
    }
    for m in metrics {
        let (Some(v), Some(plan), Some(pct)) = (m.value, m.plan_value, m.plan_percent) else { continue };
        if plan == 0.0 {
            continue;
        }
        let implied = v / plan * 100.0;
        if (implied - pct).abs() > 1.5 {
            let mut ms = vec![m];
            ms.extend(plans.get(m.id.as_str()).into_iter().flatten().copied());
            out.push(finding(
                "plan_mismatch",
                "warning",
                format!("{} trên kế hoạch {} là {}% kế hoạch, không phải {}%.", vi_number(v), vi_number(plan), vi_number(implied), vi_number(pct)),
                format!("{} against a plan of {} is {}% of plan, not {}%.", vi_number(v), vi_number(plan), vi_number(implied), vi_number(pct)),
                &ms,
            ));
        }
    }
}

/// "12.170,76 tỷ đồng (tương đương 551 triệu USD)": the implied rate
/// against the year's average.
fn restatement_rates(metrics: &[Metric], rates: &ExchangeRates, out: &mut Vec<Finding>) {
    for m in metrics {
        let Some(rel) = m.relation.as_ref().filter(|r| r.kind == "restates") else { continue };
        let Some(orig) = metric_by_id(metrics, &rel.metric) else { continue };
        let (Some(a), Some(b)) = (orig.value, m.value) else { continue };
        if a <= 0.0 || b <= 0.0 || orig.unit == m.unit {
            continue;
        }
        let Some(year) = orig.period.as_ref().or(m.period.as_ref()).and_then(|p| p.to.get(..4)).and_then(|y| y.parse::<u16>().ok()) else { continue };
        let Some(expected) = rates.rate(year, m.unit, orig.unit) else { continue };
        let implied = a / b; // units of orig.unit per unit of m.unit
        if (implied / expected - 1.0).abs() > 0.15 {
            out.push(finding(
                "restatement_rate",
                "warning",
                format!(
                    "Quy đổi ngầm định 1 {} = {} {}, lệch nhiều so với tỷ giá bình quân năm {year} (khoảng {}).",
                    m.unit, vi_number(implied), orig.unit, vi_number(expected)
                ),
                format!(
                    "The restatement implies 1 {} = {} {}, far from the {year} average rate (about {}).",
                    m.unit, vi_number(implied), orig.unit, vi_number(expected)
                ),
                &[orig, m],
            ));
        }
    }
}

/// A share above 100% ("chiếm 120%") and a fraction above one ("15/12 chỉ tiêu").
fn impossible_values(input: &str, metrics: &[Metric], out: &mut Vec<Finding>) {
    for m in metrics {
        let Some(v) = m.value else { continue };
        // A bare "1088/2" is a marker's number, not a share of anything.
        if let Some(of) = m.of.filter(|&of| v > of && !matches!(m.unit, "rank" | "number")) {
            out.push(finding(
                "fraction_above_one",
                "warning",
                format!("Phân số {}/{} lớn hơn 1.", vi_number(v), vi_number(of)),
                format!("The fraction {}/{} is above one.", vi_number(v), vi_number(of)),
                &[m],
            ));
        }
        let share = m.unit == "percent" && ends_with_word(input, m.span.start, "chiếm");
        if m.unit == "percent" && v > 100.0 && share {
            out.push(finding(
                "share_above_100",
                "warning",
                format!("Tỷ trọng {}% lớn hơn 100%.", vi_number(v)),
                format!("A share of {}% is above 100%.", vi_number(v)),
                &[m],
            ));
        }
    }
}

/// Whether the text before `at` ends with `word` (case-insensitive),
/// looking only at the few bytes that can matter.
fn ends_with_word(input: &str, at: usize, word: &str) -> bool {
    let mut from = at.saturating_sub(word.len() + 16);
    while !input.is_char_boundary(from) {
        from -= 1;
    }
    input.get(from..at).is_some_and(|b| b.trim_end().to_lowercase().ends_with(word))
}

/// Words that make a future period a target, not a misdated figure.
const TARGET_WORDS: &[&str] = &["phấn đấu", "mục tiêu", "dự kiến", "kế hoạch", "định hướng", "tầm nhìn", "đến năm", "chỉ tiêu", "sẽ", "dự báo"];

fn period_after_publication(input: &str, published: Option<&str>, metrics: &[Metric], out: &mut Vec<Finding>) {
    let Some(pub_year) = published.and_then(|p| p.get(..4)).and_then(|y| y.parse::<u16>().ok()) else { return };
    for m in metrics {
        if m.kind == "other" || m.relation.is_some() {
            continue;
        }
        let Some(year) = m.period.as_ref().and_then(|p| p.from.get(..4)).and_then(|y| y.parse::<u16>().ok()) else { continue };
        if year <= pub_year {
            continue;
        }
        let sentence = input.get(m.sentence.start..m.sentence.end).unwrap_or("").to_lowercase();
        if TARGET_WORDS.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        out.push(finding(
            "period_after_publication",
            "warning",
            format!("Số liệu thuộc năm {year}, sau ngày đăng ({}).", published.unwrap_or("")),
            format!("The figure is for {year}, after the publication date ({}).", published.unwrap_or("")),
            &[m],
        ));
    }
}

fn reading_notes(report: &Report, out: &mut Vec<Finding>) {
    for m in &report.metrics {
        if m.flags.contains(&"ambiguous_format") {
            out.push(finding(
                "ambiguous_number_format",
                "info",
                format!("\"{}\" có thể được đọc theo hai cách (dấu chấm/phẩy); đã đọc là {}.", m.text, m.value_text.as_deref().unwrap_or("?")),
                format!("\"{}\" can be read two ways (dot/comma); read as {}.", m.text, m.value_text.as_deref().unwrap_or("?")),
                &[m],
            ));
        }
        if m.flags.contains(&"glued") {
            out.push(finding(
                "glued_token",
                "info",
                format!("\"{}\" viết liền số và chữ.", m.text),
                format!("\"{}\" has the number glued to the word.", m.text),
                &[m],
            ));
        }
    }
    for &p in &report.document.repeated_paragraphs {
        // Metrics are in text order: the paragraph's are one run.
        let from = report.metrics.partition_point(|m| m.span.start < p.start);
        let ms: Vec<String> = report.metrics[from..].iter().take_while(|m| m.span.start < p.end).filter(|m| m.repeat && m.span.end <= p.end).map(|m| m.id.clone()).collect();
        out.push(Finding {
            code: "repeated_paragraph",
            severity: "info",
            message_vi: "Đoạn văn này lặp lại nguyên văn một đoạn trước; số liệu của nó không được tính hai lần.".to_string(),
            message_en: "This paragraph repeats an earlier one verbatim; its figures are not counted twice.".to_string(),
            spans: vec![Span { start: p.start, end: p.end }],
            metrics: ms,
            document: None,
            sources: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, published: Option<&str>) -> Vec<&'static str> {
        let opts = crate::Options { published: published.map(str::to_string), ..Default::default() };
        let report = crate::Analyzer::new(opts).analyze(text).map(|r| r.findings).unwrap_or_default();
        report.iter().map(|f| f.code).collect()
    }

    #[test]
    fn numbers_are_written_the_vietnamese_way() {
        assert_eq!(vi_number(1108742.0), "1.108.742");
        assert_eq!(vi_number(3.5), "3,5");
        assert_eq!(vi_number(-12.25), "-12,25");
        assert_eq!(vi_number(0.0), "0");
    }

    #[test]
    fn parts_that_add_up_pass_and_others_are_flagged() {
        assert!(!codes("Tỉnh có 12 cặp cửa khẩu (2 cặp cửa khẩu quốc tế, 1 cặp cửa khẩu song phương, 9 cặp cửa khẩu phụ).", None).contains(&"parts_total_mismatch"));
        assert!(codes("Tỉnh có 12 cặp cửa khẩu (4 cặp cửa khẩu quốc tế, 1 cặp cửa khẩu song phương, 9 cặp cửa khẩu phụ).", None).contains(&"parts_total_mismatch"));
    }

    #[test]
    fn stated_change_against_levels() {
        let ok = "Năm 2021, kim ngạch xuất khẩu đạt 1.108.742 USD, tăng 992.829 USD so với năm 2020 (115.913 USD).";
        assert!(!codes(ok, None).contains(&"change_mismatch"));
        let bad = "Năm 2021, kim ngạch xuất khẩu đạt 1.108.742 USD, tăng 892.829 USD so với năm 2020 (115.913 USD).";
        assert!(codes(bad, None).contains(&"change_mismatch"));
    }

    #[test]
    fn plan_percent_against_plan_value() {
        let bad = "Năm 2023, kim ngạch xuất nhập khẩu ước đạt 2 tỷ USD (kế hoạch 1,2 tỷ USD), đạt 120% kế hoạch.";
        assert!(codes(bad, None).contains(&"plan_mismatch"));
        let ok = "Năm 2023, kim ngạch xuất nhập khẩu ước đạt 1,5 tỷ USD (kế hoạch 1,2 tỷ USD), đạt 125% kế hoạch.";
        assert!(!codes(ok, None).contains(&"plan_mismatch"));
    }

    #[test]
    fn restatement_against_the_years_rate() {
        let ok = "Năm 2020, vốn đầu tư trực tiếp nước ngoài đạt 12.770 tỷ đồng (tương đương 551 triệu USD).";
        assert!(!codes(ok, None).contains(&"restatement_rate"));
        let bad = "Năm 2020, vốn đầu tư trực tiếp nước ngoài đạt 1.277 tỷ đồng (tương đương 551 triệu USD).";
        assert!(codes(bad, None).contains(&"restatement_rate"));
    }

    #[test]
    fn future_periods_unless_a_target() {
        assert!(codes("Năm 2026, tỉnh đã đón 30 đoàn khách quốc tế.", Some("2024-05-01")).contains(&"period_after_publication"));
        assert!(!codes("Phấn đấu năm 2026 đón 30 đoàn khách quốc tế.", Some("2024-05-01")).contains(&"period_after_publication"));
    }

    #[test]
    fn shares_above_a_whole() {
        assert!(codes("Xuất khẩu sang Trung Quốc chiếm 120% tổng kim ngạch.", None).contains(&"share_above_100"));
    }
}
