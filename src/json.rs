//! JSON as it crosses into JavaScript: serde_json's compact output with
//! every character outside ASCII written as a `\uXXXX` escape (two for a
//! character beyond the BMP).
//!
//! Why: the WASM glue turns the UTF-8 bytes into a JS string with
//! `TextDecoder`, and V8 decodes an all-ASCII buffer about three times as
//! fast, into a one-byte string; `JSON.parse` reads the escapes back to the
//! same characters. On the report of 1.1 MB of text (2.3 MB of JSON, 3% of
//! its characters outside ASCII) decoding went from 8.2 to 2.3 ms and
//! parsing from 16.2 to 17.5 ms in Node; with the escaping's own cost,
//! `analyze()` is 1–4% faster overall (BENCHMARKS.md).
//!
//! What it does not do: change any value — parsed, the output equals what
//! `serde_json::to_string` gives. Files written by the CLI keep their
//! Vietnamese readable and do not use it.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// serde_json's compact formatter, with string contents escaped to ASCII.
struct AsciiFormatter;

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Formatter for AsciiFormatter {
    #[inline]
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        // Field names, ids, kinds and units: nearly every fragment.
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        // Vietnamese text: an escape every few bytes. They are gathered in
        // a buffer and written a buffer at a time, not two writes a letter.
        let mut buf = [0u8; 256];
        let mut n = 0;
        for c in fragment.chars() {
            // Room for the longest character: two escapes.
            if n + 12 > buf.len() {
                writer.write_all(&buf[..n])?;
                n = 0;
            }
            if c.is_ascii() {
                if let Some(slot) = buf.get_mut(n) {
                    *slot = c as u8;
                }
                n += 1;
                continue;
            }
            for &u in c.encode_utf16(&mut [0u16; 2]).iter() {
                let hex = |shift: u16| HEX[usize::from(u >> shift & 0xf)];
                if let Some(slot) = buf.get_mut(n..n + 6) {
                    slot.copy_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
                }
                n += 6;
            }
        }
        writer.write_all(&buf[..n])
    }
}

/// `value` as compact JSON in ASCII only.
pub fn to_ascii_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    write_ascii_json(value, &mut out)?;
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// [`to_ascii_json`], written to `out` and flushed: every byte is ASCII,
/// so any cut of the output falls between two characters.
pub fn write_ascii_json<T: Serialize + ?Sized, W: Write>(value: &T, out: W) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, AsciiFormatter);
    value.serialize(&mut ser)?;
    ser.into_inner().flush().map_err(serde_json::Error::io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn reads_back_as_the_plain_json_and_is_ascii() {
        let v = json!({
            "vi": "Đoàn ra: 40 đoàn, thủy sản — “hợp tác” ½",
            "emoji": "😀 x 𝔘",
            "escapes": "quote \" backslash \\ tab \t nl \n nul \u{0}",
            "kéy": ["ASCII only", "", "ẫ", 1.5, null, true],
        });
        let ascii = to_ascii_json(&v).expect("json");
        assert!(ascii.is_ascii(), "{ascii}");
        assert_eq!(serde_json::from_str::<Value>(&ascii).expect("parse"), v);
        assert!(ascii.contains(r"\u0110o\u00e0n ra") && ascii.contains(r"\ud83d\ude00"), "{ascii}");
        // Only string contents change: ASCII text gives the plain output.
        let plain = json!({"a": [1, "b c", {"d": false}]});
        assert_eq!(to_ascii_json(&plain).expect("json"), serde_json::to_string(&plain).expect("json"));
    }

    #[test]
    fn written_json_is_the_string_and_flushed_at_the_end() {
        #[derive(Default)]
        struct Recorder {
            bytes: Vec<u8>,
            flushed_at: Vec<usize>,
        }
        impl Write for &mut Recorder {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.bytes.extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                self.flushed_at.push(self.bytes.len());
                Ok(())
            }
        }
        let v = json!({"vi": "Đoàn ra: 40 đoàn", "n": [1, 2.5, null]});
        let mut rec = Recorder::default();
        write_ascii_json(&v, &mut rec).expect("write");
        assert_eq!(rec.flushed_at, [rec.bytes.len()]);
        assert_eq!(String::from_utf8(rec.bytes).ok(), to_ascii_json(&v).ok());
    }

    proptest::proptest! {
        #[test]
        fn any_string_reads_back(s in "\\PC{0,120}") {
            let ascii = to_ascii_json(&s).expect("json");
            proptest::prop_assert!(ascii.is_ascii());
            proptest::prop_assert_eq!(serde_json::from_str::<String>(&ascii).expect("parse"), s);
        }
    }
}
