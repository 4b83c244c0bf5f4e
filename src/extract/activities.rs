//! Activities in the spirit of event coding (GDELT's CAMEO): visits made
//! and hosted, meetings and talks, agreements signed, aid received and
//! given — each found from a trigger word of `data/activity_triggers.tsv`
//! in a sentence that also names a foreign counterpart or holds a figure of
//! the activity's kind.
//!
//! Who acts decides the type: "tỉnh Lào Cai cử đoàn" is a visit made,
//! "tỉnh Vân Nam cử đoàn sang" one hosted. The subject is the nearest place
//! named before the trigger in its clause. This module finds activities in
//! normalized byte offsets; linking figures and building the report's
//! objects is `extract`'s job. It does not resolve who the people are.

use crate::text::phrases::leak;
use std::sync::OnceLock;

use super::entities::{places, PlaceMention, PlaceType};
use super::lexicon::{self, Hits};
use crate::text::phrases::{phrase_key, tsv_rows};
use crate::text::Normalized;

/// A kind of activity, from `data/activity_types.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityType {
    pub key: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// The nearest CAMEO event code.
    pub cameo: &'static str,
    /// Metric kinds that count such acts.
    pub metric_kinds: Vec<&'static str>,
}

/// What a trigger means, by its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Type(usize),
    /// Decided by the place after the trigger.
    VisitByObject,
}

#[derive(Debug, Clone, Copy)]
struct Trigger {
    vietnamese: Meaning,
    foreign: Meaning,
    none: Meaning,
}

/// An activity found in a sentence, in normalized byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index into [`activity_types`].
    pub kind: usize,
    pub trigger: (usize, usize),
    pub sentence: (usize, usize),
    /// Mentions (indices into the caller's list) of the foreign counterparts.
    pub counterparts: Vec<usize>,
}

struct Table {
    types: Vec<ActivityType>,
    /// The trigger phrases, lowercased and normalized.
    phrases: Vec<String>,
    /// Phrase → its meaning, or none for a blocking phrase.
    triggers: Vec<Option<Trigger>>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let types: Vec<ActivityType> = tsv_rows(include_str!("../data/activity_types.tsv"))
            .filter(|r| r.len() >= 4)
            .map(|r| ActivityType {
                key: leak(r[0]),
                label_vi: leak(r[1]),
                label_en: leak(r[2]),
                cameo: leak(r[3]),
                metric_kinds: r.get(4).map(|k| k.split('|').filter(|k| !k.is_empty()).map(leak).collect()).unwrap_or_default(),
            })
            .collect();
        let meaning = |v: &str| match v {
            "?visit" => Some(Meaning::VisitByObject),
            key => types.iter().position(|t| t.key == key).map(Meaning::Type),
        };
        let mut phrases = Vec::new();
        let mut triggers = Vec::new();
        for r in tsv_rows(include_str!("../data/activity_triggers.tsv")).filter(|r| r.len() >= 4) {
            phrases.push(phrase_key(r[0]));
            triggers.push(match (meaning(r[1]), meaning(r[2]), meaning(r[3])) {
                (Some(vietnamese), Some(foreign), Some(none)) => Some(Trigger { vietnamese, foreign, none }),
                _ => None,
            });
        }
        Table { types, phrases, triggers }
    })
}

/// The trigger phrases, lowercased and normalized, for `lexicon`.
pub(super) fn phrases() -> &'static [String] {
    &table().phrases
}

/// The kinds of activity, in table order.
pub fn activity_types() -> &'static [ActivityType] {
    &table().types
}

/// Which side a named place is on, if it names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Vietnamese,
    Foreign,
}

fn side_of(m: &PlaceMention) -> Option<Side> {
    let p = places().get(m.place)?;
    match p.kind {
        PlaceType::Province => Some(Side::Vietnamese),
        PlaceType::Country if p.code == "VN" => Some(Side::Vietnamese),
        PlaceType::Country | PlaceType::ForeignLocality => Some(Side::Foreign),
        PlaceType::Organization if p.home == Some("VN") => Some(Side::Vietnamese),
        PlaceType::Organization => Some(Side::Foreign),
        PlaceType::Agreement => None,
    }
}

/// Words that make the place after them an object ("quan hệ với nước bạn
/// Campuchia", "tại Hàn Quốc"), not who acts.
const PREPOSITIONS: [&str; 8] = ["với", "tại", "ở", "cho", "sang", "đến", "từ", "cùng"];

/// Whether the few words before a place (back to a comma or the previous
/// place) hold a preposition.
fn governed_by_preposition(before: &str) -> bool {
    let phrase = before.rsplit([',', ';', '(']).next().unwrap_or("");
    phrase.split_whitespace().rev().take(4).any(|w| PREPOSITIONS.contains(&w))
}

