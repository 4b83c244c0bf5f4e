//! Cited legal and party documents: "Chỉ thị số 41-CT/TW ngày 15/4/2010 của
//! Ban Bí thư về “…”" → type Chỉ thị, number 41, code CT/TW, date
//! 2010-04-15, issuer Ban Bí thư, the quoted title.
//!
//! A capitalized document type from `data/document_types.tsv` counts only
//! when a number follows it: with a code holding capitals ("22-NQ/TW",
//! "1130/QĐ-UBND", "09/2008/QĐ-UBND") or after "số" ("Kế hoạch số 45"). So
//! "Kế hoạch 2024" or "Luật Đầu tư" are not references. The number chain is
//! the one `read::scan` keeps out of quantities.

use crate::text::phrases::is_word;
use std::sync::OnceLock;

use super::lexicon::{self, Hits};

use crate::text::phrases::{phrase_key, normalize_phrase, tsv_rows};
use crate::text::Normalized;
use crate::text::tokens::{TokKind, Token};

/// A document cited in the text, in normalized byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    /// The type as the table names it ("Chỉ thị").
    pub doc_type: &'static str,
    /// The number and code as written ("41-CT/TW").
    pub designation: String,
    /// The leading number ("41").
    pub number: String,
    /// The code after the number and year ("CT/TW"), if any.
    pub code: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub issuer: Option<&'static str>,
    /// The quoted title.
    pub title: Option<String>,
}

struct Tables {
    types: Vec<&'static str>,
    /// The types, lowercased and normalized.
    type_phrases: Vec<String>,
    /// Issuers' lowercased keys with their names, longest first.
    issuers: Vec<(String, &'static str)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut types = Vec::new();
        let mut keys = Vec::new();
        let mut issuers = Vec::new();
        for r in tsv_rows(include_str!("../data/document_types.tsv")).filter(|r| r.len() >= 2) {
            match r[0] {
                "type" => {
                    types.push(r[1]);
                    keys.push(phrase_key(r[1]));
                }
                "issuer" => issuers.push((phrase_key(r[1]), r[1])),
                _ => {}
            }
        }
        issuers.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        Tables { types, type_phrases: keys, issuers }
    })
}

/// The document types, lowercased and normalized, for `lexicon`.
pub(super) fn phrases() -> &'static [String] {
    &tables().type_phrases
}

/// The document types the table knows.
pub fn document_types() -> &'static [&'static str] {
    &tables().types
}

