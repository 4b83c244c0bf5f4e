//! The scanner: finds every quantity and date in tokenized text.
//!
//! A number becomes a [`Quantity`] unless it is part of something else: a
//! date or time, a legal document number ("41-CT/TW"), a road ("Quốc lộ
//! 1A"), a name with digits ("COVID-19", "APEC 2017"), a list marker, a
//! phone number. Dates and year ranges become [`DateMention`]s. This module
//! reads; it does not classify what a quantity counts (see `extract`).

use std::sync::OnceLock;

use super::decimal::Decimal;
use super::number::{is_number_word_initial, read_digits, read_number_words, scale_word, starts_number_words};
use crate::text::phrases::{tsv_rows, PhraseTable};
use crate::text::tokens::{TokKind, Token};

/// What kind of measure a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    Count,
    Money,
    Percent,
    Length,
    Point,
    Duration,
    Times,
    Measure,
    Ordinal,
    Rank,
    Bare,
}

/// How exact a figure is (TAXONOMY.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Qualifier {
    #[default]
    Exact,
    Estimate,
    About,
    Over,
    Under,
    Nearly,
    AtLeast,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Estimate => "estimate",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at_least",
        }
    }

    fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "estimate" => Qualifier::Estimate,
            "about" => Qualifier::About,
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "nearly" => Qualifier::Nearly,
            "at_least" => Qualifier::AtLeast,
            _ => return None,
        })
    }

    /// Bounds win over about, about over estimate.
    fn rank(self) -> u8 {
        match self {
            Qualifier::Exact => 0,
            Qualifier::Estimate => 1,
            Qualifier::About => 2,
            _ => 3,
        }
    }
}

/// A number with what it counts or measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Normalized byte span of the number through its unit.
    pub start: usize,
    pub end: usize,
    /// Token range `[first, last]` of the same span.
    pub first: usize,
    pub last: usize,
    /// `None` for vague amounts ("hàng trăm").
    pub value: Option<Decimal>,
    /// Upper end of a range ("5–7%").
    pub value_to: Option<Decimal>,
    /// Denominator of a fraction or rank ("15/63").
    pub of: Option<Decimal>,
    /// Unit code: `delegation`, `VND`, `m`, `percent`, … (`number` when none).
    pub unit: &'static str,
    /// The head noun the rules read (`official` for "lượt cán bộ"); the unit when no finer noun.
    pub noun: &'static str,
    pub class: UnitClass,
    pub qualifier: Qualifier,
    /// Normalized byte span of the qualifier cue, if any.
    pub qualifier_span: Option<(usize, usize)>,
    pub vague: bool,
    pub ambiguous: bool,
    pub glued: bool,
}

/// A calendar date, month, year or span of years found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
    pub from: YearMonthDay,
    pub to: YearMonthDay,
    /// A comparison base ("so với năm 2021", "so với cùng kỳ năm 2022"),
    /// not the period of the figures around it.
    pub basis: bool,
}

/// A date with optional month and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMonthDay {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl YearMonthDay {
    fn year(year: u16) -> YearMonthDay {
        YearMonthDay { year, month: None, day: None }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// Everything the scanner found.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
}

#[derive(Debug, Clone, Copy)]
struct UnitDef {
    unit: &'static str,
    noun: &'static str,
    class: UnitClass,
    exp: u32,
}

struct Tables {
    units: PhraseTable<UnitDef>,
    qualifiers: PhraseTable<(Qualifier, bool)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let units = tsv_rows(include_str!("../data/units.tsv")).filter_map(|row| {
            let class = match *row.get(2)? {
                "count" => UnitClass::Count,
                "money" => UnitClass::Money,
                "percent" => UnitClass::Percent,
                "length" => UnitClass::Length,
                "point" => UnitClass::Point,
                "duration" => UnitClass::Duration,
                "times" => UnitClass::Times,
                _ => UnitClass::Measure,
            };
            let exp = match row.get(3).copied().unwrap_or("1") {
                "1000" => 3,
                _ => 0,
            };
            let unit: &'static str = Box::leak(row.get(1)?.to_string().into_boxed_str());
            let noun = match row.get(4) {
                Some(n) if !n.is_empty() => Box::leak(n.to_string().into_boxed_str()),
                _ => unit,
            };
            Some((row[0].to_string(), UnitDef { unit, noun, class, exp }))
        });
        let qualifiers = tsv_rows(include_str!("../data/qualifiers.tsv")).filter_map(|row| {
            let q = Qualifier::parse(row.get(1)?)?;
            Some((row[0].to_string(), (q, *row.get(2)? == "adjacent")))
        });
        Tables { units: PhraseTable::new(units.collect::<Vec<_>>()), qualifiers: PhraseTable::new(qualifiers.collect::<Vec<_>>()) }
    })
}

