// TypeScript declarations for the `ngoaivu` package (the same API in Node,
// browsers and bundlers): analyze, Analyzer, Corpus, kinds, version, and the
// JSON shapes of a report and a corpus summary. They follow src/report.rs,
// src/corpus/ and schema/*.schema.json; tests/js/types.test.mjs compiles
// tests/ts/example.ts and a real report against them with `tsc --strict`.

/** A span of the caller's string in UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A span and the text it covers. */
export interface Mention {
  span: Span;
  text: string;
}

/** The metric kinds this version knows; `kinds` lists them with labels. */
export type KnownMetricKind =
  | 'delegation_out'
  | 'delegation_out_people'
  | 'delegation_out_countries'
  | 'delegation_in'
  | 'delegation_in_people'
  | 'delegation_in_countries'
  | 'agreements'
  | 'conferences'
  | 'meetings'
  | 'mechanism_sessions'
  | 'partner_localities'
  | 'partner_countries'
  | 'border_friendship_pairs'
  | 'fdi_projects'
  | 'fdi_capital'
  | 'fdi_countries'
  | 'oda_projects'
  | 'oda_capital'
  | 'ngo_aid_projects'
  | 'ngo_aid_value'
  | 'ngo_organizations'
  | 'diaspora_projects'
  | 'diaspora_capital'
  | 'diaspora_enterprises'
  | 'remittances'
  | 'foreign_experts'
  | 'trade_turnover'
  | 'export_turnover'
  | 'import_turnover'
  | 'enterprises'
  | 'enterprise_capital'
  | 'investment_projects'
  | 'investment_capital'
  | 'economic_growth'
  | 'international_visitors'
  | 'total_visitors'
  | 'international_routes'
  | 'border_gates'
  | 'border_markers'
  | 'border_length'
  | 'border_share'
  | 'pci_score'
  | 'pci_rank'
  | 'other';

/** A metric kind: one of the known kinds, or one a later version adds. */
export type MetricKind = KnownMetricKind | (string & {});

/** How a figure is hedged in the text. */
export type Qualifier = 'exact' | 'about' | 'estimate' | 'over' | 'under' | 'nearly' | 'at_least';

/** Reading notes on a figure. */
export type MetricFlag = 'vague' | 'ambiguous_format' | 'glued' | 'cumulative';

/** The years a figure covers. */
export interface Period {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  to: string;
  /** A stock up to a date ("lũy kế", "đến nay", "hiện có"). */
  cumulative: boolean;
  /** Where the period was found. */
  source: 'clause' | 'paragraph' | 'section' | 'document' | 'relative';
}

/** A foreign partner named in a figure's sentence. */
export interface Partner {
  /** Vietnamese name ("Trung Quốc", "Quảng Tây"). */
  name: string;
  /** ISO 3166-1 alpha-2 of the country. */
  code: string;
  type: 'country' | 'foreign_locality';
}

/** A stated change of a figure ("tăng 45% so với cùng kỳ"). */
export interface Change {
  direction: 'increase' | 'decrease';
  percent: number | null;
  /** An absolute change in the figure's unit ("tăng 992.829 USD"). */
  amount: number | null;
  basis: 'yoy' | 'annual_avg' | 'vs_period' | null;
  /** "gấp 1,5 lần". */
  times: number | null;
}

/** How a figure relates to another one in its sentence. */
export interface Relation {
  type: 'part_of' | 'restates' | 'change_of' | 'plan_of';
  /** The other figure's `id`. */
  metric: string;
}

