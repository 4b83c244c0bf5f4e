// A TypeScript user of the package: every entry point (ngoaivu,
// ngoaivu/worker, ngoaivu/panel) and the report's fields, narrowed the way
// an app would. tests/js/types.test.mjs compiles it with
// `tsc --noEmit --strict`; a wrong or missing declaration fails there.
import { analyze, Analyzer, Corpus, kinds, version } from 'ngoaivu';
import type {
  Activity,
  Entity,
  Fact,
  Finding,
  KindInfo,
  Metric,
  NgoaivuError,
  Options,
  Report,
  Summary,
} from 'ngoaivu';
import { createWorkerAnalyzer } from 'ngoaivu/worker';
import type { WorkerAnalyzer } from 'ngoaivu/worker';
import { NgoaivuPanel } from 'ngoaivu/panel';

const options: Options = { format: 'text', published: '2024-01-15', locality: 'Lạng Sơn', maxInputBytes: 1 << 20 };
const report: Report = analyze('Năm 2023, tỉnh đã cử 40 đoàn đi công tác nước ngoài.', options);

// Metrics: nullable fields must be checked before use.
const totals: number[] = report.metrics
  .filter((m: Metric) => m.kind !== 'other' && m.value !== null)
  .map((m) => (m.value ?? 0) * (m.of ?? 1));
const years: string[] = report.metrics.flatMap((m) => (m.period ? [m.period.from, m.period.to] : []));
const spans: string[] = report.metrics.map((m) => report.document.title ?? '' + m.span.start + m.sentence.end);
const changes: Array<number | null> = report.metrics.map((m) => m.change?.percent ?? m.change?.amount ?? m.change?.times ?? null);
const partnerCodes: string[] = report.metrics.flatMap((m) => m.partners.map((p) => `${p.code}:${p.type}`));
const related: string[] = report.metrics.flatMap((m) => (m.relation?.type === 'part_of' ? [m.relation.metric] : []));
const flagged: boolean = report.metrics.some((m) => m.flags.includes('vague') || m.repeat || m.qualifier === 'about');
const linked: string[] = report.metrics.flatMap((m) => (m.activity ? [m.activity] : []));

// Entities: a discriminated union on `type`.
function describe(e: Entity): string {
  switch (e.type) {
    case 'person':
      return `${e.name} (${e.role ?? '?'})`;
    case 'document':
      return `${e.docType} ${e.number} ${e.date ?? ''} ${e.issuer ?? ''} ${e.title ?? ''}`;
    case 'province':
      return `${e.name} → ${e.mergedInto ?? e.name}`;
    default:
      return `${e.type} ${e.code} ${e.mentions.map((m) => m.text).join(', ')}`;
  }
}
const entityLines: string[] = report.entities.map(describe);

// Findings, pillars, activities, document structure, stats.
const messages: string[] = report.findings.map((f: Finding) => `${f.severity}: ${f.messageVi} / ${f.messageEn} ${f.spans.length}`);
const pillarShares: number[] = report.pillars.map((p) => p.share + p.evidence.length);
const acts: string[] = report.activities.map(
  (a: Activity) => `${a.type} ${a.cameo} ${a.trigger.text} ${a.counterparts.map((c) => c.entity).join()} ${a.period?.from}`,
);
const sections: string[] = report.document.sections.map((s) => `${s.heading} ${s.locality ?? ''} ${s.span.end}`);
const size: number = report.stats.chars + report.stats.sentences + report.stats.milliseconds + report.document.paragraphs;
const isHtml: boolean = report.stats.html;

// Analyzer and Corpus.
const analyzer = new Analyzer({ format: 'auto' });
const again: Report = analyzer.analyze('Đón 52 đoàn khách quốc tế.', { published: null });
const corpus = new Corpus({ maxCorpusBytes: 1 << 24, exchangeRates: { '2025': { USD: 25400 } } });
const id: string = corpus.add('Ký 6 thỏa thuận quốc tế.', { name: 'a.txt', published: '2024-01-01' });
const summary: Summary = corpus.summary();
const facts: string[] = summary.facts.map((f: Fact) => `${f.id} ${f.value} ${f.sources[0]?.document} ${f.sources[0]?.restatement}`);
const series: number[] = summary.series.flatMap((s) => s.points.map((p) => p.year + p.value + (s.total ?? 0)));
const conflicts: number[] = summary.conflicts.map((c) => c.values.length);
const partners: number[] = summary.partners.map((p) => p.metrics + p.activities + p.documents);
const docs: number = corpus.documents().reduce((n, d) => n + d.metrics + d.findings + d.chars, corpus.size);
const maybe: Report | undefined = corpus.report(id);
const csv: string = corpus.metricsCsv({ bom: true }) + corpus.factsCsv();
const removed: boolean = corpus.remove(id);
corpus.free();
const labels: string[] = kinds.map((k: KindInfo) => `${k.kind} ${k.unit} ${k.labelVi} ${k.labelEn}`);
const v: string = version;

// Errors carry a code.
try {
  analyze('x', { format: 'text' });
} catch (e) {
  const err = e as NgoaivuError;
  if (err.code === 'bad_option') console.error(err.message);
}

// The worker: promises of the same report.
async function inWorker(): Promise<number> {
  const a: WorkerAnalyzer = await createWorkerAnalyzer({ locality: 'Hà Nội' }, { workerUrl: '/ngoaivu/worker-thread.js' });
  const r: Report = await a.analyze('Năm 2023, tỉnh đã cử 40 đoàn.');
  const n = r.metrics.length + a.kinds.length + a.version.length;
  a.terminate();
  return n;
}

// The panel: a typed custom element and its events.
function mountPanel(editor: HTMLTextAreaElement): NgoaivuPanel {
  const panel = document.createElement('ngoaivu-panel');
  panel.setAttribute('lang', 'en');
  panel.attach(editor);
  panel.addEventListener('ngoaivu-report', (e) => {
    const figures: number = e.detail.report.metrics.length + e.detail.text.length;
    console.log(figures, panel.report?.schema, panel.language, panel.target?.tagName, panel.debounce);
  });
  panel.addEventListener('ngoaivu-error', (e) => console.error(e.detail.error.code));
  void panel.refresh();
  return panel;
}

export {
  totals, years, spans, changes, partnerCodes, related, flagged, linked, entityLines, messages, pillarShares, acts,
  sections, size, isHtml, again, facts, series, conflicts, partners, docs, maybe, csv, removed, labels, v, inWorker, mountPanel,
};
