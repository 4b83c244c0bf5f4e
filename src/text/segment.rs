//! Paragraphs, sentences and headings of normalized text.
//!
//! A paragraph is a line. A sentence ends at `.`, `!`, `?` or `…` followed
//! by a space and a capital, a digit or a quote — not after Vietnamese
//! abbreviations (TP., ThS., TS. …), and never inside a number, because
//! numbers are whole tokens. A heading is a short line without a final
//! period that is all capitals or starts with a section number.
//!
//! Rules read a figure's sentence and the paragraphs before it, so both are
//! bounded: a sentence longer than [`MAX_SENTENCE`] bytes (a table flattened
//! into one line, a list with no full stop) is cut at its last `;`, `, ` or
//! space before the bound, and a paragraph longer than [`MAX_PARAGRAPH`] at
//! its last sentence end. That keeps the work per figure constant and the
//! whole analysis linear, whatever the input's shape.

/// A byte range of normalized text.
pub type Range = (usize, usize);

/// One paragraph, with whether it reads as a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub heading: bool,
}

/// The structure of a document.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Range>,
}

/// Longest sentence, in bytes; real ones stay far below it.
pub const MAX_SENTENCE: usize = 2048;
/// Longest paragraph, in bytes.
pub const MAX_PARAGRAPH: usize = 8192;

const ABBREVIATIONS: &[&str] = &[
    "tp", "ths", "ts", "pgs", "gs", "bs", "ks", "cn", "nxb", "tr", "q", "p", "mr", "ms", "dr", "st", "v.v", "ttxvn",
    "vnđ", "đ/c", "tt", "ubnd", "hđnd",
];

impl Segments {
    /// The sentence containing byte `pos` (or the nearest before it).
    pub fn sentence_of(&self, pos: usize) -> Range {
        let k = self.sentences.partition_point(|s| s.0 <= pos);
        self.sentences.get(k.saturating_sub(1)).copied().unwrap_or((0, 0))
    }

    /// Index of the paragraph containing byte `pos`.
    pub fn paragraph_index(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|p| p.start <= pos).saturating_sub(1)
    }
}

/// Splits normalized text.
pub fn segment(text: &str) -> Segments {
    let mut seg = Segments::default();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            let first = seg.sentences.len();
            split_sentences(text, start, end, &mut seg.sentences);
            bound_sentences(text, &mut seg.sentences, first);
            // A long line is several paragraphs, each ending with a sentence.
            let heading = is_heading(line);
            let mut p_start = start;
            for k in first..seg.sentences.len() {
                let (_, e) = seg.sentences[k];
                let next_end = seg.sentences.get(k + 1).map_or(end, |n| n.1);
                if e < end && next_end - p_start > MAX_PARAGRAPH {
                    seg.paragraphs.push(Paragraph { start: p_start, end: e, heading: false });
                    p_start = seg.sentences.get(k + 1).map_or(e, |n| n.0);
                }
            }
            seg.paragraphs.push(Paragraph { start: p_start, end, heading: heading && p_start == start });
        }
        start = end + 1;
    }
    seg
}

fn split_sentences(text: &str, start: usize, end: usize, out: &mut Vec<Range>) {
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut s = 0;
    // Sentence ends are found by byte: '.', '!', '?' are ASCII and '…'
    // begins with 0xE2, none of which occurs inside another character.
    // memchr finds them a word at a time; 0xE2, rare once quotes and dashes
    // are normalized, is looked for again only once passed.
    let mut i = 0;
    let mut next_e2 = memchr::memchr(0xe2, bytes);
    loop {
        let Some(rest) = bytes.get(i..) else { break };
        if next_e2.is_some_and(|k| k < i) {
            next_e2 = memchr::memchr(0xe2, rest).map(|k| i + k);
        }
        let Some(found) = memchr::memchr3(b'.', b'!', b'?', rest).map(|k| i + k).into_iter().chain(next_e2).min() else { break };
        i = found;
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ if para[i..].starts_with('…') => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        let e = i + c.len_utf8();
        let at = i;
        i = e;
        let after = &para[e..];
        if !after.starts_with(' ') {
            continue;
        }
        let next = after.trim_start().chars().next();
        let opens = next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '\'' | '(' | '-'));
        if !opens {
            continue;
        }
        if c == '.' {
            // The start of the word before the dot: after the last character
            // that is no part of it, however many bytes that character has.
            let word_start = para[..at]
                .char_indices()
                .rev()
                .find(|&(_, ch)| !(crate::text::is_letter_or_digit(ch) || ch == '.' || ch == '/'))
                .map_or(0, |(k, ch)| k + ch.len_utf8());
            let word = para[word_start..at].to_lowercase();
            if ABBREVIATIONS.contains(&word.as_str()) || (word.chars().count() == 1 && word.chars().all(crate::text::is_letter)) {
                continue;
            }
        }
        if e > s {
            out.push((start + s, start + e));
        }
        // The next sentence starts after the space.
        s = e + 1;
        i = s;
    }
    if s < para.len() {
        out.push((start + s, end));
    }
}

