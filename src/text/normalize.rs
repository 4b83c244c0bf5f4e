//! One normalization pass: the text the rules read, and a map back to the
//! caller's original string.
//!
//! What it does, in order, for each character: HTML decoding (when the input
//! is HTML), line endings, every kind of space and invisible character,
//! smart quotes, dashes, Markdown emphasis, footnote marks, combining
//! marks stacked beyond 30 on a letter; then, line by
//! line: NFC composition of decomposed letters, the new-style tone-mark
//! placement (hoà → hòa, thuỷ → thủy), glued syllables split ("đoànra" →
//! "đoàn ra"), runs of spaces collapsed, and lines broken in the middle of a
//! sentence joined again.
//!
//! What it does not do: change letters, digits or punctuation that rules
//! read (numbers stay as written), or lowercase — [`Normalized::lower`] is a
//! lowercased copy with the same byte layout for case-insensitive matching.

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::html;
use super::offsets::OffsetMap;

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text (Markdown emphasis and footnote marks are tolerated).
    Text,
    /// HTML: tags removed, entities decoded.
    Html,
    /// HTML when a known tag appears, text otherwise.
    #[default]
    Auto,
}

impl Format {
    /// Parses `"text"`, `"html"` or `"auto"`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "html" => Some(Format::Html),
            "auto" => Some(Format::Auto),
            _ => None,
        }
    }
}

/// A character of the normalized text and the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub ch: char,
    start: u32,
    len: u32,
    /// The original bytes are exactly `ch` in UTF-8.
    copy: bool,
}

impl Item {
    pub(crate) fn copy(ch: char, start: usize) -> Item {
        Item { ch, start: start as u32, len: ch.len_utf8() as u32, copy: true }
    }
    pub(crate) fn atomic(ch: char, start: usize, len: usize) -> Item {
        Item { ch, start: start as u32, len: len as u32, copy: false }
    }
    fn replaced(self, ch: char) -> Item {
        Item { ch, copy: false, ..self }
    }
    /// `ch`, read at `start`, written as `out`: a copy when cleaning kept it.
    fn cleaned(ch: char, out: char, start: usize) -> Item {
        let it = Item::copy(ch, start);
        if out == ch { it } else { it.replaced(out) }
    }
    fn end(&self) -> u32 {
        self.start + self.len
    }
}

/// Normalized text with its map to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The text the rules read.
    pub text: String,
    /// `text` lowercased character by character where that keeps the byte
    /// length (all Vietnamese letters do), so offsets are shared.
    pub lower: String,
    /// Whether the input was read as HTML.
    pub html: bool,
    map: OffsetMap,
}

impl Normalized {
    /// The original byte span of a normalized byte span.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        self.map.to_original(start, end)
    }
}

/// Normalizes `input`, read as `format`.
pub fn normalize(input: &str, format: Format) -> Normalized {
    normalize_with(input, format, true)
}

/// [`normalize`], with the restoration of diacritics optional (the
/// restoration's own tables are normalized without it).
pub(crate) fn normalize_with(input: &str, format: Format, restore: bool) -> Normalized {
    let html = match format {
        Format::Html => true,
        Format::Text => false,
        Format::Auto => html::looks_like_html(input),
    };
    let mut n = Normalizer::new(input.len());
    if html {
        html::decode(input, |it| n.feed(it));
    } else {
        n.feed_text(input);
    }
    n.finish(html, restore)
}

/// [`Normalizer::feed`]'s cleaning of one character inside a line, `prev`
/// being the last character kept: `None` when it is dropped.
fn clean_in_line(ch: char, prev: char) -> Option<char> {
    if ch.is_ascii() && ch != '*' && ch != '`' && !ch.is_ascii_control() {
        return Some(ch);
    }
    match ch {
        // The Latin letters Vietnamese is written in: kept, and most of
        // the text outside ASCII.
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => Some(ch),
        '²' | '³' if prev == 'm' => Some(ch),
        c => match clean_char(c) {
            Clean::Keep => Some(c),
            Clean::Drop => None,
            Clean::To(c) => Some(c),
        },
    }
}

