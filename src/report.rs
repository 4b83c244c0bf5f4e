//! The serde types of the output. Field names are camelCase in JSON; the
//! report grows in later versions without renaming these fields.

use serde::Serialize;

/// Version of the report's JSON shape.
pub const SCHEMA: &str = "ngoaivu.report/1";

/// A span into the caller's original string. The core works in bytes;
/// [`Report::to_utf16`] converts every span to UTF-16 code units, which is
/// what the JS API and the CLI's JSON report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What analyzing one document gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema: &'static str,
    /// Whether spans are `"utf16"` code units or `"bytes"`.
    pub offsets: &'static str,
    pub stats: Stats,
    /// Publication date detected in the header or passed by the caller (`YYYY-MM-DD`).
    pub published: Option<String>,
    pub document: Document,
    pub metrics: Vec<Metric>,
    /// Checks of the figures against each other (see `check`).
    pub findings: Vec<Finding>,
    /// Named places, each once with all its mentions.
    pub entities: Vec<Entity>,
    /// The pillars and fields of foreign affairs the text covers, with evidence.
    pub pillars: Vec<Pillar>,
    /// Visits, meetings, agreements and aid the text reports, sentence by sentence.
    pub activities: Vec<Activity>,
}

/// An act of foreign affairs a sentence reports, in the spirit of event
/// coding (CAMEO): who, with whom, when, with the sentence as evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub id: String,
    /// `visit_out`, `visit_in`, `meeting`, `agreement`, `aid_received` or `aid_given`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// The nearest CAMEO event code (042 make a visit, 043 host a visit …).
    pub cameo: &'static str,
    /// The Vietnamese province or city on our side of the act.
    pub locality: Option<String>,
    /// The foreign countries, localities and organizations named in the sentence.
    pub counterparts: Vec<Counterpart>,
    pub period: Option<Period>,
    /// The word that reports the act ("hội đàm", "ký kết", "đón").
    pub trigger: Mention,
    /// The sentence, which is the evidence.
    pub sentence: Span,
    /// Ids of the figures in the sentence that count this act.
    pub metrics: Vec<String>,
}

/// The other side of an activity: an entity of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterpart {
    /// The entity's `id`.
    pub entity: String,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 of the country (its home country for an organization, or empty).
    pub code: &'static str,
    /// `country`, `foreign_locality` or `organization`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// A pillar (đối ngoại Đảng, ngoại giao Nhà nước, đối ngoại Nhân dân) or
/// field (ngoại giao kinh tế, biên giới, lãnh sự …) the text covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pillar {
    /// `party`, `state`, `people`, `political`, `economic`, `cultural`, `border`, `diaspora`, `information`, `consular`, `aid`, `multilateral`, `defense`.
    pub key: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// Share of the text's sentences holding evidence (0–1).
    pub share: f64,
    /// One cue per sentence.
    pub evidence: Vec<Mention>,
}

/// The structure of the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// The first line, when it reads as a title.
    pub title: Option<String>,
    /// The province or city the document is mostly about.
    pub locality: Option<String>,
    pub paragraphs: usize,
    pub sections: Vec<Section>,
    /// Paragraphs that repeat an earlier one verbatim.
    pub repeated_paragraphs: Vec<Span>,
}

/// A part of the document under a heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub heading: String,
    pub span: Span,
    /// The province the heading names, which its figures are about.
    pub locality: Option<String>,
}

/// A named place and where the text names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    pub id: String,
    /// `country`, `foreign_locality`, `province`, `organization`, `agreement` or `document`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Canonical Vietnamese name; for a document its type and number ("Chỉ thị 41-CT/TW").
    pub name: std::borrow::Cow<'static, str>,
    /// ISO 3166-1 alpha-2 (the country's, for a foreign locality); the name for a province; the abbreviation for an organization or agreement; a document's code ("CT/TW"), or empty.
    pub code: std::borrow::Cow<'static, str>,
    /// For provinces: the 2025 province it is part of.
    pub merged_into: Option<&'static str>,
    /// For a cited document: `docType`, `number`, `date`, `issuer`, `title`.
    #[serde(flatten)]
    pub document: Option<DocumentFields>,
    /// For a person: `role`, the office named with the name (or null).
    #[serde(flatten)]
    pub person: Option<PersonFields>,
    pub mentions: Vec<Mention>,
}

/// What the text says of a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonFields {
    /// "Bí thư Tỉnh ủy", "Đại sứ Hàn Quốc tại Việt Nam".
    pub role: Option<String>,
}

