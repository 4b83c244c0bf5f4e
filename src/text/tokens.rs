//! Tokens of normalized text: words, numbers, punctuation and line breaks,
//! each with its byte span. Numbers keep their inner `.` and `,` (a
//! separator followed by a digit) so "12.170,76" is one token; everything
//! else about numbers is decided by the reader in `read`.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and the combining marks on them).
    Word,
    /// ASCII digits, with inner `.` / `,` between digits.
    Number,
    /// Any other visible character, one per token.
    Punct,
    /// A line break (paragraph boundary).
    Break,
}

/// One token: kind, byte span, and whether whitespace came before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    /// Whitespace (or nothing at all, at the start) separates it from the previous token.
    pub spaced: bool,
}

impl Token {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits normalized text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut spaced = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        // ASCII, most token starts, is told from its byte; the rest from
        // its first bytes when it is a Latin letter, else decoded.
        let kind = match b {
            b' ' => {
                spaced = true;
                i += 1;
                continue;
            }
            b'\n' => {
                i += 1;
                TokKind::Break
            }
            b'0'..=b'9' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    let inner_separator = (c == b'.' || c == b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                    if !(c.is_ascii_digit() || inner_separator) {
                        break;
                    }
                    i += 1;
                }
                TokKind::Number
            }
            _ if b.is_ascii_alphabetic() => {
                i = word_end(text, i + 1);
                TokKind::Word
            }
            _ => {
                if let Some((_, len)) = super::latin_letter_at(text, i) {
                    i = word_end(text, i + len);
                    TokKind::Word
                } else {
                    let ch = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
                    i += ch.len_utf8();
                    if super::is_letter(ch) {
                        i = word_end(text, i);
                        TokKind::Word
                    } else if ch.is_whitespace() {
                        spaced = true;
                        continue;
                    } else {
                        TokKind::Punct
                    }
                }
            }
        };
        out.push(Token { kind, start, end: i, spaced });
        // A line break counts as the whitespace before the next token.
        spaced = kind == TokKind::Break;
    }
    out
}

/// Where the word going on at byte `i` of `text` ends: its ASCII letters,
/// most of its bytes, are skipped a byte at a time, the rest asked of
/// [`word_char_len`].
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        // The ASCII byte that stopped the loop ends the word: said here
        // rather than asked of `word_char_len` again (3% of tokenizing).
        if !bytes.get(i).is_some_and(|&b| b >= 0x80) {
            return i;
        }
        match word_char_len(text, i) {
            Some(len) => i += len,
            None => return i,
        }
    }
}

/// The length of the character at byte `i` of `text` when it goes on a
/// word: a letter, or a combining mark outside ASCII.
#[inline(always)]
fn word_char_len(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return b.is_ascii_alphabetic().then_some(1);
    }
    if let Some((_, len)) = super::latin_letter_at(text, i) {
        return Some(len);
    }
    let c = text.get(i..)?.chars().next()?;
    (super::is_letter(c) || unicode_normalization::char::is_combining_mark(c)).then(|| c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_inner_separators() {
        let t = "đạt 12.170,76 tỷ, 4691lượt.";
        let toks = tokenize(t);
        let texts: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(texts, ["đạt", "12.170,76", "tỷ", ",", "4691", "lượt", "."]);
        assert!(!toks[5].spaced);
    }

    #[test]
    fn word_chars_told_from_bytes_are_the_ones_decoding_tells() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let decoded = (super::super::is_letter(c) || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))).then(|| c.len_utf8());
            assert_eq!(word_char_len(s, 0), decoded, "{c:?}");
        }
        assert_eq!(word_char_len("a", 1), None);
    }

    /// Tokens read a character at a time, the plain statement of the rules.
    fn tokenize_by_char(text: &str) -> Vec<Token> {
        let word_char = |c: char| super::super::is_letter(c) || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c));
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
        let (mut out, mut spaced, mut k) = (Vec::new(), true, 0);
        while let Some(&(start, c)) = chars.get(k) {
            k += 1;
            let kind = if c == '\n' {
                TokKind::Break
            } else if c.is_whitespace() {
                spaced = true;
                continue;
            } else if c.is_ascii_digit() {
                while chars.get(k).is_some_and(|&(_, d)| d.is_ascii_digit() || (matches!(d, '.' | ',') && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit()))) {
                    k += 1;
                }
                TokKind::Number
            } else if super::super::is_letter(c) {
                while chars.get(k).is_some_and(|&(_, d)| word_char(d)) {
                    k += 1;
                }
                TokKind::Word
            } else {
                TokKind::Punct
            };
            out.push(Token { kind, start, end: end_of(k), spaced });
            spaced = kind == TokKind::Break;
        }
        out
    }

    #[test]
    fn tokens_are_the_ones_read_char_by_char() {
        for t in ["", " ", "\n\n a", "Hà Nội, 12.170,76 tỷ.", "ngày 5/6", "1.", "x\u{301}y", "a\u{a0}b", "Đoàn\u{200b}ra", "日本 và Ω-β"] {
            assert_eq!(tokenize(t), tokenize_by_char(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_match_char_by_char_on_any_text(t in "([a-zA-Z0-9 .,;()\n\t-]|[đĐàÀáạẠăằơƠưôêÿ×÷ɏɐ]|\u{301}|\u{a0}|\u{2003}|\u{200b}|[日Ωβ😀]){0,40}") {
            proptest::prop_assert_eq!(tokenize(&t), tokenize_by_char(&t));
        }
    }
}