/// Latin below the combining marks (U+0300) and the precomposed Latin of
/// U+1E00–U+1EFF, where Vietnamese letters live: all NFC already.
fn plain_nfc(c: char) -> bool {
    (c as u32) < 0x300 || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Printable ASCII that [`clean_in_line`] keeps as it stands: everything
/// from the space to `~` but `*` and `` ` ``.
#[inline]
fn is_plain_ascii(b: u8) -> bool {
    (b' '..=b'~').contains(&b) && b != b'*' && b != b'`'
}

/// The first characters [`Normalizer::line_fast`] writes of `line`, `prev`
/// being the last character kept before it: what [`Normalizer::write_breaks`]
/// reads to tell a continued sentence from a new line.
fn line_head(line: &str, prev: char) -> String {
    let mut scan = LineScan::new(prev);
    line.chars()
        .filter_map(|ch| {
            let out = clean_in_line(ch, scan.prev)?;
            scan.prev = out;
            scan.written(out, 0, out).then_some(out)
        })
        .take(8)
        .collect()
}

/// What [`Normalizer::line_fast`] writes of a line other than its bytes as
/// they stand, at byte `at` of the line: the first pass notes these, and the
/// line is then written as the runs between them, copied whole.
#[derive(Debug, Clone, Copy)]
enum Change {
    /// The character `ch` there is left out (an invisible character, a
    /// space collapsed into the one before it, a space opening or ending the line).
    Drop { at: usize, ch: char },
    /// The character `ch` there is written as `out` (a quote, a dash, a
    /// no-break space).
    Replace { at: usize, ch: char, out: char },
}

impl Change {
    fn at(self) -> usize {
        match self {
            Change::Drop { at, .. } | Change::Replace { at, .. } => at,
        }
    }
}

/// The first pass of [`Normalizer::line_fast`]: whether the line may take
/// that path, and what is written of it other than its bytes.
struct LineScan {
    /// The last character kept (for "m²").
    prev: char,
    /// The characters dropped or replaced and the spaces collapsed, in order.
    changes: Vec<Change>,
    /// Whether a character has been written, and whether the last one is a space.
    any_out: bool,
    last_space: bool,
    /// Where the last space written is, and which character it was.
    last_space_at: (usize, char),
    word: WordScan,
    /// The byte ranges of the words a tone move or a syllable split
    /// rewrites, in order: written one by one in the second pass.
    rewritten: Vec<(usize, usize)>,
}

impl LineScan {
    fn new(prev: char) -> LineScan {
        LineScan { prev, changes: Vec::new(), any_out: false, last_space: false, last_space_at: (0, ' '), word: WordScan::default(), rewritten: Vec::new() }
    }

    /// Whether the line is written as it stands.
    fn verbatim(&self) -> bool {
        self.changes.is_empty() && self.rewritten.is_empty() && !self.last_space
    }

    /// Ends the line: a space written last ends it and is dropped.
    fn finish(&mut self, line: &str) {
        self.end_word(line);
        if self.last_space {
            let (at, ch) = self.last_space_at;
            // Changes after it are later characters dropped; a replaced
            // no-break space there is dropped instead.
            let k = self.changes.iter().rposition(|c| c.at() <= at).map_or(0, |k| k + 1);
            match self.changes.get(k.wrapping_sub(1)) {
                Some(c) if c.at() == at => self.changes[k - 1] = Change::Drop { at, ch },
                _ => self.changes.insert(k, Change::Drop { at, ch }),
            }
        }
    }

    /// Reads `ch`, at byte `i` of `line`: false when the line needs the
    /// per-character path.
    fn read(&mut self, line: &str, i: usize, ch: char) -> bool {
        let Some(out) = clean_in_line(ch, self.prev) else {
            self.changes.push(Change::Drop { at: i, ch });
            return true;
        };
        if out == '\n' {
            // A form feed: a line break for `Normalizer::feed`.
            return false;
        }
        self.prev = out;
        // A character that is NFC by itself and starts no combining
        // sequence leaves the line NFC; any other may need composing.
        if !ch.is_ascii()
            && !plain_nfc(out)
            && (canonical_combining_class(out) != 0 || is_nfc_quick(std::iter::once(out)) != IsNormalized::Yes)
        {
            return false;
        }
        if crate::text::is_letter(out) {
            self.word.push(i, out);
        } else {
            self.end_word(line);
        }
        if self.written(out, i, ch) && out != ch {
            self.changes.push(Change::Replace { at: i, ch, out });
        }
        true
    }

    /// [`Self::read`] for an ASCII letter.
    #[inline]
    fn ascii_letter(&mut self, i: usize, b: u8) {
        self.prev = b as char;
        self.word.push_ascii(i, b);
        self.any_out = true;
        self.last_space = false;
    }

    /// [`Self::read`] for a letter [`crate::text::latin_letter_at`] reads:
    /// kept as it is, NFC by itself, a letter.
    #[inline]
    fn latin_letter(&mut self, i: usize, c: char) {
        self.prev = c;
        self.word.push(i, c);
        self.any_out = true;
        self.last_space = false;
    }

    /// [`Self::read`] for the other printable ASCII ([`is_plain_ascii`]).
    #[inline]
    fn ascii_other(&mut self, line: &str, i: usize, b: u8) {
        self.prev = b as char;
        self.end_word(line);
        self.written(b as char, i, b as char);
    }

    /// Ends the word being read, if any, noting it when it is rewritten.
    #[inline]
    fn end_word(&mut self, line: &str) {
        if self.word.letters > 0 {
            if self.word.is_rewritten(line) {
                self.rewritten.push((self.word.start, self.word.end));
            }
            self.word = WordScan::default();
        }
    }

    /// `out` is kept of `ch` at byte `at`: whether it is written, a space
    /// that opens the line or follows another being collapsed.
    #[inline]
    fn written(&mut self, out: char, at: usize, ch: char) -> bool {
        if out == ' ' {
            if !self.any_out || self.last_space {
                self.changes.push(Change::Drop { at, ch });
                return false;
            }
            self.last_space_at = (at, ch);
        }
        self.any_out = true;
        self.last_space = out == ' ';
        true
    }
}

/// A word as [`Normalizer::line_fast`] reads it, letter by letter: enough
/// to rule out, for nearly every word, that it would be rewritten.
#[derive(Default)]
struct WordScan {
    start: usize,
    end: usize,
    letters: usize,
    wide: bool,
    /// Vowel groups, counted plainly: at least as many as
    /// `glued_split_in` counts, so a word with one is never split.
    groups: usize,
    in_vowel: bool,
    last_two: [char; 2],
}

impl WordScan {
    #[inline(always)]
    fn push(&mut self, at: usize, c: char) {
        self.push_letter(at, c, c.len_utf8(), is_vowel(c));
        self.wide |= !c.is_ascii();
    }

    /// [`Self::push`] for an ASCII letter.
    #[inline]
    fn push_ascii(&mut self, at: usize, b: u8) {
        // a, e, i, o, u and y, the ASCII letters `is_vowel` answers yes to,
        // as bits counted from 'a'.
        const VOWEL_BITS: u32 = 1 | 1 << (b'e' - b'a') | 1 << (b'i' - b'a') | 1 << (b'o' - b'a') | 1 << (b'u' - b'a') | 1 << (b'y' - b'a');
        let vowel = b.checked_sub(b'a').is_some_and(|k| k < 26 && VOWEL_BITS >> k & 1 == 1);
        self.push_letter(at, b as char, 1, vowel);
    }

    #[inline]
    fn push_letter(&mut self, at: usize, c: char, len: usize, vowel: bool) {
        if self.letters == 0 {
            self.start = at;
        }
        self.letters += 1;
        self.end = at + len;
        self.groups += usize::from(vowel && !self.in_vowel);
        self.in_vowel = vowel;
        self.last_two = [self.last_two[1], c];
    }

    /// Whether the word, now ended, would be rewritten (`line` holds it).
    fn is_rewritten(&self, line: &str) -> bool {
        let [first, second] = self.last_two;
        let tone_may_move = self.letters >= 2 && !second.is_ascii() && matches!(first, 'o' | 'O' | 'u' | 'U');
        let may_split = self.wide && self.groups >= 2 && (4..=GLUED_MAX).contains(&self.letters);
        (tone_may_move || may_split) && line.get(self.start..self.end).is_some_and(word_is_rewritten)
    }
}

/// Whether [`fix_tone_placement`] or [`split_glued_syllables`] would change
/// a word: its letters are the letters of `word` (which may hold dropped
/// marks between them).
fn word_is_rewritten(word: &str) -> bool {
    let mut buf = ['\0'; GLUED_MAX];
    let mut tail = ['\0'; 3];
    let mut n = 0;
    for c in word.chars().filter(|&c| crate::text::is_letter(c)) {
        if n < GLUED_MAX {
            buf[n] = c;
        }
        tail = [tail[1], tail[2], c];
        n += 1;
    }
    let before = if n >= 3 { Some(tail[0]) } else { None };
    (n >= 2 && tone_moves(before, tail[1], tail[2])) || (n <= GLUED_MAX && glued_split_in(&buf[..n]).is_some())
}

/// What [`clean_char`] does with one character.
#[derive(Debug, PartialEq, Eq)]
enum Clean {
    Keep,
    Drop,
    To(char),
}

fn clean_char(ch: char) -> Clean {
    match ch {
        '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{0b}' | '\u{85}' => {
            Clean::To(' ')
        }
        '\u{0c}' | '\u{2028}' | '\u{2029}' => Clean::To('\n'),
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}' => Clean::Drop,
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => Clean::To('"'),
        '‘' | '’' | '‚' | '‛' | '′' | '`' => Clean::To('\''),
        '–' | '—' | '‐' | '‑' | '‒' | '−' | '―' | '﹣' | '－' => Clean::To('-'),
        // Markdown emphasis (`*x*`, `**x**`) and bullets.
        '*' => Clean::Drop,
        // Footnote marks; ² and ³ after "m" are units and handled by the caller.
        '⁽' | '⁾' | '¹' | '²' | '³' | '⁰' | '⁴'..='⁹' => Clean::Drop,
        c if c.is_control() && c != '\n' && c != '\r' => Clean::To(' '),
        _ => Clean::Keep,
    }
}