/// What a cited legal or party document says of itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentFields {
    /// "Chỉ thị", "Nghị quyết", "Quyết định" …
    pub doc_type: &'static str,
    /// The leading number as written ("41", "09").
    pub number: String,
    /// `YYYY-MM-DD`, when the text dates it.
    pub date: Option<String>,
    /// "Ban Bí thư", "UBND tỉnh" …, when named after "của".
    pub issuer: Option<&'static str>,
    /// The quoted title, when given.
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
}

/// A foreign partner named with a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 of the country.
    pub code: &'static str,
    /// `country` or `foreign_locality`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Characters (Unicode scalar values) of the input.
    pub chars: usize,
    pub sentences: usize,
    /// Wall time of the analysis, filled by the caller that can measure it.
    pub milliseconds: f64,
    /// Whether the input was read as HTML.
    pub html: bool,
}

/// One figure found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    pub id: String,
    /// A TAXONOMY.md kind, or `other`.
    pub kind: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// Normalized value (full units of a currency, meters, …); null when vague.
    pub value: Option<f64>,
    /// The exact value as a decimal string, for values beyond 2^53.
    pub value_text: Option<String>,
    /// Upper end of a range ("5–7%").
    pub value_to: Option<f64>,
    /// Denominator of a fraction or rank ("15/63" → 63).
    pub of: Option<f64>,
    pub unit: &'static str,
    pub qualifier: &'static str,
    pub period: Option<Period>,
    pub locality: Option<String>,
    pub partners: Vec<Partner>,
    pub change: Option<Change>,
    pub plan_percent: Option<f64>,
    pub plan_value: Option<f64>,
    pub span: Span,
    pub text: String,
    pub sentence: Span,
    pub confidence: f64,
    /// The rule or cue that decided the kind.
    pub rule: String,
    /// Reading notes: `vague`, `ambiguous_format`, `glued`.
    pub flags: Vec<&'static str>,
    /// The figure's paragraph repeats an earlier one verbatim.
    pub repeat: bool,
    /// How the figure relates to another one in its sentence, if it does.
    pub relation: Option<Relation>,
    /// The id of the activity the figure counts, if its sentence reports one.
    pub activity: Option<String>,
}

/// The metric of `metrics` whose id is `id`. Ids are "m1", "m2" … in order,
/// so this is an index, checked; a list that is not numbered so (filtered,
/// say) is searched.
pub fn metric_by_id<'a>(metrics: &'a [Metric], id: &str) -> Option<&'a Metric> {
    let indexed = id.strip_prefix('m').and_then(|n| n.parse::<usize>().ok()).and_then(|n| metrics.get(n.checked_sub(1)?));
    match indexed {
        Some(m) if m.id == id => Some(m),
        _ => metrics.iter().find(|m| m.id == id),
    }
}

/// A figure that belongs to another: a part of a total, a restatement in
/// another currency, the stated change or the plan of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    /// `part_of`, `restates`, `change_of` or `plan_of`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The other figure's `id`.
    pub metric: String,
}

/// Something a careful editor would look at twice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code, e.g. `parts_total_mismatch`.
    pub code: &'static str,
    /// `error` (the figures contradict each other), `warning` (likely wrong)
    /// or `info` (worth a look).
    pub severity: &'static str,
    pub message_vi: String,
    pub message_en: String,
    /// The text concerned, in the document the finding is about.
    pub spans: Vec<Span>,
    /// Ids of the metrics concerned.
    pub metrics: Vec<String>,
    /// The document's id, for findings across a corpus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// For findings across a corpus: every figure concerned, in whichever
    /// document it is; `spans` and `metrics` keep to `document`'s own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<crate::corpus::Source>,
}

/// The years a figure covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// A stock up to a date ("lũy kế", "đến nay", "hiện có").
    pub cumulative: bool,
    /// Where it came from: `clause`, `paragraph`, `section`, `document`, `relative`.
    pub source: &'static str,
}

/// A stated change of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// `increase` or `decrease`.
    pub direction: &'static str,
    pub percent: Option<f64>,
    /// An absolute change in the figure's unit ("tăng 992.829 USD").
    pub amount: Option<f64>,
    /// `yoy`, `annual_avg`, `vs_period`, or null.
    pub basis: Option<&'static str>,
    /// "gấp 1,5 lần".
    pub times: Option<f64>,
}

impl Report {
    /// Converts every byte span into UTF-16 code units of `original`.
    pub fn to_utf16(mut self, original: &str) -> Report {
        if self.offsets == "utf16" {
            return self;
        }
        let conv = Utf16Index::new(original);
        for m in &mut self.metrics {
            m.span = conv.span(m.span);
            m.sentence = conv.span(m.sentence);
        }
        for e in &mut self.entities {
            for m in &mut e.mentions {
                m.span = conv.span(m.span);
            }
        }
        for p in &mut self.pillars {
            for m in &mut p.evidence {
                m.span = conv.span(m.span);
            }
        }
        for a in &mut self.activities {
            a.trigger.span = conv.span(a.trigger.span);
            a.sentence = conv.span(a.sentence);
        }
        for s in &mut self.document.sections {
            s.span = conv.span(s.span);
        }
        for p in &mut self.document.repeated_paragraphs {
            *p = conv.span(*p);
        }
        for f in &mut self.findings {
            for s in &mut f.spans {
                *s = conv.span(*s);
            }
        }
        self.offsets = "utf16";
        self
    }
}

