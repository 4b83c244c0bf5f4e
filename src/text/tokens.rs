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
    while i < text.len() {
        let b = bytes[i];
        if b == b'\n' {
            out.push(Token { kind: TokKind::Break, start: i, end: i + 1, spaced });
            spaced = true;
            i += 1;
            continue;
        }
        if b == b' ' {
            spaced = true;
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let start = i;
            while i < text.len() {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    i += 1;
                } else if (c == b'.' || c == b',') && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Token { kind: TokKind::Number, start, end: i, spaced });
            spaced = false;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        if super::is_letter(ch) {
            let start = i;
            i += ch.len_utf8();
            while let Some(len) = word_char_len(text, i) {
                i += len;
            }
            out.push(Token { kind: TokKind::Word, start, end: i, spaced });
        } else if ch.is_whitespace() {
            i += ch.len_utf8();
            spaced = true;
            continue;
        } else {
            out.push(Token { kind: TokKind::Punct, start: i, end: i + ch.len_utf8(), spaced });
            i += ch.len_utf8();
        }
        spaced = false;
    }
    out
}

/// The length of the character at byte `i` of `text` when it goes on a
/// word: a letter, or a combining mark outside ASCII.
#[inline]
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
}
