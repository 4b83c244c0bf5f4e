//! Extraction: from readings (quantities, dates) and cues to the metrics of
//! a report — kind, unit, period, change — with spans into the original.
//!
//! This module decides what figures mean. Reading them exactly is `read`'s
//! job; finding cue words is `cues`; the rules live in `data/rules.tsv`.

pub mod activities;
pub mod classify;
pub mod cues;
pub mod entities;
pub mod kinds;
pub mod lexicon;
pub mod pillars;
pub mod references;
pub mod structure;

use crate::read::{scan, DateMention, Quantity, UnitClass};
use crate::report::{Activity, Change, Counterpart, Document, DocumentFields, Entity, Mention, PersonFields, Metric, Partner, Period, Pillar, Relation, Report, Section, Span, Stats, SCHEMA};
use crate::text::segment::{segment, Segments};
use crate::text::tokens::{tokenize, TokKind, Token};
use crate::text::Normalized;
use crate::Options;
use classify::{classify, lent_domain, Context};
use cues::{find_cues, CueHit};

/// Everything read from one normalized document.
struct Doc<'a> {
    norm: &'a Normalized,
    toks: Vec<Token>,
    seg: Segments,
    /// Every phrase of the tables, from the one lexicon pass.
    lexicon: lexicon::Hits,
    cues: Vec<CueHit>,
    dates: Vec<DateMention>,
    quantities: Vec<Quantity>,
    /// For each paragraph, the nearest heading paragraph above it.
    heading_above: Vec<Option<usize>>,
    /// For each token, whether it sits inside parentheses opened in its sentence.
    open_paren: Vec<bool>,
    /// Positions of `;` and `:`, which start a clause.
    clause_marks: Vec<usize>,
}

/// `prefix` then `n` in decimal ("m12"): the ids of a report and the rule
/// that classified a figure, written without the formatting machinery,
/// which cost more than the rest of a small figure's bookkeeping.
pub(crate) fn numbered(prefix: &str, n: usize) -> String {
    let mut buf = [0u8; 40];
    let digits = crate::read::decimal::digits(n as u128, &mut buf);
    let mut out = String::with_capacity(prefix.len() + digits.len());
    out.push_str(prefix);
    out.push_str(digits);
    out
}

