//! Named places and bodies: countries and territories, foreign localities,
//! Vietnamese provinces, organizations and trade agreements — found in the
//! lowercased normalized text by the one pass of `extract::lexicon`, with
//! the guards real text needs.
//!
//! Guards: matches sit on word boundaries; names that are also common
//! words ("Anh", "Pháp", "Mỹ", "Ý", "Nhật") count only capitalized and not
//! as the tail of a personal name ("Nguyễn Thị Nga"); phrases in
//! `data/not_names.tsv` ("pháp luật", "miền Nam") block the name inside
//! them; a foreign locality that is also a Vietnamese place name ("Hà Nam")
//! counts as foreign only when its country is named right after it; an
//! abbreviation of an organization or agreement ("WHO", "UN", "EU") counts
//! only in the capitals it is written with.
//! Cited documents and people are not found here yet.

use crate::text::phrases::leak;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::lexicon::{Hits, Table};
use serde::Serialize;

use crate::text::phrases::{phrase_key, normalize_phrase, tsv_rows};
use crate::text::Normalized;

/// What a named place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceType {
    Country,
    ForeignLocality,
    Province,
    /// An international or Vietnamese organization (ASEAN, JICA, VCCI).
    Organization,
    /// A trade or economic agreement (CPTPP, EVFTA).
    Agreement,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceType,
    /// Canonical Vietnamese name.
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 for countries and foreign localities (their
    /// country's); the province's name for Vietnamese provinces.
    pub code: &'static str,
    /// For provinces: the 2025 province it is part of.
    pub merged_into: Option<&'static str>,
    /// For provinces: `old`, `new` or `both` (the 63 before and the 34 after 2025).
    pub era: Option<&'static str>,
    /// For organizations: the country they belong to (`JP` for JICA, `VN` for
    /// VCCI); none for international ones.
    pub home: Option<&'static str>,
    /// Names of this entry that are also ordinary words (match capitalized only).
    common: Vec<String>,
    /// Also a Vietnamese place name: needs its country named after it, and
    /// this is that country's name as the lowercased text holds it (none when
    /// the country is not in the gazetteer, and then it never counts).
    ambiguous: Option<Option<String>>,
    /// Abbreviations: (lowercased key, normalized form as written); they
    /// match only in these exact capitals.
    exact: Vec<(String, String)>,
}

/// A mention of a place in normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMention {
    pub place: usize,
    pub start: usize,
    pub end: usize,
}