/// Skips spaces (and the given punctuation) from `p`.
fn skip(text: &str, mut p: usize, punct: &[char]) -> usize {
    while let Some(c) = text.get(p..).and_then(|t| t.chars().next()) {
        if c == ' ' || punct.contains(&c) {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    p
}

fn digits_at(text: &str, p: usize) -> (usize, Option<u32>) {
    let t = text.get(p..).unwrap_or("");
    let n = t.bytes().take_while(u8::is_ascii_digit).count();
    (p + n, if n > 0 && n <= 4 { t[..n].parse().ok() } else { None })
}

fn valid_date(d: u32, m: u32, y: u32) -> Option<String> {
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2100).contains(&y)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// "ngày 15/4/2010" or "ngày 15 tháng 4 năm 2010" at `p`: the date and where it ends.
fn date_at(text: &str, lower: &str, p: usize) -> Option<(String, usize)> {
    let p = lower.get(p..)?.strip_prefix("ngày").map(|_| skip(text, p + "ngày".len(), &[]))?;
    let (q, d) = digits_at(text, p);
    let d = d?;
    if let Some(sep) = text.get(q..).and_then(|t| t.chars().next()).filter(|c| matches!(c, '/' | '-' | '.')) {
        let (r, m) = digits_at(text, q + 1);
        let r2 = r + 1;
        if text.get(r..).and_then(|t| t.chars().next()) != Some(sep) {
            return None;
        }
        let (end, y) = digits_at(text, r2);
        return valid_date(d, m?, y?).map(|s| (s, end));
    }
    let q = skip(text, q, &[]);
    let q = lower.get(q..)?.strip_prefix("tháng").map(|_| skip(text, q + "tháng".len(), &[]))?;
    let (r, m) = digits_at(text, q);
    let r = skip(text, r, &[]);
    let r = lower.get(r..)?.strip_prefix("năm").map(|_| skip(text, r + "năm".len(), &[]))?;
    let (end, y) = digits_at(text, r);
    valid_date(d, m?, y?).map(|s| (s, end))
}

/// Every document cited in the text, in order.
pub fn find_references(norm: &Normalized, hits: &Hits) -> Vec<Reference> {
    let t = tables();
    let (text, lower) = (norm.text.as_str(), norm.lower.as_str());
    let mut out: Vec<Reference> = Vec::new();
    for m in hits.of(lexicon::Table::DocumentTypes) {
        let (s, e) = (m.start, m.end);
        if out.last().is_some_and(|r| s < r.end)
            || !text[s..].chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let Some(&doc_type) = t.types.get(m.pattern) else { continue };
        let mut p = skip(text, e, &[]);
        let has_so = lower[p..].starts_with("số") && !is_word(lower[p + "số".len()..].chars().next());
        if has_so {
            p = skip(text, p + "số".len(), &[':', '.']);
        }
        // The chain: digits, capitals, '/', '-', '.' with no space.
        let chain_start = p;
        if !text[p..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut chain_end = p;
        let mut capitals = false;
        for (i, c) in text[p..].char_indices() {
            // Lowercase only inside a code begun in capitals: "QĐ-TTg", "37-CTr/TU".
            capitals |= c.is_uppercase();
            if c.is_ascii_digit() || c.is_uppercase() || (capitals && crate::text::is_letter(c)) || matches!(c, '/' | '-' | '.') {
                chain_end = p + i + c.len_utf8();
            } else {
                break;
            }
        }
        if is_word(text[chain_end..].chars().next()) {
            continue; // "2024a", "3 dự án" never reach here, but "41-CTr" is no code
        }
        let designation = text[chain_start..chain_end].trim_end_matches(['.', '-', '/']);
        let chain_end = chain_start + designation.len();
        let number: String = designation.chars().take_while(char::is_ascii_digit).collect();
        let mut parts = designation[number.len()..].trim_start_matches(['/', '-', '.']);
        // "09/2008/QĐ-UBND": the year sits between number and code.
        if let Some(after_year) = parts.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).and_then(|_| parts.get(4..)) {
            if after_year.starts_with(['/', '-']) || after_year.is_empty() {
                parts = after_year.trim_start_matches(['/', '-']);
            }
        }
        let code = Some(parts.to_string()).filter(|c| c.chars().any(char::is_uppercase));
        if code.is_none() && !(has_so && designation.len() == number.len()) {
            continue;
        }
        let mut end = chain_end;
        let mut date = None;
        let q = skip(text, end, &[',']);
        if let Some((d, de)) = date_at(text, lower, q) {
            date = Some(d);
            end = de;
        }
        let mut issuer = None;
        let q = skip(text, end, &[',']);
        if lower[q..].starts_with("của ") {
            let q = skip(text, q + "của".len(), &[]);
            if let Some((k, name)) = t.issuers.iter().find(|(k, _)| lower[q..].starts_with(k.as_str()) && !is_word(lower[q + k.len()..].chars().next())) {
                issuer = Some(*name);
                end = q + k.len();
            }
        }
        let mut title = None;
        let mut q = skip(text, end, &[',']);
        if lower[q..].starts_with("về ") {
            q = skip(text, q + "về".len(), &[]);
        }
        if let Some(open) = text[q..].chars().next().filter(|c| matches!(c, '“' | '"')) {
            let close = if open == '“' { '”' } else { '"' };
            let body = q + open.len_utf8();
            if let Some(k) = text[body..].find(close).filter(|&k| k > 0 && k < 600 && !text[body..body + k].contains('\n')) {
                title = Some(text[body..body + k].trim().to_string());
                end = body + k + close.len_utf8();
            }
        }
        out.push(Reference { start: s, end, doc_type, designation: designation.to_string(), number, code, date, issuer, title });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::{normalize, Format};

    fn refs(s: &str) -> Vec<Reference> {
        let n = normalize(s, Format::Text);
        find_references(&n, &lexicon::scan(&n.lower))
    }

    #[test]
    fn party_directive_with_date_issuer_and_title() {
        let r = refs("Thực hiện Chỉ thị số 41-CT/TW ngày 15/4/2010 của Ban Bí thư về “Tăng cường công tác ngoại giao kinh tế”, tỉnh đã …");
        assert_eq!(r.len(), 1);
        let r = &r[0];
        assert_eq!((r.doc_type, r.number.as_str(), r.code.as_deref()), ("Chỉ thị", "41", Some("CT/TW")));
        assert_eq!(r.date.as_deref(), Some("2010-04-15"));
        assert_eq!(r.issuer, Some("Ban Bí thư"));
        assert_eq!(r.title.as_deref(), Some("Tăng cường công tác ngoại giao kinh tế"));
    }

    #[test]
    fn codes_and_years() {
        let r = refs("Nghị quyết 22-NQ/TW, Quyết định số 1130/QĐ-UBND, Kế hoạch số 45/KH-UBND và Kết luận 12-KL/TW; Quyết định số 09/2008/QĐ-UBND ngày 5 tháng 3 năm 2008 của UBND tỉnh.");
        let got: Vec<_> = r.iter().map(|r| (r.doc_type, r.number.as_str(), r.code.as_deref().unwrap_or(""))).collect();
        assert_eq!(got, [("Nghị quyết", "22", "NQ/TW"), ("Quyết định", "1130", "QĐ-UBND"), ("Kế hoạch", "45", "KH-UBND"), ("Kết luận", "12", "KL/TW"), ("Quyết định", "09", "QĐ-UBND")]);
        assert_eq!(r[4].date.as_deref(), Some("2008-03-05"));
        assert_eq!(r[4].issuer, Some("UBND tỉnh"));
    }

    #[test]
    fn guards() {
        // A plan for a year, a law by name, a lowercase word, a bare figure: no reference.
        assert!(refs("Kế hoạch 2024 đề ra 15 đoàn; Luật Đầu tư; theo kế hoạch số 3 và quyết định 12-QĐ/TW").is_empty());
        assert!(refs("Chương trình 135 hỗ trợ").is_empty());
        // Lowercase inside a code begun in capitals.
        let r = refs("Chỉ thị số 25/CT-TTg ngày 10/9/2021 của Thủ tướng Chính phủ; Chương trình hành động số 37-CTr/TU");
        assert_eq!(r.iter().map(|r| r.code.as_deref().unwrap_or("")).collect::<Vec<_>>(), ["CT-TTg", "CTr/TU"]);
        assert_eq!(r[0].issuer, Some("Thủ tướng Chính phủ"));
        assert_eq!(refs("Kế hoạch số 45 của UBND tỉnh")[0].issuer, Some("UBND tỉnh"));
    }
}

/// A person named with an honorific or a title, in normalized byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRef {
    pub start: usize,
    pub end: usize,
    /// The name as written ("Trần Sỹ Thanh", "Choi Young-sam").
    pub name: String,
    /// The office named with it ("Bí thư Tỉnh ủy", "Đại sứ Hàn Quốc tại Việt Nam").
    pub role: Option<String>,
}

const HONORIFICS: &[&str] = &["đồng chí", "ông", "bà", "ngài", "đ/c"];
/// Words inside a role that join its capitalized parts ("Đại sứ Hàn Quốc tại Việt Nam").
const ROLE_JOINERS: &[&str] = &["tại", "của", "và", "nước", "tỉnh", "thành", "phố", "khu", "tự", "trị", "dân", "tộc", "ban", "sở", "bộ", "ủy", "nhân"];

/// Words that end a role even right after a capitalized word ("Giám đốc Sở phát biểu").
const ROLE_VERBS: &[&str] = &["phát", "cho", "đã", "đang", "sẽ", "đến", "làm", "tiếp", "có", "là", "được", "thăm", "chủ", "dự", "tham", "trao", "ký", "gặp", "hội", "nói", "khẳng", "nhấn", "đề", "chúc", "cùng", "với", "về", "trong", "tới"];

/// The titles of `titles.tsv`, normalized, longest first, grouped by their
/// first two characters (groups sorted by them) so a position is compared
/// only with titles that can match. Every capitalized word asks, so the
/// lookup is a binary search over a few dozen keys rather than a hash, and
/// two characters leave a handful of titles where one left up to sixteen.
fn titles() -> &'static [([char; 2], Vec<String>)] {
    static T: OnceLock<Vec<([char; 2], Vec<String>)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<String> = tsv_rows(include_str!("../data/titles.tsv")).filter_map(|r| r.first().map(|t| normalize_phrase(t))).collect();
        v.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let mut by_start: Vec<([char; 2], Vec<String>)> = Vec::new();
        for t in v {
            let Some(key) = first_two(&t) else { continue };
            match by_start.binary_search_by_key(&key, |g| g.0) {
                Ok(k) => by_start[k].1.push(t),
                Err(k) => by_start.insert(k, (key, vec![t])),
            }
        }
        by_start
    })
}

