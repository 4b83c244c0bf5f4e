//! Entities through the public API: each named thing listed once with all
//! its mentions, every span slicing back to its text, and on the dev corpus
//! (read at test time, skipped when absent) the same for every document.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use ngoaivu::analyze;

#[test]
fn organizations_and_agreements_are_entities() {
    let text = "Năm 2023, tỉnh tiếp nhận 3 dự án của JICA và KOICA; doanh nghiệp tận dụng Hiệp định EVFTA và CPTPP. JICA tài trợ thêm 1 dự án.";
    let r = analyze(text).expect("analysis");
    let by_code: BTreeMap<&str, (&str, usize)> = r.entities.iter().map(|e| (&*e.code, (e.kind, e.mentions.len()))).collect();
    assert_eq!(by_code.get("JICA"), Some(&("organization", 2)));
    assert_eq!(by_code.get("KOICA"), Some(&("organization", 1)));
    assert_eq!(by_code.get("EVFTA"), Some(&("agreement", 1)));
    assert_eq!(by_code.get("CPTPP"), Some(&("agreement", 1)));
    // Organizations are not foreign partners of a figure.
    assert!(r.metrics.iter().all(|m| m.partners.iter().all(|p| p.kind != "organization")));
}

fn check_report(text: &str, name: &str) -> BTreeMap<&'static str, usize> {
    let r = analyze(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut ids = HashSet::new();
    let mut keys = HashSet::new();
    let mut counts = BTreeMap::new();
    for e in &r.entities {
        assert!(ids.insert(e.id.clone()), "{name}: id {} twice", e.id);
        assert!(keys.insert((e.kind, e.name.clone(), e.code.clone())), "{name}: {} listed twice", e.name);
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()), "{name}: span of {}", e.name);
        }
        *counts.entry(e.kind).or_insert(0) += 1;
        if std::env::var_os("ENTITIES_SHOW").is_some() {
            let texts: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            eprintln!("{name}\t{}\t{}\t{texts:?}", e.kind, e.code);
        }
    }
    for p in &r.pillars {
        assert!(p.share > 0.0 && p.share <= 1.0, "{name}: share of {}", p.key);
        for m in &p.evidence {
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()), "{name}: evidence of {}", p.key);
        }
        if std::env::var_os("ENTITIES_SHOW").is_some() {
            eprintln!("{name}\tpillar\t{}\t{}", p.key, p.share);
        }
    }
    // Activities: triggers slice back, counterparts are entities, and the
    // link between a figure and its activity holds both ways.
    for a in &r.activities {
        assert_eq!(text.get(a.trigger.span.start..a.trigger.span.end), Some(a.trigger.text.as_str()), "{name}: trigger of {}", a.id);
        let sentence = text.get(a.sentence.start..a.sentence.end).unwrap_or_else(|| panic!("{name}: sentence of {}", a.id));
        assert!(sentence.contains(a.trigger.text.as_str()), "{name}: {} outside its sentence", a.id);
        for c in &a.counterparts {
            assert!(r.entities.iter().any(|e| e.id == c.entity && e.name == c.name), "{name}: counterpart {} of {}", c.name, a.id);
        }
        for id in &a.metrics {
            assert!(r.metrics.iter().any(|m| &m.id == id && m.activity.as_deref() == Some(a.id.as_str())), "{name}: {id} not linked back to {}", a.id);
        }
        *counts.entry("activity").or_insert(0) += 1;
    }
    for m in r.metrics.iter().filter(|m| m.activity.is_some()) {
        assert!(r.activities.iter().any(|a| Some(&a.id) == m.activity.as_ref() && a.metrics.contains(&m.id)), "{name}: {} linked one way", m.id);
    }
    counts
}

#[test]
fn activities_say_who_did_what_with_whom_and_link_their_figures() {
    let text = "Năm 2023, Đoàn đại biểu tỉnh Hà Giang thăm và làm việc tại tỉnh Vân Nam (Trung Quốc); hai bên ký kết 2 biên bản ghi nhớ. \
                Tháng 5/2024, tỉnh tiếp 25 đoàn khách nước ngoài với 310 lượt người.";
    let r = analyze(text).expect("analysis");
    let summary: Vec<(&str, Vec<&str>, Option<&str>, Option<&str>, usize)> = r
        .activities
        .iter()
        .map(|a| (a.kind, a.counterparts.iter().map(|c| c.name).collect(), a.locality.as_deref(), a.period.as_ref().map(|p| p.from.as_str()), a.metrics.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("visit_out", vec!["Vân Nam", "Trung Quốc"], Some("Hà Giang"), Some("2023"), 0),
            ("agreement", vec!["Vân Nam", "Trung Quốc"], Some("Hà Giang"), Some("2023"), 1),
            ("visit_in", vec![], Some("Hà Giang"), Some("2024"), 2),
        ]
    );
    let agreements = r.metrics.iter().find(|m| m.kind == "agreements").expect("agreements");
    assert_eq!(agreements.activity.as_deref(), Some(r.activities[1].id.as_str()));
    check_report(text, "activities");
}

