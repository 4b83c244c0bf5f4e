//! Document structure: title, sections and the province each is about,
//! the document's main province, and paragraphs repeated verbatim.
//!
//! A section starts at a heading (see `text::segment`) or at a byline line
//! that names one province ("Tỉnh ủy Lạng Sơn", "Thành phố Cần Thơ",
//! "THAM LUẬN CỦA TỈNH KHÁNH HÒA"): a multi-province document has one per
//! province, and a figure is about the province of its section.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::entities::{places, PlaceMention, PlaceType};
use crate::text::segment::Segments;
use crate::text::Normalized;

/// A section: where it starts, its heading paragraph and its province.
#[derive(Debug, Clone)]
pub struct SectionInfo {
    pub start: usize,
    pub heading: (usize, usize),
    pub locality: Option<&'static str>,
}

/// What the structure pass finds.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub title: Option<(usize, usize)>,
    pub sections: Vec<SectionInfo>,
    pub main_locality: Option<&'static str>,
    /// Paragraph indices that repeat an earlier paragraph verbatim.
    pub repeated: Vec<usize>,
}

const BYLINE_PREFIXES: &[&str] = &[
    "tỉnh ủy", "thành ủy", "tỉnh", "thành phố", "tp.", "tp", "ubnd tỉnh", "ubnd thành phố", "ủy ban nhân dân tỉnh",
    "ủy ban nhân dân thành phố", "sở ngoại vụ", "tham luận của tỉnh", "tham luận của thành phố", "báo cáo của tỉnh",
];

impl Structure {
    /// The section a position falls in.
    pub fn section_at(&self, pos: usize) -> Option<&SectionInfo> {
        let k = self.sections.partition_point(|s| s.start <= pos);
        k.checked_sub(1).and_then(|k| self.sections.get(k))
    }
}

/// A paragraph as a key of the repeated-paragraph map: hashed by its length
/// and its first and last 32 bytes, compared whole. Equal paragraphs agree
/// on those, and hashing every byte of every paragraph (SipHash) was most of
/// this pass.
#[derive(PartialEq, Eq)]
struct ParagraphKey<'a>(&'a str);

impl Hash for ParagraphKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let b = self.0.as_bytes();
        const EDGE: usize = 32;
        b.len().hash(state);
        b[..b.len().min(EDGE)].hash(state);
        b[b.len().saturating_sub(EDGE)..].hash(state);
    }
}

fn provinces_in(mentions: &[PlaceMention], start: usize, end: usize) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    // Mentions are sorted by start: only the paragraph's are looked at.
    let lo = mentions.partition_point(|m| m.start < start);
    let hi = mentions.partition_point(|m| m.start < end);
    for m in mentions[lo..hi].iter().filter(|m| m.end <= end) {
        let p = &places()[m.place];
        if p.kind == PlaceType::Province && !out.contains(&p.name) {
            out.push(p.name);
        }
    }
    out
}

/// Finds the structure of a document.
pub fn structure(norm: &Normalized, seg: &Segments, mentions: &[PlaceMention]) -> Structure {
    let text = &norm.text;
    let lower = &norm.lower;
    let mut st = Structure::default();
    if let Some(first) = seg.paragraphs.first() {
        let t = &text[first.start..first.end];
        if t.chars().nth(200).is_none() && !t.trim_end().ends_with('.') {
            st.title = Some((first.start, first.end));
        }
    }
    let mut seen: HashMap<ParagraphKey, usize> = HashMap::new();
    for (k, p) in seg.paragraphs.iter().enumerate() {
        let t = text[p.start..p.end].trim();
        // Counting stops at the 40th character: a paragraph is read whole
        // only when compared with one of the same length and edges.
        if t.chars().nth(39).is_some() {
            if seen.insert(ParagraphKey(t), k).is_some() {
                st.repeated.push(k);
            }
        }
        let l = lower[p.start..p.end].trim().trim_start_matches(['*', ' ']);
        let byline_prefix = BYLINE_PREFIXES.iter().any(|b| l.starts_with(b));
        // Most paragraphs are neither: their words and places are not counted.
        if !p.heading && !byline_prefix {
            continue;
        }
        let provinces = provinces_in(mentions, p.start, p.end);
        // Only whether a byline is short enough matters: stop past 14 words.
        let byline = byline_prefix && provinces.len() == 1 && l.split_whitespace().take(15).count() <= 14;
        let caps_heading = p.heading && provinces.len() == 1;
        if p.heading || byline {
            let locality = if byline || caps_heading { provinces.first().copied() } else { None };
            // A heading without a province keeps its parent section's.
            let inherited = locality.or_else(|| st.sections.last().and_then(|s| s.locality));
            st.sections.push(SectionInfo { start: p.start, heading: (p.start, p.end), locality: inherited });
        }
    }
    // The main province: the one named most, the title counting thrice.
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for m in mentions {
        let p = &places()[m.place];
        if p.kind == PlaceType::Province {
            let w = if st.title.is_some_and(|(s, e)| m.start >= s && m.end <= e) { 3 } else { 1 };
            *counts.entry(p.name).or_default() += w;
        }
    }
    st.main_locality = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(n, _)| n);
    st
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::{normalize, Format};
    use crate::text::segment::segment;

    fn repeated(text: &str) -> Vec<String> {
        let norm = normalize(text, Format::Text);
        let seg = segment(&norm.text);
        let st = structure(&norm, &seg, &[]);
        st.repeated.iter().map(|&k| norm.text[seg.paragraphs[k].start..seg.paragraphs[k].end].to_string()).collect()
    }

    #[test]
    fn paragraphs_repeated_verbatim_and_only_those() {
        let long = "Năm 2023, tỉnh đã đón 52 đoàn khách quốc tế đến thăm và làm việc tại tỉnh.";
        // Same length, same first and last 32 bytes, a different middle.
        let twin = long.replace("52 đoàn", "53 đoàn");
        let text = format!("{long}\n\n{twin}\n\nNgắn.\n\nNgắn.\n\n{long}\n");
        assert_eq!(repeated(&text), [long]);
    }
}
