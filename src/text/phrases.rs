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
        PhraseTable { forward, backward }
    }

    /// The longest phrase starting at token `i`: its value and token count.
    pub fn match_at(&self, toks: &[Token], lower: &str, i: usize) -> Option<(&V, usize)> {
        let first = toks.get(i)?;
        let cands = self.forward.get(first.text(lower))?;
        cands.iter().find_map(|(words, v)| {
            let ok = words.iter().enumerate().all(|(k, w)| {
                toks.get(i + k).is_some_and(|t| t.kind != TokKind::Break && t.text(lower) == w)
            });
            ok.then_some((v, words.len()))
        })
    }

    /// The longest phrase ending at token `j` (inclusive): value and token count.
    pub fn match_ending_at(&self, toks: &[Token], lower: &str, j: usize) -> Option<(&V, usize)> {
        let last = toks.get(j)?;
        let cands = self.backward.get(last.text(lower))?;
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
