//! The core compiled to wasm32 and run in Node by wasm-bindgen-test-runner:
//! the same reading as natively, including the pieces that depend on the
//! target (64-bit arithmetic in i128, Unicode tables, the cue automaton).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn reads_and_classifies_like_native() {
    let r = ngoaivu::analyze("Năm 2016, tỉnh đã cử 40 đoàn, 609 lượt cán bộ đi công tác tại 13 quốc gia, vùng lãnh thổ.")
        .expect("analysis");
    let got: Vec<(&str, Option<f64>)> = r.metrics.iter().map(|m| (m.kind, m.value)).collect();
    assert_eq!(
        got,
        [("delegation_out", Some(40.0)), ("delegation_out_people", Some(609.0)), ("delegation_out_countries", Some(13.0))]
    );
}

#[wasm_bindgen_test]
fn exact_money_in_wasm() {
    let r = ngoaivu::analyze("ODA: 06 dự án ODA với tổng vốn 5.933,7 tỷ đồng.").expect("analysis");
    let money = r.metrics.iter().find(|m| m.unit == "VND").expect("money metric");
    assert_eq!(money.value_text.as_deref(), Some("5933700000000"));
    assert_eq!(money.kind, "oda_capital");
}

#[wasm_bindgen_test]
fn utf16_spans_slice_back() {
    let text = "Đón 52 đoàn khách quốc tế 😀 và ký kết 6 thỏa thuận hợp tác.";
    let json = ngoaivu::analyze_to_json(text, &ngoaivu::Options::default(), None).expect("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid json");
    let units: Vec<u16> = text.encode_utf16().collect();
    for m in v["metrics"].as_array().expect("metrics") {
        let (s, e) = (m["span"]["start"].as_u64().unwrap_or(0) as usize, m["span"]["end"].as_u64().unwrap_or(0) as usize);
        assert_eq!(String::from_utf16_lossy(&units[s..e]), m["text"].as_str().unwrap_or(""));
    }
}
