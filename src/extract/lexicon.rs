//! One pass over the lowercased normalized text for every phrase table of
//! extraction: cue words (`data/cues.tsv`), place names (the gazetteers),
//! activity triggers, pillar cues and document types.
//!
//! The phrases of all tables go into one trie whose steps are tokens (a
//! word, a number, a punctuation mark) and the space or its absence before
//! them, walked from each token start that follows no letter; so the text is
//! read once instead of once per table, and only where a phrase can begin.
//! A step hashes the token's bytes and looks the edge up in one small open
//! table: a walk reads each token once and touches a few cache lines, where
//! a byte automaton of the same phrases (0.46 MB) took a step per byte and
//! missed the cache on most of them.
//! Per table the matches are what a leftmost-longest search gives,
//! restricted to whole words: at each
//! word start the longest phrase that also ends on a word boundary, and no
//! two matches of one table overlap. Matches of different tables may
//! overlap ("đầu tư" is a cue and a pillar cue at once).
//!
//! A phrase matches whole tokens of the text: "g7" is not found in "g70",
//! nor "quốc" in a "quốc" that carries a stray combining mark.
//!
//! This module only finds phrases; each table's module decides what they
//! mean and owns its data.

use std::sync::OnceLock;

use crate::hash::{hash_bytes, same_bytes};
use crate::text::tokens::{tokenize, TokKind, Token};
use crate::text::{is_letter, is_letter_or_digit};

/// The phrase tables read in the pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Cues,
    Places,
    ActivityTriggers,
    PillarCues,
    DocumentTypes,
}

impl Table {
    const ALL: [Table; 5] = [Table::Cues, Table::Places, Table::ActivityTriggers, Table::PillarCues, Table::DocumentTypes];

    /// Whether `c` next to a match makes it part of a longer word. Cue
    /// words may touch digits ("5tỷ" is common in typed drafts); names and
    /// the rest may not.
    fn joins(self, c: Option<char>) -> bool {
        match self {
            Table::Cues => c.is_some_and(is_letter),
            _ => c.is_some_and(is_letter_or_digit),
        }
    }

    /// The table's phrases, lowercased and normalized like the text; a
    /// match's `pattern` indexes this list.
    fn phrases(self) -> &'static [String] {
        match self {
            Table::Cues => super::cues::phrases(),
            Table::Places => super::entities::phrases(),
            Table::ActivityTriggers => super::activities::phrases(),
            Table::PillarCues => super::pillars::phrases(),
            Table::DocumentTypes => super::references::phrases(),
        }
    }
}

/// A phrase of one table found in the text (byte offsets into the lowercased text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Index into the table's phrase list.
    pub pattern: usize,
}

/// The matches of one pass, per table, in text order.
#[derive(Debug, Default)]
pub struct Hits {
    by_table: [Vec<Hit>; Table::ALL.len()],
}

impl Hits {
    pub fn of(&self, table: Table) -> &[Hit] {
        &self.by_table[table as usize]
    }
}

/// What separates a token of a phrase from the one before it: the text
/// must separate them the same way (normalized text has no other spaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
enum Gap {
    /// The phrase's first token.
    First,
    /// Nothing: "ô-xtrây-li-a", "g7".
    Glued,
    /// One space.
    Space,
}

impl Gap {
    /// The gap before `tok` in the text, `prev` being the token before it;
    /// `None` for a gap no phrase holds (a line break, two spaces).
    fn between(lower: &[u8], prev: &Token, tok: &Token) -> Option<Gap> {
        if tok.start == prev.end {
            Some(Gap::Glued)
        } else if tok.start == prev.end + 1 && lower.get(prev.end) == Some(&b' ') {
            Some(Gap::Space)
        } else {
            None
        }
    }
}

/// An edge of the trie: from node `from`, the token `word` after `gap`
/// leads to the edge's own node (node `k + 1` for edge `k`; node 0 is the
/// root). Eight bytes, so the edges of every table stay in the cache.
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: u16,
    /// The phrase (index into [`Lexicon::owners`]) that ends at the edge's
    /// node, or [`NONE`].
    end: u16,
    /// The word's bytes in [`Trie::words`].
    word_start: u16,
    word_len: u8,
    gap: Gap,
}

const NONE: u16 = u16::MAX;
/// A free slot of [`Trie::slots`].
const EMPTY: u32 = u32::MAX;
/// Every phrase's first step leaves node 0.
const ROOT: u16 = 0;

