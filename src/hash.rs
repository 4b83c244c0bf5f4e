//! A fast hash of short byte strings, for the open tables of the lexicon's
//! trie and of the report tape's repeated strings. Every user compares the
//! bytes behind a matching hash, so a collision is only slower.

/// A hash of a short byte string (the multiply-rotate of rustc's FxHash,
/// eight bytes at a time): tokens and report strings are a few bytes long,
/// and a collision costs a comparison, never a wrong answer, so a fast hash
/// with no seed is enough. Its high bits mix every byte; its low bits, for
/// a string of up to eight bytes, only the first two. The last bytes are
/// read as two overlapping words, not copied into a buffer, which the
/// processor could not forward to the read that follows.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let word8 = |b: &[u8]| <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes);
    let word4 = |b: &[u8]| <[u8; 4]>::try_from(b).map_or(0, |w| u64::from(u32::from_le_bytes(w)));
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(26) ^ word8(c)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    let n = rest.len();
    let tail = match n {
        0 => return h,
        4.. => word4(&rest[..4]) | word4(&rest[n - 4..]) << 32,
        _ => u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16,
    };
    (h.rotate_left(26) ^ tail).wrapping_mul(K)
}

/// Whether two short byte strings are equal, compared inline eight bytes
/// at a time: in the WASM, `==` on slices calls `memcmp`, whose call and
/// setup cost more than comparing a token or a label.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word8 = |c: &[u8]| <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    if !x.by_ref().zip(y.by_ref()).all(|(c, d)| word8(c) == word8(d)) {
        return false;
    }
    x.remainder().iter().zip(y.remainder()).all(|(c, d)| c == d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_is_equality() {
        let words: Vec<String> = (0..20).map(|n| "đoàn".repeat(n / 4) + &"a".repeat(n % 4)).collect();
        for a in &words {
            for b in &words {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
            for i in 0..a.len() {
                let mut other = a.clone().into_bytes();
                other[i] ^= 1;
                assert!(!same_bytes(a.as_bytes(), &other), "{a:?} byte {i}");
            }
        }
    }

    #[test]
    fn hashes_read_every_byte_of_short_tokens() {
        // The tail is read as overlapping words: every byte must count.
        for len in 1..=20usize {
            let base: Vec<u8> = (0..len as u8).map(|b| b'a' + b).collect();
            for i in 0..len {
                let mut other = base.clone();
                other[i] ^= 1;
                assert_ne!(hash_bytes(&base), hash_bytes(&other), "len {len}, byte {i}");
            }
        }
    }
}
