//! A serializable value written as a *tape* for JavaScript: the values in
//! order, tagged, in a list of `f64`s, with the text of every string in one
//! string beside it. `js/tape.js` reads a report's tape back into the same
//! objects `JSON.parse` makes of its JSON, with object literals of the
//! report's own shapes, which V8 builds several times faster than it parses
//! JSON (see BENCHMARKS.md).
//!
//! What it writes: `null`, `false`, `true`, a number (the next `f64`), a
//! string (the next `f64` is its length in UTF-16 code units; its text is the
//! next one in the strings), a string the reader keeps ([`KEPT`], written
//! as a string) and one written again ([`AGAIN`], the next `f64` is its
//! number among the kept strings, counted from 0), arrays and maps (their
//! items up to [`END`]; a map's keys are strings), and structs: [`STRUCT`], each field's value in
//! declaration order, a field left out (`skip_serializing_if`) as
//! [`SKIPPED`], then [`END`]. Field names are not written: the reader knows
//! them, and the [`END`] it expects tells it when the two are out of step.
//! Numbers are written as JSON writes them for JS: integers as the nearest
//! `f64`, and a non-finite float as `null`.
//!
//! What it does not do: enum variants with data (the report has none), or
//! anything the reader would need the field names for. JSON stays the
//! format of the CLI, the corpus's results and every other caller.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::hash::{hash_bytes, same_bytes};

pub const NULL: f64 = 0.0;
pub const FALSE: f64 = 1.0;
pub const TRUE: f64 = 2.0;
pub const NUMBER: f64 = 3.0;
pub const STRING: f64 = 4.0;
pub const ARRAY: f64 = 5.0;
pub const MAP: f64 = 6.0;
pub const STRUCT: f64 = 7.0;
pub const SKIPPED: f64 = 8.0;
pub const END: f64 = 9.0;
pub const KEPT: f64 = 10.0;
pub const AGAIN: f64 = 11.0;

/// How many `f64`s, or bytes of strings, are held before they are passed on.
const PIECE_NUMBERS: usize = 8192;
const PIECE_TEXT: usize = 64 * 1024;

/// Strings up to this many bytes are kept to be written again by number:
/// a report repeats its kinds, labels, units, rules and names in every
/// metric (two thirds of a report's strings repeat one before them).
const KEPT_LEN: usize = 64;
/// At most this many strings are kept, so a report of a hundred thousand
/// figures does not keep each one's id and text; the repeats come early.
const KEPT_MAX: usize = 4096;

/// Why a tape could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TapeError(pub String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

/// Writes `value` as a tape, handing it to `pass_on` in pieces (the
/// numbers, and the strings' text) as it goes, so that a large report is
/// never whole in memory; the pieces, joined, are the tape.
pub fn write_tape<T, F>(value: &T, pass_on: F) -> Result<(), TapeError>
where
    T: Serialize + ?Sized,
    F: FnMut(&[f64], &str) -> Result<(), TapeError>,
{
    let mut tape = Tape { numbers: Vec::with_capacity(PIECE_NUMBERS + 64), text: String::new(), kept: Kept::default(), pass_on };
    value.serialize(&mut tape)?;
    tape.flush()
}

/// A value's tape, whole (for tests and native callers).
pub fn to_tape<T: Serialize + ?Sized>(value: &T) -> Result<(Vec<f64>, String), TapeError> {
    let (mut numbers, mut text) = (Vec::new(), String::new());
    write_tape(value, |n, t| {
        numbers.extend_from_slice(n);
        text.push_str(t);
        Ok(())
    })?;
    Ok((numbers, text))
}

struct Tape<F> {
    numbers: Vec<f64>,
    text: String,
    kept: Kept,
    pass_on: F,
}

/// The strings the reader keeps, by content: an open table of their
/// numbers (plus one; 0 is a free slot), kept at most half full, and where
/// each one's bytes are.
#[derive(Default)]
struct Kept {
    slots: Vec<u32>,
    spans: Vec<(u32, u32)>,
    bytes: String,
}

/// What to write for a string.
enum Write {
    /// The number of a kept string equal to it.
    Again(u32),
    /// The string, which the reader keeps.
    Keep,
    /// The string only.
    Plain,
}

impl Kept {
    fn kept(&self, k: u32) -> &str {
        let (start, end) = self.spans.get(k as usize).copied().unwrap_or_default();
        self.bytes.get(start as usize..end as usize).unwrap_or_default()
    }