struct Gazetteer {
    places: Vec<Place>,
    /// Every distinct lowercased name and blocking phrase.
    phrases: Vec<String>,
    /// Phrase index → places it names (empty for blocking phrases).
    targets: Vec<Vec<usize>>,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut places = Vec::new();
        let mut names: Vec<(usize, String)> = Vec::new();
        let add_names = |idx: usize, list: &[&str], names: &mut Vec<(usize, String)>| {
            for n in list.iter().filter(|n| !n.is_empty()) {
                names.push((idx, phrase_key(n)));
            }
        };
        for r in tsv_rows(include_str!("../data/countries.tsv")).filter(|r| r.len() >= 3) {
            let idx = places.len();
            let common = r.get(4).map(|c| c.split('|').filter(|s| !s.is_empty()).map(phrase_key).collect()).unwrap_or_default();
            places.push(Place { kind: PlaceType::Country, name: leak(r[1]), code: leak(r[0]), merged_into: None, era: None, home: None, common, ambiguous: None, exact: Vec::new() });
            let variants: Vec<&str> = r.get(3).map(|v| v.split('|').collect()).unwrap_or_default();
            add_names(idx, &[r[1], r[2]], &mut names);
            add_names(idx, &variants, &mut names);
        }
        for r in tsv_rows(include_str!("../data/foreign_localities.tsv")).filter(|r| r.len() >= 3) {
            let idx = places.len();
            let ambiguous = r.get(4).is_some_and(|a| *a == "VN").then(|| {
                // Countries are read first.
                places.iter().find(|c| c.kind == PlaceType::Country && c.code == r[1]).map(|c| phrase_key(c.name))
            });
            places.push(Place { kind: PlaceType::ForeignLocality, name: leak(r[0]), code: leak(r[1]), merged_into: None, era: None, home: None, common: Vec::new(), ambiguous, exact: Vec::new() });
            let variants: Vec<&str> = r.get(3).map(|v| v.split('|').collect()).unwrap_or_default();
            add_names(idx, &[r[0]], &mut names);
            add_names(idx, &variants, &mut names);
        }
        for r in tsv_rows(include_str!("../data/provinces.tsv")).filter(|r| r.len() >= 3) {
            let idx = places.len();
            let merged = r.get(3).filter(|m| !m.is_empty()).map(|m| leak(m));
            places.push(Place { kind: PlaceType::Province, name: leak(r[0]), code: leak(r[0]), merged_into: merged, era: Some(leak(r[2])), home: None, common: Vec::new(), ambiguous: None, exact: Vec::new() });
            let variants: Vec<&str> = r.get(4).map(|v| v.split('|').collect()).unwrap_or_default();
            add_names(idx, &[r[0]], &mut names);
            add_names(idx, &variants, &mut names);
        }
        for (data, kind) in [
            (include_str!("../data/organizations.tsv"), PlaceType::Organization),
            (include_str!("../data/agreements.tsv"), PlaceType::Agreement),
        ] {
            for r in tsv_rows(data).filter(|r| r.len() >= 2) {
                let idx = places.len();
                let mut all: Vec<&str> = vec![r[0], r[1]];
                all.extend(r.get(3).map(|v| v.split('|').collect::<Vec<_>>()).unwrap_or_default());
                let exact = all.iter().filter(|n| is_abbreviation(n)).map(|n| (phrase_key(n), normalize_phrase(n))).collect();
                let home = r.get(4).filter(|h| !h.is_empty()).map(|h| leak(h));
                places.push(Place { kind, name: leak(r[1]), code: leak(r[0]), merged_into: None, era: None, home, common: Vec::new(), ambiguous: None, exact });
                add_names(idx, &all, &mut names);
            }
        }
        // One pattern per distinct key; a key may name several places.
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (idx, k) in names {
            let list = by_key.entry(k).or_default();
            if !list.contains(&idx) {
                list.push(idx);
            }
        }
        for row in tsv_rows(include_str!("../data/not_names.tsv")) {
            if let Some(p) = row.first() {
                by_key.entry(phrase_key(p)).or_default().clear();
            }
        }
        let (phrases, targets): (Vec<String>, Vec<Vec<usize>>) = by_key.into_iter().unzip();
        Gazetteer { places, phrases, targets }
    })
}

/// All gazetteer entries.
pub fn places() -> &'static [Place] {
    &gazetteer().places
}

/// A name written in capitals (and digits): "ASEAN", "G20", "UN Women" is not.
fn is_abbreviation(name: &str) -> bool {
    name.chars().any(crate::text::is_letter) && !name.chars().any(char::is_lowercase)
}

/// The names and blocking phrases, lowercased and normalized, for `lexicon`.
pub(super) fn phrases() -> &'static [String] {
    &gazetteer().phrases
}

