//! Golden cases kept as data: `tests/cases/metrics.json` lists sentences we
//! wrote, modeled on the patterns of foreign-affairs reporting, with every
//! classified metric they must give (in order; `other` figures are not
//! listed). `tests/cases/reading.json` checks the reading layer: every
//! figure read, classified or not, with its exact value and unit, and the
//! numbers that must not be read as quantities. Adding a case is adding data.

use ngoaivu::{Analyzer, Format, Options};
use serde_json::Value;

fn check_case(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().unwrap_or("?");
    let text = case["text"].as_str().ok_or("case without text")?;
    let mut opts = Options::default();
    if let Some(p) = case["published"].as_str() {
        opts.published = Some(p.to_string());
    }
    if let Some(f) = case["format"].as_str() {
        opts.format = Format::parse(f).ok_or("bad format")?;
    }
    let report = Analyzer::new(opts).analyze(text).map_err(|e| e.to_string())?;
    for m in &report.metrics {
        if text.get(m.span.start..m.span.end) != Some(m.text.as_str()) {
            return Err(format!("{name}: span {:?} does not slice to {:?}", m.span, m.text));
        }
    }
    let all = case["all"].as_bool().unwrap_or(false);
    let got: Vec<Value> = report
        .metrics
        .iter()
        .filter(|m| all || m.kind != "other")
        .map(|m| serde_json::to_value(m).unwrap_or(Value::Null))
        .collect();
    let want = case["expect"].as_array().ok_or("case without expect")?;
    let summary = |ms: &[Value]| -> Vec<String> { ms.iter().map(|m| format!("{} {} {}", m["kind"], m["value"], m["unit"])).collect() };
    if got.len() != want.len() {
        return Err(format!("{name}: got {:?}, want {:?}", summary(&got), summary(want)));
    }
    for (g, w) in got.iter().zip(want) {
        for (key, wv) in w.as_object().ok_or("expect entries must be objects")? {
            let gv = match key.as_str() {
                "period" if wv.is_object() => g["period"].clone(),
                "period" => {
                    let p = &g["period"];
                    match (p["from"].as_str(), p["to"].as_str()) {
                        (Some(f), Some(t)) if f == t => Value::from(f),
                        (Some(f), Some(t)) => Value::from(format!("{f}-{t}")),
                        _ => Value::Null,
                    }
                }
                k => g[k].clone(),
            };
            let same = matches(&gv, wv);
            if !same {
                return Err(format!("{name}: {} {key}: got {gv}, want {wv}", g["kind"]));
            }
        }
    }
    Ok(())
}

/// `got` has every field of `want` with an equal value (numbers to 1e-9).
fn matches(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap_or(f64::NAN), b.as_f64().unwrap_or(f64::NAN));
            (a - b).abs() <= 1e-9 * b.abs().max(1.0)
        }
        (Value::Object(a), Value::Object(b)) => b.iter().all(|(k, v)| a.get(k).is_some_and(|x| matches(x, v))),
        _ => got == want,
    }
}

#[test]
fn metric_cases() {
    let cases: Value = serde_json::from_str(include_str!("cases/metrics.json")).expect("valid JSON");
    let failures: Vec<String> = cases.as_array().expect("array").iter().filter_map(|c| check_case(c).err()).collect();
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn reading_cases() {
    let mut cases: Value = serde_json::from_str(include_str!("cases/reading.json")).expect("valid JSON");
    let failures: Vec<String> = cases
        .as_array_mut()
        .expect("array")
        .iter_mut()
        .filter_map(|c| {
            c["all"] = Value::Bool(true);
            check_case(c).err()
        })
        .collect();
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// A dateline written in words is the publication date, and a date in words
/// in the text dates its figures.
#[test]
fn dates_written_in_words() {
    let text = "Bình Lâm, ngày 10 tháng 01 năm 2025\nNgày 5 tháng 3 năm 2024, tỉnh ký kết 2 thỏa thuận hợp tác.";
    let r = ngoaivu::analyze(text).expect("analysis");
    assert_eq!(r.published.as_deref(), Some("2025-01-10"));
    let m = r.metrics.iter().find(|m| m.kind == "agreements").expect("agreements");
    assert_eq!(m.period.as_ref().map(|p| p.from.as_str()), Some("2024"));
    // Without a year it is no date, and "tháng 3 năm 2024" alone still is.
    let r = ngoaivu::analyze("Ngày 5 tháng 3, tỉnh đón 4 đoàn. Tháng 3 năm 2024, tỉnh đón 6 đoàn.").expect("analysis");
    assert_eq!(r.published, None);
    let periods: Vec<Option<&str>> = r.metrics.iter().map(|m| m.period.as_ref().map(|p| p.from.as_str())).collect();
    assert_eq!(periods.last().copied().flatten(), Some("2024"));
}
