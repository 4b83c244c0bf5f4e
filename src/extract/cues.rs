//! Cue words: the tags of every cue of `data/cues.tsv` the text holds, as
//! found by the one pass of `extract::lexicon`.
//!
//! Matches are leftmost-longest and must sit on word boundaries, so
//! "tiếp tục" blocks "tiếp" and "đầu tư trực tiếp nước ngoài" wins over
//! "đầu tư". This module only finds cues; what they mean for a figure is
//! decided in `extract::classify`.

use crate::text::phrases::leak;
use std::sync::OnceLock;

use super::lexicon::{Hits, Table};
use crate::text::phrases::{phrase_key, tsv_rows};

/// One tag of a cue: a family value (`DIR:OUT`) or a flag (`BORDER`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    pub family: Option<&'static str>,
    pub value: &'static str,
}

/// A cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub tag: Tag,
}

struct CueTable {
    phrases: Vec<String>,
    tags: Vec<Vec<Tag>>,
}

fn table() -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut tags = Vec::new();
        for row in tsv_rows(include_str!("../data/cues.tsv")) {
            let (Some(phrase), Some(spec)) = (row.first(), row.get(1)) else { continue };
            phrases.push(phrase_key(phrase));
            tags.push(
                spec.split_whitespace()
                    .filter(|t| *t != "-")
                    .map(|t| match t.split_once(':') {
                        Some((f, v)) => Tag { family: Some(leak(f)), value: leak(v) },
                        None => Tag { family: None, value: leak(t) },
                    })
                    .collect(),
            );
        }
        CueTable { phrases, tags }
    })
}

/// The cue phrases, lowercased and normalized, for `lexicon`.
pub(super) fn phrases() -> &'static [String] {
    &table().phrases
}

/// Every cue of the text, in order, from the text's lexicon pass.
pub fn find_cues(hits: &Hits) -> Vec<CueHit> {
    let t = table();
    let mut out = Vec::new();
    for m in hits.of(Table::Cues) {
        for tag in t.tags.get(m.pattern).into_iter().flatten() {
            out.push(CueHit { start: m.start, end: m.end, tag: *tag });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        find_cues(&super::super::lexicon::scan(s))
            .iter()
            .map(|h| match h.tag.family {
                Some(f) => format!("{f}:{}", h.tag.value),
                None => h.tag.value.to_string(),
            })
            .collect()
    }

    #[test]
    fn longest_cue_blocks_shorter_inside() {
        assert_eq!(tags("tiếp tục cử đoàn"), ["DIR:OUT"]);
        assert_eq!(tags("đầu tư trực tiếp nước ngoài"), ["DOM:FDI"]);
        assert_eq!(tags("kim ngạch xuất nhập khẩu"), ["TOPIC:TRADE"]);
    }

    #[test]
    fn whole_words_only() {
        assert!(tags("tiếpxúc").is_empty());
        assert_eq!(tags("(fdi)"), ["DOM:FDI"]);
    }
}