/// Byte offset → UTF-16 offset. A character is one UTF-16 unit per lead
/// byte, plus one more for a four-byte lead, so the count up to any byte is
/// a count of bytes: kept every [`Utf16Index::BLOCK`] bytes, and finished by
/// counting the bytes since — a table of 1/16 the input's size at most.
struct Utf16Index<'a> {
    bytes: &'a [u8],
    /// UTF-16 units before byte `k * BLOCK`.
    at_block: Vec<u32>,
}

impl<'a> Utf16Index<'a> {
    const BLOCK: usize = 64;

    /// The UTF-16 units of `bytes`, counted eight bytes at a time:
    /// WebAssembly without SIMD runs a byte loop a byte at a time, and
    /// natively, over 64-byte blocks, it was not vectorized either (14
    /// instructions a byte against 6).
    fn units(bytes: &[u8]) -> usize {
        const TOP: u64 = 0x8080_8080_8080_8080;
        let (words, rest) = bytes.as_chunks::<8>();
        let mut n = Self::units_bytewise(rest);
        for w in words.iter().map(|w| u64::from_le_bytes(*w)) {
            // Bit 7 of each byte marks a continuation byte (10xxxxxx) in
            // one mask, a four-byte lead (11110xxx) in the other.
            let continuation = w & !(w << 1) & TOP;
            let four_byte_lead = w & (w << 1) & (w << 2) & (w << 3) & TOP;
            n += 8 - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize;
        }
        n
    }

    fn units_bytewise(bytes: &[u8]) -> usize {
        bytes.iter().map(|&b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)).sum()
    }

    fn new(s: &'a str) -> Utf16Index<'a> {
        let bytes = s.as_bytes();
        let mut at_block = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut units = 0usize;
        for block in bytes.chunks(Self::BLOCK) {
            at_block.push(units as u32);
            units += Self::units(block);
        }
        Utf16Index { bytes, at_block }
    }

    fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let k = byte / Self::BLOCK;
        let before = self.at_block.get(k).map_or(0, |&u| u as usize);
        before + Self::units(&self.bytes[k * Self::BLOCK..byte])
    }

    fn span(&self, s: Span) -> Span {
        Span { start: self.at(s.start), end: self.at(s.end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_by_id_indexes_and_searches() -> Result<(), crate::Error> {
        let metrics = crate::analyze("Năm 2024, tỉnh đón 12 đoàn khách quốc tế và cử 7 đoàn ra nước ngoài.")?.metrics;
        assert!(metrics.len() >= 2, "{metrics:?}");
        assert_eq!(metric_by_id(&metrics, "m2"), metrics.get(1));
        // Without the first metric, "m2" is no longer at index 1: found by search.
        let rest = &metrics[1..];
        assert_eq!(metric_by_id(rest, "m2").map(|m| m.id.as_str()), Some("m2"));
        assert_eq!(metric_by_id(rest, "m1"), None);
        assert_eq!(metric_by_id(&metrics, "m0"), None);
        assert_eq!(metric_by_id(&metrics, "m99"), None);
        assert_eq!(metric_by_id(&metrics, ""), None);
        Ok(())
    }

    #[test]
    fn utf16_units_by_word_and_by_byte_agree() {
        let text = "Đà Nẵng 😀 ký 6 thỏa thuận, “hợp tác” – 12,5% ₫ 𝄞 x".repeat(3);
        for start in 0..text.len() {
            for end in start..text.len().min(start + 40) {
                let b = &text.as_bytes()[start..end];
                assert_eq!(Utf16Index::units(b), Utf16Index::units_bytewise(b), "{start}..{end}");
            }
        }
    }

    #[test]
    fn utf16_offsets() {
        let s = "Đà 😀 5";
        let idx = Utf16Index::new(s);
        let five = s.find('5').unwrap_or(0);
        assert_eq!(idx.at(five), "Đà 😀 ".encode_utf16().count());
        assert_eq!(idx.at(0), 0);
        // Every boundary of a text longer than a block.
        let long = "Đoàn ra 😀 a ".repeat(40);
        let idx = Utf16Index::new(&long);
        for (i, _) in long.char_indices().chain([(long.len(), ' ')]) {
            assert_eq!(idx.at(i), long[..i].encode_utf16().count(), "at {i}");
        }
    }
}