fn first_two(s: &str) -> Option<[char; 2]> {
    let mut c = s.chars();
    Some([c.next()?, c.next()?])
}

/// The title `text[p..]` starts with, if any (capitalized as in the table, on a word boundary).
fn title_at(text: &str, p: usize) -> Option<usize> {
    let rest = text.get(p..)?;
    let key = first_two(rest)?;
    let groups = titles();
    let candidates = &groups[groups.binary_search_by_key(&key, |g| g.0).ok()?].1;
    candidates.iter().find(|t| rest.starts_with(t.as_str()) && !is_word(rest[t.len()..].chars().next())).map(String::len)
}

/// The words of `text` from `p`: (start, end) of each, stopping at punctuation other than '-' inside a word.
fn next_word(text: &str, p: usize) -> Option<(usize, usize)> {
    let rest = text.get(p..)?;
    let len: usize = rest.chars().take_while(|&c| crate::text::is_letter(c) || c == '-' || c == '\'').map(char::len_utf8).sum();
    // "Kế hoạch- và Đầu tư": a dash after a word is no part of it.
    let len = rest[..len].trim_end_matches(['-', '\'']).len();
    (len > 0).then_some((p, p + len))
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A run of 2–5 capitalized words from `p` that stops before a title: the name's end.
fn name_run(text: &str, p: usize) -> Option<usize> {
    let mut end = p;
    let mut words = 0;
    let mut q = p;
    while let Some((s, e)) = next_word(text, q) {
        if !capitalized(&text[s..e]) || (words > 0 && title_at(text, s).is_some()) || words == 5 {
            break;
        }
        words += 1;
        end = e;
        if !text[e..].starts_with(' ') {
            break;
        }
        q = e + 1;
    }
    (words >= 2).then_some(end)
}

/// The role that starts at `p` with a title, up to punctuation, "và", or 14 words.
fn role_at(text: &str, p: usize) -> Option<usize> {
    let tl = title_at(text, p)?;
    let mut end = p + tl;
    let mut q = end;
    let mut words = 0;
    let mut prev_capitalized = false;
    while text[q..].starts_with(' ') && words < 14 {
        let Some((s, e)) = next_word(text, q + 1) else { break };
        let w = &text[s..e];
        // One lowercase syllable may finish a capitalized word ("Ngoại vụ", "Tỉnh ủy"), not a verb.
        let tail = prev_capitalized && !ROLE_VERBS.contains(&w);
        if !(capitalized(w) || ROLE_JOINERS.contains(&w) || tail) || w == "và" {
            break;
        }
        prev_capitalized = capitalized(w);
        words += 1;
        end = e;
        q = e;
    }
    // A joiner does not end a role.
    while let Some(cut) = text[p..end].rfind(' ').map(|k| p + k) {
        if matches!(&text[cut + 1..end], "tại" | "của" | "và" | "nước") {
            end = cut;
        } else {
            break;
        }
    }
    Some(end)
}

/// People named with an honorific ("ông Hoàng Xuân Thuận, Giám đốc Sở Ngoại
/// vụ") or right after a title ending in a place or organization ("Đại sứ Hàn
/// Quốc tại Việt Nam Choi Young-sam"). `places` are the gazetteer mentions
/// (sorted): a name may not be one ("bà Rịa" is no person, "Bà Rịa" a place);
/// `toks` are the text's tokens.
pub fn find_people(norm: &Normalized, toks: &[Token], places: &[(usize, usize)]) -> Vec<PersonRef> {
    let (text, lower) = (norm.text.as_str(), norm.lower.as_str());
    let is_place_at = |p: usize| places.binary_search_by_key(&p, |m| m.0).is_ok();
    let mut out: Vec<PersonRef> = Vec::new();
    // Where the last person found ends: nothing before it is read again.
    let mut done = 0;
    for (k, t) in toks.iter().enumerate() {
        // Both kinds start with a word not glued to a letter or digit before it.
        let glued = k > 0 && toks[k - 1].end == t.start && matches!(toks[k - 1].kind, TokKind::Word | TokKind::Number);
        if t.kind != TokKind::Word || t.start < done || glued {
            continue;
        }
        let p = t.start;
        // Most words share no first byte with an honorific: one byte decides.
        let first = lower.as_bytes().get(p).copied();
        let hon = HONORIFICS
            .iter()
            .filter(|h| h.as_bytes().first().copied() == first)
            .find(|h| lower[p..].starts_with(*h) && lower[p + h.len()..].starts_with(' '));
        if let Some(h) = hon {
            let ns = p + h.len() + 1;
            if let Some(ne) = name_run(text, ns).filter(|_| !is_place_at(ns) && title_at(text, ns).is_none()) {
                let mut end = ne;
                let mut role = None;
                let q = skip(text, ne, &[',', '-', '–', '(']);
                if q > ne {
                    if let Some(re) = role_at(text, q) {
                        role = Some(text[q..re].to_string());
                        end = re;
                    }
                }
                out.push(PersonRef { start: p, end, name: text[ns..ne].to_string(), role });
                done = end;
                continue;
            }
        }
        // A title then capitalized words: the name is what follows the places in it.
        // A word opening with an ASCII small letter, most of them, is not.
        if text.as_bytes().get(p).is_some_and(|b| !b.is_ascii_lowercase()) && capitalized(&text[p..]) {
            if let Some(re) = role_at(text, p) {
                // The name follows the last place inside the role ("…tại Việt Nam Choi Young-sam").
                // Places are sorted by start: only those starting inside the role.
                let lo = places.partition_point(|m| m.0 <= p);
                let hi = places.partition_point(|m| m.0 < re);
                let last_place = places[lo..hi].iter().filter(|m| m.1 <= re).map(|m| m.1).next_back();
                if let Some(re) = last_place.filter(|&e| text[e..].starts_with(' ')) {
                    let ns = re + 1;
                    if let Some(ne) = name_run(text, ns).filter(|_| !is_place_at(ns)) {
                        out.push(PersonRef { start: p, end: ne, name: text[ns..ne].to_string(), role: Some(text[p..re].to_string()) });
                        done = ne;
                        continue;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod people_tests {
    use super::*;
    use crate::text::normalize::{normalize, Format};
    use crate::extract::entities::find_places;

    fn people(s: &str) -> Vec<(String, Option<String>)> {
        let n = normalize(s, Format::Text);
        let places: Vec<(usize, usize)> = find_places(&n, &lexicon::scan(&n.lower)).iter().map(|m| (m.start, m.end)).collect();
        find_people(&n, &crate::text::tokens::tokenize(&n.text), &places).into_iter().map(|p| (p.name, p.role)).collect()
    }

    #[test]
    fn honorific_name_and_role() {
        assert_eq!(people("đồng chí Trần Sỹ Thanh, Bí thư Tỉnh ủy, phát biểu"), [("Trần Sỹ Thanh".into(), Some("Bí thư Tỉnh ủy".into()))]);
        assert_eq!(people("Ông Hoàng Xuân Thuận, Giám đốc Sở Ngoại vụ cho biết"), [("Hoàng Xuân Thuận".into(), Some("Giám đốc Sở Ngoại vụ".into()))]);
        assert_eq!(people("tiếp ngài Kim Jong-un"), [("Kim Jong-un".into(), None)]);
        assert_eq!(people("ông Nguyễn Khắc Nhu- Phó Giám đốc Sở Kế hoạch- và Đầu tư")[0].1.as_deref(), Some("Phó Giám đốc Sở Kế hoạch"));
        assert_eq!(people("đồng chí Phạm Ngọc Thưởng, Chủ tịch UBND tỉnh dẫn đầu")[0].1.as_deref(), Some("Chủ tịch UBND tỉnh"));
    }

    #[test]
    fn title_place_then_foreign_name() {
        assert_eq!(people("tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam."), [("Choi Young-sam".into(), Some("Đại sứ Hàn Quốc tại Việt Nam".into()))]);
    }

    #[test]
    fn title_and_document_tables_load_without_duplicates() {
        let mut seen = std::collections::HashSet::new();
        for t in titles().iter().flat_map(|g| &g.1) {
            assert!(seen.insert(t.clone()), "title {t}");
        }
        assert!(seen.len() >= 40);
        // Grouping by the first two characters leaves none out.
        assert_eq!(seen.len(), tsv_rows(include_str!("../data/titles.tsv")).count());
        let mut seen = std::collections::HashSet::new();
        for r in tsv_rows(include_str!("../data/document_types.tsv")) {
            assert!(matches!(r[0], "type" | "issuer"), "kind {}", r[0]);
            assert!(seen.insert(phrase_key(r[1])), "name {}", r[1]);
        }
        assert!(document_types().len() >= 15 && tables().issuers.len() >= 20);
    }

    #[test]
    fn guards() {
        // A province after "bà", one capitalized word, a lowercase word, a title without a name.
        assert!(people("tỉnh Bà Rịa - Vũng Tàu; ông Ba; ông bà tổ tiên; Giám đốc Sở Ngoại vụ").is_empty());
    }
}
