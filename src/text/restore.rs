//! Diacritics restored in text typed without them: "doan ra Quang Tay"
//! reads as "đoàn ra Quảng Tây", so every cue table, gazetteer and rule
//! written with marks also matches unmarked text.
//!
//! A line is restored only when it is written almost without marks (an
//! ordinary Vietnamese line never is) — in an unmarked document always; in
//! a marked one (an unmarked paragraph pasted into it) only when the line
//! holds several known phrases, one of them of two words or more, which
//! English or a foreign name does not — and only through phrases the
//! library knows — the data tables' phrases, folded to
//! bare letters, matched leftmost-longest on word boundaries. Each restored
//! letter replaces exactly one letter, so spans stay exact; letters that
//! already carry marks are never changed, and case is kept.
//!
//! What it does not do: guess words outside the tables, or touch digits,
//! punctuation or text that has its marks.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use unicode_normalization::UnicodeNormalization;

use super::phrases::tsv_rows;

/// A document is unmarked when fewer than this share of its letters carry marks.
const DOC_MARKED_SHARE: f64 = 0.03;
/// A line is restored when fewer than this share of its letters carry marks.
const LINE_MARKED_SHARE: f64 = 0.01;
/// Fewer letters than this say nothing about how a text is written.
const MIN_LETTERS: usize = 12;

/// A letter without its marks, lowercased: 'Ậ' → 'a', 'đ' → 'd'.
pub fn fold_char(ch: char) -> char {
    match ch {
        'đ' | 'Đ' => 'd',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            let base = c.nfd().next().unwrap_or(c);
            let mut lower = base.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => base,
            }
        }
    }
}

/// Latin letters with marks: the blocks Vietnamese letters live in.
fn is_marked_letter(ch: char) -> bool {
    matches!(ch, 'À'..='ÿ' | 'Ā'..='ɏ' | 'Ḁ'..='ỿ') && ch != '×' && ch != '÷'
}

/// The letters of `text` and how many of them carry marks.
fn count_marked(text: &str) -> (usize, usize) {
    let (mut letters, mut marked) = (0usize, 0usize);
    for &b in text.as_bytes() {
        // ASCII letters counted byte by byte; the rest char by char below.
        letters += usize::from(b.is_ascii_alphabetic());
    }
    if !text.is_ascii() {
        for ch in text.chars().filter(|c| !c.is_ascii()) {
            let m = is_marked_letter(ch);
            marked += usize::from(m);
            letters += usize::from(m || crate::text::is_letter(ch));
        }
    }
    (letters, marked)
}

fn share_of(letters: usize, marked: usize) -> f64 {
    if letters == 0 {
        0.0
    } else {
        marked as f64 / letters as f64
    }
}

fn marked_share(text: &str) -> (usize, f64) {
    let (letters, marked) = count_marked(text);
    (letters, share_of(letters, marked))
}