#[test]
fn dev_corpus_entity_spans_slice_back() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let Ok(read) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no dev corpus at {}", dir.display());
        return;
    };
    let mut total: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in read.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        for (k, n) in check_report(&text, &path.display().to_string()) {
            *total.entry(k).or_insert(0) += n;
        }
    }
    eprintln!("dev corpus entities per type (distinct per document): {total:?}");
}

#[test]
fn cited_documents_in_json_with_utf16_spans() {
    let text = "Thực hiện Chỉ thị số 41-CT/TW ngày 15/4/2010 của Ban Bí thư về “Tăng cường hoạt động đối ngoại”, năm 2023 tỉnh cử 12 đoàn ra. Chỉ thị 41-CT/TW được quán triệt.";
    let json = ngoaivu::analyze_to_json(text, &ngoaivu::Options::default(), None).expect("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("parse");
    let docs: Vec<&serde_json::Value> = v["entities"].as_array().expect("entities").iter().filter(|e| e["type"] == "document").collect();
    assert_eq!(docs.len(), 1, "one entity for both mentions: {docs:?}");
    let d = docs[0];
    assert_eq!(d["name"], "Chỉ thị 41-CT/TW");
    assert_eq!((&d["docType"], &d["number"], &d["code"], &d["date"], &d["issuer"]), (&"Chỉ thị".into(), &"41".into(), &"CT/TW".into(), &"2010-04-15".into(), &"Ban Bí thư".into()));
    assert_eq!(d["title"], "Tăng cường hoạt động đối ngoại");
    // Spans are UTF-16 code units, as JS slices strings.
    let units: Vec<u16> = text.encode_utf16().collect();
    let mentions = d["mentions"].as_array().expect("mentions");
    assert_eq!(mentions.len(), 2);
    for m in mentions {
        let (s, e) = (m["span"]["start"].as_u64().expect("start") as usize, m["span"]["end"].as_u64().expect("end") as usize);
        assert_eq!(String::from_utf16_lossy(&units[s..e]), m["text"].as_str().expect("text"));
    }
    // Places carry no document fields.
    assert!(v["entities"].as_array().expect("entities").iter().filter(|e| e["type"] != "document").all(|e| e.get("docType").is_none()));
}

#[test]
fn pillars_with_shares_and_utf16_evidence() {
    let text = "Công tác đối ngoại Đảng được tăng cường. Hội hữu nghị Việt – Lào hoạt động tích cực. Thời tiết tốt.";
    let json = ngoaivu::analyze_to_json(text, &ngoaivu::Options::default(), None).expect("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("parse");
    let pillars = v["pillars"].as_array().expect("pillars");
    let keys: Vec<&str> = pillars.iter().filter_map(|p| p["key"].as_str()).collect();
    assert_eq!(keys, ["party", "people"]);
    let units: Vec<u16> = text.encode_utf16().collect();
    for p in pillars {
        let share = p["share"].as_f64().expect("share");
        assert!(share > 0.3 && share < 0.34, "one sentence of three: {share}");
        for m in p["evidence"].as_array().expect("evidence") {
            let (s, e) = (m["span"]["start"].as_u64().expect("start") as usize, m["span"]["end"].as_u64().expect("end") as usize);
            assert_eq!(String::from_utf16_lossy(&units[s..e]), m["text"].as_str().expect("text"));
        }
    }
}

#[test]
fn people_with_roles_listed_once() {
    let text = "Đồng chí Trần Sỹ Thanh, Bí thư Tỉnh ủy, tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam. Đồng chí Trần Sỹ Thanh đề nghị hai bên tăng cường hợp tác.";
    let json = ngoaivu::analyze_to_json(text, &ngoaivu::Options::default(), None).expect("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("parse");
    let people: Vec<&serde_json::Value> = v["entities"].as_array().expect("entities").iter().filter(|e| e["type"] == "person").collect();
    assert_eq!(people.len(), 2, "{people:?}");
    assert_eq!((&people[0]["name"], &people[0]["role"]), (&"Trần Sỹ Thanh".into(), &"Bí thư Tỉnh ủy".into()));
    assert_eq!(people[0]["mentions"].as_array().map(Vec::len), Some(2));
    assert_eq!((&people[1]["name"], &people[1]["role"]), (&"Choi Young-sam".into(), &"Đại sứ Hàn Quốc tại Việt Nam".into()));
    let units: Vec<u16> = text.encode_utf16().collect();
    for p in &people {
        for m in p["mentions"].as_array().expect("mentions") {
            let (s, e) = (m["span"]["start"].as_u64().expect("start") as usize, m["span"]["end"].as_u64().expect("end") as usize);
            assert_eq!(String::from_utf16_lossy(&units[s..e]), m["text"].as_str().expect("text"));
        }
    }
}