/** One figure found in the text. */
export interface Metric {
  /** `m1`, `m2`, … in text order. */
  id: string;
  kind: MetricKind;
  labelVi: string;
  labelEn: string;
  /** Normalized value in full units (5.662 tỷ đồng → 5662000000000); null when vague. */
  value: number | null;
  /** The exact value as a decimal string, for values beyond 2^53. */
  valueText: string | null;
  /** Upper end of a range ("5–7%"). */
  valueTo: number | null;
  /** Denominator of a fraction or rank ("15/63" → 63). */
  of: number | null;
  /** `delegation`, `person`, `country`, `VND`, `USD`, `m`, `percent`, … (`-` for none). */
  unit: string;
  qualifier: Qualifier;
  period: Period | null;
  /** The Vietnamese province or city the figure is about. */
  locality: string | null;
  partners: Partner[];
  change: Change | null;
  /** "đạt 120% kế hoạch". */
  planPercent: number | null;
  /** The plan's value, when stated. */
  planValue: number | null;
  span: Span;
  /** `input.slice(span.start, span.end)`. */
  text: string;
  /** The sentence holding the figure. */
  sentence: Span;
  /** 0–1. */
  confidence: number;
  /** The rule or cue that decided the kind. */
  rule: string;
  flags: MetricFlag[];
  /** The figure's paragraph repeats an earlier one verbatim. */
  repeat: boolean;
  relation: Relation | null;
  /** The id of the activity the figure counts, if its sentence reports one. */
  activity: string | null;
}

/** The stable codes of the checks (a later version may add more). */
export type FindingCode =
  | 'parts_total_mismatch'
  | 'change_mismatch'
  | 'plan_mismatch'
  | 'restatement_rate'
  | 'fraction_above_one'
  | 'share_above_100'
  | 'period_after_publication'
  | 'ambiguous_number_format'
  | 'glued_token'
  | 'repeated_paragraph'
  | 'change_vs_previous'
  | 'conflicting_values'
  | 'outlier'
  | (string & {});

/** Something a careful editor would look at twice. */
export interface Finding {
  code: FindingCode;
  /** `error`: the figures contradict each other; `warning`: likely wrong; `info`: worth a look. */
  severity: 'error' | 'warning' | 'info';
  messageVi: string;
  messageEn: string;
  /** The text concerned, in the document the finding is about. */
  spans: Span[];
  /** Ids of the metrics concerned. */
  metrics: string[];
  /** The document's id: only on findings of a corpus summary. */
  document?: string;
  /** Corpus findings: every figure concerned, in whichever document it is (`spans` keep to `document`'s own). */
  sources?: FactSource[];
}

/** Fields every entity has. */
interface EntityBase {
  /** `e1`, `e2`, … */
  id: string;
  /** Canonical name. */
  name: string;
  /** See each type. */
  code: string;
  /** For provinces: the 2025 province it is part of; null otherwise. */
  mergedInto: string | null;
  mentions: Mention[];
}

/** A country of ISO 3166-1; `code` is its alpha-2. */
export interface CountryEntity extends EntityBase {
  type: 'country';
}
/** A partner's province, state, prefecture or city; `code` is its country's alpha-2. */
export interface ForeignLocalityEntity extends EntityBase {
  type: 'foreign_locality';
}
/** A Vietnamese province or city; `code` is its name. */
export interface ProvinceEntity extends EntityBase {
  type: 'province';
}
/** ASEAN, the UN, JICA …; `code` is the abbreviation. */
export interface OrganizationEntity extends EntityBase {
  type: 'organization';
}
/** CPTPP, RCEP, EVFTA …; `code` is the abbreviation. */
export interface AgreementEntity extends EntityBase {
  type: 'agreement';
}
/** A person named with an honorific or a title; `code` is empty. */
export interface PersonEntity extends EntityBase {
  type: 'person';
  /** The office named with the name ("Bí thư Tỉnh ủy"), or null. */
  role: string | null;
}
/** A cited legal or party document; `name` is type and number ("Chỉ thị 41-CT/TW"), `code` its code ("CT/TW"). */
export interface DocumentEntity extends EntityBase {
  type: 'document';
  /** "Chỉ thị", "Nghị quyết", "Quyết định" … */
  docType: string;
  /** The leading number as written ("41", "09"). */
  number: string;
  /** `YYYY-MM-DD`, when the text dates it. */
  date: string | null;
  /** "Ban Bí thư", "UBND tỉnh" …, when named after "của". */
  issuer: string | null;
  /** The quoted title, when given. */
  title: string | null;
}

/** A named thing, once, with every mention. Narrow on `type`. */
export type Entity =
  | CountryEntity
  | ForeignLocalityEntity
  | ProvinceEntity
  | OrganizationEntity
  | AgreementEntity
  | PersonEntity
  | DocumentEntity;