/// Words before a number that make it a label, not a quantity.
const LABEL_BEFORE: &[&str] = &[
    "lộ", "ql", "đt", "tl", "hl", "km", "số", "khóa", "khoá", "tầng", "phòng", "điện", "thoại", "tel", "fax",
    "hotline", "sđt", "đường", "ô", "lô", "phường", "quận", "đợt", "điều", "khoản", "mục", "chương",
    "phần", "tập", "trang", "hình", "bảng", "biểu", "top",
];

/// Reads all quantities and dates.
pub fn scan(text: &str, lower: &str, toks: &[Token]) -> Readings {
    let mut out = Readings::default();
    let t = tables();
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        let next = match tok.kind {
            TokKind::Number => read_at_number(text, lower, toks, i, t, &mut out),
            TokKind::Word => read_at_word(lower, toks, i, t, &mut out),
            _ => None,
        };
        i = next.unwrap_or(i + 1).max(i + 1);
    }
    out
}

fn word<'a>(toks: &[Token], lower: &'a str, i: usize) -> &'a str {
    toks.get(i).filter(|t| t.kind == TokKind::Word).map_or("", |t| t.text(lower))
}

fn punct(toks: &[Token], text: &str, i: usize) -> Option<char> {
    toks.get(i).filter(|t| t.kind == TokKind::Punct).and_then(|t| t.text(text).chars().next())
}

fn is_unspaced(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| !t.spaced)
}

fn int_of(toks: &[Token], text: &str, i: usize) -> Option<u32> {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Number)?;
    let s = t.text(text);
    if s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_year(v: u32, len: usize) -> bool {
    len == 4 && (1900..=2100).contains(&v)
}

fn line_start(toks: &[Token], i: usize) -> bool {
    i == 0 || toks.get(i - 1).is_some_and(|t| t.kind == TokKind::Break)
}