/// The phrases of every table as a trie of tokens, its edges in one open
/// table with linear probing, kept at most half full. Most steps find no
/// edge (a token that begins no phrase, or does not go on with the one
/// begun): those are turned away by a bit set of the edges' hashes, 8 KB
/// that stay in the nearest cache while the text streams past, before the
/// table is read.
#[derive(Debug)]
struct Trie {
    /// Bit `h >> 16` of each edge's hash `h` (the slot is found from its low bits).
    filter: Vec<u64>,
    /// The high half of the edge's hash, then its index; or [`EMPTY`].
    slots: Vec<u32>,
    edges: Vec<Edge>,
    /// The words of the edges, each once.
    words: String,
}

/// The hash of an edge: its word's hash with the node and gap mixed in.
fn edge_hash(word: u64, from: u16, gap: Gap) -> u32 {
    let h = (word ^ (u64::from(from) << 2 | gap as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xf135_7aea_2e62_a9c5);
    (h >> 32) as u32
}

impl Trie {
    /// The trie of `phrases` (each tokenized as text is; phrase `k` is
    /// found as `k`); `None` when the tables outgrow the edges' 16-bit
    /// fields, which a test rules out for the shipped data.
    fn build<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Option<Trie> {
        let mut edges: Vec<Edge> = Vec::new();
        let mut words = String::new();
        let mut word_at: std::collections::HashMap<&str, u16> = std::collections::HashMap::new();
        let mut edge_of: std::collections::HashMap<(u16, Gap, &str), usize> = std::collections::HashMap::new();
        for (id, phrase) in phrases.into_iter().enumerate() {
            let toks = tokenize(phrase);
            let steps: Option<Vec<(Gap, &str)>> = toks
                .iter()
                .enumerate()
                .map(|(k, tok)| {
                    let gap = if k == 0 { Some(Gap::First) } else { Gap::between(phrase.as_bytes(), &toks[k - 1], tok) };
                    gap.map(|g| (g, tok.text(phrase)))
                })
                .collect();
            // A phrase with a gap the text never holds (two spaces) is never found.
            let Some(steps) = steps else { continue };
            let mut node = ROOT;
            let mut last = None;
            for (gap, word) in steps {
                let k = match edge_of.get(&(node, gap, word)) {
                    Some(&k) => k,
                    None => {
                        let word_start = match word_at.get(word) {
                            Some(&at) => at,
                            None => {
                                let at = u16::try_from(words.len()).ok()?;
                                words.push_str(word);
                                word_at.insert(word, at);
                                at
                            }
                        };
                        let word_len = u8::try_from(word.len()).ok()?;
                        edges.push(Edge { from: node, end: NONE, word_start, word_len, gap });
                        edge_of.insert((node, gap, word), edges.len() - 1);
                        edges.len() - 1
                    }
                };
                node = u16::try_from(k + 1).ok().filter(|&n| n != NONE)?;
                last = Some(k);
            }
            if let Some(e) = last.and_then(|k| edges.get_mut(k)) {
                e.end = u16::try_from(id).ok().filter(|&n| n != NONE)?;
            }
        }
        let size = (edges.len() * 2).next_power_of_two().max(16);
        let mut trie = Trie { filter: vec![0; (1 << 16) / 64], slots: vec![EMPTY; size], edges: Vec::new(), words };
        for (k, e) in edges.iter().enumerate() {
            let h = edge_hash(hash_bytes(trie.word(e)), e.from, e.gap);
            trie.filter[(h >> 16) as usize / 64] |= 1 << ((h >> 16) % 64);
            let mut i = h as usize & (size - 1);
            while trie.slots[i] != EMPTY {
                i = (i + 1) & (size - 1);
            }
            trie.slots[i] = (h & 0xffff_0000) | k as u32;
        }
        trie.edges = edges;
        Some(trie)
    }

    fn word(&self, e: &Edge) -> &[u8] {
        let start = usize::from(e.word_start);
        self.words.as_bytes().get(start..start + usize::from(e.word_len)).unwrap_or_default()
    }

    /// The edge `word` after `gap` takes from node `from` (`hash` is
    /// [`hash_bytes`] of `word`), and its index.
    #[inline]
    fn step(&self, from: u16, gap: Gap, word: &[u8], hash: u64) -> Option<(u16, &Edge)> {
        let h = edge_hash(hash, from, gap);
        let bit = (h >> 16) as usize;
        if self.filter.get(bit / 64).map_or(true, |w| w >> (bit % 64) & 1 == 0) {
            return None;
        }
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = h as usize & mask;
        loop {
            let slot = *self.slots.get(i)?;
            if slot == EMPTY {
                return None;
            }
            if slot & 0xffff_0000 == h & 0xffff_0000 {
                let k = (slot & 0xffff) as usize;
                let e = self.edges.get(k)?;
                if e.from == from && e.gap == gap && same_bytes(self.word(e), word) {
                    return Some(((k + 1) as u16, e));
                }
            }
            i = (i + 1) & mask;
        }
    }
}

struct Lexicon {
    /// None only if building failed, which the shipped data cannot make
    /// happen (a test builds it); then no phrase is found.
    trie: Option<Trie>,
    /// Per distinct phrase: the tables holding it, with its index in each.
    owners: Vec<Vec<(Table, usize)>>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut index: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
        let mut keys: Vec<&'static str> = Vec::new();
        let mut owners: Vec<Vec<(Table, usize)>> = Vec::new();
        for table in Table::ALL {
            for (k, phrase) in table.phrases().iter().enumerate().filter(|(_, p)| !p.is_empty()) {
                let id = *index.entry(phrase.as_str()).or_insert_with(|| {
                    keys.push(phrase.as_str());
                    owners.push(Vec::new());
                    keys.len() - 1
                });
                owners[id].push((table, k));
            }
        }
        Lexicon { trie: Trie::build(keys), owners }
    })
}