/// At most 30 marks of nonzero combining class in a row: more are
/// dropped. It is the bound of Unicode's stream-safe format (UAX #15),
/// which breaks a longer run where this drops the rest; Vietnamese needs
/// two. Without it a run of such marks is one combining sequence that
/// composition holds, reorders and maps whole however long it is. Marks of
/// class 0 (U+20DD, spacing marks) are not counted and end a run: they are
/// never reordered, and the line fast path, which never sees a mark of
/// nonzero class, writes them as it finds them, so counting them here
/// would make the two paths differ.
const MAX_MARKS_IN_ROW: usize = 30;

/// A line on the per-character path is written in pieces once it holds
/// this many characters, each piece ending at a space followed by a
/// character that starts a word (see [`Normalizer::feed`]): prose never
/// holds more than a piece, while a line with no such space stays whole.
const LINE_PIECE: usize = 4096;

struct Normalizer {
    text: String,
    map: OffsetMap,
    line: Vec<Item>,
    /// Combining marks just kept, in a row (see [`MAX_MARKS_IN_ROW`]).
    marks_in_row: usize,
    /// [`LINE_PIECE`]; smaller in tests, to cut lines everywhere.
    piece: usize,
    scratch: Vec<Item>,
    compose: String,
    prev: char,
    last_was_cr: bool,
    /// Newlines seen after the last non-empty line, not yet written.
    pending_breaks: Vec<Item>,
}

impl Normalizer {
    fn new(cap: usize) -> Normalizer {
        Normalizer {
            text: String::with_capacity(cap),
            map: OffsetMap::default(),
            line: Vec::new(),
            marks_in_row: 0,
            piece: LINE_PIECE,
            scratch: Vec::new(),
            compose: String::new(),
            prev: '\n',
            last_was_cr: false,
            pending_breaks: Vec::new(),
        }
    }

    fn feed(&mut self, it: Item) {
        let was_cr = std::mem::replace(&mut self.last_was_cr, it.ch == '\r');
        // "\r\n" is one line break: widen the "\r" already pending.
        if it.ch == '\n' && was_cr {
            if let Some(last) = self.pending_breaks.last_mut() {
                last.len = it.end() - last.start;
                last.copy = false;
            }
            return;
        }
        let it = match it.ch {
            '\r' => it.replaced('\n'),
            '²' | '³' if self.prev == 'm' => it,
            c => match clean_char(c) {
                Clean::Keep => it,
                Clean::Drop => return,
                Clean::To(c) => it.replaced(c),
            },
        };
        if it.ch >= '\u{300}' && canonical_combining_class(it.ch) != 0 {
            self.marks_in_row += 1;
            if self.marks_in_row > MAX_MARKS_IN_ROW {
                return;
            }
        } else {
            self.marks_in_row = 0;
        }
        self.prev = it.ch;
        if it.ch == '\n' {
            self.end_line();
            self.pending_breaks.push(it);
            return;
        }
        // A long line is written up to a space followed by a character that
        // starts a word or a mark: every line-level rule (composition, tone
        // placement, syllable splits, space collapsing) reads the two sides
        // of such a cut apart anyway, so the pieces give the whole line's text.
        if self.line.len() >= self.piece
            && it.ch != ' '
            && !is_combining_mark(it.ch)
            && self.line.last().is_some_and(|last| last.ch == ' ')
        {
            self.write_line(true);
        }
        self.line.push(it);
    }