    /// How `s` is written, keeping it if it is short and new.
    fn look_up(&mut self, s: &str) -> Write {
        if s.len() > KEPT_LEN {
            return Write::Plain;
        }
        if self.slots.is_empty() {
            self.slots = vec![0; 2 * KEPT_MAX];
        }
        let mask = self.slots.len() - 1;
        // The high half: a product's low bits depend only on the low bits of
        // what was multiplied, the first two bytes of a short string.
        let mut i = (hash_bytes(s.as_bytes()) >> 32) as usize & mask;
        loop {
            match self.slots.get(i).copied() {
                Some(0) | None => break,
                Some(k) if same_bytes(self.kept(k - 1).as_bytes(), s.as_bytes()) => return Write::Again(k - 1),
                Some(_) => i = (i + 1) & mask,
            }
        }
        if self.spans.len() >= KEPT_MAX {
            return Write::Plain;
        }
        let start = self.bytes.len() as u32;
        self.bytes.push_str(s);
        self.spans.push((start, self.bytes.len() as u32));
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = self.spans.len() as u32;
        }
        Write::Keep
    }
}

impl<F: FnMut(&[f64], &str) -> Result<(), TapeError>> Tape<F> {
    fn flush(&mut self) -> Result<(), TapeError> {
        if !self.numbers.is_empty() || !self.text.is_empty() {
            (self.pass_on)(&self.numbers, &self.text)?;
            self.numbers.clear();
            self.text.clear();
        }
        Ok(())
    }

    #[inline]
    fn push(&mut self, tag: f64) {
        self.numbers.push(tag);
    }

    /// Ends a value: passes the pieces on once they are full.
    #[inline]
    fn ended(&mut self) -> Result<(), TapeError> {
        if self.numbers.len() >= PIECE_NUMBERS || self.text.len() >= PIECE_TEXT {
            self.flush()?;
        }
        Ok(())
    }

    fn number(&mut self, v: f64) -> Result<(), TapeError> {
        if v.is_finite() {
            self.numbers.extend_from_slice(&[NUMBER, v]);
        } else {
            self.push(NULL);
        }
        self.ended()
    }

    fn string(&mut self, s: &str) -> Result<(), TapeError> {
        let tag = match self.kept.look_up(s) {
            Write::Again(k) => {
                self.numbers.extend_from_slice(&[AGAIN, f64::from(k)]);
                return self.ended();
            }
            Write::Keep => KEPT,
            Write::Plain => STRING,
        };
        self.numbers.extend_from_slice(&[tag, utf16_len(s) as f64]);
        self.text.push_str(s);
        self.ended()
    }
}

/// The length of `s` in UTF-16 code units: one per character, two for a
/// character beyond the BMP (a four-byte one).
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.bytes().map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)).sum()
}