/// Handles the number at token `i`. Returns the index after what it used.
fn read_at_number(text: &str, lower: &str, toks: &[Token], i: usize, t: &Tables, out: &mut Readings) -> Option<usize> {
    let tok = toks[i];
    let raw = tok.text(text);
    let prev_word = if i > 0 { word(toks, lower, i - 1) } else { "" };

    // A chain of numbers, slashes and dashes holding an uppercase code is a
    // document number: "41-CT/TW", "09/2008/QĐ-UBND", "1130/QĐ-UBND".
    let mut j = i + 1;
    let mut has_code = false;
    while j < toks.len() && !toks[j].spaced && toks[j].kind != TokKind::Break {
        match toks[j].kind {
            TokKind::Word if toks[j].text(text).chars().next().is_some_and(char::is_uppercase) => {
                let w = toks[j].text(text);
                if w.chars().all(|c| c.is_uppercase()) || has_code {
                    has_code = true;
                } else {
                    break;
                }
            }
            TokKind::Number => {}
            TokKind::Punct if matches!(toks[j].text(text), "/" | "-" | ".") => {}
            _ => break,
        }
        j += 1;
    }
    if has_code && matches!(punct(toks, text, i + 1), Some('/' | '-')) {
        return Some(j);
    }
    // Glued to a preceding letter or "letters-": a name (R10, COVID-19, G20).
    if !tok.spaced && i > 0 {
        let p = toks[i - 1];
        if p.kind == TokKind::Word {
            return Some(skip_number_chain(toks, text, i));
        }
        if p.kind == TokKind::Punct && p.text(text) == "-" && !p.spaced && i > 1 && toks[i - 2].kind == TokKind::Word {
            return Some(i + 1);
        }
    }
    // Times: 09:21, 10h30, 24h/24h.
    if punct(toks, text, i + 1) == Some(':') && is_unspaced(toks, i + 1) && toks.get(i + 2).is_some_and(|n| n.kind == TokKind::Number && !n.spaced) {
        return Some(i + 3);
    }
    if is_unspaced(toks, i + 1) && matches!(word(toks, lower, i + 1), "h" | "giờ") {
        return Some(i + 2);
    }
    // Dates: d/m/yyyy, m/yyyy, d/m.
    if let Some(next) = read_date(text, lower, toks, i, out) {
        return Some(next);
    }
    // List markers at a line start: "1.", "2.1.", "1-", "3)".
    if line_start(toks, i) && matches!(punct(toks, text, i + 1), Some('.' | ')' | '-' | '/')) {
        return Some(i + 2);
    }
    if line_start(toks, i) && raw.contains('.') && read_digits(raw).is_some_and(|r| r.english) {
        return Some(i + 1);
    }
    // A year standing alone.
    if let Some(y) = int_of(toks, text, i) {
        let year_word = matches!(prev_word, "năm" | "niên");
        if is_year(y, raw.len()) && (year_word || unit_after(lower, toks, i + 1, t).is_none_or(|(u, _)| u.class == UnitClass::Duration)) {
            return Some(read_year(text, lower, toks, i, y as u16, out));
        }
    }
    // Labels: roads, document and phone numbers, clauses, "Top 10".
    if LABEL_BEFORE.contains(&prev_word) && unit_after(lower, toks, i + 1, t).is_none() {
        return Some(skip_number_chain(toks, text, i));
    }
    // Phone numbers: "Điện thoại: 0205 3870 111", or a long run from a leading zero.
    let phone_cue = (1..=3).any(|b| i >= b && matches!(word(toks, lower, i - b), "thoại" | "tel" | "fax" | "hotline" | "sđt" | "đt" | "nóng"));
    if phone_cue && raw.starts_with('0') {
        let mut j = i + 1;
        while toks.get(j).is_some_and(|t| t.kind == TokKind::Number || matches!(t.text(text), "." | "-" | "(" | ")")) {
            j += 1;
        }
        return Some(j);
    }
    // Glued to a following capital that is no unit: a name ("5G", "3D", "1A").
    if is_unspaced(toks, i + 1)
        && toks[i + 1].kind == TokKind::Word
        && toks[i + 1].text(text).chars().next().is_some_and(char::is_uppercase)
        && unit_after(lower, toks, i + 1, t).is_none()
    {
        return Some(i + 2);
    }
    // A leading-zero long digit run is a phone number.
    let digits = raw.bytes().filter(u8::is_ascii_digit).count();
    if raw.starts_with('0') && digits >= 9 {
        return Some(i + 1);
    }
    // A name with digits: "APEC 2017", "IRONMAN 70.3", "4.0".
    let prev_tok = i.checked_sub(1).map(|k| toks[k]);
    let after_acronym = prev_tok.is_some_and(|p| {
        let w = p.text(text);
        p.kind == TokKind::Word && w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
    });
    let reading = read_digits(raw)?;
    if raw.ends_with(".0") || (after_acronym && (reading.english || unit_after(lower, toks, i + 1, t).is_none())) {
        return Some(i + 1);
    }
    // Ordinals and ranks.
    if prev_word == "thứ" {
        let rank = i >= 2 && word(toks, lower, i - 2) == "xếp";
        let mut q = base_quantity(toks, i, reading.value);
        if rank {
            q.class = UnitClass::Rank;
            q.unit = "rank";
            q.noun = "rank";
            if punct(toks, text, i + 1) == Some('/') {
                if let Some(of) = toks.get(i + 2).filter(|n| n.kind == TokKind::Number).and_then(|n| read_digits(n.text(text))) {
                    q.of = Some(of.value);
                    q.last = i + 2;
                    q.end = toks[i + 2].end;
                }
            }
        } else {
            q.class = UnitClass::Ordinal;
            q.unit = "ordinal";
            q.noun = "ordinal";
        }
        let next = q.last + 1;
        out.quantities.push(q);
        return Some(next);
    }

    let mut q = base_quantity(toks, i, reading.value);
    q.ambiguous = reading.ambiguous;
    // "$5", "US$ 5".
    if prev_tok.is_some_and(|p| p.kind == TokKind::Punct && p.text(text) == "$") {
        q.unit = "USD";
        q.noun = "USD";
        q.class = UnitClass::Money;
        q.start = toks[i - 1].start;
        q.first = i - 1;
    }
    let mut k = i + 1;
    // Fractions "23/28", ranges "5-7", "từ 5 đến 7".
    if matches!(punct(toks, text, k), Some('/')) && is_unspaced(toks, k) {
        if let Some(den) = toks.get(k + 1).filter(|n| n.kind == TokKind::Number && !n.spaced).and_then(|n| read_digits(n.text(text))) {
            q.of = Some(den.value);
            k += 2;
        }
    } else if matches!(punct(toks, text, k), Some('-')) {
        if let Some(hi) = toks.get(k + 1).filter(|n| n.kind == TokKind::Number).and_then(|n| read_digits(n.text(text))) {
            q.value_to = Some(hi.value);
            k += 2;
        }
    } else if word(toks, lower, k) == "đến" && prev_word == "từ" {
        if let Some(hi) = toks.get(k + 1).filter(|n| n.kind == TokKind::Number).and_then(|n| read_digits(n.text(text))) {
            q.value_to = Some(hi.value);
            k += 2;
        }
    }
    // Scale words: "5 tỷ", "2 tỷ 500 triệu", "1 nghìn tỷ", "hai tỷ rưỡi", "500k".
    let (k2, scaled) = apply_scale(text, lower, toks, k, q.value, q.value_to);
    if k2 != k {
        q.value = scaled.0;
        q.value_to = scaled.1;
        k = k2;
    }
    // Unit.
    if punct(toks, text, k) == Some('%') {
        q.unit = "percent";
        q.noun = "percent";
        q.class = UnitClass::Percent;
        k += 1;
        // "%/năm"
        if punct(toks, text, k) == Some('/') && word(toks, lower, k + 1) == "năm" {
            k += 2;
        }
    } else if word(toks, lower, k) == "phần" && word(toks, lower, k + 1) == "trăm" {
        q.unit = "percent";
        q.noun = "percent";
        q.class = UnitClass::Percent;
        k += 2;
    } else if let Some((u, n)) = unit_after(lower, toks, k, t) {
        if q.class != UnitClass::Money || u.class == UnitClass::Money {
            q.unit = u.unit;
            q.noun = u.noun;
            q.class = u.class;
            if u.exp > 0 {
                q.value = q.value.and_then(|v| v.shift(u.exp));
                q.value_to = q.value_to.and_then(|v| v.shift(u.exp));
            }
            q.glued = !toks[k].spaced && toks[k].kind == TokKind::Word;
            k += n;
        }
    }
    if q.class == UnitClass::Bare && k2 != i + 1 {
        // "5 triệu" with no noun is still a number.
        q.unit = "number";
        q.noun = "number";
    }
    if prev_word == "gấp" {
        q.unit = "times";
        q.noun = "times";
        q.class = UnitClass::Times;
        if word(toks, lower, k) == "lần" {
            k += 1;
        }
    }
    q.last = k - 1;
    q.end = toks[k - 1].end;
    apply_qualifier(lower, toks, &mut q, t);
    share_qualifier(lower, toks, &mut q, out);
    out.quantities.push(q);
    Some(k)
}