/// The letters of a document's head and whether it is written with its
/// marks (a share of at least [`DOC_MARKED_SHARE`]): the answer
/// [`marked_share`] gives, read [`HEAD_PIECE`] bytes at a time and settled
/// as soon as the marks read so far hold the share even if every byte left
/// were an unmarked letter (with a margin, [`SETTLED_SHARE`], so rounding
/// cannot matter). Ordinary Vietnamese text, a third of its letters
/// marked, settles within its first fifth; one marked at 3–4% reads its
/// whole head. Settled early, the letters are a count so far, at least
/// [`MIN_LETTERS`], which is all the caller reads of them for a marked text.
fn head_marks(head: &str) -> (usize, bool) {
    let (mut letters, mut marked) = (0usize, 0usize);
    let mut rest = head;
    while !rest.is_empty() {
        let mut cut = rest.len().min(HEAD_PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        let (l, m) = count_marked(piece);
        letters += l;
        marked += m;
        rest = tail;
        if letters >= MIN_LETTERS && marked as f64 >= SETTLED_SHARE * (letters + rest.len()) as f64 {
            return (letters, true);
        }
    }
    (letters, share_of(letters, marked) >= DOC_MARKED_SHARE)
}

/// The piece [`head_marks`] reads before it looks whether the answer is settled.
const HEAD_PIECE: usize = 256;
/// The share [`head_marks`] settles at: [`DOC_MARKED_SHARE`] with a margin.
const SETTLED_SHARE: f64 = DOC_MARKED_SHARE + 0.01;

struct Vocabulary {
    /// Folded phrases (the automaton's patterns) and their marked forms.
    marked: Vec<Vec<char>>,
    automaton: Option<AhoCorasick>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
    VOCAB.get_or_init(|| {
        // Earlier sources win a clash; within the other tables a clash of
        // two different marked forms leaves the phrase out as ambiguous.
        let own = tsv_rows(include_str!("../data/restore.tsv")).map(|r| r[0].to_string());
        let mut tables: Vec<String> = Vec::new();
        let column = |data: &str, cols: &[usize], out: &mut Vec<String>| {
            for r in tsv_rows(data) {
                for &c in cols {
                    if let Some(cell) = r.get(c) {
                        out.extend(cell.split('|').filter(|s| !s.is_empty()).map(str::to_string));
                    }
                }
            }
        };
        column(include_str!("../data/cues.tsv"), &[0], &mut tables);
        column(include_str!("../data/units.tsv"), &[0], &mut tables);
        column(include_str!("../data/qualifiers.tsv"), &[0], &mut tables);
        column(include_str!("../data/not_names.tsv"), &[0], &mut tables);
        column(include_str!("../data/countries.tsv"), &[1, 3], &mut tables);
        column(include_str!("../data/foreign_localities.tsv"), &[0, 3], &mut tables);
        column(include_str!("../data/provinces.tsv"), &[0, 4], &mut tables);
        column(include_str!("../data/organizations.tsv"), &[1, 3], &mut tables);
        column(include_str!("../data/agreements.tsv"), &[1, 3], &mut tables);
        column(include_str!("../data/document_types.tsv"), &[1], &mut tables);
        column(include_str!("../data/pillars.tsv"), &[1, 3], &mut tables);
        column(include_str!("../data/titles.tsv"), &[0], &mut tables);

        let mut index: HashMap<String, (Vec<char>, bool)> = HashMap::new();
        let mut add = |phrase: &str, own: bool| {
            let marked: Vec<char> = super::normalize::normalize_with(phrase, super::normalize::Format::Text, false)
                .text
                .chars()
                .flat_map(char::to_lowercase)
                .collect();
            let folded: String = marked.iter().map(|&c| fold_char(c)).collect();
            if folded.chars().count() != marked.len()
                || folded.chars().filter(|c| crate::text::is_letter(*c)).count() < 2
                || !marked.iter().any(|&c| is_marked_letter(c))
            {
                return;
            }
            match index.get_mut(&folded) {
                None => {
                    index.insert(folded, (marked, own));
                }
                Some((have, have_own)) => {
                    if !*have_own && *have != marked {
                        have.clear(); // ambiguous: two marked forms, neither preferred
                    }
                }
            }
        };
        for p in own {
            add(&p, true);
        }
        for p in &tables {
            add(p, false);
        }
        let (patterns, marked): (Vec<String>, Vec<Vec<char>>) =
            index.into_iter().filter(|(_, (m, _))| !m.is_empty()).map(|(f, (m, _))| (f, m)).unzip();
        let automaton = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        Vocabulary { marked, automaton }
    })
}

/// The letters to replace in `text`: (byte offset, restored letter). Empty
/// for text written with its marks.
pub fn restorations(text: &str) -> Vec<(usize, char)> {
    // How the document is written shows in its first 64 KB; a long one
    // with an unmarked tail still gets its unmarked lines restored below.
    let mut head = text.len().min(64 << 10);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let (letters, marked_document) = head_marks(&text[..head]);
    if letters < MIN_LETTERS {
        return Vec::new();
    }
    // The vocabulary is built on the first line that needs it: most
    // documents are written with their marks and never do.
    let automaton = || {
        let vocab = vocabulary();
        vocab.automaton.as_ref().map(|ac| (ac, vocab))
    };
    let mut out = Vec::new();
    let mut line_out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        // In a marked document only an all-ASCII line can be unmarked enough;
        // other lines are not measured at all.
        if marked_document && !line.is_ascii() {
            line_start += line.len();
            continue;
        }
        let (n, share) = marked_share(line);
        let unmarked = n > 0 && share < LINE_MARKED_SHARE;
        if unmarked && !marked_document && (n >= MIN_LETTERS || letters >= MIN_LETTERS) {
            let Some((ac, vocab)) = automaton() else { break };
            restore_line(line, line_start, ac, &vocab.marked, &mut out);
        } else if marked_document && line.is_ascii() && unmarked && n >= 2 * MIN_LETTERS {
            let Some((ac, vocab)) = automaton() else { break };
            line_out.clear();
            let found = restore_line(line, line_start, ac, &vocab.marked, &mut line_out);
            if found.phrases >= MIN_PHRASES_IN_MARKED && found.multiword {
                out.extend_from_slice(&line_out);
            }
        }
        line_start += line.len();
    }
    out
}

