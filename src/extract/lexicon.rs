//! One pass over the lowercased normalized text for every phrase table of
//! extraction: cue words (`data/cues.tsv`), place names (the gazetteers),
//! activity triggers, pillar cues and document types.
//!
//! The phrases of all tables go into one aho-corasick automaton, walked
//! anchored from each token start that follows no letter; so the text is
//! read once instead of once per table, and only where a phrase can begin.
//! Per table the matches are what a leftmost-longest search gives,
//! restricted to whole words: at each
//! word start the longest phrase that also ends on a word boundary, and no
//! two matches of one table overlap. Matches of different tables may
//! overlap ("đầu tư" is a cue and a pillar cue at once).
//!
//! This module only finds phrases; each table's module decides what they
//! mean and owns its data.

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

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

struct Lexicon {
    /// None only if building failed, which fixed data of this size cannot
    /// make happen; then no phrase is found.
    automaton: Option<NFA>,
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
        let automaton = NFA::builder().match_kind(MatchKind::Standard).build(&keys).ok();
        Lexicon { automaton, owners }
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
    let Some(nfa) = &lex.automaton else { return hits };
    let Ok(start) = nfa.start_state(Anchored::Yes) else { return hits };
    let bytes = lower.as_bytes();
    // Where the last match of each table ends: matches of one table do not overlap.
    let mut taken = [0usize; Table::ALL.len()];
    // The longest whole-word phrase of each table starting at the current
    // position: valid where `found` has the table's bit.
    let mut best = [Hit { start: 0, end: 0, pattern: 0 }; Table::ALL.len()];
    for tok in toks.iter().filter(|t| t.kind != TokKind::Break) {
        let p = tok.start;
        let before = lower.get(..p).and_then(|t| t.chars().next_back());
        if before.is_some_and(is_letter) {
            continue;
        }
        let mut found = 0u8;
        let mut sid = start;
        for (i, &b) in bytes.get(p..).unwrap_or_default().iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if !nfa.is_special(sid) {
                continue;
            }
            if nfa.is_dead(sid) {
                break;
            }
            let end = p + i + 1;
            for m in 0..nfa.match_len(sid) {
                let pid = nfa.match_pattern(sid, m);
                // Match states also carry the phrases that are suffixes of
                // the path walked; those begin after `p` and are found from
                // their own start.
                if nfa.pattern_len(pid) != end - p {
                    continue;
                }
                let after = lower.get(end..).and_then(|t| t.chars().next());
                for &(table, pattern) in lex.owners.get(pid.as_usize()).into_iter().flatten() {
                    let (t, bit) = (table as usize, 1u8 << (table as u8));
                    // A phrase listed twice in one table counts as its first entry.
                    let longer = found & bit == 0 || best[t].end < end;
                    if longer && p >= taken[t] && !table.joins(before) && !table.joins(after) {
                        best[t] = Hit { start: p, end, pattern };
                        found |= bit;
                    }
                }
            }
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
    fn no_panic_on_any_text() {
        for s in ["", " ", "ấ", "a\u{301}", "lào cai\u{0}", "12 lào cai 3"] {
            let _ = scan(s);
        }
    }
}