fn base_quantity(toks: &[Token], i: usize, value: Decimal) -> Quantity {
    Quantity {
        start: toks[i].start,
        end: toks[i].end,
        first: i,
        last: i,
        value: Some(value),
        value_to: None,
        of: None,
        unit: "number",
        noun: "number",
        class: UnitClass::Bare,
        qualifier: Qualifier::Exact,
        qualifier_span: None,
        vague: false,
        ambiguous: false,
        glued: false,
    }
}

fn skip_number_chain(toks: &[Token], text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < toks.len() && !toks[j].spaced && (toks[j].kind == TokKind::Number || (toks[j].kind == TokKind::Word) || matches!(toks[j].text(text), "-" | "/" | ".")) {
        j += 1;
    }
    j
}

/// Whether a unit or head noun starts at token `k` (for coordinated nouns).
pub fn starts_unit(lower: &str, toks: &[Token], k: usize) -> bool {
    unit_after(lower, toks, k, tables()).is_some_and(|(u, _)| u.class == UnitClass::Count)
}

fn unit_after(lower: &str, toks: &[Token], k: usize, t: &Tables) -> Option<(UnitDef, usize)> {
    t.units.match_at(toks, lower, k).map(|(u, n)| (*u, n))
}

/// Applies scale words starting at token `k`; returns the new index and values.
fn apply_scale(
    text: &str,
    lower: &str,
    toks: &[Token],
    mut k: usize,
    value: Option<Decimal>,
    value_to: Option<Decimal>,
) -> (usize, (Option<Decimal>, Option<Decimal>)) {
    let start = k;
    let mut exp = 0u32;
    let mut last_exp = None;
    loop {
        let w = word(toks, lower, k);
        let glued = !toks.get(k).is_some_and(|t| t.spaced);
        let Some(e) = scale_word(w).filter(|_| (w != "k" && w != "tr") || glued || w == "tr") else { break };
        exp += e;
        last_exp = Some(exp);
        k += 1;
    }
    let Some(exp_total) = last_exp else { return (start, (value, value_to)) };
    let mut v = value.and_then(|v| v.shift(exp_total));
    let vt = value_to.and_then(|v| v.shift(exp_total));
    // "rưỡi": and a half of the scale.
    if word(toks, lower, k) == "rưỡi" {
        v = v.and_then(|v| Decimal::from_int(1).shift(exp_total).and_then(|s| s.half()).and_then(|h| v.checked_add(h)));
        k += 1;
    }
    // "2 tỷ 500 triệu": a smaller scaled number right after adds up.
    if let Some(n) = toks.get(k).filter(|t| t.kind == TokKind::Number) {
        if let (Some(r), Some(e2)) = (read_digits(n.text(text)), scale_word(word(toks, lower, k + 1))) {
            if e2 < exp_total && word(toks, lower, k + 1) != "k" {
                if let Some(add) = r.value.shift(e2) {
                    v = v.and_then(|v| v.checked_add(add));
                    k += 2;
                }
            }
        }
    }
    (k, (v, vt))
}