    /// Plain text, a line at a time: a line that needs none of the
    /// per-character rewrites is copied as one run (see [`Self::line_fast`]);
    /// the others, and every line break, go through [`Self::feed`]. Lines
    /// are cut at \n, \r, U+2028 and U+2029, found with `memchr`; a form
    /// feed, the rarest break, sends its line down the per-character path.
    fn feed_text(&mut self, input: &str) {
        let bytes = input.as_bytes();
        let mut start = 0;
        let mut from = 0;
        while let Some(found) = bytes.get(from..).and_then(|rest| memchr::memchr3(b'\n', b'\r', 0xe2, rest)) {
            let i = from + found;
            from = i + 1;
            let width = match bytes[i] {
                b'\n' | b'\r' => 1,
                _ if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) => 3,
                // Another character of U+2000–U+2FFF (quotes, dashes).
                _ => continue,
            };
            self.feed_line(&input[start..i], start);
            if let Some(ch) = input[i..].chars().next() {
                self.feed(Item::copy(ch, i));
            }
            start = i + width;
            from = start;
        }
        self.feed_line(&input[start..], start);
    }

    /// One line of plain text, without its break.
    fn feed_line(&mut self, line: &str, base: usize) {
        if line.is_empty() {
            return;
        }
        if self.line.is_empty() && self.line_fast(line, base) {
            return;
        }
        for (i, ch) in line.char_indices() {
            self.feed(Item::copy(ch, base + i));
        }
    }

    /// Writes a line whose characters [`clean_char`] keeps or replaces one
    /// for one and which needs no composition — most lines — straight into
    /// the text, runs of copied bytes as one piece; a word whose tone moves
    /// or whose syllables are split is rewritten alone (see
    /// [`Self::write_rewritten`]). Returns false, having written nothing,
    /// for any other line.
    /// The output is exactly what [`Self::feed`] and [`Self::end_line`]
    /// would give. Printable ASCII, most of the bytes, is read without
    /// decoding a character.
    fn line_fast(&mut self, line: &str, base: usize) -> bool {
        // First pass: can the line take this path, and is it written as it
        // stands?
        let bytes = line.as_bytes();
        let mut scan = LineScan::new(self.prev);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let read = if b.is_ascii_alphabetic() {
                scan.ascii_letter(i, b);
                true
            } else if is_plain_ascii(b) {
                scan.ascii_other(line, i, b);
                true
            } else if let Some((ch, len)) = crate::text::latin_letter_at(line, i) {
                scan.latin_letter(i, ch);
                i += len - 1;
                true
            } else if let Some(ch) = line.get(i..).and_then(|rest| rest.chars().next()) {
                let read = scan.read(line, i, ch);
                i += ch.len_utf8() - 1;
                read
            } else {
                break;
            };
            if !read {
                return false;
            }
            i += 1;
        }
        scan.finish(line);
        self.last_was_cr = false;
        if !scan.any_out {
            // Nothing but spaces and dropped characters: an empty line.
            self.prev = scan.prev;
            return true;
        }
        let start_prev = self.prev;
        self.write_breaks(|| line_head(line, start_prev));
        self.prev = scan.prev;
        if scan.verbatim() {
            let at = self.text.len();
            self.text.push_str(line);
            self.map.push(at, base, line.len(), line.len(), true);
            return true;
        }
        // Second pass: the runs between the changes copied whole, the
        // changes and the rewritten words between them.
        let mut run = (base, base);
        let mut copied = 0;
        let (mut changes, mut words) = (scan.changes.iter().peekable(), scan.rewritten.iter().peekable());
        loop {
            let next_word = words.peek().map(|w| w.0);
            let next_change = changes.peek().map(|c| c.at());
            let Some(at) = next_word.into_iter().chain(next_change).min() else { break };
            self.copy_in_run(&mut run, line, base, base + copied, base + at);
            if next_word == Some(at) {
                let word = words.next().copied().unwrap_or((at, at));
                // The word is written from its bytes, dropped characters and all;
                // `prev` only tells "m²", and ² ends a word.
                self.write_rewritten(&mut run, line, base, word, ' ');
                while changes.next_if(|c| c.at() < word.1).is_some() {}
                copied = word.1;
                continue;
            }
            let Some(change) = changes.next() else { break };
            match *change {
                Change::Drop { at, ch } => copied = at + ch.len_utf8(),
                Change::Replace { at, ch, out } => {
                    self.write_in_run(&mut run, line, base, Item::cleaned(ch, out, base + at));
                    copied = at + ch.len_utf8();
                }
            }
        }
        self.copy_in_run(&mut run, line, base, base + copied, base + line.len());
        self.write_run(run, line, base);
        true
    }

    /// Grows `run` (a range of original bytes still to be copied) by the
    /// original bytes `from..to`, which the text keeps as they stand.
    #[inline]
    fn copy_in_run(&mut self, run: &mut (usize, usize), line: &str, base: usize, from: usize, to: usize) {
        if from >= to {
            return;
        }
        if run.1 == from {
            run.1 = to;
        } else {
            self.write_run(*run, line, base);
            *run = (from, to);
        }
    }

    /// Writes the word at bytes `start..end` of `line` as [`Self::end_line`]
    /// would: its letters (dropped characters left out) with the tone moved
    /// and glued syllables split. Returns the last character kept, `prev`
    /// being the one before the word.
    fn write_rewritten(&mut self, run: &mut (usize, usize), line: &str, base: usize, (start, end): (usize, usize), mut prev: char) -> char {
        // The per-character path's buffer, empty on this path, holds the word.
        let mut word = std::mem::take(&mut self.line);
        for (k, ch) in line.get(start..end).unwrap_or_default().char_indices() {
            let Some(out) = clean_in_line(ch, prev) else { continue };
            prev = out;
            let at = base + start + k;
            word.push(Item::cleaned(ch, out, at));
        }
        fix_tone_placement(&mut word);
        split_glued_syllables(&mut word, &mut self.scratch);
        for it in word.drain(..) {
            self.write_in_run(run, line, base, it);
        }
        self.line = word;
        prev
    }

    /// Writes `it`, growing `run` (a range of original bytes still to be
    /// copied) when it is a copy that continues it.
    #[inline]
    fn write_in_run(&mut self, run: &mut (usize, usize), line: &str, base: usize, it: Item) {
        if it.copy && run.1 == it.start as usize {
            run.1 = it.end() as usize;
            return;
        }
        self.write_run(*run, line, base);
        if it.copy {
            *run = (it.start as usize, it.end() as usize);
        } else {
            self.write(it);
            *run = (it.end() as usize, it.end() as usize);
        }
    }

    /// Copies original bytes `run` of `line` (which starts at `base`).
    fn write_run(&mut self, (start, end): (usize, usize), line: &str, base: usize) {
        if end > start {
            let at = self.text.len();
            self.text.push_str(&line[start - base..end - base]);
            self.map.push(at, start, end - start, end - start, true);
        }
    }

    fn end_line(&mut self) {
        self.write_line(false);
    }

    /// Writes the characters of the line held so far, through the
    /// line-level rules; `goes_on` when this is a piece of a longer line
    /// that ends with a space before more text (see [`Self::feed`]).
    fn write_line(&mut self, goes_on: bool) {
        if self.line.is_empty() {
            return;
        }
        let mut line = std::mem::take(&mut self.line);
        compose_nfc(&mut line, &mut self.scratch, &mut self.compose);
        fix_tone_placement(&mut line);
        split_glued_syllables(&mut line, &mut self.scratch);
        collapse_spaces(&mut line, &mut self.scratch, goes_on);
        if !line.is_empty() {
            self.write_breaks(|| line.iter().take(8).map(|it| it.ch).collect());
            for it in &line {
                self.write(*it);
            }
        }
        line.clear();
        self.line = line;
    }

    /// Writes the newlines before a line: one space when the line continues
    /// the previous one's sentence (a page break), else at most one blank line.
    /// `head` gives the start of the line (its first characters as written
    /// out); it is only called when there are breaks to write.
    fn write_breaks(&mut self, head: impl FnOnce() -> String) {
        let breaks = std::mem::take(&mut self.pending_breaks);
        if self.text.is_empty() || breaks.is_empty() {
            return;
        }
        let next_line = head();
        let next = next_line.chars().next().unwrap_or(' ');
        let last = self.text.chars().next_back().unwrap_or('.');
        let line_start = self.text.rfind('\n').map_or(0, |k| k + 1);
        let continues = breaks.len() <= 2
            && next.is_lowercase()
            && (crate::text::is_letter_or_digit(last) || last == ',')
            && !self.text.ends_with('\n')
            && !starts_with_marker(&self.text[line_start..])
            && !starts_with_marker(&next_line);
        if continues {
            let first = breaks[0];
            let end = breaks[breaks.len() - 1].end();
            self.write(Item::atomic(' ', first.start as usize, (end - first.start) as usize));
        } else {
            for it in breaks.iter().take(2) {
                self.write(*it);
            }
        }
    }

    /// Text typed without diacritics gets them back where the tables know
    /// the phrase ("doan ra" → "đoàn ra"); see [`super::restore`].
    fn restore_marks(&mut self) {
        let found = super::restore::restorations(&self.text);
        if found.is_empty() {
            return;
        }
        let (old_text, old_map) = (std::mem::take(&mut self.text), std::mem::take(&mut self.map));
        let mut next = found.iter().peekable();
        for (i, ch) in old_text.char_indices() {
            let end = i + ch.len_utf8();
            let (os, oe) = old_map.to_original(i, end);
            let restored = next.next_if(|(at, _)| *at == i).map(|&(_, c)| c);
            let linear = restored.is_none() && old_map.is_linear_at(i);
            let ch = restored.unwrap_or(ch);
            let at = self.text.len();
            self.text.push(ch);
            self.map.push(at, os, ch.len_utf8(), oe - os, linear);
        }
    }

    fn write(&mut self, it: Item) {
        let at = self.text.len();
        self.text.push(it.ch);
        self.map.push(at, it.start as usize, it.ch.len_utf8(), it.len as usize, it.copy);
    }

    fn finish(mut self, html: bool, restore: bool) -> Normalized {
        self.end_line();
        if restore {
            self.restore_marks();
        }
        let lower = lowercase_same_layout(&self.text);
        Normalized { text: self.text, lower, html, map: self.map }
    }
}