/// Builds the report for `input` (already normalized as `norm`).
pub fn extract(input: &str, norm: &Normalized, opts: &Options) -> Report {
    let toks = tokenize(&norm.text);
    let seg = segment(&norm.text);
    let readings = scan(&norm.text, &norm.lower, &toks);
    let lexicon = lexicon::scan_tokens(&norm.lower, &toks);
    let cues = find_cues(&lexicon);
    let mut heading_above = Vec::with_capacity(seg.paragraphs.len());
    let mut last_heading = None;
    for (k, p) in seg.paragraphs.iter().enumerate() {
        heading_above.push(last_heading);
        if p.heading {
            last_heading = Some(k);
        }
    }
    let open_paren = open_parens(&norm.text, &toks, &seg);
    // Both are ASCII, so a byte search finds them (a char pattern decodes every character).
    let clause_marks: Vec<usize> = memchr::memchr2_iter(b';', b':', norm.text.as_bytes()).collect();
    let doc = Doc { norm, toks, seg, lexicon, cues, dates: readings.dates, quantities: readings.quantities, heading_above, open_paren, clause_marks };
    let header_date = detect_published(&doc);
    let published = opts.published.clone().or_else(|| header_date.map(|d| d.from.iso()));
    // The header's date is when the text was written, not what its figures cover.
    let mut doc = doc;
    if let Some(h) = header_date {
        doc.dates.retain(|d| d.start != h.start);
    }
    let doc = doc;
    // Without a publication date, "so với cùng kỳ năm 2023" still tells
    // that the text speaks of 2024.
    let pub_year: Option<u16> = published
        .as_deref()
        .and_then(|p| p.get(..4))
        .and_then(|y| y.parse().ok())
        .or_else(|| doc.dates.iter().find(|d| d.basis).map(|d| d.to.year + 1));
    let pub_month: Option<u8> = published.as_deref().and_then(|p| p.get(5..7)).and_then(|m| m.parse().ok());

    let doc_period = document_period(&doc, pub_year, pub_month);
    let mut mentions = entities::find_places(norm, &doc.lexicon);
    // Lookups by position below rely on text order.
    mentions.sort_by_key(|m| m.start);
    let st = structure::structure(norm, &doc.seg, &mentions);
    let mut metrics: Vec<Metric> = Vec::with_capacity(doc.quantities.len());
    // Domains lent by classified counts, per sentence start.
    let mut lent: Vec<CueHit> = Vec::new();
    let mut lent_sentence = usize::MAX;
    let mut prev_in_sentence: Option<(usize, usize)> = None; // (sentence start, metric index)

    let mut last_q: Option<&Quantity> = None;
    // The total a "trong đó" list breaks down: (metric index, where the list ends).
    let mut parts_of: Option<(usize, usize)> = None;
    // The sentence of each metric, in normalized offsets.
    let mut metric_sentences: Vec<(usize, usize)> = Vec::with_capacity(doc.quantities.len());
    for q in &doc.quantities {
        let sentence = doc.seg.sentence_of(q.start);
        if sentence.0 != lent_sentence {
            lent.clear();
            lent_sentence = sentence.0;
            prev_in_sentence = None;
        }
        let lo = doc.cues.partition_point(|h| h.start < sentence.0);
        let hi = doc.cues.partition_point(|h| h.start < sentence.1);
        // Lent domains only decide money ("… với tổng vốn 372 triệu USD");
        // otherwise the sentence's cues are read in place.
        let merged: Vec<CueHit>;
        let hits: &[CueHit] = if !lent.is_empty() && q.class == UnitClass::Money {
            let mut v = doc.cues[lo..hi].to_vec();
            v.extend_from_slice(&lent);
            v.sort_by_key(|h| h.start);
            merged = v;
            &merged
        } else {
            &doc.cues[lo..hi]
        };
        let near_end = noun_phrase_end(&doc, q);
        let in_parens = q.first > 0 && doc.toks[q.first - 1].text(&norm.text) == "(";
        let in_group = doc.open_paren.get(q.first).copied().unwrap_or(false);
        let paragraph = &doc.cues[doc.cues.partition_point(|h| h.start < context_start(&doc, q.start))..lo];
        let qualifier_text = q.qualifier_span.map(|(s, e)| &norm.lower[s..e]);
        let lead = q.qualifier_span.map_or(q.start, |(s, _)| s.min(q.start));
        let lead_tok = doc.toks.partition_point(|t| t.start < lead);
        let word_before = lead_tok.checked_sub(1).map_or("", |k| doc.toks[k].text(&norm.lower));
        let para_start = doc.seg.paragraphs.get(doc.seg.paragraph_index(q.start)).map_or(0, |p| p.start);
        let ctx = Context { hits, paragraph, para_start, start: q.start, end: q.end, near_end, in_parens, in_group, word_before, families: Default::default() };

        let mut decision = classify(q, &ctx);
        let mut relation: Option<Relation> = None;
        let relate = |kind: &'static str, m: &Metric| Some(Relation { kind, metric: m.id.clone() });
        // "(tương đương 551 triệu USD)", or "1,2 triệu USD (khoảng 28 tỷ
        // đồng)": money in another currency restating the figure before it.
        // "tương đương khoảng 51 triệu USD": the qualifier read is "khoảng",
        // the words before it still say it restates.
        let tok_lower = |k: usize| doc.toks.get(k).map_or("", |t| t.text(&norm.lower));
        let equivalent_words = lead_tok >= 2 && tok_lower(lead_tok - 2) == "tương" && tok_lower(lead_tok - 1) == "đương";
        let open_at = if equivalent_words { lead_tok - 2 } else { lead_tok };
        let paren_after_money = open_at > 0
            && doc.toks[open_at - 1].text(&norm.text) == "("
            && last_q.is_some_and(|p| p.class == UnitClass::Money && p.unit != q.unit && p.last + 2 == open_at);
        if (qualifier_text == Some("tương đương") || equivalent_words || paren_after_money) && q.class == UnitClass::Money {
            if let Some((_, idx)) = prev_in_sentence {
                if let Some(prev) = metrics.get(idx).filter(|m| is_money_unit(m.unit)) {
                    if prev.kind != "other" {
                        decision = Some(classify::Decision { kind: prev.kind, rule: format!("restates {}", prev.id) });
                    }
                    relation = relate("restates", prev);
                }
            }
        }
        // "37 đoàn với 412 lượt khách quốc tế", "40 đoàn, 609 lượt cán bộ":
        // people counted right after delegations are those delegations'.
        if let (Some(p), Some(prev)) = (last_q, metrics.last()) {
            let joined = (p.last + 1..q.first).all(|k| doc.toks.get(k).is_some_and(|t| matches!(t.text(&norm.lower), "với" | "," | "gồm" | "và")))
                && q.first > p.last + 1
                && q.first - p.last <= 3;
            let people = matches!(q.unit, "person" | "visitor" | "turn" | "official");
            let kind = match prev.kind {
                "delegation_in" => Some("delegation_in_people"),
                "delegation_out" => Some("delegation_out_people"),
                _ => None,
            };
            if let (true, true, Some(kind)) = (joined, people, kind) {
                decision = Some(classify::Decision { kind, rule: format!("people of {}", prev.id) });
            }
        }
        let prev_metric = prev_in_sentence.and_then(|(_, idx)| metrics.get(idx));
        let role = figure_role(&doc, q, &ctx, prev_metric, decision.as_ref().map(|d| d.kind));
        // "25 dự án FDI, trong đó 15 dự án của Hàn Quốc, 6 dự án của Nhật
        // Bản": figures after "trong đó" in the total's unit are its parts,
        // to the end of the sentence.
        if matches!(role, Role::Level) {
            let back = |k: usize| lead_tok.checked_sub(k).and_then(|j| doc.toks.get(j)).filter(|t| t.kind != TokKind::Number).map_or("", |t| t.text(&norm.lower));
            let opens = (1..=4).any(|k| matches!((back(k + 1), back(k)), ("trong", "đó") | ("bao", "gồm") | ("số", "đó")));
            if opens {
                // The list ends with its parenthesis, or at a semicolon or the sentence's end.
                let rest = &norm.text[q.end..sentence.1.max(q.end)];
                let close = if in_group { rest.find(')') } else { rest.find(';') };
                let scope_end = close.map_or(sentence.1, |k| q.end + k);
                parts_of = prev_in_sentence
                    .filter(|(_, idx)| metrics.get(*idx).is_some_and(|t| t.unit == q.unit && t.kind != "other"))
                    .map(|(_, idx)| (idx, scope_end));
            }
            if let Some((idx, _)) = parts_of.filter(|(_, end)| q.start < *end && *end <= sentence.1) {
                if let Some(total) = metrics.get(idx).filter(|t| t.unit == q.unit) {
                    // A part that names its own domain keeps it ("1.400 dự án đầu
                    // tư, trong đó … 74 dự án đầu tư trực tiếp nước ngoài").
                    if decision.is_none() {
                        decision = Some(classify::Decision { kind: total.kind, rule: format!("part of {}", total.id) });
                    }
                    relation = relate("part_of", total);
                }
            }
        }
        match role {
            Role::Level => {}
            Role::Breakdown => {
                if let Some(prev) = prev_metric {
                    decision = Some(classify::Decision { kind: prev.kind, rule: format!("breakdown of {}", prev.id) });
                    relation = relate("part_of", prev);
                }
            }
            Role::Vague => decision = None,
            Role::Change(direction) => {
                if let (Some((_, idx)), Some(v)) = (prev_in_sentence, q.value) {
                    if let Some(prev) = metrics.get_mut(idx).filter(|p| p.change.is_none()) {
                        relation = relate("change_of", prev);
                        let pct = q.class == UnitClass::Percent;
                        let basis = read_basis(q, hits);
                        let amount = (!pct).then(|| v.to_f64());
                        let percent = pct.then(|| v.to_f64());
                        prev.change = Some(Change { direction, percent, amount, basis, times: None });
                    }
                }
                decision = None;
            }
            Role::Plan { percent } => {
                if let (Some((_, idx)), Some(v)) = (prev_in_sentence, q.value) {
                    if let Some(prev) = metrics.get_mut(idx) {
                        relation = relate("plan_of", prev);
                        if percent {
                            prev.plan_percent = Some(v.to_f64());
                        } else {
                            prev.plan_value = Some(v.to_f64());
                        }
                    }
                }
                decision = None;
            }
        }
        let info = decision.as_ref().and_then(|d| kinds::kind_info(d.kind)).unwrap_or_else(kinds::other);
        if let Some(tag) = lent_domain(info.kind) {
            lent.push(CueHit { start: q.start, end: q.end, tag });
        }
        let unit = match info.unit {
            "money" | "-" => q.unit,
            u if q.class == UnitClass::Money => u,
            u => u,
        };
        let (os, oe) = norm.to_original(q.start, q.end);
        let (ss, se) = norm.to_original(sentence.0, sentence.1.max(sentence.0 + 1));
        let mut flags = Vec::new();
        if q.vague {
            flags.push("vague");
        }
        if q.ambiguous {
            flags.push("ambiguous_format");
        }
        if q.glued {
            flags.push("glued");
        }
        let period = find_period(&doc, (q.start, q.end), sentence, hits, pub_year, pub_month, doc_period.as_ref());
        if period.is_none() && is_cumulative(hits, q.start) {
            flags.push("cumulative");
        }
        let confidence = match (&decision, ctx.family("DIR").or(ctx.family("DOM")).or(ctx.family("TOPIC"))) {
            (None, _) => 0.3,
            (Some(_), Some(_)) => 0.85,
            (Some(_), None) => 0.7,
        };
        let metric = Metric {
            id: numbered("m", metrics.len() + 1),
            kind: info.kind,
            label_vi: info.label_vi,
            label_en: info.label_en,
            value: q.value.map(|v| v.to_f64()),
            value_text: q.value.map(|v| v.to_text()),
            value_to: q.value_to.map(|v| v.to_f64()),
            of: q.of.map(|v| v.to_f64()),
            unit,
            qualifier: q.qualifier.as_str(),
            period,
            locality: opts.locality.clone().or_else(|| locality_of(&doc, &st, &mentions, q.start, sentence).map(str::to_string)),
            // A part names its own partner ("15 dự án của Hàn Quốc"), up to the next comma.
            partners: match relation.as_ref().filter(|r| r.kind == "part_of") {
                Some(_) => {
                    let end = norm.text[q.end..sentence.1.max(q.end)].find([',', ';', ')']).map_or(sentence.1, |k| q.end + k);
                    let own = partners_of(&mentions, (q.end, end));
                    if own.is_empty() { partners_of(&mentions, sentence) } else { own }
                }
                None => partners_of(&mentions, sentence),
            },
            change: None,
            plan_percent: None,
            plan_value: None,
            span: Span { start: os, end: oe },
            text: input.get(os..oe).unwrap_or("").to_string(),
            sentence: Span { start: ss, end: se },
            confidence,
            rule: match (&decision, &relation) {
                (Some(d), _) => d.rule.clone(),
                (None, Some(r)) => format!("{} {}", r.kind.replace('_', " "), r.metric),
                (None, None) => String::new(),
            },
            flags,
            // `repeated` is in paragraph order.
            repeat: st.repeated.binary_search(&doc.seg.paragraph_index(q.start)).is_ok(),
            relation,
            activity: None,
        };
        if metric.kind != "other" || prev_in_sentence.is_none() {
            prev_in_sentence = Some((sentence.0, metrics.len()));
        }
        metrics.push(metric);
        metric_sentences.push(sentence);
        last_q = Some(q);
    }

    let (entities, entity_of_place) = entities_of(input, norm, &doc.toks, &mentions, &references::find_references(norm, &doc.lexicon));
    let mut activities = activities_of(input, &doc, &st, &mentions, &entity_of_place, &entities, &mut metrics, &metric_sentences, pub_year, pub_month, doc_period.as_ref());
    // The caller's locality holds for the acts as for the figures.
    if let Some(l) = &opts.locality {
        for a in &mut activities {
            a.locality = Some(l.clone());
        }
    }

    Report {
        schema: SCHEMA,
        offsets: "bytes",
        stats: Stats { chars: input.chars().count(), sentences: doc.seg.sentences.len(), milliseconds: 0.0, html: norm.html },
        published,
        document: document_of(input, norm, &doc, &st),
        metrics,
        findings: Vec::new(),
        entities,
        pillars: pillars_of(input, norm, &doc.lexicon, &doc.seg.sentences),
        activities,
    }
}