fn apply_qualifier(lower: &str, toks: &[Token], q: &mut Quantity, t: &Tables) {
    let mut best = Qualifier::Exact;
    let mut span = None;
    // Adjacent cues, possibly stacked ("ước đạt hơn"); "đạt", "là" may sit between.
    let mut j = q.first;
    let mut adjacent = true;
    let mut past_comma = false;
    let mut steps = 0;
    while j > 0 && steps < 12 {
        steps += 1;
        let k = j - 1;
        let tk = toks[k];
        if tk.kind == TokKind::Break || tk.kind == TokKind::Number {
            break;
        }
        if tk.kind == TokKind::Punct {
            let p = tk.text(lower);
            if matches!(p, "." | ";" | ":" | "!" | "?" | "(" | ")") {
                break;
            }
            if p == "," {
                adjacent = false;
                past_comma = true;
            }
            j = k;
            continue;
        }
        if let Some(((qual, adj), n)) = t.qualifiers.match_ending_at(toks, lower, k) {
            if (*adj && adjacent) || (!*adj && !past_comma) {
                if qual.rank() > best.rank() {
                    best = *qual;
                    span = Some((toks[k + 1 - n].start, toks[k].end));
                }
            }
            j = k + 1 - n;
            continue;
        }
        if !matches!(tk.text(lower), "đạt" | "là" | "được" | "với" | "lên" | "tới" | "đến" | "có" | "mức") {
            adjacent = false;
        }
        j = k;
    }
    q.qualifier = best;
    q.qualifier_span = span;
}

/// "khoảng 47.067,6 tỷ đồng và 51 triệu USD": a figure coordinated with the
/// one right before it shares its qualifier.
fn share_qualifier(lower: &str, toks: &[Token], q: &mut Quantity, out: &Readings) {
    if q.qualifier != Qualifier::Exact || q.first < 2 {
        return;
    }
    let Some(prev) = out.quantities.last() else { return };
    let joined = matches!(toks[q.first - 1].text(lower), "và" | "hoặc") && prev.last + 2 == q.first;
    if joined && prev.class == q.class {
        q.qualifier = prev.qualifier;
    }
}