/// Whether a line opens with a list or section marker ("2.1.", "a)", "-"):
/// such a line is a heading or an item, never the rest of a sentence.
fn starts_with_marker(line: &str) -> bool {
    let token = line.split(' ').next().unwrap_or("");
    if matches!(token, "-" | "+" | "•" | "–") {
        return true;
    }
    let body = token.trim_end_matches(['.', ')', '-']);
    token.len() > body.len()
        && !body.is_empty()
        && body.split('.').all(|p| !p.is_empty() && (p.chars().all(|c| c.is_ascii_digit()) || p.chars().all(|c| "IVXLC".contains(c)) || (p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase()))))
}

/// Lowercases each character whose lowercase has the same UTF-8 length.
pub fn lowercase_same_layout(text: &str) -> String {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut out = String::with_capacity(text.len());
    // Copied in runs that only a capital outside ASCII breaks; ASCII is
    // lowered in place at the end.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The lead bytes of two- to four-byte characters (0b11xx_xxxx) of
        // the next eight bytes, as the high bits of a word: most of the
        // text's bytes are never looked at one by one.
        let w = match bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            Some(word) => u64::from_le_bytes(word),
            // The last bytes, shifted in one at a time (no copy to a buffer).
            None => bytes.get(i..).unwrap_or_default().iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)),
        };
        let mut leads = w & (w << 1) & HIGH;
        while leads != 0 {
            let at = i + (leads.trailing_zeros() / 8) as usize;
            leads &= leads - 1;
            // The small letters most Vietnamese text is made of, told from the
            // bytes: U+00E0–U+00FF (C3 A0–BF), ă đ ĩ ũ ơ ư, and the odd code
            // points of U+1E00–U+1EFF (E1 B8–BB, odd last byte). `lowercase_of`
            // leaves them.
            match (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2)) {
                (Some(0xc3), Some(0xa0..=0xbf), _) | (Some(0xc4), Some(0x83 | 0x91 | 0xa9), _) | (Some(0xc5), Some(0xa9), _) | (Some(0xc6), Some(0xa1 | 0xb0), _) => continue,
                (Some(0xe1), Some(0xb8..=0xbb), Some(last)) if last & 1 == 1 => continue,
                _ => {}
            }
            let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else { continue };
            if let Some(lower) = lowercase_of(ch) {
                out.push_str(&text[run..at]);
                out.push(lower);
                run = at + ch.len_utf8();
            }
        }
        i += 8;
    }
    out.push_str(&text[run..]);
    out.make_ascii_lowercase();
    out
}

/// The lowercase of a non-ASCII capital when it is one character of the
/// same UTF-8 length. Latin-1, the Vietnamese letters of Latin Extended-A
/// and -B (ă đ ĩ ũ ơ ư) and the Vietnamese block are read directly.
fn lowercase_of(ch: char) -> Option<char> {
    let c = ch as u32;
    match c {
        0xc0..=0xde if c != 0xd7 => char::from_u32(c + 0x20),
        // Capital and small in turn, capitals even; U+1E96–U+1E9F are not pairs.
        0x1e00..=0x1e95 | 0x1ea0..=0x1eff if c % 2 == 0 => char::from_u32(c + 1),
        // Latin Extended-A where it pairs capitals (even) with smalls.
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if c % 2 == 0 => char::from_u32(c + 1),
        0x1a0 | 0x1af => char::from_u32(c + 1),
        0x1e00..=0x1eff | 0xdf..=0xff | 0x101..=0x12f | 0x133..=0x137 | 0x14b..=0x177 | 0x1a1 | 0x1b0 => None,
        _ => {
            let mut lower = ch.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != ch && l.len_utf8() == ch.len_utf8() => Some(l),
                _ => None,
            }
        }
    }
}

/// Composes decomposed letters (NFD → NFC). A composed letter maps to all of
/// its original pieces.
fn compose_nfc(line: &mut Vec<Item>, scratch: &mut Vec<Item>, buf: &mut String) {
    if line.iter().all(|it| plain_nfc(it.ch)) || is_nfc_quick(line.iter().map(|it| it.ch)) == IsNormalized::Yes {
        return;
    }
    scratch.clear();
    let mut i = 0;
    while i < line.len() {
        let mut j = i + 1;
        while j < line.len() && is_combining_mark(line[j].ch) {
            j += 1;
        }
        if j - i == 1 && line[i].ch.is_ascii() {
            scratch.push(line[i]);
        } else {
            buf.clear();
            buf.extend(line[i..j].iter().map(|it| it.ch));
            let start = line[i].start;
            let end = line[j - 1].end();
            let same = buf.nfc().eq(buf.chars());
            if same {
                scratch.extend_from_slice(&line[i..j]);
            } else {
                for ch in buf.nfc() {
                    scratch.push(Item::atomic(ch, start as usize, (end - start) as usize));
                }
            }
        }
        i = j;
    }
    std::mem::swap(line, scratch);
}

