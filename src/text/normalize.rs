//! One normalization pass: the text the rules read, and a map back to the
//! caller's original string.
//!
//! What it does, in order, for each character: HTML decoding (when the input
//! is HTML), line endings, every kind of space and invisible character,
//! smart quotes, dashes, Markdown emphasis, footnote marks; then, line by
//! line: NFC composition of decomposed letters, the new-style tone-mark
//! placement (hoà → hòa, thuỷ → thủy), glued syllables split ("đoànra" →
//! "đoàn ra"), runs of spaces collapsed, and lines broken in the middle of a
//! sentence joined again.
//!
//! What it does not do: change letters, digits or punctuation that rules
//! read (numbers stay as written), or lowercase — [`Normalized::lower`] is a
//! lowercased copy with the same byte layout for case-insensitive matching.

use unicode_normalization::char::is_combining_mark;
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
        for (i, ch) in input.char_indices() {
            n.feed(Item::copy(ch, i));
        }
    }
    n.finish(html, restore)
}

/// What [`clean_char`] does with one character.
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

struct Normalizer {
    text: String,
    map: OffsetMap,
    line: Vec<Item>,
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
        self.prev = it.ch;
        if it.ch == '\n' {
            self.end_line();
            self.pending_breaks.push(it);
            return;
        }
        self.line.push(it);
    }

    fn end_line(&mut self) {
        if self.line.is_empty() {
            return;
        }
        let mut line = std::mem::take(&mut self.line);
        compose_nfc(&mut line, &mut self.scratch, &mut self.compose);
        fix_tone_placement(&mut line);
        split_glued_syllables(&mut line, &mut self.scratch);
        collapse_spaces(&mut line, &mut self.scratch);
        if !line.is_empty() {
            let head: String = line.iter().take(8).map(|it| it.ch).collect();
            self.write_breaks(line[0].ch, head);
            for it in &line {
                self.write(*it);
            }
        }
        line.clear();
        self.line = line;
    }

    /// Writes the newlines before a line: one space when the line continues
    /// the previous one's sentence (a page break), else at most one blank line.
    fn write_breaks(&mut self, next: char, next_line: String) {
        let breaks = std::mem::take(&mut self.pending_breaks);
        if self.text.is_empty() || breaks.is_empty() {
            return;
        }
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
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII are lowered in place, a byte at a time.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            if let Some(run) = out.get_mut(start..) {
                run.make_ascii_lowercase();
            }
            rest = &rest[ascii..];
            continue;
        }
        let Some(ch) = rest.chars().next() else { break };
        let mut lower = ch.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == ch.len_utf8() => out.push(l),
            _ => out.push(ch),
        }
        rest = &rest[ch.len_utf8()..];
    }
    out
}

/// Composes decomposed letters (NFD → NFC). A composed letter maps to all of
/// its original pieces.
fn compose_nfc(line: &mut Vec<Item>, scratch: &mut Vec<Item>, buf: &mut String) {
    // Latin below the combining marks (U+0300) and the precomposed Latin of
    // U+1E00–U+1EFF, where Vietnamese letters live, are all NFC already.
    let plain = |c: char| (c as u32) < 0x300 || ('\u{1e00}'..='\u{1eff}').contains(&c);
    if line.iter().all(|it| plain(it.ch)) || is_nfc_quick(line.iter().map(|it| it.ch)) == IsNormalized::Yes {
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
        // Only "oa", "oe" and "uy" move their tone: most pairs stop here.
        if !matches!(first, 'o' | 'O' | 'u' | 'U') {
            continue;
        }
        let Some((base, tone)) = split_tone(second) else { continue };
        let pair_ok = match (first.to_ascii_lowercase(), base) {
            ('o', 'a') | ('o', 'e') => true,
            ('u', 'y') => !matches!(i.checked_sub(2).map(|k| line[k].ch.to_ascii_lowercase()), Some('q')),
            _ => false,
        };
        let word_end = line.get(i + 1).is_none_or(|n| !crate::text::is_letter(n.ch));
        if !pair_ok || !word_end {
            continue;
        }
        let Some(new_first) = add_tone(first, tone) else { continue };
        let new_second = if second.is_uppercase() { base.to_ascii_uppercase() } else { base };
        let start = line[i - 1].start;
        let len = line[i].end() - start;
        line[i - 1] = Item::atomic(new_first, start as usize, len as usize);
        line[i] = Item::atomic(new_second, start as usize, len as usize);
    }
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

const VOWELS: &str = "aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ";
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const ONSETS: &[&str] = &[
    "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "r", "s",
    "t", "th", "tr", "v", "x",
];

fn is_vowel(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    }
    static SORTED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut v: Vec<char> = VOWELS.chars().collect();
        v.sort_unstable();
        v
    });
    sorted.binary_search(&c).is_ok()
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

fn glued_split_point(word: &[Item]) -> Option<usize> {
    // Two syllables are at most 14 letters ("nghiêngnghiêng"); a longer word
    // is no glued pair, and a fixed buffer keeps this free of allocation.
    const MAX: usize = 16;
    if word.len() < 4 || word.len() > MAX || !word[0].ch.is_lowercase() || word.iter().any(|it| it.ch.is_uppercase()) {
        return None;
    }
    if !word.iter().any(|it| !it.ch.is_ascii()) {
        return None;
    }
    let mut buf = ['\0'; MAX];
    for (slot, it) in buf.iter_mut().zip(word) {
        *slot = it.ch;
    }
    let chars = &buf[..word.len()];
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

fn collapse_spaces(line: &mut Vec<Item>, scratch: &mut Vec<Item>) {
    let tidy = line.first().is_none_or(|it| it.ch != ' ')
        && line.last().is_none_or(|it| it.ch != ' ')
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
    while scratch.last().is_some_and(|p| p.ch == ' ') {
        scratch.pop();
    }
    std::mem::swap(line, scratch);
}

#[cfg(test)]
mod tests {
    /// The ASCII fast path lowers exactly as the char-by-char rule.
    #[test]
    fn lowercase_keeps_the_layout_and_matches_char_by_char() {
        let reference = |t: &str| -> String {
            t.chars()
                .map(|ch| {
                    let mut l = ch.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) if x.len_utf8() == ch.len_utf8() => x,
                        _ => ch,
                    }
                })
                .collect()
        };
        for t in ["", "ABC xyz", "ĐOÀN Ra QUẢNG TÂY", "İstanbul \u{212a}elvin ẪB", "MIXED ÀÁ 123 Ω end", "😀A😀b"] {
            let got = lowercase_same_layout(t);
            assert_eq!(got, reference(t), "{t}");
            assert_eq!(got.len(), t.len());
        }
    }

    use super::*;

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