/// Every phrase of every table in `lower` (lowercased normalized text).
pub fn scan(lower: &str) -> Hits {
    scan_tokens(lower, &tokenize(lower))
}

/// [`scan`], with the text's tokens already read: a phrase can only begin
/// where a token does (none begins with a space or inside a number).
pub fn scan_tokens(lower: &str, toks: &[Token]) -> Hits {
    let mut hits = Hits::default();
    let lex = lexicon();
    let Some(trie) = &lex.trie else { return hits };
    let bytes = lower.as_bytes();
    // Where the last match of each table ends: matches of one table do not overlap.
    let mut taken = [0usize; Table::ALL.len()];
    // The longest whole-word phrase of each table starting at the current
    // position: valid where `found` has the table's bit.
    let mut best = [Hit { start: 0, end: 0, pattern: 0 }; Table::ALL.len()];
    // The hash of the token a walk went on to last, which the next walk
    // most often starts from.
    let mut memo = (usize::MAX, 0u64);
    for (k, tok) in toks.iter().enumerate() {
        if tok.kind == TokKind::Break {
            continue;
        }
        let p = tok.start;
        // Only a word right before the token can end in a letter; its last
        // byte tells an ASCII one.
        let glued_word = k.checked_sub(1).and_then(|i| toks.get(i)).filter(|pt| pt.end == p && pt.kind == TokKind::Word);
        if glued_word.is_some_and(|pt| bytes.get(pt.end.wrapping_sub(1)).is_some_and(u8::is_ascii) || lower.get(..p).and_then(|t| t.chars().next_back()).is_some_and(is_letter)) {
            continue;
        }
        let mut found = 0u8;
        let mut node = ROOT;
        let (mut j, mut t, mut gap) = (k, tok, Gap::First);
        loop {
            let word = bytes.get(t.start..t.end).unwrap_or_default();
            let hash = if memo.0 == j { memo.1 } else { hash_bytes(word) };
            if j > k {
                memo = (j, hash);
            }
            let Some((next, edge)) = trie.step(node, gap, word, hash) else { break };
            node = next;
            if edge.end != NONE {
                let end = t.end;
                let before = lower.get(..p).and_then(|t| t.chars().next_back());
                let after = lower.get(end..).and_then(|t| t.chars().next());
                for &(table, pattern) in lex.owners.get(usize::from(edge.end)).into_iter().flatten() {
                    let (ti, bit) = (table as usize, 1u8 << (table as u8));
                    // A phrase listed twice in one table counts as its first entry.
                    let longer = found & bit == 0 || best[ti].end < end;
                    if longer && p >= taken[ti] && !table.joins(before) && !table.joins(after) {
                        best[ti] = Hit { start: p, end, pattern };
                        found |= bit;
                    }
                }
            }
            j += 1;
            let Some(n) = toks.get(j) else { break };
            let Some(g) = Gap::between(bytes, t, n) else { break };
            (t, gap) = (n, g);
        }
        while found != 0 {
            let t = found.trailing_zeros() as usize;
            found &= found - 1;
            taken[t] = best[t].end;
            hits.by_table[t].push(best[t]);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(table: Table, s: &str) -> Vec<&str> {
        scan(s).of(table).iter().map(|h| &s[h.start..h.end]).collect()
    }

    #[test]
    fn longest_whole_word_phrase_per_table() {
        // "tiếp tục" (a blocking entry) keeps "tiếp" (receiving) out.
        assert_eq!(phrases(Table::Cues, "tiếp tục làm việc"), ["tiếp tục"]);
        assert_eq!(phrases(Table::Cues, "đầu tư trực tiếp nước ngoài"), ["đầu tư trực tiếp nước ngoài"]);
        assert_eq!(phrases(Table::Places, "hàn quốc và nhật bản"), ["hàn quốc", "nhật bản"]);
    }

    #[test]
    fn tables_overlap_but_one_table_does_not() {
        let s = "thu hút đầu tư trực tiếp nước ngoài";
        assert_eq!(phrases(Table::Cues, s), ["thu hút đầu tư", "trực tiếp", "nước ngoài"]);
        assert_eq!(phrases(Table::PillarCues, s), ["thu hút đầu tư"]);
    }

    #[test]
    fn words_inside_words_are_not_phrases() {
        assert!(phrases(Table::Places, "hàn quốcx").is_empty());
        assert!(phrases(Table::Places, "xhàn quốc").is_empty());
        assert!(phrases(Table::Places, "2hàn quốc").is_empty());
        assert_eq!(phrases(Table::Places, "(lào cai)"), ["lào cai"]);
        // Cut by a letter, "lào cai" gives way to the country "lào" inside it.
        assert_eq!(phrases(Table::Places, "lào caix"), ["lào"]);
        // Cue words may touch a digit: "5tỷ", "10đoàn".
        assert_eq!(phrases(Table::Cues, "3fdi"), ["fdi"]);
    }

    #[test]
    fn a_longer_phrase_cut_by_a_word_gives_way_to_a_shorter_one() {
        assert_eq!(phrases(Table::Cues, "đầu tư trực tiếp nước ngoàix"), ["đầu tư", "trực tiếp"]);
        assert!(phrases(Table::Cues, "đầu tưx").is_empty());
    }

    #[test]
    fn every_phrase_of_every_table_is_found_in_itself() {
        assert!(lexicon().trie.is_some(), "the tables outgrew the trie's 16-bit fields");
        for table in Table::ALL {
            for (k, phrase) in table.phrases().iter().enumerate().filter(|(_, p)| !p.is_empty()) {
                // A phrase listed twice counts as its first entry.
                let first = table.phrases().iter().position(|p| p == phrase).unwrap_or(k);
                let hits = scan(phrase);
                assert!(hits.of(table).contains(&Hit { start: 0, end: phrase.len(), pattern: first }), "{table:?} {phrase:?}");
            }
        }
    }

    #[test]
    fn the_text_must_space_a_phrase_as_it_is_spaced() {
        assert_eq!(phrases(Table::Places, "ô-xtrây-li-a"), ["ô-xtrây-li-a"]);
        assert!(phrases(Table::Places, "ô - xtrây - li - a").is_empty());
        assert!(phrases(Table::Places, "hàn  quốc").is_empty());
        assert!(phrases(Table::Places, "hàn\nquốc").is_empty());
        assert!(phrases(Table::Places, "hànquốc").is_empty());
    }

    #[test]
    fn a_phrase_matches_whole_tokens() {
        assert_eq!(phrases(Table::Places, "nhóm g7 họp"), ["nhóm g7"]);
        assert!(phrases(Table::Places, "g70").is_empty());
        // A cue may touch a digit on either side: "10đoàn", "fdi3".
        assert_eq!(phrases(Table::Cues, "fdi3"), ["fdi"]);
    }

    #[test]
    fn no_panic_on_any_text() {
        for s in ["", " ", "ấ", "a\u{301}", "lào cai\u{0}", "12 lào cai 3"] {
            let _ = scan(s);
        }
    }
}