fn span_of(norm: &Normalized, s: usize, e: usize) -> Span {
    let (start, end) = norm.to_original(s, e.max(s + 1));
    Span { start, end }
}

fn document_of(input: &str, norm: &Normalized, doc: &Doc, st: &structure::Structure) -> Document {
    let slice = |sp: Span| input.get(sp.start..sp.end).unwrap_or("").trim().to_string();
    Document {
        title: st.title.map(|(s, e)| slice(span_of(norm, s, e))),
        locality: st.main_locality.map(str::to_string),
        paragraphs: doc.seg.paragraphs.len(),
        sections: st
            .sections
            .iter()
            .map(|sec| {
                let span = span_of(norm, sec.heading.0, sec.heading.1);
                Section { heading: slice(span), span, locality: sec.locality.map(str::to_string) }
            })
            .collect(),
        repeated_paragraphs: st
            .repeated
            .iter()
            .filter_map(|&k| doc.seg.paragraphs.get(k))
            .map(|p| span_of(norm, p.start, p.end))
            .collect(),
    }
}

/// The report's entities, and for each gazetteer place the index of its entity.
fn entities_of(input: &str, norm: &Normalized, toks: &[Token], mentions: &[entities::PlaceMention], refs: &[references::Reference]) -> (Vec<Entity>, Vec<Option<usize>>) {
    let mut out: Vec<Entity> = Vec::new();
    let mut index: Vec<Option<usize>> = vec![None; entities::places().len()];
    for m in mentions {
        let span = span_of(norm, m.start, m.end);
        let mention = Mention { span, text: input.get(span.start..span.end).unwrap_or("").to_string() };
        match index.get(m.place).copied().flatten() {
            Some(k) => out[k].mentions.push(mention),
            None => {
                let p = &entities::places()[m.place];
                if let Some(slot) = index.get_mut(m.place) {
                    *slot = Some(out.len());
                }
                out.push(Entity {
                    id: numbered("e", out.len() + 1),
                    kind: place_type_name(p.kind),
                    name: p.name.into(),
                    code: p.code.into(),
                    merged_into: p.merged_into,
                    document: None,
                    person: None,
                    mentions: vec![mention],
                });
            }
        }
    }
    // Cited documents: one entity per type and number, later mentions filling what earlier ones left out.
    for r in refs {
        let span = span_of(norm, r.start, r.end);
        let mention = Mention { span, text: input.get(span.start..span.end).unwrap_or("").to_string() };
        // "41-CT/TW" and "41/CT/TW" are one document.
        let same = |e: &Entity| e.kind == "document" && e.code.as_ref() == r.code.as_deref().unwrap_or("") && e.document.as_ref().is_some_and(|d| d.doc_type == r.doc_type && d.number == r.number);
        if let Some(e) = out.iter_mut().find(|e| same(e)) {
            if let Some(d) = e.document.as_mut() {
                d.date = d.date.take().or_else(|| r.date.clone());
                d.issuer = d.issuer.or(r.issuer);
                d.title = d.title.take().or_else(|| r.title.clone());
            }
            e.mentions.push(mention);
            continue;
        }
        out.push(Entity {
            id: numbered("e", out.len() + 1),
            kind: "document",
            name: format!("{} {}", r.doc_type, r.designation).into(),
            code: r.code.clone().unwrap_or_default().into(),
            merged_into: None,
            document: Some(DocumentFields { doc_type: r.doc_type, number: r.number.clone(), date: r.date.clone(), issuer: r.issuer, title: r.title.clone() }),
            person: None,
            mentions: vec![mention],
        });
    }
    // People: one entity per name, the first role given.
    let places: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    for r in references::find_people(norm, toks, &places) {
        let span = span_of(norm, r.start, r.end);
        let mention = Mention { span, text: input.get(span.start..span.end).unwrap_or("").to_string() };
        if let Some(e) = out.iter_mut().find(|e| e.kind == "person" && e.name == r.name) {
            if let Some(p) = e.person.as_mut() {
                p.role = p.role.take().or(r.role);
            }
            e.mentions.push(mention);
            continue;
        }
        out.push(Entity {
            id: numbered("e", out.len() + 1),
            kind: "person",
            name: r.name.into(),
            code: "".into(),
            merged_into: None,
            document: None,
            person: Some(PersonFields { role: r.role }),
            mentions: vec![mention],
        });
    }
    (out, index)
}

