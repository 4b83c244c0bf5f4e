//! Text: normalization with an offset map, HTML decoding, tokens, phrase
//! tables. Everything later reads the normalized text and reports spans
//! through the map into the caller's original string.

pub mod html;
pub mod normalize;
pub mod offsets;
pub mod phrases;
pub mod restore;
pub mod segment;
pub mod tokens;

pub use normalize::{normalize, Format, Normalized};

/// Whether `c` is a letter, with the Latin blocks Vietnamese is written in
/// answered without the general Unicode tables (the hot path of tokenizing).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(c, 'À'..='ɏ' | 'Ḁ'..='ỿ') && c != '×' && c != '÷' || c.is_alphabetic()
}

/// The letter of the Latin blocks Vietnamese is written in (U+00C0–U+024F
/// but × and ÷, U+1E00–U+1EFF: [`is_letter`]'s own ranges) that starts at
/// byte `i` of `text`, with its length, read from its first bytes without
/// decoding; `None` for any other character. Most of the text outside
/// ASCII, so the byte loops of tokenizing and normalizing take it first.
#[inline]
pub(crate) fn latin_letter_at(text: &str, i: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let (b0, b1) = (u32::from(*bytes.get(i)?), u32::from(*bytes.get(i + 1)?));
    let (code, len) = match (b0, b1) {
        (0xc3, 0x97 | 0xb7) => return None,
        (0xc3..=0xc8, _) | (0xc9, 0x80..=0x8f) => ((b0 & 0x1f) << 6 | (b1 & 0x3f), 2),
        (0xe1, 0xb8..=0xbb) => (0x1000 | (b1 & 0x3f) << 6 | (u32::from(*bytes.get(i + 2)?) & 0x3f), 3),
        _ => return None,
    };
    char::from_u32(code).map(|c| (c, len))
}

/// Whether `c` is a letter or a digit: `char::is_alphanumeric` with the same
/// fast path as [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c) || c.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_read_from_bytes_are_the_decoded_ones() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let latin = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && is_letter(c);
            assert_eq!(latin_letter_at(s, 0), latin.then(|| (c, c.len_utf8())), "{c:?}");
        }
        assert_eq!(latin_letter_at("ạ", 1), None);
        assert_eq!(latin_letter_at("aạ", 1), Some(('ạ', 3)));
    }
}
