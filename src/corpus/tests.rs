use super::*;

fn corpus() -> Corpus {
    Corpus::new(Options::default())
}

fn doc(name: &str, published: &str) -> DocOptions {
    DocOptions { name: Some(name.to_string()), published: Some(published.to_string()), locality: Some("Lạng Sơn".to_string()), format: None }
}

#[test]
fn the_same_figure_in_two_documents_is_one_fact_with_two_sources() {
    let mut c = corpus();
    let a = c.add("Năm 2023, tỉnh đã cử 35 đoàn đi công tác nước ngoài.", doc("a", "2024-01-10")).unwrap_or_default();
    let b = c.add("Trong năm 2023, toàn tỉnh cử 35 đoàn ra nước ngoài; đón 20 đoàn vào.", doc("b", "2024-02-01")).unwrap_or_default();
    let s = c.summary();
    let out: Vec<&Fact> = s.facts.iter().filter(|f| f.kind == "delegation_out").collect();
    assert_eq!(out.len(), 1);
    let docs: Vec<&str> = out[0].sources.iter().map(|s| s.document.as_str()).collect();
    assert_eq!(docs, vec![a.as_str(), b.as_str()]);
    assert!(s.conflicts.is_empty());
}

#[test]
fn different_values_for_the_same_period_are_a_conflict() {
    let mut c = corpus();
    c.add("Năm 2023, tỉnh đã cử 35 đoàn đi công tác nước ngoài.", doc("a", "2024-01-10")).unwrap_or_default();
    c.add("Năm 2023, tỉnh đã cử 38 đoàn đi công tác nước ngoài.", doc("b", "2024-03-10")).unwrap_or_default();
    let s = c.summary();
    assert_eq!(s.conflicts.len(), 1);
    assert_eq!(s.conflicts[0].values.len(), 2);
    assert!(s.findings.iter().any(|f| f.code == "conflicting_values"));
}

#[test]
fn restatement_in_another_currency_joins_its_fact() {
    let mut c = corpus();
    c.add("Năm 2020, thu hút vốn FDI đạt 12.770 tỷ đồng (tương đương 551 triệu USD).", doc("a", "2021-01-10")).unwrap_or_default();
    let s = c.summary();
    let money: Vec<&Fact> = s.facts.iter().filter(|f| f.unit == "VND" || f.unit == "USD").collect();
    assert_eq!(money.len(), 1, "{:?}", s.facts);
    assert_eq!(money[0].sources.len(), 2);
    assert!(money[0].sources[1].restatement);
}

#[test]
fn series_by_year_with_totals_only_for_flows() {
    let mut c = corpus();
    c.add("Năm 2022, tỉnh đã cử 30 đoàn đi công tác nước ngoài.", doc("a", "2023-01-10")).unwrap_or_default();
    c.add("Năm 2023, tỉnh đã cử 35 đoàn đi công tác nước ngoài.", doc("b", "2024-01-10")).unwrap_or_default();
    let s = c.summary();
    let series = s.series.iter().find(|x| x.kind == "delegation_out").cloned();
    let series = series.unwrap_or_else(|| panic!("no series in {:?}", s.series));
    let years: Vec<(u16, f64)> = series.points.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(years, vec![(2022, 30.0), (2023, 35.0)]);
    assert_eq!(series.total, Some(65.0));
}

#[test]
fn stated_change_against_last_years_figure_in_another_document() {
    let mut c = corpus();
    c.add("Năm 2022, kim ngạch xuất nhập khẩu qua biên giới đạt 1 tỷ USD.", doc("a", "2023-01-10")).unwrap_or_default();
    c.add("Năm 2023, kim ngạch xuất nhập khẩu qua biên giới đạt 1,5 tỷ USD, tăng 20% so với cùng kỳ.", doc("b", "2024-01-10")).unwrap_or_default();
    let s = c.summary();
    let f = s.findings.iter().find(|f| f.code == "change_vs_previous").unwrap_or_else(|| panic!("{:?}", s.findings));
    // Spans and metric ids are the named document's; the other year's figure is a source.
    let here = f.document.as_deref().unwrap_or_default();
    assert_eq!(f.sources.len(), 2);
    assert!(f.sources.iter().any(|x| x.document != here), "{f:?}");
    assert_eq!(f.spans.len(), 1);
    let r = c.report(here).expect("the document");
    assert!(r.metrics.iter().any(|m| m.span == f.spans[0] && f.metrics == [m.id.clone()]));
}

#[test]
fn remove_and_limits() {
    let mut c = corpus().max_total_bytes(200);
    let a = c.add("Năm 2023, tỉnh đã cử 35 đoàn đi công tác nước ngoài.", DocOptions::default()).unwrap_or_default();
    assert_eq!(c.len(), 1);
    let big = "x".repeat(300);
    let err = c.add(&big, DocOptions::default()).err().map(|e| e.code());
    assert_eq!(err, Some("corpus_too_large"));
    assert!(c.remove(&a));
    assert!(!c.remove(&a));
    assert!(c.is_empty());
    assert!(c.summary().facts.is_empty());
}

#[test]
fn partners_are_counted_per_locality() {
    let mut c = corpus();
    c.add("Năm 2023, tỉnh đã cử 5 đoàn sang Quảng Tây (Trung Quốc) làm việc.", doc("a", "2024-01-10")).unwrap_or_default();
    let s = c.summary();
    assert!(s.partners.iter().any(|p| p.name == "Quảng Tây" && p.locality.as_deref() == Some("Lạng Sơn")), "{:?}", s.partners);
}

#[test]
fn csv_quotes_and_bom() {
    let mut c = corpus();
    c.add("Năm 2023, tỉnh đã cử 35 đoàn, 120 lượt cán bộ đi công tác nước ngoài.", doc("a, \"b\"", "2024-01-10")).unwrap_or_default();
    let csv = metrics_csv(&c, true);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"a, \"\"b\"\"\""));
    assert_eq!(csv.lines().count(), 1 + c.report("d1").map_or(0, |r| r.metrics.len()));
    let facts = facts_csv(&c.summary(), false);
    assert!(facts.starts_with("id,kind"));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn xlsx_is_a_workbook_with_both_sheets() {
    let mut c = corpus();
    c.add("Năm 2023, tỉnh đã cử 35 đoàn, 120 lượt cán bộ đi công tác nước ngoài.", doc("a", "2024-01-10")).unwrap_or_default();
    let bytes = xlsx(&c).unwrap_or_default();
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip");
    let csv = metrics_csv(&c, true);
    let rows = export::parse_csv(&csv);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "document");
    assert_eq!(rows[1][5], "35");
}

#[test]
fn parts_of_a_total_of_their_own_kind_are_no_facts_but_a_part_of_another_kind_is() {
    let mut c = corpus();
    c.add("Năm 2023, tỉnh thu hút 25 dự án FDI, trong đó 15 dự án của Hàn Quốc.", doc("a", "2024-01-10")).unwrap_or_default();
    c.add("Năm 2023, tỉnh có 140 dự án đầu tư, trong đó 74 dự án đầu tư trực tiếp nước ngoài.", doc("b", "2024-01-10")).unwrap_or_default();
    let s = c.summary();
    let values: Vec<(&str, f64)> = s.facts.iter().map(|f| (f.kind, f.value)).collect();
    assert!(values.contains(&("fdi_projects", 25.0)), "{values:?}");
    assert!(!values.contains(&("fdi_projects", 15.0)), "a part of its own kind counts once, in its total: {values:?}");
    assert!(values.contains(&("fdi_projects", 74.0)), "a part of another kind is a fact: {values:?}");
}
