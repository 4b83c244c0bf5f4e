//! Classification: which TAXONOMY.md kind a quantity is, from its unit and
//! the cues of its sentence, by the rules of `data/rules.tsv`.
//!
//! Cues come in families (direction, money topic, investment domain) where
//! the value nearest the figure wins — so in "cử 40 đoàn …; đón 52 đoàn"
//! each figure takes its own verb — and flags that only need to occur in the
//! sentence. A figure classified as projects or enterprises lends its domain
//! to the money figures after it ("30 dự án FDI với tổng vốn 372 triệu USD").

use crate::text::phrases::leak;
use std::sync::OnceLock;

use super::cues::{CueHit, Tag};
use crate::read::{Quantity, UnitClass};
use crate::text::phrases::tsv_rows;

#[derive(Debug, Clone)]
enum Cond {
    /// The family's nearest value is one of these (`-` = none).
    Family(&'static str, Vec<&'static str>),
    Flag(&'static str),
    NotFlag(&'static str),
    NearFlag(&'static str),
    /// The word right before the figure (and its qualifier) is one of these.
    WordBefore(Vec<&'static str>),
}

#[derive(Debug, Clone)]
struct Rule {
    kind: &'static str,
    units: Vec<&'static str>,
    conds: Vec<Cond>,
    line: usize,
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        tsv_rows(include_str!("../data/rules.tsv"))
            .enumerate()
            .filter_map(|(line, row)| {
                let kind = leak(row.first()?);
                let units = row.get(1)?.split('|').map(leak).collect();
                let conds = row
                    .get(2)
                    .map(|c| {
                        c.split_whitespace()
                            .filter_map(|c| {
                                if let Some(f) = c.strip_prefix('+') {
                                    Some(Cond::Flag(leak(f)))
                                } else if let Some(f) = c.strip_prefix('!') {
                                    Some(Cond::NotFlag(leak(f)))
                                } else if let Some(f) = c.strip_prefix('~') {
                                    Some(Cond::NearFlag(leak(f)))
                                } else if let Some(w) = c.strip_prefix('<') {
                                    Some(Cond::WordBefore(w.split('|').map(leak).collect()))
                                } else {
                                    let (fam, vals) = c.split_once('=')?;
                                    Some(Cond::Family(leak(fam), vals.split('|').map(leak).collect()))
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Some(Rule { kind, units, conds, line: line + 1 })
            })
            .collect()
    })
}

/// The cues around one figure.
pub struct Context<'a> {
    /// Cues of the sentence, in order, including domains lent by earlier figures.
    pub hits: &'a [CueHit],
    /// Cues before the sentence (its paragraph and up to two before it in
    /// the section): a topic set there carries on.
    pub paragraph: &'a [CueHit],
    /// Where the figure's own paragraph starts.
    pub para_start: usize,
    /// The figure's span.
    pub start: usize,
    pub end: usize,
    /// End of the noun phrase after the figure.
    pub near_end: usize,
    /// The figure stands right after an opening parenthesis.
    pub in_parens: bool,
    /// The figure stands inside parentheses (a breakdown or restatement).
    pub in_group: bool,
    /// The lowercase word right before the figure and its qualifier.
    pub word_before: &'a str,
    /// Family values already worked out for this figure: its rules ask for
    /// the same few families again and again. Crate-private, so a context
    /// is built in one place and never changed once asked.
    pub(crate) families: FamilyMemo,
}

/// [`Context::family`]'s answers, by family.
#[derive(Debug, Default)]
pub(crate) struct FamilyMemo(std::cell::RefCell<Vec<(&'static str, Option<&'static str>)>>);

/// How specific a family value is: in a noun phrase, or behind a figure,
/// a more specific value wins over a more general one ("dự án đầu tư của
/// kiều bào" is the diaspora's, not any investment).
fn specificity(value: &str) -> u8 {
    match value {
        "INVEST" => 0,
        "DOMESTIC" | "ENTERPRISE" => 1,
        _ => 2,
    }
}

/// Families whose value carries on from earlier sentences of the paragraph.
const CARRIED: &[&str] = &["DOM", "DIR"];

impl Context<'_> {
    /// The value of `family` for the figure: the most specific one in the
    /// noun phrase after it; else the most specific one before it in the
    /// sentence (nearest first); else one carried from the paragraph.
    pub fn family(&self, family: &'static str) -> Option<&'static str> {
        if let Some(&(_, value)) = self.families.0.borrow().iter().find(|(f, _)| *f == family) {
            return value;
        }
        let value = self.work_out_family(family);
        self.families.0.borrow_mut().push((family, value));
        value
    }

    /// [`Self::family`], worked out.
    fn work_out_family(&self, family: &str) -> Option<&'static str> {
        let in_family = |h: &&CueHit| h.tag.family == Some(family);
        let near = self.hits.iter().filter(in_family).filter(|h| h.start >= self.start && h.start < self.near_end);
        let near_best = best(near, |h| h.start);
        if let Some(h) = near_best.filter(|h| specificity(h.tag.value) >= 1) {
            return Some(h.tag.value);
        }
        // "3 dự án đầu tư" names no domain of its own: the sentence's or
        // paragraph's specific one, if any, still applies.
        if let Some(h) = near_best {
            return Some(self.specific_before(family).unwrap_or(h.tag.value));
        }
        let before = || self.hits.iter().filter(in_family).filter(|h| h.end <= self.start);
        let top = before().map(|h| specificity(h.tag.value)).max();
        let best_before = before().rev().find(|h| Some(specificity(h.tag.value)) == top);
        if let Some(h) = best_before.filter(|h| specificity(h.tag.value) >= 1 || !CARRIED.contains(&family)) {
            return Some(h.tag.value);
        }
        // Only a generic value (or none) here: a specific one set earlier
        // carries on ("… vốn FDI … Hà Nội với 3.013 dự án").
        if let Some(v) = self.specific_before(family) {
            return Some(v);
        }
        best_before.map(|h| h.tag.value)
    }

    /// The nearest specific value before the figure: in its sentence, else
    /// earlier in its paragraph, else — when its paragraph has named no
    /// value of the family at all — in the paragraphs before.
    fn specific_before(&self, family: &str) -> Option<&'static str> {
        let in_family = |h: &&CueHit| h.tag.family == Some(family);
        let specific = |h: &&CueHit| in_family(h) && specificity(h.tag.value) >= 1;
        if let Some(h) = self.hits.iter().filter(specific).rfind(|h| h.end <= self.start) {
            return Some(h.tag.value);
        }
        if !CARRIED.contains(&family) {
            return None;
        }
        let (earlier, own) = self.paragraph.split_at(self.paragraph.partition_point(|h| h.start < self.para_start));
        if let Some(h) = own.iter().rev().find(specific) {
            return Some(h.tag.value);
        }
        let named_here = own.iter().any(|h| in_family(&h)) || self.hits.iter().any(|h| in_family(&h) && h.end <= self.start);
        if named_here {
            return None;
        }
        earlier.iter().rev().find(specific).map(|h| h.tag.value)
    }

    fn flag(&self, flag: &str) -> bool {
        (flag == "PAREN" && self.in_parens) || self.hits.iter().any(|h| h.tag.family.is_none() && h.tag.value == flag)
    }

    fn near_flag(&self, flag: &str) -> bool {
        (flag == "PAREN" && self.in_parens)
            || self.hits.iter().any(|h| h.tag.family.is_none() && h.tag.value == flag && h.start >= self.start && h.start < self.near_end)
    }
}

/// The most specific hit, nearest (smallest key) among equals.
fn best<'a>(hits: impl Iterator<Item = &'a CueHit>, key: impl Fn(&CueHit) -> usize) -> Option<&'a CueHit> {
    hits.fold(None, |acc: Option<&CueHit>, h| match acc {
        None => Some(h),
        Some(a) => {
            let (sa, sh) = (specificity(a.tag.value), specificity(h.tag.value));
            if sh > sa || (sh == sa && key(h) < key(a)) {
                Some(h)
            } else {
                Some(a)
            }
        }
    })
}

/// The decided kind and the rule that decided it.
#[derive(Debug, Clone)]
pub struct Decision {
    pub kind: &'static str,
    pub rule: String,
}

fn unit_matches(rule_unit: &str, q: &Quantity) -> bool {
    rule_unit == q.noun || (rule_unit == "money" && q.class == UnitClass::Money)
}

/// Classifies one quantity.
pub fn classify(q: &Quantity, ctx: &Context) -> Option<Decision> {
    if q.class == UnitClass::Bare || q.class == UnitClass::Ordinal || q.vague && q.value.is_none() && q.class == UnitClass::Money {
        return None;
    }
    for rule in rules() {
        if !rule.units.iter().any(|u| unit_matches(u, q)) {
            continue;
        }
        let ok = rule.conds.iter().all(|c| match c {
            Cond::Family(f, vals) => {
                let v = ctx.family(f);
                vals.iter().any(|want| match v {
                    None => *want == "-",
                    Some(v) => *want == v,
                })
            }
            Cond::Flag(f) => ctx.flag(f),
            Cond::NotFlag(f) => !ctx.flag(f),
            Cond::NearFlag(f) => ctx.near_flag(f),
            Cond::WordBefore(words) => words.contains(&ctx.word_before),
        });
        if ok {
            // "rules.tsv:12 delegation DIR=OUT +VISIT", written piece by
            // piece: one is written for every figure.
            let mut text = super::numbered("rules.tsv:", rule.line);
            text.push(' ');
            text.push_str(q.unit);
            for c in &rule.conds {
                text.push(' ');
                let (mark, name, value) = match c {
                    Cond::Family(f, _) => ("", *f, Some(ctx.family(f).unwrap_or("-"))),
                    Cond::Flag(f) => ("+", *f, None),
                    Cond::NotFlag(f) => ("!", *f, None),
                    Cond::NearFlag(f) => ("~", *f, None),
                    Cond::WordBefore(_) => ("<", ctx.word_before, None),
                };
                text.push_str(mark);
                text.push_str(name);
                if let Some(v) = value {
                    text.push('=');
                    text.push_str(v);
                }
            }
            text.truncate(text.trim_end().len());
            return Some(Decision { kind: rule.kind, rule: text });
        }
    }
    None
}

/// The domain a classified count lends to the money figures after it.
pub fn lent_domain(kind: &str) -> Option<Tag> {
    let value = match kind {
        "fdi_projects" => "FDI",
        "oda_projects" => "ODA",
        "ngo_aid_projects" | "ngo_organizations" => "NGO",
        "diaspora_projects" | "diaspora_enterprises" => "DIASPORA",
        "investment_projects" => "INVEST",
        "enterprises" => "ENTERPRISE",
        _ => return None,
    };
    Some(Tag { family: Some("DOM"), value })
}

#[cfg(test)]
mod tests {
    /// The rule text names the table's line, the unit and each condition
    /// with the value it read: "rules.tsv:13 delegation DIR=OUT".
    fn rules_of(text: &str) -> Vec<(String, String)> {
        let report = crate::analyze(text).expect("analyzes");
        report.metrics.iter().map(|m| (m.id.clone(), m.rule.clone())).collect()
    }

    fn without_line(rule: &str) -> Option<&str> {
        let rest = rule.strip_prefix("rules.tsv:")?;
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (digits > 0).then(|| &rest[digits..])
    }

    #[test]
    fn rule_text_names_line_unit_and_conditions() {
        let found = rules_of("Năm 2023, tỉnh cử 40 đoàn ra nước ngoài và đón 52 đoàn khách; thu hút 12 dự án FDI với tổng vốn 372 triệu USD.");
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["m1", "m2", "m3", "m4"]);
        let rules: Vec<Option<&str>> = found.iter().map(|(_, r)| without_line(r)).collect();
        assert_eq!(rules, [Some(" delegation DIR=OUT"), Some(" delegation DIR=IN"), Some(" project DOM=FDI"), Some(" USD DOM=FDI TOPIC=CAPITAL")]);
    }
}