/// The activities the text reports, with their counterparts as entities,
/// and the figures that count them linked both ways.
#[allow(clippy::too_many_arguments)]
fn activities_of(
    input: &str,
    doc: &Doc,
    st: &structure::Structure,
    mentions: &[entities::PlaceMention],
    entity_of_place: &[Option<usize>],
    entities: &[Entity],
    metrics: &mut [Metric],
    metric_sentences: &[(usize, usize)],
    pub_year: Option<u16>,
    pub_month: Option<u8>,
    doc_period: Option<&Period>,
) -> Vec<Activity> {
    // Metrics are in text order, so a sentence's are one run.
    let in_sentence = |sentence: (usize, usize)| {
        let lo = metric_sentences.partition_point(|s| s.0 < sentence.0);
        let hi = metric_sentences.partition_point(|s| s.0 <= sentence.0);
        lo..hi
    };
    let counted = |kinds: &[&'static str], sentence: (usize, usize)| in_sentence(sentence).any(|k| metrics.get(k).is_some_and(|m| kinds.contains(&m.kind)));
    let found = activities::find_activities(doc.norm, &doc.lexicon, &doc.seg.sentences, mentions, &counted);
    let mut out: Vec<Activity> = Vec::with_capacity(found.len());
    for f in found {
        let Some(ty) = activities::activity_types().get(f.kind) else { continue };
        let id = numbered("a", out.len() + 1);
        let counterparts = f
            .counterparts
            .iter()
            .filter_map(|&j| mentions.get(j))
            .filter_map(|m| {
                let p = entities::places().get(m.place)?;
                let e = entities.get(entity_of_place.get(m.place).copied().flatten()?)?;
                let code = if p.kind == entities::PlaceType::Organization { p.home.unwrap_or("") } else { p.code };
                Some(Counterpart { entity: e.id.clone(), name: p.name, code, kind: place_type_name(p.kind) })
            })
            .collect();
        let lo = doc.cues.partition_point(|h| h.start < f.sentence.0);
        let hi = doc.cues.partition_point(|h| h.start < f.sentence.1);
        let period = find_period(doc, f.trigger, f.sentence, &doc.cues[lo..hi], pub_year, pub_month, doc_period);
        let mut linked = Vec::new();
        for k in in_sentence(f.sentence) {
            if let Some(m) = metrics.get_mut(k).filter(|m| m.activity.is_none() && ty.metric_kinds.contains(&m.kind)) {
                m.activity = Some(id.clone());
                linked.push(m.id.clone());
            }
        }
        let trigger = span_of(doc.norm, f.trigger.0, f.trigger.1);
        out.push(Activity {
            id,
            kind: ty.key,
            label_vi: ty.label_vi,
            label_en: ty.label_en,
            cameo: ty.cameo,
            locality: locality_of(doc, st, mentions, f.trigger.0, f.sentence).map(str::to_string),
            counterparts,
            period,
            trigger: Mention { span: trigger, text: input.get(trigger.start..trigger.end).unwrap_or("").to_string() },
            sentence: span_of(doc.norm, f.sentence.0, f.sentence.1),
            metrics: linked,
        });
    }
    out
}

fn pillars_of(input: &str, norm: &Normalized, hits: &lexicon::Hits, sentences: &[(usize, usize)]) -> Vec<Pillar> {
    pillars::find_pillars(hits, sentences)
        .into_iter()
        .map(|c| Pillar {
            key: c.pillar.key,
            label_vi: c.pillar.label_vi,
            label_en: c.pillar.label_en,
            share: c.share,
            evidence: c
                .evidence
                .iter()
                .map(|&(s, e)| {
                    let span = span_of(norm, s, e);
                    Mention { span, text: input.get(span.start..span.end).unwrap_or("").to_string() }
                })
                .collect(),
        })
        .collect()
}

fn place_type_name(t: entities::PlaceType) -> &'static str {
    match t {
        entities::PlaceType::Country => "country",
        entities::PlaceType::ForeignLocality => "foreign_locality",
        entities::PlaceType::Province => "province",
        entities::PlaceType::Organization => "organization",
        entities::PlaceType::Agreement => "agreement",
    }
}