fn read_date(text: &str, lower: &str, toks: &[Token], i: usize, out: &mut Readings) -> Option<usize> {
    let a = int_of(toks, text, i)?;
    let slash = |k: usize| punct(toks, text, k).filter(|c| *c == '/' || *c == '-' || *c == '.').is_some() && is_unspaced(toks, k);
    let prev = if i > 0 { word(toks, lower, i - 1) } else { "" };
    if slash(i + 1) {
        let b = int_of(toks, text, i + 2).filter(|_| is_unspaced(toks, i + 2));
        if let Some(b) = b {
            if slash(i + 3) && is_unspaced(toks, i + 4) {
                if let Some(c) = int_of(toks, text, i + 4) {
                    let y = if c < 100 { 2000 + c } else { c };
                    if (1..=31).contains(&a) && (1..=12).contains(&b) && (1900..=2100).contains(&y) {
                        let d = YearMonthDay { year: y as u16, month: Some(b as u8), day: Some(a as u8) };
                        push_date(lower, toks, i, i + 4, d, d, out);
                        return Some(i + 5);
                    }
                }
            }
            let b_len = toks[i + 2].end - toks[i + 2].start;
            if (1..=12).contains(&a) && is_year(b, b_len) && punct(toks, text, i + 1) != Some('.') {
                let d = YearMonthDay { year: b as u16, month: Some(a as u8), day: None };
                push_date(lower, toks, i, i + 2, d, d, out);
                return Some(i + 3);
            }
            if prev == "ngày" && (1..=31).contains(&a) && (1..=12).contains(&b) {
                return Some(i + 3);
            }
            // "18-8" after a time-of-day word is a date without a year.
            if matches!(prev, "sáng" | "chiều" | "tối" | "trưa" | "đêm") {
                return Some(i + 3);
            }
        }
    }
    if prev == "tháng" && (1..=12).contains(&a) {
        // "tháng 3 năm 2016" or a month alone.
        if word(toks, lower, i + 1) == "năm" {
            if let Some(y) = int_of(toks, text, i + 2).filter(|&y| is_year(y, toks[i + 2].end - toks[i + 2].start)) {
                let d = YearMonthDay { year: y as u16, month: Some(a as u8), day: None };
                push_date(lower, toks, i, i + 2, d, d, out);
                return Some(i + 3);
            }
        }
        return Some(i + 1);
    }
    if prev == "ngày" && (1..=31).contains(&a) && word(toks, lower, i + 1) == "tháng" {
        // "ngày 10 tháng 01 năm 2025", as datelines write it.
        let month = int_of(toks, text, i + 2).filter(|m| (1..=12).contains(m));
        let year = (word(toks, lower, i + 3) == "năm").then(|| int_of(toks, text, i + 4)).flatten();
        if let (Some(m), Some(y)) = (month, year.filter(|&y| toks.get(i + 4).is_some_and(|t| is_year(y, t.end - t.start)))) {
            let d = YearMonthDay { year: y as u16, month: Some(m as u8), day: Some(a as u8) };
            push_date(lower, toks, i, i + 4, d, d, out);
            return Some(i + 5);
        }
        return Some(i + 1);
    }
    None
}

/// A year, or a span of years "2011 - 2020", "2015-2020", "từ 2005 đến 2010".
fn read_year(text: &str, lower: &str, toks: &[Token], i: usize, y: u16, out: &mut Readings) -> usize {
    let from = YearMonthDay::year(y);
    let dash = punct(toks, text, i + 1) == Some('-');
    let to_word = toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Word && matches!(t.text(text), "đến" | "tới"));
    if dash || to_word {
        if let Some(y2) = int_of(toks, text, i + 2) {
            let len = toks[i + 2].end - toks[i + 2].start;
            if is_year(y2, len) && y2 as u16 >= y {
                push_date(lower, toks, i, i + 2, from, YearMonthDay::year(y2 as u16), out);
                return i + 3;
            }
        }
    }
    push_date(lower, toks, i, i, from, from, out);
    i + 1
}

