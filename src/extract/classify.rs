//! Classification: which TAXONOMY.md kind a quantity is, from its unit and
//! the cues of its sentence, by the rules of `data/rules.tsv`.
//!
//! Cues come in families (direction, money topic, investment domain) where
//! the value nearest the figure wins — so in "cử 40 đoàn …; đón 52 đoàn"
//! each figure takes its own verb — and flags that only need to occur in the
//! sentence. A figure classified as projects or enterprises lends its domain
//! to the money figures after it ("30 dự án FDI với tổng vốn 372 triệu USD").

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
}

#[derive(Debug, Clone)]
struct Rule {
    kind: &'static str,
    units: Vec<&'static str>,
    conds: Vec<Cond>,
    line: usize,
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
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
    /// The figure's span.
    pub start: usize,
    pub end: usize,
    /// End of the noun phrase after the figure.
    pub near_end: usize,
    /// The figure stands inside parentheses.
    pub in_parens: bool,
}

/// Domains weaker than the specific ones: a specific domain in the same
/// noun phrase wins over them ("dự án đầu tư của kiều bào").
const GENERIC: &[&str] = &["INVEST"];

impl Context<'_> {
    /// The value of `family` nearest the figure: the noun phrase after it
    /// first (specific over generic), then the nearest before it.
    pub fn family(&self, family: &str) -> Option<&'static str> {
        let in_family = |h: &&CueHit| h.tag.family == Some(family);
        let near: Vec<&CueHit> = self.hits.iter().filter(in_family).filter(|h| h.start >= self.end && h.start < self.near_end).collect();
        if let Some(h) = near.iter().find(|h| !GENERIC.contains(&h.tag.value)).or(near.first()) {
            return Some(h.tag.value);
        }
        let before: Vec<&CueHit> = self.hits.iter().filter(in_family).filter(|h| h.end <= self.start).collect();
        let last = before.last()?;
        // A specific value close behind the nearest generic one still wins.
        if GENERIC.contains(&last.tag.value) {
            if let Some(spec) = before.iter().rev().take_while(|h| last.start - h.end < 24).find(|h| !GENERIC.contains(&h.tag.value)) {
                return Some(spec.tag.value);
            }
        }
        Some(last.tag.value)
    }

    fn flag(&self, flag: &str) -> bool {
        (flag == "PAREN" && self.in_parens) || self.hits.iter().any(|h| h.tag.family.is_none() && h.tag.value == flag)
    }

    fn near_flag(&self, flag: &str) -> bool {
        (flag == "PAREN" && self.in_parens)
            || self.hits.iter().any(|h| h.tag.family.is_none() && h.tag.value == flag && h.start >= self.end && h.start < self.near_end)
    }
}

/// The decided kind and the rule that decided it.
#[derive(Debug, Clone)]
pub struct Decision {
    pub kind: &'static str,
    pub rule: String,
}

fn unit_matches(rule_unit: &str, q: &Quantity) -> bool {
    rule_unit == q.unit || (rule_unit == "money" && q.class == UnitClass::Money)
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
        });
        if ok {
            let conds: Vec<String> = rule
                .conds
                .iter()
                .map(|c| match c {
                    Cond::Family(f, _) => format!("{f}={}", ctx.family(f).unwrap_or("-")),
                    Cond::Flag(f) => format!("+{f}"),
                    Cond::NotFlag(f) => format!("!{f}"),
                    Cond::NearFlag(f) => format!("~{f}"),
                })
                .collect();
            return Some(Decision { kind: rule.kind, rule: format!("rules.tsv:{} {} {}", rule.line, q.unit, conds.join(" ")).trim().to_string() });
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