/// Foreign countries and localities named in the figure's sentence.
fn partners_of(mentions: &[entities::PlaceMention], sentence: (usize, usize)) -> Vec<Partner> {
    let mut out: Vec<Partner> = Vec::new();
    // Mentions are in text order: look only at the sentence's.
    let lo = mentions.partition_point(|m| m.start < sentence.0);
    let hi = mentions.partition_point(|m| m.start < sentence.1);
    for m in mentions[lo..hi].iter().filter(|m| m.end <= sentence.1) {
        let p = &entities::places()[m.place];
        let foreign = match p.kind {
            entities::PlaceType::Country => p.code != "VN",
            entities::PlaceType::ForeignLocality => true,
            entities::PlaceType::Province | entities::PlaceType::Organization | entities::PlaceType::Agreement => false,
        };
        if foreign && !out.iter().any(|x| x.name == p.name) {
            out.push(Partner { name: p.name, code: p.code, kind: place_type_name(p.kind) });
        }
    }
    out
}

/// The province a figure is about: one named before it in its clause,
/// else its section's, else the document's.
fn locality_of(
    doc: &Doc,
    st: &structure::Structure,
    mentions: &[entities::PlaceMention],
    at: usize,
    sentence: (usize, usize),
) -> Option<&'static str> {
    // The last clause mark before `at` in the sentence, found by binary search.
    let k = doc.clause_marks.partition_point(|&p| p < at);
    let clause_start = k.checked_sub(1).and_then(|k| doc.clause_marks.get(k)).copied().filter(|&p| p >= sentence.0).unwrap_or(sentence.0);
    let lo = mentions.partition_point(|m| m.start < clause_start);
    let hi = mentions.partition_point(|m| m.start < at);
    let named = mentions[lo..hi]
        .iter()
        .rev()
        .filter(|m| m.end <= at)
        .map(|m| &entities::places()[m.place])
        .find(|p| p.kind == entities::PlaceType::Province)
        .map(|p| p.name);
    named.or_else(|| st.section_at(at).and_then(|s| s.locality)).or(st.main_locality)
}

