//! Exports of metrics and facts: CSV (UTF-8, RFC 4180 quoting, an optional
//! byte-order mark so Excel opens Vietnamese text correctly) everywhere,
//! and XLSX in the native build.

use super::{Corpus, Summary};

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|v| if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { v.to_string() }).unwrap_or_default()
}

fn write_rows(header: &[&str], rows: Vec<Vec<String>>, bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Every metric of every document, one row each.
pub fn metrics_csv(corpus: &Corpus, bom: bool) -> String {
    let header = [
        "document", "name", "id", "kind", "label_vi", "value", "value_to", "of", "unit", "qualifier", "period_from", "period_to",
        "cumulative", "locality", "partners", "change", "change_percent", "plan_percent", "plan_value", "text", "start", "end", "rule",
    ];
    let mut rows = Vec::new();
    for (doc, name, report) in corpus.reports() {
        for m in &report.metrics {
            let period = m.period.as_ref();
            let change = m.change.as_ref();
            rows.push(vec![
                doc.to_string(),
                name.to_string(),
                m.id.clone(),
                m.kind.to_string(),
                m.label_vi.to_string(),
                m.value_text.clone().unwrap_or_default(),
                num(m.value_to),
                num(m.of),
                m.unit.to_string(),
                m.qualifier.to_string(),
                period.map(|p| p.from.clone()).unwrap_or_default(),
                period.map(|p| p.to.clone()).unwrap_or_default(),
                period.map(|p| p.cumulative.to_string()).unwrap_or_default(),
                m.locality.clone().unwrap_or_default(),
                m.partners.iter().map(|p| p.name).collect::<Vec<_>>().join("; "),
                change.map(|c| c.direction.to_string()).unwrap_or_default(),
                num(change.and_then(|c| c.percent)),
                num(m.plan_percent),
                num(m.plan_value),
                m.text.clone(),
                m.span.start.to_string(),
                m.span.end.to_string(),
                m.rule.clone(),
            ]);
        }
    }
    write_rows(&header, rows, bom)
}

/// Every fact of a summary, one row each, with its sources.
pub fn facts_csv(summary: &Summary, bom: bool) -> String {
    let header = ["id", "kind", "label_vi", "value", "unit", "qualifier", "period_from", "period_to", "cumulative", "locality", "sources", "documents", "text"];
    let rows = summary
        .facts
        .iter()
        .map(|f| {
            let period = f.period.as_ref();
            let mut docs: Vec<&str> = f.sources.iter().map(|s| s.document.as_str()).collect();
            docs.dedup();
            vec![
                f.id.clone(),
                f.kind.to_string(),
                f.label_vi.to_string(),
                f.value_text.clone().unwrap_or_else(|| num(Some(f.value))),
                f.unit.to_string(),
                f.qualifier.to_string(),
                period.map(|p| p.from.clone()).unwrap_or_default(),
                period.map(|p| p.to.clone()).unwrap_or_default(),
                period.map(|p| p.cumulative.to_string()).unwrap_or_default(),
                f.locality.clone().unwrap_or_default(),
                f.sources.len().to_string(),
                docs.join("; "),
                f.sources.first().map(|s| s.text.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    write_rows(&header, rows, bom)
}

/// Metrics and facts as an Excel workbook: sheet "Chỉ số" (metrics) and
/// "Dữ kiện" (facts), numbers as numbers, with the CSV's columns. Native
/// only: see the note on `rust_xlsxwriter` in Cargo.toml.
#[cfg(not(target_arch = "wasm32"))]
pub fn xlsx(corpus: &Corpus) -> Result<Vec<u8>, crate::Error> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| crate::Error::bad_option("xlsx", e.to_string());
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let summary = corpus.summary();
    for (title, csv) in [("Chỉ số", metrics_csv(corpus, false)), ("Dữ kiện", facts_csv(&summary, false))] {
        let ws = wb.add_worksheet();
        ws.set_name(title).map_err(fail)?;
        for (r, row) in parse_csv(&csv).into_iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if r == 0 {
                    ws.write_string_with_format(r, c, cell, &bold).map_err(fail)?;
                } else if let Some(n) = cell.parse::<f64>().ok().filter(|n| n.is_finite() && !cell.starts_with('+')) {
                    ws.write_number(r, c, n).map_err(fail)?;
                } else if !cell.is_empty() {
                    ws.write_string(r, c, cell).map_err(fail)?;
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(fail)?;
    }
    wb.save_to_buffer().map_err(fail)
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
/// Reads back the CSV written above (RFC 4180), so both exports share one
/// definition of the columns.
pub(crate) fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = csv.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}