export type EntityType = Entity['type'];

/** A pillar or field of foreign affairs the text covers. */
export interface Pillar {
  key:
    | 'party'
    | 'state'
    | 'people'
    | 'political'
    | 'economic'
    | 'cultural'
    | 'border'
    | 'diaspora'
    | 'information'
    | 'consular'
    | 'aid'
    | 'multilateral'
    | 'defense';
  labelVi: string;
  labelEn: string;
  /** Share of the text's sentences holding evidence (0–1). */
  share: number;
  /** One cue per sentence. */
  evidence: Mention[];
}

/** The other side of an activity: an entity of the report. */
export interface Counterpart {
  /** The entity's `id`. */
  entity: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the country (its home country for an organization, or empty). */
  code: string;
  type: 'country' | 'foreign_locality' | 'organization';
}

/** An act of foreign affairs a sentence reports (event coding in the spirit of CAMEO). */
export interface Activity {
  /** `a1`, `a2`, … */
  id: string;
  type: 'visit_out' | 'visit_in' | 'meeting' | 'agreement' | 'aid_received' | 'aid_given';
  labelVi: string;
  labelEn: string;
  /** The nearest CAMEO event code (042 make a visit, 043 host a visit …). */
  cameo: string;
  /** The Vietnamese province or city on our side of the act. */
  locality: string | null;
  /** The foreign countries, localities and organizations named in the sentence. */
  counterparts: Counterpart[];
  period: Period | null;
  /** The word that reports the act ("hội đàm", "ký kết", "đón"). */
  trigger: Mention;
  /** The sentence, which is the evidence. */
  sentence: Span;
  /** Ids of the figures in the sentence that count this act. */
  metrics: string[];
}

/** A part of the document under a heading. */
export interface Section {
  heading: string;
  span: Span;
  /** The province the heading names, which its figures are about. */
  locality: string | null;
}

export interface DocumentInfo {
  /** The first line, when it reads as a title. */
  title: string | null;
  /** The province or city the document is mostly about. */
  locality: string | null;
  paragraphs: number;
  sections: Section[];
  /** Paragraphs that repeat an earlier one verbatim. */
  repeatedParagraphs: Span[];
}

export interface Stats {
  /** Characters (Unicode scalar values) of the input. */
  chars: number;
  sentences: number;
  /** Wall time of the analysis. */
  milliseconds: number;
  /** Whether the input was read as HTML. */
  html: boolean;
}

/** What `analyze` returns for one document (`schema/report.schema.json`). */
export interface Report {
  schema: 'ngoaivu.report/1';
  /** Always `utf16` from JS and the CLI. */
  offsets: 'utf16' | 'bytes';
  stats: Stats;
  /** `YYYY-MM-DD`, passed or detected in the header. */
  published: string | null;
  document: DocumentInfo;
  metrics: Metric[];
  findings: Finding[];
  entities: Entity[];
  pillars: Pillar[];
  activities: Activity[];
}

/** Annual average rates, dong per unit: `{"2025": {"USD": 25400}}`. */
export type ExchangeRates = Record<string, Record<string, number>>;

/** Options of `analyze`, `Analyzer` and `Corpus`. Unknown keys throw a TypeError. */
export interface Options {
  /** How the input is written; `auto` (the default) sniffs tags. */
  format?: 'text' | 'html' | 'auto';
  /** Publication date `YYYY-MM-DD`; detected in the header when absent. */
  published?: string | null;
  /** The province or city the document is about, when the caller knows. */
  locality?: string | null;
  /** Larger inputs are refused (code `input_too_large`); default 32 MiB. */
  maxInputBytes?: number;
  /** Added to the shipped table of rates. */
  exchangeRates?: ExchangeRates;
}

export interface CorpusOptions extends Options {
  /** The corpus refuses documents past this total (code `corpus_too_large`). */
  maxCorpusBytes?: number;
}

/** Per-document options of `Corpus.add`. */
export interface DocumentOptions {
  name?: string | null;
  format?: 'text' | 'html' | 'auto';
  published?: string | null;
  locality?: string | null;
}