fn is_money_unit(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the figure stands inside an open parenthesis of its sentence.
/// For each token, whether a "(" opened earlier in its sentence is still
/// open there: one pass over the tokens instead of a scan back per figure.
fn open_parens(text: &str, toks: &[Token], seg: &Segments) -> Vec<bool> {
    let mut out = Vec::with_capacity(toks.len());
    let mut depth = 0usize;
    let mut sentence = (0, 0);
    for t in toks {
        if t.start >= sentence.1 || t.start < sentence.0 {
            sentence = seg.sentence_of(t.start);
            depth = 0;
        }
        out.push(depth > 0);
        if t.kind != TokKind::Punct {
            continue;
        }
        match t.text(text) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

/// Words that end the noun phrase after a figure: what follows them is
/// another phrase ("102 triệu USD và nhập khẩu đạt …").
const PHRASE_ENDS: &[&str] = &[
    "và", "với", "còn", "nhưng", "trong", "đạt", "tăng", "giảm", "chiếm", "so", "bằng", "là", "gồm", "như", "để", "tại",
];

/// End of the noun phrase after a figure: the next clause mark, number or
/// phrase-ending word, at most twelve tokens on. A comma followed by another
/// head noun continues it ("9 chương trình, dự án, phi dự án viện trợ …").
fn noun_phrase_end(doc: &Doc, q: &Quantity) -> usize {
    let text = &doc.norm.text;
    let lower = &doc.norm.lower;
    let mut k = q.last + 1;
    let mut end = q.end;
    let mut n = 0;
    while let Some(t) = doc.toks.get(k) {
        if n >= 12 || t.kind == TokKind::Number || t.kind == TokKind::Break {
            break;
        }
        if t.kind == TokKind::Punct {
            let p = t.text(text);
            let continues = p == "," && crate::read::scan::starts_unit(lower, &doc.toks, k + 1);
            if !continues && matches!(p, "," | ";" | "(" | ")" | ":" | "." | "!" | "?") {
                break;
            }
        } else if t.kind == TokKind::Word && PHRASE_ENDS.contains(&t.text(lower)) {
            break;
        }
        end = t.end;
        k += 1;
        n += 1;
    }
    end
}

/// What a figure is to the sentence around it.
enum Role {
    /// A level: the figure itself.
    Level,
    /// "(2 quốc tế, 01 song phương …)" after "12 cặp cửa khẩu": a part of the figure before.
    Breakdown,
    /// "hàng chục đoàn": no value to write down.
    Vague,
    /// "tăng 45% so với cùng kỳ", "tăng 992.829 USD": the change of the figure before.
    Change(&'static str),
    /// "(kế hoạch 1,2 tỷ USD)", "đạt 50% kế hoạch": the plan of the figure before.
    Plan { percent: bool },
}

fn figure_role(doc: &Doc, q: &Quantity, ctx: &Context, prev: Option<&Metric>, kind: Option<&str>) -> Role {
    if q.vague || q.value.is_none() {
        return Role::Vague;
    }
    let lower = &doc.norm.lower;
    let word = |k: usize| doc.toks.get(k).filter(|t| t.kind == TokKind::Word).map_or("", |t| t.text(lower));
    let Some(prev) = prev else { return Role::Level };
    if q.first >= 2 && word(q.first - 1) == "hoạch" && word(q.first - 2) == "kế" {
        return Role::Plan { percent: q.class == UnitClass::Percent };
    }
    if q.class == UnitClass::Percent && word(q.last + 1) == "kế" && word(q.last + 2) == "hoạch" {
        return Role::Plan { percent: true };
    }
    // "số vốn tăng thêm 320 triệu USD" is an amount of capital, not a change.
    let capital_added = q.first >= 3 && (word(q.first - 2) == "vốn" || word(q.first - 3) == "vốn");
    let direction = match ctx.word_before {
        _ if capital_added => None,
        "tăng" => Some("increase"),
        "giảm" => Some("decrease"),
        "thêm" if q.first >= 2 && word(q.first - 2) == "tăng" => Some("increase"),
        _ => None,
    };
    if let Some(d) = direction {
        if kind.is_none_or(|k| k != "economic_growth") {
            return Role::Change(d);
        }
    }
    let counted = prev.kind != "other" && !is_money_unit(prev.unit) && !matches!(prev.unit, "percent" | "m" | "point" | "rank");
    if q.class == UnitClass::Bare && ctx.in_group && counted && prev.value.is_some() {
        return Role::Breakdown;
    }
    Role::Level
}

/// The basis of a change: "so với cùng kỳ" after it, "bình quân" before it.
fn read_basis(q: &Quantity, hits: &[CueHit]) -> Option<&'static str> {
    hits.iter()
        .filter(|h| h.tag.family == Some("BASIS"))
        .filter(|h| (h.start >= q.end && h.start < q.end + 48) || (h.end <= q.start && q.start - h.end < 24))
        .map(|h| h.tag.value)
        .next()
}

/// Where the context of a figure starts: two paragraphs back, but not
/// across a heading — a paragraph carries on the subject of the ones
/// before it within a section.
fn context_start(doc: &Doc, pos: usize) -> usize {
    let p = doc.seg.paragraph_index(pos);
    let mut start = doc.seg.paragraphs.get(p).map_or(0, |x| x.start);
    for k in (p.saturating_sub(2)..p).rev() {
        let para = doc.seg.paragraphs[k];
        if para.heading {
            break;
        }
        start = para.start;
    }
    start
}

/// The publication date: a full date in the document's first lines.
fn detect_published(doc: &Doc) -> Option<DateMention> {
    let head_end = doc.seg.paragraphs.get(4).map_or(doc.norm.text.len(), |p| p.start).min(600);
    let text = &doc.norm.text;
    // An end of a range ("18/1/1950-18/1/2025") is an anniversary, not a dateline.
    let in_range = |d: &DateMention| {
        text[..d.start].trim_end().ends_with('-') || text[d.end..].trim_start().starts_with(|c: char| c == '-' && text[d.end..].trim_start()[1..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
    };
    doc.dates
        .iter()
        .take_while(|d| d.start < head_end)
        .find(|d| d.from.day.is_some() && d.from == d.to && !d.basis && !in_range(d))
        .copied()
}

/// The period a document as a whole is about: the first date its title and
/// lead name (not a comparison base), or a relative year they state.
fn document_period(doc: &Doc, pub_year: Option<u16>, pub_month: Option<u8>) -> Option<Period> {
    let lead_end = doc.seg.paragraphs.get(4).map_or(doc.norm.text.len(), |p| p.start);
    if let Some(d) = doc.dates.iter().take_while(|d| d.start < lead_end).find(|d| !d.basis) {
        return Some(period_of(d, "document", false));
    }
    let hits: Vec<CueHit> = doc.cues.iter().take_while(|h| h.start < lead_end).copied().collect();
    relative_year(&hits, pub_year, pub_month).map(|y| Period { from: y.to_string(), to: y.to_string(), cumulative: false, source: "document" })
}

/// A year stated relative to the publication date: "năm qua", "năm nay".
fn relative_year(hits: &[CueHit], pub_year: Option<u16>, pub_month: Option<u8>) -> Option<u16> {
    let y = pub_year?;
    let has = |p: &str| hits.iter().any(|h| h.tag.value == p);
    if has("REL_PREV") {
        Some(y - 1)
    } else if has("REL_PAST") {
        // "năm qua" in the first half of a year is the year just ended.
        Some(if pub_month.is_some_and(|m| m <= 6) { y - 1 } else { y })
    } else if has("REL_THIS") {
        Some(y)
    } else {
        None
    }
}

/// N of "N năm qua" before `at`: a duration in years whose last word is the
/// "năm" of a "năm qua" cue.
fn years_past(doc: &Doc, hits: &[CueHit], at: usize) -> Option<u16> {
    let past = hits.iter().filter(|h| h.tag.value == "REL_PAST" && h.end <= at).last()?;
    let k = doc.quantities.partition_point(|q| q.end <= past.start);
    let q = doc.quantities.get(k).filter(|q| q.start < past.start && q.end > past.start && q.class == UnitClass::Duration && q.unit == "year")?;
    let n = q.value?.to_f64();
    (n >= 1.0 && n <= 50.0 && n.fract() == 0.0).then_some(n as u16)
}

fn period_of(d: &DateMention, source: &'static str, cumulative: bool) -> Period {
    Period { from: d.from.year.to_string(), to: d.to.year.to_string(), cumulative, source }
}

/// A stock up to a date: "lũy kế", "đến nay", "hiện có" before the figure.
fn is_cumulative(hits: &[CueHit], at: usize) -> bool {
    hits.iter().any(|h| h.tag.value == "CUMUL" && h.end <= at)
}

/// The period of a figure: its clause's dates, then the paragraph's before
/// it, then the section heading's, then relative years against the
/// publication date, then the document's lead.
fn find_period(
    doc: &Doc,
    at: (usize, usize),
    sentence: (usize, usize),
    hits: &[CueHit],
    pub_year: Option<u16>,
    pub_month: Option<u8>,
    doc_period: Option<&Period>,
) -> Option<Period> {
    let cumulative = is_cumulative(hits, at.0);
    // Dates and cues are in text order: slice out a span's by binary search.
    let dates_in = |s: usize, e: usize| {
        let lo = doc.dates.partition_point(|d| d.start < s);
        let hi = doc.dates.partition_point(|d| d.start < e);
        doc.dates[lo..hi].iter().filter(move |d| !d.basis && d.end <= e)
    };
    let in_sentence: Vec<&DateMention> = dates_in(sentence.0, sentence.1).collect();
    if let Some(d) = in_sentence.iter().rev().find(|d| d.end <= at.0) {
        // "Năm 2022 đạt …; năm nay ước đạt …": a relative year named after
        // the date, nearer the figure, is the figure's.
        let nearer: Vec<CueHit> = hits.iter().filter(|h| h.start >= d.end && h.end <= at.0).copied().collect();
        if let Some(year) = relative_year(&nearer, pub_year, pub_month) {
            return Some(Period { from: year.to_string(), to: year.to_string(), cumulative, source: "relative" });
        }
        return Some(period_of(d, "clause", cumulative));
    }
    if let Some(d) = in_sentence.iter().find(|d| d.start >= at.1) {
        return Some(period_of(d, "clause", cumulative));
    }
    if let Some(year) = relative_year(hits, pub_year, pub_month) {
        // "trong 5 năm qua": the five years up to that year.
        let from = years_past(doc, hits, at.0).map_or(year, |n| year.saturating_sub(n.saturating_sub(1)));
        return Some(Period { from: from.to_string(), to: year.to_string(), cumulative, source: "relative" });
    }
    if cumulative {
        // "đến nay" with no date holds at publication, when that is known.
        let year = pub_year?;
        return Some(Period { from: year.to_string(), to: year.to_string(), cumulative: true, source: "relative" });
    }
    let p = doc.seg.paragraph_index(at.0);
    let para = doc.seg.paragraphs.get(p)?;
    if let Some(d) = dates_in(para.start, sentence.0).last() {
        return Some(period_of(d, "paragraph", false));
    }
    let lo = doc.cues.partition_point(|h| h.start < para.start);
    let hi = doc.cues.partition_point(|h| h.start < sentence.0);
    let para_hits: Vec<CueHit> = doc.cues[lo..hi].iter().filter(|h| h.end <= sentence.0).copied().collect();
    if let Some(year) = relative_year(&para_hits, pub_year, pub_month) {
        return Some(Period { from: year.to_string(), to: year.to_string(), cumulative: false, source: "paragraph" });
    }
    // The nearest heading above, if it names a year.
    if let Some(h) = doc.heading_above.get(p).copied().flatten().and_then(|k| doc.seg.paragraphs.get(k)) {
        if let Some(d) = dates_in(h.start, h.end).next() {
            return Some(period_of(d, "section", false));
        }
    }
    doc_period.cloned()
}