/// Cuts the sentences from `first` on that are longer than
/// [`MAX_SENTENCE`], at a clause mark or a space, never inside a word or a
/// number ("1,5" has no space after its comma).
fn bound_sentences(text: &str, sentences: &mut Vec<Range>, first: usize) {
    if sentences[first..].iter().all(|&(s, e)| e - s <= MAX_SENTENCE) {
        return;
    }
    let long: Vec<Range> = sentences.split_off(first);
    for (mut s, e) in long {
        while e - s > MAX_SENTENCE {
            let window_end = floor_char_boundary(text, s + MAX_SENTENCE);
            let window_start = floor_char_boundary(text, s + MAX_SENTENCE / 2);
            let window = &text[window_start..window_end];
            let cut = window
                .rfind(';')
                .map(|k| k + 1)
                .or_else(|| window.rfind(", ").map(|k| k + 1))
                .or_else(|| window.rfind(' '))
                .map_or(window_end, |k| window_start + k);
            if cut <= s {
                break;
            }
            sentences.push((s, cut));
            s = cut;
            // The next piece starts at its first non-space.
            while text[s..e].starts_with(' ') {
                s += 1;
            }
        }
        if e > s {
            sentences.push((s, e));
        }
    }
}

/// The largest char boundary at or below `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > 120 || t.ends_with('.') || t.ends_with(',') || t.ends_with(';') {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| crate::text::is_letter(*c)).collect();
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    // "I.", "II.", "1.", "2.1.", "a)" followed by a capital.
    let marker_end = t.find(|c: char| c == ' ').unwrap_or(0);
    let marker = &t[..marker_end];
    let numbered = !marker.is_empty()
        && (marker.ends_with('.') || marker.ends_with(')'))
        && marker.trim_end_matches(['.', ')']).split('.').all(|p| {
            !p.is_empty() && (p.chars().all(|c| c.is_ascii_digit()) || p.chars().all(|c| "IVXLC".contains(c)) || (p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase())))
        });
    numbered && t[marker_end..].trim_start().chars().next().is_some_and(char::is_uppercase) && t.chars().count() <= 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_skip_abbreviations_and_decimals() {
        let t = "TP. Hồ Chí Minh đón 200 đoàn. Kim ngạch đạt 3,5 tỷ USD! ThS. Nguyễn A nói.";
        let s = segment(t);
        let texts: Vec<&str> = s.sentences.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(texts, ["TP. Hồ Chí Minh đón 200 đoàn.", "Kim ngạch đạt 3,5 tỷ USD!", "ThS. Nguyễn A nói."]);
    }

    #[test]
    fn every_sentence_end_mark_and_what_is_no_end() {
        // "…" is three bytes. No end: "?" before a curly quote (no opener),
        // "." without a space after it ("3.5", "v.v.") or before lowercase.
        let t = "Đoàn đã đến… Tiếp theo là gì? “Ai” hỏi. Giá 3.5 triệu, v.v. và thêm. 2024 tăng";
        let s = segment(t);
        let texts: Vec<&str> = s.sentences.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(texts, ["Đoàn đã đến…", "Tiếp theo là gì? “Ai” hỏi.", "Giá 3.5 triệu, v.v. và thêm.", "2024 tăng"]);
        // Other characters opening with the byte of "…" (€, •, “) before,
        // between and after the ends.
        let t = "• Vốn 5 triệu €. Rồi… Xong… “Hết” ! Lại • thêm? Cuối €";
        let s = segment(t);
        let texts: Vec<&str> = s.sentences.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(texts, ["• Vốn 5 triệu €.", "Rồi…", "Xong… “Hết” !", "Lại • thêm?", "Cuối €"]);
    }

    /// Found by the property test: a multi-byte symbol right before the
    /// sentence's dot.
    #[test]
    fn a_wide_character_before_a_dot_is_no_panic() {
        for t in ["🫟. \"", "Đoàn 😀. Năm 2024", "ỹ. A"] {
            let s = segment(t);
            assert!(s.sentences.iter().all(|&(a, b)| t.get(a..b).is_some()), "{t}");
        }
        let t = "Đoàn 😀. Năm 2024";
        assert_eq!(segment(t).sentences.len(), 2);
    }

    #[test]
    fn long_sentences_and_paragraphs_are_bounded_at_clause_marks() {
        let t = "Tỉnh cử 40 đoàn, đón 52 đoàn; ".repeat(400);
        let s = segment(&t);
        assert!(s.sentences.len() > 1);
        assert!(s.sentences.iter().all(|&(a, b)| b - a <= MAX_SENTENCE && t.get(a..b).is_some()));
        // Cut after a semicolon, so no clause is broken.
        assert!(s.sentences[..s.sentences.len() - 1].iter().all(|&(_, b)| t[..b].ends_with(';')));
        assert!(s.paragraphs.len() > 1 && s.paragraphs.iter().all(|p| p.end - p.start <= MAX_PARAGRAPH));
        // The pieces cover the text: each sentence sits in a paragraph.
        assert!(s.sentences.iter().all(|&(a, b)| s.paragraphs.iter().any(|p| p.start <= a && b <= p.end)));
        // A run with no space at all is cut at a char boundary.
        let t = "đoàn".repeat(2000);
        assert!(segment(&t).sentences.iter().all(|&(a, b)| t.get(a..b).is_some() && b - a <= MAX_SENTENCE));
    }

    #[test]
    fn headings() {
        let s = segment("TỈNH LẠNG SƠN\nI. Kết quả đạt được\nNăm 2016 tỉnh đã cử 40 đoàn.\n2.1. Công tác đối ngoại");
        let h: Vec<bool> = s.paragraphs.iter().map(|p| p.heading).collect();
        assert_eq!(h, [true, true, false, true]);
    }
}
