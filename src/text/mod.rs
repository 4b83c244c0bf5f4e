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