/// Old-style tone placement (hoà, khoẻ, thuỷ) → new style (hòa, khỏe, thủy),
/// so both spellings are one word for matching.
fn fix_tone_placement(line: &mut [Item]) {
    for i in 1..line.len() {
        let (first, second) = (line[i - 1].ch, line[i].ch);
        let before = i.checked_sub(2).map(|k| line[k].ch);
        let word_end = line.get(i + 1).is_none_or(|n| !crate::text::is_letter(n.ch));
        if !word_end || !tone_moves(before, first, second) {
            continue;
        }
        let Some((base, tone)) = split_tone(second) else { continue };
        let Some(new_first) = add_tone(first, tone) else { continue };
        let new_second = if second.is_uppercase() { base.to_ascii_uppercase() } else { base };
        let start = line[i - 1].start;
        let len = line[i].end() - start;
        line[i - 1] = Item::atomic(new_first, start as usize, len as usize);
        line[i] = Item::atomic(new_second, start as usize, len as usize);
    }
}

/// Whether the tone on `second` moves to `first` at the end of a word
/// ("hoà" → "hòa"); `before` is the letter before `first`.
fn tone_moves(before: Option<char>, first: char, second: char) -> bool {
    // Only "oa", "oe" and "uy" move their tone: most pairs stop here.
    if !matches!(first, 'o' | 'O' | 'u' | 'U') {
        return false;
    }
    let Some((base, tone)) = split_tone(second) else { return false };
    let pair_ok = match (first.to_ascii_lowercase(), base) {
        ('o', 'a') | ('o', 'e') => true,
        ('u', 'y') => !matches!(before.map(|c| c.to_ascii_lowercase()), Some('q')),
        _ => false,
    };
    pair_ok && add_tone(first, tone).is_some()
}

/// Tones in the order of [`TONED`]'s columns: huyền, sắc, hỏi, ngã, nặng.
const TONED: &[(char, [char; 5])] = &[
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('A', ['À', 'Á', 'Ả', 'Ã', 'Ạ']),
    ('E', ['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ']),
    ('Y', ['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ']),
    ('O', ['Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ']),
    ('U', ['Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ']),
];

fn split_tone(ch: char) -> Option<(char, usize)> {
    // Every toned vowel of the table is outside ASCII: most characters stop here.
    if ch.is_ascii() {
        return None;
    }
    TONED.iter().find_map(|(base, toned)| {
        toned.iter().position(|&t| t == ch).map(|k| (base.to_ascii_lowercase(), k))
    })
}

fn add_tone(base: char, tone: usize) -> Option<char> {
    TONED.iter().find(|(b, _)| *b == base).map(|(_, toned)| toned[tone])
}

#[cfg(test)]
const VOWELS: &str = "aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ";
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const ONSETS: &[&str] = &[
    "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "r", "s",
    "t", "th", "tr", "v", "x",
];

fn is_vowel(c: char) -> bool {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' => true,
        'à' | 'á' | 'â' | 'ã' | 'è' | 'é' | 'ê' | 'ì' | 'í' | 'ò' | 'ó' | 'ô' | 'õ' | 'ù' | 'ú' | 'ý' => true,
        'ă' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => true,
        // U+1EA0–U+1EF9 are the vowels with a tone below or a hook, capital
        // and small in turn: the small ones are odd.
        '\u{1ea1}'..='\u{1ef9}' => c as u32 % 2 == 1,
        _ => false,
    }
}

/// Splits lowercase words that are two Vietnamese syllables written
/// together ("nhậpkhẩu", "đoànra"). A Vietnamese syllable has one vowel
/// group, so a word with two, joined by a valid final + onset, is two
/// syllables. Only words with a Vietnamese-only letter are touched, so
/// foreign names and English words are left alone.
fn split_glued_syllables(line: &mut Vec<Item>, scratch: &mut Vec<Item>) {
    // Where to put a space; the line is copied only when there is one.
    let mut cuts: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if !crate::text::is_letter(line[i].ch) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < line.len() && crate::text::is_letter(line[j].ch) {
            j += 1;
        }
        if let Some(k) = glued_split_point(&line[i..j]) {
            cuts.push(i + k);
        }
        i = j;
    }
    if cuts.is_empty() {
        return;
    }
    scratch.clear();
    let mut next = cuts.iter().peekable();
    for (k, it) in line.iter().enumerate() {
        if next.next_if(|&&c| c == k).is_some() {
            scratch.push(Item::atomic(' ', it.start as usize, 0));
        }
        scratch.push(*it);
    }
    std::mem::swap(line, scratch);
}

/// Two syllables are at most 14 letters ("nghiêngnghiêng"); a longer word
/// is no glued pair, and a fixed buffer keeps the check free of allocation.
const GLUED_MAX: usize = 16;

fn glued_split_point(word: &[Item]) -> Option<usize> {
    if word.len() < 4 || word.len() > GLUED_MAX {
        return None;
    }
    let mut buf = ['\0'; GLUED_MAX];
    for (slot, it) in buf.iter_mut().zip(word) {
        *slot = it.ch;
    }
    glued_split_in(&buf[..word.len()])
}

/// Where to split a word of letters that is two syllables glued together.
fn glued_split_in(chars: &[char]) -> Option<usize> {
    if chars.len() < 4 || chars.len() > GLUED_MAX || !chars[0].is_lowercase() || chars.iter().any(|c| c.is_uppercase()) {
        return None;
    }
    if chars.iter().all(char::is_ascii) {
        return None;
    }
    // Vowel groups, treating the u of "qu" and the i of "gi"+vowel as consonants.
    let vowel_at = |k: usize| -> bool {
        let c = chars[k];
        if !is_vowel(c) {
            return false;
        }
        if k > 0 && c == 'u' && chars[k - 1] == 'q' {
            return false;
        }
        if k > 0 && c == 'i' && chars[k - 1] == 'g' && chars.get(k + 1).is_some_and(|&n| is_vowel(n)) {
            return false;
        }
        true
    };
    let mut groups = [(0usize, 0usize); 2];
    let mut found = 0;
    let mut k = 0;
    while k < chars.len() {
        if vowel_at(k) {
            let s = k;
            while k < chars.len() && vowel_at(k) {
                k += 1;
            }
            if found == 2 {
                return None;
            }
            groups[found] = (s, k);
            found += 1;
        } else {
            k += 1;
        }
    }
    if found != 2 {
        return None;
    }
    let is_onset = |c: &[char]| in_table(c, ONSETS) || c == ['q'] || c == ['g'];
    let (first_end, second_start) = (groups[0].1, groups[1].0);
    let onset_first = &chars[..groups[0].0];
    if !(onset_first.is_empty() || is_onset(onset_first)) {
        return None;
    }
    (first_end..=second_start).find(|&cut| {
        let onset = &chars[cut..second_start];
        in_table(&chars[first_end..cut], FINALS) && !onset.is_empty() && is_onset(onset)
    })
}

/// Whether the letters spell one of the table's entries.
fn in_table(letters: &[char], table: &[&str]) -> bool {
    table.iter().any(|t| t.chars().eq(letters.iter().copied()))
}