impl<F: FnMut(&[f64], &str) -> Result<(), TapeError>> ser::Serializer for &mut Tape<F> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    fn serialize_bool(self, v: bool) -> Result<(), TapeError> {
        self.push(if v { TRUE } else { FALSE });
        self.ended()
    }
    fn serialize_i8(self, v: i8) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), TapeError> {
        self.number(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), TapeError> {
        self.number(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), TapeError> {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), TapeError> {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result<(), TapeError> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), TapeError> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), TapeError> {
        self.push(ARRAY);
        for &b in v {
            self.number(f64::from(b))?;
        }
        self.push(END);
        self.ended()
    }
    fn serialize_none(self) -> Result<(), TapeError> {
        self.push(NULL);
        self.ended()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), TapeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), TapeError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), TapeError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), TapeError> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), TapeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _name: &'static str, _index: u32, variant: &'static str, value: &T) -> Result<(), TapeError> {
        // As JSON writes it: {"Variant": value}.
        self.push(MAP);
        self.string(variant)?;
        value.serialize(&mut *self)?;
        self.push(END);
        self.ended()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, TapeError> {
        self.push(ARRAY);
        Ok(self)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self, TapeError> {
        self.push(ARRAY);
        Ok(self)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, TapeError> {
        self.push(ARRAY);
        Ok(self)
    }
    fn serialize_tuple_variant(self, name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Self::SerializeTupleVariant, TapeError> {
        Err(TapeError(format!("the tape has no enum variants with data ({name}::{variant})")))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, TapeError> {
        self.push(MAP);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, TapeError> {
        self.push(STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(self, name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Self::SerializeStructVariant, TapeError> {
        Err(TapeError(format!("the tape has no enum variants with data ({name}::{variant})")))
    }
}

/// Items of arrays, maps and structs, then [`END`].
macro_rules! items {
    ($trait:ident, $method:ident) => {
        impl<F: FnMut(&[f64], &str) -> Result<(), TapeError>> ser::$trait for &mut Tape<F> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), TapeError> {
                self.push(END);
                self.ended()
            }
        }
    };
}
items!(SerializeSeq, serialize_element);
items!(SerializeTuple, serialize_element);
items!(SerializeTupleStruct, serialize_field);

impl<F: FnMut(&[f64], &str) -> Result<(), TapeError>> ser::SerializeMap for &mut Tape<F> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), TapeError> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), TapeError> {
        self.push(END);
        self.ended()
    }
}

impl<F: FnMut(&[f64], &str) -> Result<(), TapeError>> ser::SerializeStruct for &mut Tape<F> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _key: &'static str, value: &T) -> Result<(), TapeError> {
        value.serialize(&mut **self)
    }
    fn skip_field(&mut self, _key: &'static str) -> Result<(), TapeError> {
        self.push(SKIPPED);
        Ok(())
    }
    fn end(self) -> Result<(), TapeError> {
        self.push(END);
        self.ended()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Inner {
        a: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<String>,
    }

    #[derive(Serialize)]
    struct Outer {
        name: &'static str,
        inner: Option<Inner>,
        list: Vec<Inner>,
        nan: f64,
        ok: bool,
    }

    #[test]
    fn values_in_order_with_tags_and_the_strings_beside() {
        let v = Outer { name: "Hà Nội 😀", inner: None, list: vec![Inner { a: 5, b: None }, Inner { a: 6, b: Some("x".into()) }], nan: f64::NAN, ok: true };
        let (numbers, text) = to_tape(&v).unwrap();
        let want = [
            STRUCT, KEPT, 9.0, NULL, ARRAY, STRUCT, NUMBER, 5.0, SKIPPED, END, STRUCT, NUMBER, 6.0, KEPT, 1.0, END, END, NULL, TRUE, END,
        ];
        assert_eq!(numbers, want);
        assert_eq!(text, "Hà Nội 😀x");
    }

    #[test]
    fn a_short_string_written_again_is_written_as_its_number() {
        let long = "x".repeat(KEPT_LEN + 1);
        let v = vec!["đoàn", "ra", "đoàn", long.as_str(), long.as_str(), "ra", ""];
        let (numbers, text) = to_tape(&v).unwrap();
        let want = [ARRAY, KEPT, 4.0, KEPT, 2.0, AGAIN, 0.0, STRING, 65.0, STRING, 65.0, AGAIN, 1.0, KEPT, 0.0, END];
        assert_eq!(numbers, want);
        assert_eq!(text, format!("đoànra{long}{long}"));
    }

    #[test]
    fn no_more_than_kept_max_strings_are_kept() {
        let list: Vec<String> = (0..KEPT_MAX + 10).map(|k| format!("m{k}")).chain(["m0".into(), format!("m{}", KEPT_MAX + 5)]).collect();
        let (numbers, _) = to_tape(&list).unwrap();
        let tags: Vec<f64> = numbers[1..].chunks(2).map(|pair| pair[0]).collect();
        assert_eq!(tags.iter().filter(|&&t| t == KEPT).count(), KEPT_MAX);
        // The first is found again; one past the limit was never kept.
        assert_eq!(&numbers[numbers.len() - 5..], [AGAIN, 0.0, STRING, 5.0, END]);
    }

    #[test]
    fn utf16_lengths() {
        for s in ["", "abc", "Đoàn", "😀", "a😀ạ"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s}");
        }
    }

    #[test]
    fn large_values_come_in_pieces_that_join_to_the_whole() {
        let list: Vec<String> = (0..20_000).map(|k| format!("mục {k}")).collect();
        let mut pieces = 0;
        let (mut numbers, mut text) = (Vec::new(), String::new());
        write_tape(&list, |n, t| {
            pieces += 1;
            assert!(n.len() <= PIECE_NUMBERS + 2);
            numbers.extend_from_slice(n);
            text.push_str(t);
            Ok(())
        })
        .unwrap();
        assert!(pieces > 1);
        assert_eq!((numbers, text), to_tape(&list).unwrap());
    }

    #[test]
    fn a_failing_sink_stops_the_writing_with_its_error() {
        let list: Vec<u32> = (0..100_000).collect();
        let err = write_tape(&list, |_, _| Err(TapeError("full".into()))).unwrap_err();
        assert_eq!(err, TapeError("full".into()));
    }
}