/// In a marked document, an unmarked line is restored only with at least
/// this many known phrases in it.
const MIN_PHRASES_IN_MARKED: usize = 3;

/// What `restore_line` matched.
struct Found {
    phrases: usize,
    /// A phrase of two words or more ("kim ngach", "doan ra").
    multiword: bool,
}

fn restore_line(line: &str, base: usize, ac: &AhoCorasick, marked: &[Vec<char>], out: &mut Vec<(usize, char)>) -> Found {
    let mut found = Found { phrases: 0, multiword: false };
    // The folded line, and for each of its bytes the char index in `line`.
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut folded = String::with_capacity(line.len());
    let mut char_at: Vec<usize> = Vec::with_capacity(line.len() + 1);
    for (k, &(_, ch)) in chars.iter().enumerate() {
        let f = fold_char(ch);
        folded.push(f);
        char_at.extend(std::iter::repeat_n(k, f.len_utf8()));
    }
    char_at.push(chars.len());
    let is_word = |k: Option<&(usize, char)>| k.is_some_and(|&(_, c)| crate::text::is_letter_or_digit(c));
    for m in ac.find_iter(&folded) {
        let (first, end) = (char_at[m.start()], char_at[m.end()]);
        if first > 0 && is_word(chars.get(first - 1)) || is_word(chars.get(end)) {
            continue;
        }
        let Some(phrase) = marked.get(m.pattern().as_usize()) else { continue };
        if phrase.len() != end - first {
            continue;
        }
        found.phrases += 1;
        found.multiword |= phrase.contains(&' ');
        for (&(at, ch), &want) in chars[first..end].iter().zip(phrase) {
            if !ch.is_ascii() || ch.to_ascii_lowercase() == want {
                continue;
            }
            let mut upper = want.to_uppercase();
            let restored = match (ch.is_ascii_uppercase(), upper.next(), upper.next()) {
                (true, Some(u), None) => u,
                _ => want,
            };
            out.push((base + at, restored));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored(text: &str) -> String {
        let mut s: Vec<char> = text.chars().collect();
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (at, ch) in restorations(text) {
            if let Ok(k) = starts.binary_search(&at) {
                s[k] = ch;
            }
        }
        s.into_iter().collect()
    }

    /// What [`head_marks`] must answer: [`marked_share`] over the whole head.
    fn whole_head(text: &str) -> (usize, bool) {
        let (letters, share) = marked_share(text);
        (letters, share >= DOC_MARKED_SHARE)
    }

    #[test]
    fn the_head_settles_early_with_the_same_answer() {
        let marked = "Tỉnh đã tiếp đón các đoàn khách quốc tế đến thăm và làm việc. ".repeat(200);
        let (letters, yes) = head_marks(&marked);
        assert!(yes);
        assert!(letters < marked.len() / 2, "settled after {letters} letters");
        let plain = "Tinh da tiep don cac doan khach quoc te. ".repeat(200);
        assert_eq!(head_marks(&plain), whole_head(&plain));
        // Marks only at the start, then none: it must read on to the end.
        let front = format!("{}{}", "đoàn ".repeat(20), "doan ".repeat(2000));
        assert_eq!(head_marks(&front), whole_head(&front));
        assert_eq!(head_marks(""), (0, false));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_head_gives_the_whole_heads_decision(
            marks in 0u32..4,
            picks in proptest::collection::vec(0u32..1000, 0..6000),
        ) {
            // Around the 3% the decision turns on: letters, spaces, digits,
            // and marked letters of two and three bytes at 0-3 in a hundred.
            let text: String = picks
                .iter()
                .map(|&p| match p % 100 {
                    k if k < marks => if p % 2 == 0 { 'ế' } else { 'à' },
                    k if k < 80 => 'a',
                    k if k < 95 => ' ',
                    _ => '1',
                })
                .collect();
            let (letters, yes) = head_marks(&text);
            let (all_letters, should) = whole_head(&text);
            proptest::prop_assert_eq!(yes, should);
            proptest::prop_assert_eq!(letters >= MIN_LETTERS, all_letters >= MIN_LETTERS);
            if !yes {
                proptest::prop_assert_eq!(letters, all_letters);
            }
        }
    }

    #[test]
    fn folds_marks_and_d_bar() {
        assert_eq!("Đoàn Quảng Tây Ậ".chars().map(fold_char).collect::<String>(), "doan quang tay a");
    }

    #[test]
    fn restores_known_phrases_and_keeps_case() {
        assert_eq!(
            restored("Nam 2023, tinh da cu 40 doan ra, don 25 doan vao tu Quang Tay."),
            "Năm 2023, tỉnh đã cử 40 đoàn ra, đón 25 đoàn vào từ Quảng Tây."
        );
        assert_eq!(restored("KIM NGACH XUAT NHAP KHAU tang 12% so voi cung ky nam truoc"), "KIM NGẠCH XUẤT NHẬP KHẨU tăng 12% so với cùng kỳ năm trước");
    }

    #[test]
    fn marked_text_is_left_alone() {
        let text = "Năm 2023, tỉnh đã cử 40 doan ra nước ngoài và đón 25 đoàn vào.";
        assert!(restorations(text).is_empty());
    }

    #[test]
    fn an_unmarked_line_in_a_marked_document_needs_several_known_phrases() {
        let text = "Năm 2024, tỉnh đã đón 52 đoàn khách quốc tế và cử 40 đoàn ra nước ngoài.\nNam 2023, tinh da cu 22 doan di cong tac nuoc ngoai va don 30 doan khach quoc te.\nThe province signed two agreements with Laos and Japan in Tokyo.";
        let r = restored(text);
        let lines: Vec<&str> = r.lines().collect();
        assert_eq!(lines[1], "Năm 2023, tỉnh đã cử 22 đoàn đi công tác nước ngoài và đón 30 đoàn khách quốc tế.");
        // English stays as written.
        assert_eq!(lines[2], "The province signed two agreements with Laos and Japan in Tokyo.");
    }

    #[test]
    fn words_inside_longer_words_are_not_restored() {
        // "doanh" is not "đoàn" + "h"; "tinhs" matches nothing.
        assert_eq!(restored("cac doanh nghiep tinhs nay rat nhieu"), "các doanh nghiệp tinhs nay rat nhieu");
    }
}