fn push_date(lower: &str, toks: &[Token], first: usize, last: usize, from: YearMonthDay, to: YearMonthDay, out: &mut Readings) {
    // "so với [cùng kỳ] [năm] 2021": look back a few words, not past a clause mark.
    let mut basis = false;
    let mut k = first;
    for _ in 0..6 {
        let Some(j) = k.checked_sub(1) else { break };
        let t = toks[j];
        if t.kind != TokKind::Word {
            break;
        }
        if t.text(lower) == "với" && j > 0 && toks[j - 1].text(lower) == "so" {
            basis = true;
            break;
        }
        k = j;
    }
    out.dates.push(DateMention { start: toks[first].start, end: toks[last].end, first, last, from, to, basis });
}

/// Number words ("tám dự án", "hai mươi lăm đoàn") and vague amounts ("hàng trăm").
fn read_at_word(lower: &str, toks: &[Token], i: usize, t: &Tables, out: &mut Readings) -> Option<usize> {
    // "vài", "hàng" or number words: most words are none, told by their first byte.
    let first = toks.get(i).and_then(|tok| lower.as_bytes().get(tok.start)).copied().unwrap_or(0);
    if first != b'v' && !is_number_word_initial(first) {
        return None;
    }
    let w = word(toks, lower, i);
    if w == "hàng" || w == "vài" {
        let mut k = i + 1;
        let mut any_scale = false;
        while matches!(word(toks, lower, k), "chục" | "trăm" | "nghìn" | "ngàn" | "triệu" | "tỷ" | "tỉ" | "vạn") {
            any_scale = true;
            k += 1;
        }
        if !any_scale && w == "hàng" {
            return None;
        }
        let (u, n) = unit_after(lower, toks, k, t)?;
        if u.class == UnitClass::Duration && w == "hàng" {
            return None;
        }
        let mut q = base_quantity(toks, i, Decimal::ZERO);
        q.value = None;
        q.vague = true;
        q.unit = u.unit;
        q.noun = u.noun;
        q.class = u.class;
        q.last = k + n - 1;
        q.end = toks[q.last].end;
        out.quantities.push(q);
        return Some(k + n);
    }
    // Most words are no number word: say so before anything else.
    if !starts_number_words(w) {
        return None;
    }
    let prev = if i > 0 { word(toks, lower, i - 1) } else { "" };
    if prev == "thứ" || prev == "lần" {
        return None;
    }
    // Consecutive words only: number words never span punctuation.
    let mut run = [""; 32];
    let mut len = 0;
    while let Some(tok) = toks.get(i + len).filter(|t| t.kind == TokKind::Word && len < run.len()) {
        run[len] = tok.text(lower);
        len += 1;
    }
    let words = &run[..len];
    let (value, used) = read_number_words(words)?;
    // "năm 2023" is a year word; "một số" is "some".
    if toks.get(i + used).is_some_and(|t| t.kind == TokKind::Number) {
        return None;
    }
    let (u, n) = match unit_after(lower, toks, i + used, t) {
        Some(found) => found,
        None if used >= 2 && words[used - 1] != "năm" => (UnitDef { unit: "number", noun: "number", class: UnitClass::Bare, exp: 0 }, 0),
        None => return None,
    };
    if used == 1 && matches!(u.class, UnitClass::Duration) {
        return None;
    }
    // "hai nước", "hai tỉnh", "hai bên" mean "both"; "một tỉnh" is "a province".
    if used == 1 && (words[0] == "một" || (words[0] == "hai" && matches!(u.unit, "country" | "locality" | "side")) || prev == "cả") {
        return None;
    }
    // A single digit word with a unit must not be the tail of a name ("Điện Biên Phủ một ..."): require it to be spaced.
    let mut q = base_quantity(toks, i, value);
    q.unit = u.unit;
    q.noun = u.noun;
    q.class = u.class;
    if u.exp > 0 {
        q.value = q.value.and_then(|v| v.shift(u.exp));
    }
    q.last = i + used + n - 1;
    q.end = toks[q.last].end;
    apply_qualifier(lower, toks, &mut q, t);
    out.quantities.push(q);
    Some(i + used + n)
}
