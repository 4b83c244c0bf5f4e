//! Multi-word phrase tables matched token by token, forwards from a token
//! or backwards from one, longest phrase first.
//!
//! Used for the short closed lists read right next to a number (units,
//! scale words, qualifiers). Cue words anywhere in a clause, names and the
//! other open tables go through the one pass of `extract::lexicon` instead.

use std::collections::HashMap;

use super::normalize::{lowercase_same_layout, normalize_with, Format};
use super::tokens::{tokenize, TokKind, Token};

/// Phrases keyed by their first (or last) lowercase token.
#[derive(Debug, Clone)]
pub struct PhraseTable<V> {
    forward: HashMap<String, Vec<(Vec<String>, V)>>,
    backward: HashMap<String, Vec<(Vec<String>, V)>>,
    /// Which tokens may be a key of `forward` or `backward`.
    firsts: KeyFilter,
    lasts: KeyFilter,
}

/// A set of words kept as bits of their length and edge bytes: a word not
/// in it is surely no key, and is turned away without hashing it. Every
/// token around every figure is looked up (up to twelve back for a
/// qualifier) and nearly none is a key; a hash of each cost more than the
/// rest of reading the figure's qualifier.
#[derive(Debug, Clone)]
struct KeyFilter([u64; 64]);

impl Default for KeyFilter {
    fn default() -> KeyFilter {
        KeyFilter([0; 64])
    }
}

impl KeyFilter {
    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
        (usize::from(first) * 31 + usize::from(last) * 7 + b.len()) % 4096
    }

    fn insert(&mut self, word: &str) {
        let k = Self::bit(word);
        self.0[k / 64] |= 1 << (k % 64);
    }

    fn may_hold(&self, word: &str) -> bool {
        let k = Self::bit(word);
        self.0[k / 64] >> (k % 64) & 1 == 1
    }
}

/// A data table's phrase normalized as the text is, but without restoring
/// diacritics: a phrase written without them ("fdi", "Ha Nam") is meant so,
/// and building the tables then never needs the restoration's vocabulary.
pub fn normalize_phrase(phrase: &str) -> String {
    normalize_with(phrase, Format::Text, false).text
}

/// A table phrase as the lowercased text (`Normalized::lower`) holds it.
pub fn phrase_key(phrase: &str) -> String {
    lowercase_same_layout(&normalize_phrase(phrase))
}

/// Splits a phrase the way text is split, so "thôn, bản" is three tokens.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let lower = phrase_key(phrase);
    tokenize(&lower)
        .iter()
        .filter(|t| t.kind != TokKind::Break)
        .map(|t| t.text(&lower).to_string())
        .collect()
}

impl<V: Clone> PhraseTable<V> {
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> PhraseTable<V> {
        let mut forward: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::new();
        let mut backward: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::new();
        for (phrase, v) in entries {
            let words = phrase_tokens(&phrase);
            let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else { continue };
            forward.entry(first).or_default().push((words.clone(), v.clone()));
            backward.entry(last).or_default().push((words, v));
        }
        for list in forward.values_mut().chain(backward.values_mut()) {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
        }
        let (mut firsts, mut lasts) = (KeyFilter::default(), KeyFilter::default());
        forward.keys().for_each(|k| firsts.insert(k));
        backward.keys().for_each(|k| lasts.insert(k));
        PhraseTable { forward, backward, firsts, lasts }
    }

    /// The longest phrase starting at token `i`: its value and token count.
    pub fn match_at(&self, toks: &[Token], lower: &str, i: usize) -> Option<(&V, usize)> {
        let first = toks.get(i)?.text(lower);
        if !self.firsts.may_hold(first) {
            return None;
        }
        let cands = self.forward.get(first)?;
        cands.iter().find_map(|(words, v)| {
            let ok = words.iter().enumerate().all(|(k, w)| {
                toks.get(i + k).is_some_and(|t| t.kind != TokKind::Break && t.text(lower) == w)
            });
            ok.then_some((v, words.len()))
        })
    }

    /// The longest phrase ending at token `j` (inclusive): value and token count.
    pub fn match_ending_at(&self, toks: &[Token], lower: &str, j: usize) -> Option<(&V, usize)> {
        let last = toks.get(j)?.text(lower);
        if !self.lasts.may_hold(last) {
            return None;
        }
        let cands = self.backward.get(last)?;
        cands.iter().find_map(|(words, v)| {
            let n = words.len();
            if n > j + 1 {
                return None;
            }
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(j + 1 - n + k).is_some_and(|t| t.kind != TokKind::Break && t.text(lower) == w));
            ok.then_some((v, n))
        })
    }
}

/// Reads a TSV data file: skips `#` comments and blank lines, splits on tabs.
pub fn tsv_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A table string kept for the life of the program: the tables are built
/// once, from data compiled in, and their entries are handed out as `&'static str`.
pub(crate) fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// Whether a character next to a match is part of a word (so the match is not
/// on a word boundary): letters and digits.
pub(crate) fn is_word(c: Option<char>) -> bool {
    c.is_some_and(crate::text::is_letter_or_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> PhraseTable<u8> {
        PhraseTable::new([("lượt đoàn".to_string(), 1), ("đoàn".to_string(), 2), ("triệu USD".to_string(), 3), ("ước đạt".to_string(), 4)])
    }

    /// Per token: the value and token count of a phrase found there.
    type Found = Vec<Option<(u8, usize)>>;

    /// The longest phrase at or ending at each token, as the words read.
    fn matches(s: &str) -> (Found, Found) {
        let lower = phrase_key(s);
        let toks = tokenize(&lower);
        let t = table();
        let at = (0..toks.len()).map(|i| t.match_at(&toks, &lower, i).map(|(v, n)| (*v, n))).collect();
        let ending = (0..toks.len()).map(|j| t.match_ending_at(&toks, &lower, j).map(|(v, n)| (*v, n))).collect();
        (at, ending)
    }

    #[test]
    fn longest_phrase_forwards_and_backwards() {
        let (at, ending) = matches("Đón 52 lượt đoàn, ước đạt 3 triệu USD");
        assert_eq!(at, [None, None, Some((1, 2)), Some((2, 1)), None, Some((4, 2)), None, None, Some((3, 2)), None]);
        assert_eq!(ending, [None, None, None, Some((1, 2)), None, None, Some((4, 2)), None, None, Some((3, 2))]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The filter never turns a key away.
        #[test]
        fn the_key_filter_holds_every_key(words in proptest::collection::vec("\\PC{1,12}", 1..40), other in "\\PC{0,12}") {
            let mut filter = KeyFilter::default();
            for w in &words {
                filter.insert(w);
            }
            for w in &words {
                proptest::prop_assert!(filter.may_hold(w));
            }
            if !filter.may_hold(&other) {
                proptest::prop_assert!(!words.contains(&other));
            }
        }
    }
}
