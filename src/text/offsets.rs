//! The map from normalized text back to the caller's original string.
//!
//! Normalization copies most of the input unchanged and rewrites a few
//! pieces (an entity, a decomposed letter, a tag that becomes a paragraph
//! break). The map stores that as segments: a *linear* segment maps byte for
//! byte, an *atomic* one maps any position inside it to the whole original
//! piece, so a span never starts or ends inside a rewritten piece. Lookups are
//! binary searches; the map holds one segment per run, not one per byte.

/// One run of normalized text and the original bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    norm: u32,
    orig: u32,
    norm_len: u32,
    orig_len: u32,
    linear: bool,
}

/// Normalized byte offsets → original byte offsets.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segs: Vec<Segment>,
}

impl OffsetMap {
    /// Records that `norm_len` bytes of normalized text starting at `norm`
    /// came from `orig_len` bytes of the original at `orig`. `linear` means
    /// the bytes are identical, so positions inside map one to one.
    pub(crate) fn push(&mut self, norm: usize, orig: usize, norm_len: usize, orig_len: usize, linear: bool) {
        if norm_len == 0 {
            return;
        }
        let (norm, orig, norm_len, orig_len) = (norm as u32, orig as u32, norm_len as u32, orig_len as u32);
        if linear {
            if let Some(last) = self.segs.last_mut() {
                if last.linear && last.norm + last.norm_len == norm && last.orig + last.orig_len == orig {
                    last.norm_len += norm_len;
                    last.orig_len += orig_len;
                    return;
                }
            }
        }
        self.segs.push(Segment { norm, orig, norm_len, orig_len, linear });
    }

    fn find(&self, pos: u32) -> Option<&Segment> {
        let i = self.segs.partition_point(|s| s.norm <= pos);
        if i == 0 {
            return None;
        }
        self.segs.get(i - 1)
    }

    /// Whether the normalized byte at `pos` is a verbatim copy of the original.
    pub(crate) fn is_linear_at(&self, pos: usize) -> bool {
        self.find(pos as u32).is_some_and(|s| s.linear)
    }

    /// Maps a normalized span `[start, end)` to the original. Spans must be
    /// non-empty and lie on character boundaries of the normalized text.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let (s, e) = (start as u32, end.max(start + 1) as u32);
        let os = match self.find(s) {
            Some(seg) if seg.linear => seg.orig + (s - seg.norm),
            Some(seg) => seg.orig,
            None => 0,
        };
        let oe = match self.find(e - 1) {
            Some(seg) if seg.linear => seg.orig + (e - seg.norm),
            Some(seg) => seg.orig + seg.orig_len,
            None => os,
        };
        (os as usize, (oe.max(os)) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_runs_merge_and_atomic_pieces_map_whole() {
        let mut m = OffsetMap::default();
        // "ab" copied, "&amp;" (5 bytes) → "&" (1 byte), "cd" copied.
        m.push(0, 0, 2, 2, true);
        m.push(2, 2, 1, 5, false);
        m.push(3, 7, 2, 2, true);
        assert_eq!(m.to_original(0, 2), (0, 2));
        assert_eq!(m.to_original(2, 3), (2, 7));
        assert_eq!(m.to_original(1, 4), (1, 8));
        assert_eq!(m.to_original(3, 5), (7, 9));
    }
}