/// Drops the spaces that open the line and the runs' extra spaces; the
/// spaces that close it too, unless the line `goes_on` (a piece of a
/// longer one), where the first is kept.
fn collapse_spaces(line: &mut Vec<Item>, scratch: &mut Vec<Item>, goes_on: bool) {
    let tidy = line.first().is_none_or(|it| it.ch != ' ')
        && (goes_on || line.last().is_none_or(|it| it.ch != ' '))
        && !line.windows(2).any(|w| w[0].ch == ' ' && w[1].ch == ' ');
    if tidy {
        return;
    }
    scratch.clear();
    for it in line.iter() {
        if it.ch == ' ' && scratch.last().is_none_or(|p| p.ch == ' ') {
            continue;
        }
        scratch.push(*it);
    }
    while !goes_on && scratch.last().is_some_and(|p| p.ch == ' ') {
        scratch.pop();
    }
    std::mem::swap(line, scratch);
}

#[cfg(test)]
mod tests {
    /// The ASCII fast path lowers exactly as the char-by-char rule.
    /// Each character lowercased when its lowercase is one character of its length.
    fn reference(t: &str) -> String {
        t.chars()
            .map(|ch| {
                let mut l = ch.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) if x.len_utf8() == ch.len_utf8() => x,
                    _ => ch,
                }
            })
            .collect()
    }

    #[test]
    fn lowercase_keeps_the_layout_and_matches_char_by_char() {
        for t in ["", "ABC xyz", "ĐOÀN Ra QUẢNG TÂY", "İstanbul \u{212a}elvin ẪB", "MIXED ÀÁ 123 Ω end", "😀A😀b"] {
            let got = lowercase_same_layout(t);
            assert_eq!(got, reference(t), "{t}");
            assert_eq!(got.len(), t.len());
        }
        // Every character, alone and between letters; and the characters
        // below U+2000 and every 61st above at each place in a word of
        // eight bytes (the lead bytes are found eight at a time), in a run
        // of capitals and smalls.
        for c in (0u32..=0x10ffff).filter_map(char::from_u32) {
            let t = format!("A{c}b");
            assert_eq!(lowercase_same_layout(&t), reference(&t), "{c:?}");
        }
        for c in (0u32..0x2000).chain((0x2000..=0x10ffff).step_by(61)).filter_map(char::from_u32) {
            for k in 0..8 {
                let t = format!("{}{c}ĐẠI{c}ạ Ư{c}", "x".repeat(k));
                assert_eq!(lowercase_same_layout(&t), reference(&t), "{c:?} at {k}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn lowercase_matches_char_by_char_on_any_text(t in "([a-zA-Z0-9 .]|[đĐàÀáÁạẠăĂằẰơƠưƯôÔêÊỳỲİΩ😀\u{212a}ẪẫÿŸ]){0,64}") {
            proptest::prop_assert_eq!(lowercase_same_layout(&t), reference(&t));
        }
    }

    use super::*;

    /// The per-character path alone, as before the line fast path.
    fn normalize_by_char(input: &str) -> Normalized {
        normalize_in_pieces(input, LINE_PIECE)
    }

    /// [`normalize_by_char`], long lines written in pieces of `piece` characters.
    fn normalize_in_pieces(input: &str, piece: usize) -> Normalized {
        let mut n = Normalizer::new(input.len());
        n.piece = piece;
        for (i, ch) in input.char_indices() {
            n.feed(Item::copy(ch, i));
        }
        n.finish(false, true)
    }

    /// Same text, and every span of one to three characters maps to the same original bytes.
    fn assert_same_normalized(a: &Normalized, b: &Normalized, input: &str) {
        assert_eq!(a.text, b.text, "{input:?}");
        for (i, ch) in a.text.char_indices() {
            for (j, _) in a.text[i..].char_indices().take(3) {
                let end = i + j + a.text[i + j..].chars().next().map_or(1, char::len_utf8);
                assert_eq!(a.to_original(i, end), b.to_original(i, end), "{input:?} at {i} {ch:?}");
            }
        }
    }

    /// The line fast path gives the same text and the same map as the
    /// per-character pipeline.
    fn same_as_by_char(input: &str) {
        assert_same_normalized(&normalize(input, Format::Text), &normalize_by_char(input), input);
    }

    /// A line written in pieces reads as the whole line.
    fn same_in_pieces(input: &str) {
        let whole = normalize_in_pieces(input, usize::MAX);
        for piece in 1..=6 {
            assert_same_normalized(&normalize_in_pieces(input, piece), &whole, input);
        }
    }

    #[test]
    fn long_lines_in_pieces_read_as_whole_lines() {
        for input in [
            "  Năm 2023,  tỉnh đón 52 đoàn  \u{301}x  e\u{301}  hoà  thuỷ đoànra  ",
            "a  b\n  c   d   \n\n\n- mục  một\ntiếp tục,  và  ",
            "x \u{301}\u{323} y  ",
            "   ",
            "Tình hữu nghị hoà bình  và thuỷ  sản.\nuỷ ban\nđoànra nước ngoài",
        ] {
            same_in_pieces(input);
        }
        // The one place a long line is written in pieces of its own accord.
        let long = "đoàn e\u{301}  hoà ".repeat(2000);
        assert_same_normalized(&normalize(&long, Format::Text), &normalize_in_pieces(&long, usize::MAX), "long");
        let html = "&nbsp;&#7889;&amp;x ".repeat(2000);
        assert_eq!(normalize(&html, Format::Html).text, "ố&x ".repeat(2000).trim_end());
    }

    #[test]
    fn at_most_thirty_marks_in_a_row() {
        let zalgo = format!("Đón 5{} đoàn", "\u{301}\u{323}\u{309}".repeat(20));
        let n = normalize(&zalgo, Format::Text);
        let marks = n.text.chars().filter(|&c| canonical_combining_class(c) != 0).count();
        assert_eq!(marks, MAX_MARKS_IN_ROW, "{:?}", n.text);
        assert!(n.text.starts_with("Đón 5") && n.text.ends_with(" đoàn"), "{:?}", n.text);
        // The figure's span still maps to the original.
        let at = n.text.find("đoàn").unwrap_or(0);
        let (s, e) = n.to_original(at, n.text.len());
        assert_eq!(&zalgo[s..e], "đoàn");
        // Vietnamese letters written with their two marks apart are untouched.
        assert_eq!(norm("nghie\u{302}\u{300}ng E\u{302}\u{301}"), "nghiềng Ế");
    }

    #[test]
    fn line_fast_path_matches_the_per_character_path() {
        for input in [
            "Năm 2023, tỉnh đón 52 đoàn.",
            "  hai  dấu   cách \t và tab\u{a0}nbsp  ",
            "“Đoàn ra” – 40 đoàn\r\nra nước ngoài.\r\n\r\n\r\n2. Đoàn vào",
            "hoà bình\nthuỷ sản và quý\nđoànra, nhậpkhẩu",
            "**đậm** và *nghiêng*⁽¹⁾ 20 km² và 2²",
            "m\u{200b}²  ",
            "Đối ngoại \u{301}x e\u{301} và \u{2028}dòng\u{2029}đoạn\u{0c}trang",
            "a\u{200b}\nb\r\u{200b}\nc",
            " \n \n\u{200b}\n- mục\ntiếp tục,\nvà thế",
            "1.\nđoàn\na)\nb",
            "12345678 abc\ncủa",
            "ho\u{200b}à và ho*à",
            // Words rewritten inside a line the fast path writes: with
            // spaces to collapse, dropped characters inside, at the start of
            // a line that continues the one before, next to "m²".
            "Tình hữu nghị hoà bình  và thuỷ  sản.\nuỷ ban\nđoànra nước ngoài",
            "x\nhoà\u{200b}bình ho\u{200b}à, đoàn\u{200b}ra “hoà” m² hoà²",
            "Khoẻ   mạnh  \n  thuỷ\n\nHoà Bình, QUẢNG HOÀ nhậpkhẩu.",
            "",
            "\n",
        ] {
            same_as_by_char(input);
        }
    }

    #[test]
    fn the_letters_kept_early_are_the_ones_clean_char_keeps() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            assert_eq!(clean_char(c), Clean::Keep, "{c:?}");
            assert_eq!(clean_in_line(c, 'x'), Some(c), "{c:?}");
        }
    }

    #[test]
    fn vowels_are_the_table() {
        for c in (0u32..0x2000).filter_map(char::from_u32) {
            assert_eq!(is_vowel(c), VOWELS.contains(c), "{c:?}");
        }
    }

    #[test]
    fn an_ascii_letter_is_read_as_any_letter() {
        let state = |w: &WordScan| (w.start, w.end, w.letters, w.wide, w.groups, w.in_vowel, w.last_two);
        for word in ["", "o", "ươ", "qua"] {
            for b in (b'A'..=b'Z').chain(b'a'..=b'z') {
                let (mut by_char, mut by_byte) = (WordScan::default(), WordScan::default());
                for (i, c) in word.char_indices() {
                    by_char.push(i, c);
                    by_byte.push(i, c);
                }
                by_char.push(word.len(), b as char);
                by_byte.push_ascii(word.len(), b);
                assert_eq!(state(&by_char), state(&by_byte), "{word:?} + {:?}", b as char);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn line_fast_path_matches_on_any_text(
            input in "([a-zA-Z0-9 .,:;()*`\n\r\t]|[đĐàáảãạăằắơưôêÀẠỳ]|hoà|uỷ|quỷ|đoànra|\u{a0}|\u{200b}|\u{301}|[“”–²³⁽¹]|\u{2028}|\u{0c}|  ){0,40}"
        ) {
            same_as_by_char(&input);
        }

        #[test]
        fn pieces_match_on_any_text(
            input in "([a-z0-9 .,\n\t-]|[đàáơưÀẠ]|hoà|uỷ|đoànra|\u{a0}|\u{200b}|\u{301}|\u{323}|“|\u{0c}|  |   ){0,40}"
        ) {
            same_in_pieces(&input);
        }
    }

    fn norm(s: &str) -> String {
        normalize(s, Format::Text).text
    }

    fn check_spans(input: &str, format: Format) {
        let n = normalize(input, format);
        for (i, _) in n.text.char_indices() {
            let (s, e) = n.to_original(i, i + n.text[i..].chars().next().map_or(1, |c| c.len_utf8()));
            assert!(s <= e && e <= input.len() && input.is_char_boundary(s) && input.is_char_boundary(e));
        }
    }

    #[test]
    fn spaces_quotes_dashes() {
        assert_eq!(norm("a\u{a0}\u{a0}b\tc\u{200b}d"), "a b cd");
        assert_eq!(norm("“x” – ‘y’"), "\"x\" - 'y'");
        assert_eq!(norm("**đoàn ra**, *ký kết*"), "đoàn ra, ký kết");
        assert_eq!(norm("hợp tác⁽¹⁾ và 20 km²"), "hợp tác và 20 km²");
    }

    #[test]
    fn nfd_composes_and_maps_back() {
        let nfd: String = "Đối ngoại".nfd().collect();
        let n = normalize(&nfd, Format::Text);
        assert_eq!(n.text, "Đối ngoại");
        let (s, e) = n.to_original(0, n.text.len());
        assert_eq!(&nfd[s..e], nfd);
        let word = n.text.find("ngoại").unwrap_or(0);
        let (s, e) = n.to_original(word, n.text.len());
        assert_eq!(&nfd[s..e], "ngoại".nfd().collect::<String>());
    }

    #[test]
    fn tone_placement() {
        assert_eq!(norm("hoà bình, thuỷ sản, khoẻ, uỷ ban, hoạ sĩ, quý, hoàn"), "hòa bình, thủy sản, khỏe, ủy ban, họa sĩ, quý, hoàn");
        assert_eq!(norm("HOÀ"), "HÒA");
    }

    #[test]
    fn glued_syllables() {
        assert_eq!(norm("xuất nhậpkhẩu và đoànra"), "xuất nhập khẩu và đoàn ra");
        assert_eq!(norm("Bolykhămxay, Vietnam, quốc, giữa, người, khuyến"), "Bolykhămxay, Vietnam, quốc, giữa, người, khuyến");
    }

    #[test]
    fn page_break_joins_sentence() {
        assert_eq!(norm("đã cử 40 đoàn\r\nra nước ngoài.\nNăm 2016"), "đã cử 40 đoàn ra nước ngoài.\nNăm 2016");
        assert_eq!(norm("a\n\n\n\nB"), "a\n\nB");
    }

    #[test]
    fn html_entities_map_to_original() {
        let html = "<p>T&#7893;ng 5&nbsp;tỷ</p><script>x=1</script>";
        let n = normalize(html, Format::Auto);
        assert!(n.html);
        assert_eq!(n.text, "Tổng 5 tỷ");
        let at = n.text.find("Tổng").unwrap_or(0);
        let (s, e) = n.to_original(at, at + "Tổng".len());
        assert_eq!(&html[s..e], "T&#7893;ng");
        check_spans(html, Format::Html);
    }

    #[test]
    fn lower_keeps_layout() {
        let n = normalize("ĐOÀN RA Quảng Tây", Format::Text);
        assert_eq!(n.lower, "đoàn ra quảng tây");
        assert_eq!(n.lower.len(), n.text.len());
    }
}
