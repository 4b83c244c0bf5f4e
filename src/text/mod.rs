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

/// Whether `c` is a letter or a digit: `char::is_alphanumeric` with the same
/// fast path as [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c) || c.is_numeric()
}
