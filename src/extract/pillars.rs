//! The pillars (đối ngoại Đảng, ngoại giao Nhà nước, đối ngoại Nhân dân) and
//! fields (ngoại giao kinh tế, biên giới, lãnh sự …) a text covers, from the
//! cue phrases of `data/pillars.tsv`: each sentence holding a cue is
//! evidence, and the share is the share of sentences with evidence.

use std::sync::OnceLock;

use super::lexicon::{self, Hits};

use crate::text::phrases::{phrase_key, tsv_rows};

/// A pillar or field of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PillarDef {
    pub key: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
}

/// A pillar a text covers: its evidence in normalized byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub pillar: PillarDef,
    /// Sentences with evidence / all sentences.
    pub share: f64,
    /// Cue matches, at most one per sentence.
    pub evidence: Vec<(usize, usize)>,
}

struct Table {
    defs: Vec<PillarDef>,
    /// The cue phrases, lowercased and normalized.
    phrases: Vec<String>,
    /// Phrase → pillar index.
    targets: Vec<usize>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut defs = Vec::new();
        let mut phrases = Vec::new();
        let mut targets = Vec::new();
        for r in tsv_rows(include_str!("../data/pillars.tsv")).filter(|r| r.len() >= 4) {
            let idx = defs.len();
            defs.push(PillarDef { key: r[0], label_vi: r[1], label_en: r[2] });
            for cue in r[3].split('|').filter(|c| !c.is_empty()) {
                phrases.push(phrase_key(cue));
                targets.push(idx);
            }
        }
        Table { defs, phrases, targets }
    })
}

/// The cue phrases, lowercased and normalized, for `lexicon`.
pub(super) fn phrases() -> &'static [String] {
    &table().phrases
}

/// The pillars and fields of the table.
pub fn pillar_defs() -> &'static [PillarDef] {
    &table().defs
}

/// The pillars and fields the text covers, in table order; `sentences` are
/// the document's sentence ranges in text order.
pub fn find_pillars(hits: &Hits, sentences: &[(usize, usize)]) -> Vec<Coverage> {
    let t = table();
    // Per pillar: (last sentence counted, evidence).
    let mut found: Vec<(Option<usize>, Vec<(usize, usize)>)> = vec![(None, Vec::new()); t.defs.len()];
    for m in hits.of(lexicon::Table::PillarCues) {
        let (s, e) = (m.start, m.end);
        let Some(&p) = t.targets.get(m.pattern) else { continue };
        let k = sentences.partition_point(|r| r.0 <= s).saturating_sub(1);
        if let Some(slot) = found.get_mut(p) {
            if slot.0 != Some(k) {
                slot.0 = Some(k);
                slot.1.push((s, e));
            }
        }
    }
    let total = sentences.len().max(1) as f64;
    t.defs
        .iter()
        .zip(found)
        .filter(|(_, (_, ev))| !ev.is_empty())
        .map(|(d, (_, evidence))| Coverage { pillar: *d, share: ((evidence.len() as f64 / total).min(1.0) * 1000.0).round() / 1000.0, evidence })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::{normalize, Format};

    fn keys(s: &str) -> Vec<(&'static str, usize)> {
        let n = normalize(s, Format::Text);
        let sentences = crate::text::segment::segment(&n.text).sentences;
        find_pillars(&lexicon::scan(&n.lower), &sentences).iter().map(|c| (c.pillar.key, c.evidence.len())).collect()
    }

    #[test]
    fn table_loads_with_unique_keys_and_cues() {
        let mut seen = std::collections::HashSet::new();
        for r in tsv_rows(include_str!("../data/pillars.tsv")) {
            assert!(seen.insert(r[0].to_string()), "key {}", r[0]);
            for c in r[3].split('|') {
                assert!(seen.insert(c.to_string()), "cue {c}");
            }
        }
        assert!(pillar_defs().len() >= 12);
    }

    #[test]
    fn pillars_and_fields_with_evidence_per_sentence() {
        let k = keys("Công tác đối ngoại Đảng được tăng cường. Biên giới ổn định, cửa khẩu thông suốt. Kiều bào đóng góp.");
        assert_eq!(k, [("party", 1), ("border", 1), ("diaspora", 1)]);
        // Word boundaries: "oda" not in "hoda"; one piece of evidence per sentence.
        assert!(keys("hoda, odabc").is_empty());
        assert_eq!(keys("Thủ tục xuất nhập cảnh, hộ chiếu."), [("consular", 1)]);
    }
}