/// Every place named in the text, in order, from the text's lexicon pass.
pub fn find_places(norm: &Normalized, hits: &Hits) -> Vec<PlaceMention> {
    let g = gazetteer();
    let (text, lower) = (&norm.text, &norm.lower);
    let mut out = Vec::new();
    for m in hits.of(Table::Places) {
        let (s, e) = (m.start, m.end);
        let Some(cands) = g.targets.get(m.pattern).filter(|c| !c.is_empty()) else { continue };
        let capitalized = text[s..].chars().next().is_some_and(char::is_uppercase);
        let after = lower[e..].trim_start_matches([' ', '(', ',', '-']);
        let chosen = cands.iter().copied().find(|&idx| {
            let p = &g.places[idx];
            if p.common.iter().any(|c| c == &lower[s..e]) {
                // A common word: capitalized, and not the tail of a personal name.
                let prev_word_capitalized = text[..s]
                    .strip_suffix(' ')
                    .filter(|t| t.chars().next_back().is_some_and(crate::text::is_letter))
                    .and_then(|t| t.rsplit(' ').next())
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase);
                if !capitalized || prev_word_capitalized {
                    return false;
                }
            }
            // "ASEAN" and "WHO" only in capitals: "who", "un" are words.
            if let Some((_, form)) = p.exact.iter().find(|(k, _)| k == &lower[s..e]) {
                return text.get(s..e) == Some(form.as_str());
            }
            // Provinces and foreign localities are proper nouns: "hòa bình"
            // (peace) is no province, "Hòa Bình" is.
            if p.kind != PlaceType::Country && !capitalized {
                return false;
            }
            if let Some(country) = &p.ambiguous {
                return country.as_ref().is_some_and(|k| after.starts_with(k.as_str()));
            }
            true
        });
        if let Some(place) = chosen {
            out.push(PlaceMention { place, start: s, end: e });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::{normalize, Format};

    fn found(s: &str) -> Vec<(&'static str, PlaceType)> {
        let n = normalize(s, Format::Text);
        find_places(&n, &super::super::lexicon::scan(&n.lower)).iter().map(|m| (places()[m.place].code, places()[m.place].kind)).collect()
    }

    #[test]
    fn gazetteers_load_without_duplicate_keys() {
        let p = places();
        assert!(p.iter().filter(|x| x.kind == PlaceType::Country).count() >= 249);
        assert_eq!(p.iter().filter(|x| x.kind == PlaceType::Province && x.era != Some("new")).count(), 63);
        assert_eq!(p.iter().filter(|x| x.kind == PlaceType::Province && x.era != Some("old")).count(), 34);
        let mut codes: Vec<_> = p.iter().filter(|x| x.kind == PlaceType::Country).map(|x| x.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate country codes");
    }

    #[test]
    fn countries_and_variants() {
        assert_eq!(found("hợp tác với Hoa Kỳ, Mỹ và Ô-xtrây-li-a"), [("US", PlaceType::Country), ("US", PlaceType::Country), ("AU", PlaceType::Country)]);
        assert_eq!(found("Đài Loan (Trung Quốc)")[0].0, "TW");
    }

    #[test]
    fn guards() {
        assert!(found("Pháp luật và các biện pháp").is_empty());
        assert_eq!(found("hợp tác với Pháp"), [("FR", PlaceType::Country)]);
        assert_eq!(found("Việt Nam, miền Nam"), [("VN", PlaceType::Country)]);
        assert!(found("anh em và tiếng Anh của anh").iter().all(|(c, _)| *c != "GB"));
        assert_eq!(found("hợp tác với Anh và Nga"), [("GB", PlaceType::Country), ("RU", PlaceType::Country)]);
        assert!(found("bà Nguyễn Thị Nga").is_empty());
    }

    #[test]
    fn localities_and_provinces() {
        let f = found("tỉnh Lạng Sơn và Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)");
        assert_eq!(f[0], ("Lạng Sơn", PlaceType::Province));
        assert_eq!(f[1], ("CN", PlaceType::ForeignLocality));
        assert_eq!(found("tỉnh Hà Nam")[0], ("Hà Nam", PlaceType::Province));
        assert!(found("vì hòa bình và thái bình").is_empty());
        assert_eq!(found("TP.HCM và Thừa Thiên Huế").iter().map(|x| x.0).collect::<Vec<_>>(), ["Hồ Chí Minh", "Huế"]);
    }

    #[test]
    fn organizations_and_agreements() {
        assert_eq!(found("hợp tác với JICA, KOICA và Ngân hàng Thế giới"), [("JICA", PlaceType::Organization), ("KOICA", PlaceType::Organization), ("WB", PlaceType::Organization)]);
        assert_eq!(found("thực thi Hiệp định EVFTA, CPTPP và RCEP"), [("EVFTA", PlaceType::Agreement), ("CPTPP", PlaceType::Agreement), ("RCEP", PlaceType::Agreement)]);
        // The full name wins over the province inside it ("Thái Bình").
        assert_eq!(found("Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương"), [("CPTPP", PlaceType::Agreement)]);
        assert_eq!(found("Tổ chức Y tế Thế giới (WHO)"), [("WHO", PlaceType::Organization), ("WHO", PlaceType::Organization)]);
    }

    #[test]
    fn abbreviation_guard() {
        // Abbreviations count only in capitals: "who", "un", "eu" are words elsewhere.
        assert!(found("who are the un people, eu, Asean").is_empty());
        assert_eq!(found("UN và EU"), [("UN", PlaceType::Organization), ("EU", PlaceType::Organization)]);
        // A full name still counts capitalized, not as ordinary words.
        assert!(found("ngân hàng thế giới").is_empty());
    }

    #[test]
    fn organization_and_agreement_tables_have_unique_keys() {
        for data in [include_str!("../data/organizations.tsv"), include_str!("../data/agreements.tsv")] {
            let mut seen = std::collections::HashSet::new();
            for r in tsv_rows(data) {
                assert!(r.len() >= 3, "short row {r:?}");
                let mut names = vec![r[0], r[1]];
                names.extend(r.get(3).map(|v| v.split('|').filter(|x| !x.is_empty()).collect::<Vec<_>>()).unwrap_or_default());
                for n in names {
                    assert!(seen.insert(phrase_key(n)), "duplicate name {n}");
                }
            }
        }
    }
}