/// The activities of the text, sentence by sentence in text order, at most
/// one of each type per sentence. `sentences` are in text order,
/// `mentions` sorted by start; `counted(kind, sentence)` says whether the
/// sentence holds a figure of one of the metric kinds given.
pub fn find_activities(
    norm: &Normalized,
    hits: &Hits,
    sentences: &[(usize, usize)],
    mentions: &[PlaceMention],
    counted: &dyn Fn(&[&'static str], (usize, usize)) -> bool,
) -> Vec<Found> {
    let t = table();
    let lower = norm.lower.as_str();
    let text = norm.text.as_str();
    let mut out: Vec<Found> = Vec::new();
    // (clause start, start of its first trigger)
    let mut first_in_clause: Option<(usize, usize)> = None;
    for m in hits.of(lexicon::Table::ActivityTriggers) {
        let (s, e) = (m.start, m.end);
        let Some(Some(trigger)) = t.triggers.get(m.pattern) else { continue };
        let k = sentences.partition_point(|r| r.0 <= s).saturating_sub(1);
        let Some(&sentence) = sentences.get(k) else { continue };
        let lo = mentions.partition_point(|x| x.start < sentence.0);
        let hi = mentions.partition_point(|x| x.start < sentence.1);
        let in_sentence = &mentions[lo..hi];
        // The subject: the nearest place before the trigger in its clause —
        // before the clause's first trigger, since verbs joined in one clause
        // share their subject ("Lào Cai đón 25 đoàn của Vân Nam và cử 18
        // đoàn": Vân Nam is the object of "đón", not who sends).
        let clause_start = text.get(sentence.0..s).and_then(|c| c.rfind([';', ':'])).map_or(sentence.0, |k| sentence.0 + k);
        let subject_end = match first_in_clause {
            Some((c, first)) if c == clause_start => first,
            _ => {
                first_in_clause = Some((clause_start, s));
                s
            }
        };
        let before: Vec<&PlaceMention> = in_sentence.iter().filter(|x| x.end <= subject_end && x.start >= clause_start).collect();
        let subject = before
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, x)| {
                let from = i.checked_sub(1).and_then(|j| before.get(j)).map_or(clause_start, |p| p.end.max(clause_start));
                !governed_by_preposition(lower.get(from..x.start).unwrap_or(""))
            })
            .find_map(|(_, x)| side_of(x));
        let meaning = match subject {
            Some(Side::Vietnamese) => trigger.vietnamese,
            Some(Side::Foreign) => trigger.foreign,
            None => trigger.none,
        };
        let kind = match meaning {
            Meaning::Type(k) => k,
            Meaning::VisitByObject => {
                let object = in_sentence.iter().filter(|x| x.start >= e).find_map(side_of);
                let key = if object == Some(Side::Foreign) { "visit_out" } else { "visit_in" };
                let Some(k) = t.types.iter().position(|t| t.key == key) else { continue };
                k
            }
        };
        // Triggers come in text order, so this sentence's activities are
        // the last ones found: looking only there keeps the pass linear.
        if out.iter().rev().take_while(|f| f.sentence == sentence).any(|f| f.kind == kind) {
            continue;
        }
        let mut counterparts: Vec<usize> = Vec::new();
        for (i, x) in in_sentence.iter().enumerate() {
            let same_place = |j: &usize| mentions.get(*j).is_some_and(|y| y.place == x.place);
            if x.end <= sentence.1 && side_of(x) == Some(Side::Foreign) && !counterparts.iter().any(same_place) {
                counterparts.push(lo + i);
            }
        }
        let Some(ty) = t.types.get(kind) else { continue };
        // Aid given needs someone to give it to, after the word.
        let given_to = ty.key != "aid_given" || counterparts.iter().any(|&j| mentions.get(j).is_some_and(|y| y.start >= e));
        let with_whom = !counterparts.is_empty() && given_to;
        if with_whom || (ty.key != "aid_given" && counted(&ty.metric_kinds, sentence)) {
            out.push(Found { kind, trigger: (s, e), sentence, counterparts });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::{normalize, Format};
    use crate::extract::entities::find_places;

    /// (type, counterparts' names) of each activity of `s`; `counted` says
    /// every sentence holding a digit has a figure of every kind.
    fn found(s: &str) -> Vec<(&'static str, Vec<&'static str>)> {
        let n = normalize(s, Format::Text);
        let sentences = crate::text::segment::segment(&n.text).sentences;
        let hits = lexicon::scan(&n.lower);
        let mut mentions = find_places(&n, &hits);
        mentions.sort_by_key(|m| m.start);
        let text = n.text.clone();
        let counted = move |_: &[&'static str], (a, b): (usize, usize)| text[a..b].chars().any(|c| c.is_ascii_digit());
        find_activities(&n, &hits, &sentences, &mentions, &counted)
            .into_iter()
            .map(|f| (activity_types()[f.kind].key, f.counterparts.iter().map(|&j| places()[mentions[j].place].name).collect()))
            .collect()
    }

    #[test]
    fn tables_load_with_unique_phrases_and_known_types() {
        let keys: Vec<&str> = activity_types().iter().map(|t| t.key).collect();
        assert_eq!(keys, ["visit_out", "visit_in", "meeting", "agreement", "aid_received", "aid_given"]);
        let kinds: Vec<&str> = crate::extract::kinds::all_kinds().iter().map(|k| k.kind).collect();
        for t in activity_types() {
            for k in &t.metric_kinds {
                assert!(kinds.contains(k), "unknown metric kind {k}");
            }
        }
        let mut seen = std::collections::HashSet::new();
        for r in tsv_rows(include_str!("../data/activity_triggers.tsv")) {
            assert!(seen.insert(r[0]), "duplicate trigger {}", r[0]);
            for v in &r[1..4] {
                assert!(*v == "-" || *v == "?visit" || keys.contains(v), "unknown type {v}");
            }
        }
        assert_eq!(table().triggers.len(), seen.len());
    }

    #[test]
    fn the_subject_decides_who_visits_whom() {
        assert_eq!(found("Đoàn đại biểu tỉnh Lào Cai sang thăm tỉnh Vân Nam (Trung Quốc)."), [("visit_out", vec!["Vân Nam", "Trung Quốc"])]);
        assert_eq!(found("Đoàn đại biểu tỉnh Vân Nam (Trung Quốc) thăm và làm việc tại tỉnh Lào Cai."), [("visit_in", vec!["Vân Nam", "Trung Quốc"])]);
        assert_eq!(found("Tỉnh Savannakhet cử đoàn sang chúc Tết tỉnh Quảng Trị."), [("visit_in", vec!["Xa-van-na-khẹt"])]);
        // No place before the trigger: the place after decides.
        assert_eq!(found("Đoàn công tác thăm và làm việc tại Nhật Bản."), [("visit_out", vec!["Nhật Bản"])]);
        // A place after "với", "tại" … is an object, not who acts.
        assert_eq!(found("Trong quan hệ với nước bạn Campuchia, tỉnh trao tặng tỉnh Kampot 50 tấn gạo."), [("aid_given", vec!["Campuchia", "Kam-pốt"])]);
        // Joined verbs share the subject: the object of the first is not who acts in the second.
        assert_eq!(
            found("Năm 2023, Lào Cai đã đón 25 đoàn của tỉnh Vân Nam (Trung Quốc) và cử 18 đoàn sang Vân Nam."),
            [("visit_in", vec!["Vân Nam", "Trung Quốc"]), ("visit_out", vec!["Vân Nam", "Trung Quốc"])]
        );
        // Counted figures without a named partner.
        assert_eq!(found("Năm 2023, tỉnh cử 40 đoàn đi nước ngoài và đón 52 đoàn khách quốc tế."), [("visit_out", vec![]), ("visit_in", vec![])]);
    }

    #[test]
    fn one_activity_of_a_type_per_sentence() {
        // Two visits in one sentence are one activity, with a meeting found
        // between them; the next sentence's visit is another.
        assert_eq!(
            found("Tỉnh đón đoàn Nhật Bản, hội đàm với Lào và tiếp đoàn Hàn Quốc. Tỉnh đón đoàn Campuchia."),
            [("visit_in", vec!["Nhật Bản", "Lào", "Hàn Quốc"]), ("meeting", vec!["Nhật Bản", "Lào", "Hàn Quốc"]), ("visit_in", vec!["Campuchia"])]
        );
    }

    #[test]
    fn meetings_agreements_and_aid() {
        assert_eq!(
            found("Chủ tịch UBND tỉnh hội đàm và ký kết biên bản ghi nhớ với Thống đốc tỉnh Gangwon (Hàn Quốc)."),
            [("meeting", vec!["Gangwon", "Hàn Quốc"]), ("agreement", vec!["Gangwon", "Hàn Quốc"])]
        );
        assert_eq!(found("Tỉnh tiếp nhận 12 dự án viện trợ của JICA."), [("aid_received", vec!["Cơ quan Hợp tác Quốc tế Nhật Bản"])]);
        assert_eq!(found("Tỉnh trao tặng tỉnh Hủa Phăn 200 tấn gạo."), [("aid_given", vec!["Hủa Phăn"])]);
        // Aid given needs a receiver after the word.
        assert!(found("Nhật Bản đã ủng hộ.").iter().all(|(k, _)| *k != "aid_given"));
        // Receiving students is no aid.
        assert!(found("Tỉnh tiếp nhận 150 lưu học sinh Lào.").iter().all(|(k, _)| *k != "aid_received"));
    }

    #[test]
    fn blocking_phrases_and_domestic_sentences_are_no_activity() {
        assert!(found("Doanh nghiệp đăng ký 30 dự án; tiếp tục tiếp cận thị trường.").is_empty());
        assert!(found("Đại biểu tiếp xúc cử tri tại 12 xã.").is_empty());
        assert!(found("Nhân dân đón Tết an toàn.").is_empty());
        // A trigger with neither a foreign counterpart nor a figure.
        assert!(found("Lãnh đạo tỉnh làm việc với các sở.").is_empty());
    }
}
