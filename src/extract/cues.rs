//! Cue words: one aho-corasick automaton over the lowercased normalized
//! text finds every cue of `data/cues.tsv` in a single pass.
//!
//! Matches are leftmost-longest and must sit on word boundaries, so
//! "tiếp tục" blocks "tiếp" and "đầu tư trực tiếp nước ngoài" wins over
//! "đầu tư". This module only finds cues; what they mean for a figure is
//! decided in `extract::classify`.

use crate::text::phrases::leak;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::normalize::{lowercase_same_layout, normalize, Format};
use crate::text::phrases::tsv_rows;

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
    automaton: Option<AhoCorasick>,
    tags: Vec<Vec<Tag>>,
}

fn table() -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut tags = Vec::new();
        for row in tsv_rows(include_str!("../data/cues.tsv")) {
            let (Some(phrase), Some(spec)) = (row.first(), row.get(1)) else { continue };
            let n = normalize(phrase, Format::Text);
            patterns.push(lowercase_same_layout(&n.text));
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
        // The patterns are fixed data; building can only fail on a size
        // limit far beyond this table, in which case no cue is found.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        CueTable { automaton, tags }
    })
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| crate::text::is_letter(c))
}

/// Every cue in `lower` (lowercased normalized text), in order.
pub fn find_cues(lower: &str) -> Vec<CueHit> {
    let t = table();
    let mut out = Vec::new();
    let Some(automaton) = &t.automaton else { return out };
    for m in automaton.find_iter(lower) {
        let before = lower[..m.start()].chars().next_back();
        let after = lower[m.end()..].chars().next();
        if is_word_char(before) || is_word_char(after) {
            continue;
        }
        for tag in t.tags.get(m.pattern().as_usize()).into_iter().flatten() {
            out.push(CueHit { start: m.start(), end: m.end(), tag: *tag });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        find_cues(s)
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