/** The `code` of every error the API throws. */
export type ErrorCode =
  | 'bad_option'
  | 'bad_input'
  | 'input_too_large'
  | 'corpus_too_large'
  | 'no_such_document'
  | 'internal'
  | (string & {});

/** Errors thrown by the API: an `Error` (a `TypeError` for bad options) with a `code`. */
export interface NgoaivuError extends Error {
  code: ErrorCode;
}

/** Analyzes one document. Throws a TypeError (code `bad_option`) naming a bad option. */
export function analyze(text: string, options?: Options): Report;

/** Holds options for many calls; the compiled tables load once per module. */
export class Analyzer {
  constructor(options?: Options);
  readonly options: Options;
  /** Per-call options override the held ones. */
  analyze(text: string, options?: Options): Report;
}

/** A document of a corpus. */
export interface CorpusDocument {
  /** `d1`, `d2`, … */
  id: string;
  name: string;
  title: string | null;
  published: string | null;
  locality: string | null;
  chars: number;
  /** Foreign-affairs metrics (kind other than `other`). */
  metrics: number;
  findings: number;
}

/** Where a fact is stated. */
export interface FactSource {
  document: string;
  metric: string;
  span: Span;
  text: string;
  /** A restatement in another currency ("tương đương"). */
  restatement: boolean;
}

/** One value stated in one or more places. */
export interface Fact {
  /** `f1`, `f2`, … */
  id: string;
  kind: MetricKind;
  labelVi: string;
  labelEn: string;
  value: number;
  valueText: string | null;
  unit: string;
  qualifier: string;
  period: Period | null;
  locality: string | null;
  /** Partner names. */
  partners: string[];
  sources: FactSource[];
}

export interface SeriesPoint {
  year: number;
  value: number;
  /** Ids of the facts behind the point. */
  facts: string[];
}

/** A kind's values by year, for charts. */
export interface Series {
  kind: MetricKind;
  labelVi: string;
  labelEn: string;
  unit: string;
  locality: string | null;
  points: SeriesPoint[];
  /** Only where summing means something (flows over disjoint single years). */
  total: number | null;
}

/** Documents giving different values for the same kind, period, locality and partners. */
export interface Conflict {
  kind: MetricKind;
  labelVi: string;
  labelEn: string;
  unit: string;
  period: Period | null;
  locality: string | null;
  values: Array<{ value: number; fact: string; sources: FactSource[] }>;
}

/** Figures and documents per partner, per Vietnamese locality. */
export interface PartnerCount {
  name: string;
  code: string;
  type: string;
  locality: string | null;
  metrics: number;
  /** Activities (visits, meetings, agreements, aid) with this partner. */
  activities: number;
  documents: number;
}

/** What `Corpus.summary()` returns (`schema/summary.schema.json`). */
export interface Summary {
  schema: 'ngoaivu.summary/1';
  documents: CorpusDocument[];
  facts: Fact[];
  series: Series[];
  conflicts: Conflict[];
  partners: PartnerCount[];
  /** Every finding carries its `document`. */
  findings: Finding[];
}

/** Many documents: add, remove, and ask for the summary at any time. */
export class Corpus {
  constructor(options?: CorpusOptions);
  /** Analyzes and adds a document; returns its id ("d1", "d2", …). */
  add(text: string, doc?: DocumentOptions): string;
  /** Removes a document; false when the id is unknown. */
  remove(id: string): boolean;
  readonly size: number;
  documents(): CorpusDocument[];
  /** A document's report, or undefined. */
  report(id: string): Report | undefined;
  summary(): Summary;
  /** Every metric of every document as CSV; `bom: true` for Excel. */
  metricsCsv(options?: { bom?: boolean }): string;
  /** Every fact with its sources as CSV. */
  factsCsv(options?: { bom?: boolean }): string;
  /** Frees the WASM memory now rather than at garbage collection. */
  free(): void;
}

/** A metric kind with its labels. */
export interface KindInfo {
  kind: MetricKind;
  /** The unit its figures are normalized to (`money` for currencies). */
  unit: string;
  labelVi: string;
  labelEn: string;
}

/** Every metric kind, in the order of the taxonomy. */
export const kinds: readonly KindInfo[];

/** The package version. */
export const version: string;
