// The report crosses from the WASM as a tape (src/tape.rs) that js/tape.js
// reads: it must give exactly what JSON.parse makes of the same report's
// JSON — the same keys in the same order, the same values — for every part
// of a report, and refuse a tape it is out of step with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { analyze, Corpus } from 'ngoaivu';
import { readReportTape } from '../../js/tape.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env.NGOAIVU_CORPUS || path.resolve(root, '../shared/corpus/dev');
// The module instance `ngoaivu` has initialized by the time a test runs.
const raw = await import('../../pkg/web/ngoaivu.js');
analyze('');

const viaJson = (text, options = {}) => {
  const pieces = [];
  raw.analyzeJsonPieces(text, JSON.stringify(options), 0, (piece) => pieces.push(piece));
  return JSON.parse(pieces.join(''));
};
const viaTape = (text, options = {}) => readReportTape((sink) => raw.analyzeTapePieces(text, JSON.stringify(options), 0, sink));

// Sentences written for this test, each reaching parts of a report the
// corpus may not: people with roles, legal documents, changes, plans,
// restatements, parts of totals, ranges, fractions, partners, sections,
// repeated paragraphs, HTML, and characters beyond the BMP.
const written = [
  [
    'BÁO CÁO CÔNG TÁC ĐỐI NGOẠI NĂM 2024',
    '',
    'I. KẾT QUẢ',
    'Thực hiện Nghị quyết số 12-NQ/TU ngày 05/3/2021 của Tỉnh ủy, năm 2024 tỉnh Quảng Ninh đã đón 52 đoàn với 1.250 lượt khách quốc tế, tăng 15% so với năm 2023, đạt 110% kế hoạch.',
    'Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, đã tiếp Đại sứ Nhật Bản và ký 3 thỏa thuận hợp tác với tỉnh Gyeonggi (Hàn Quốc).',
    'Thu hút 12 dự án FDI với tổng vốn đăng ký 372 triệu USD (tương đương khoảng 9.000 tỷ đồng), trong đó Hàn Quốc 5 dự án, Nhật Bản 4 dự án.',
    'Kim ngạch xuất khẩu đạt 5–7 tỷ USD; tỉnh xếp thứ 15/63 về thu hút đầu tư.',
    '',
    'II. PHƯƠNG HƯỚNG',
    'Năm 2025 phấn đấu cử 40 đoàn ra nước ngoài 😀 và đón 60 đoàn vào.',
    'Năm 2025 phấn đấu cử 40 đoàn ra nước ngoài 😀 và đón 60 đoàn vào.',
  ].join('\n'),
  '<h1>Tin đối ngoại</h1><p>Ngày 12/5/2024, tỉnh đón 5 đoàn khách Lào &amp; Campuchia; viện trợ 1,5 triệu USD.</p>',
  'Tỉnh đón 4691lượt khách, 1.234,5 triệu đồng và 1,234.5 USD.',
  '',
];

function texts() {
  const out = [...written];
  for (const f of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) out.push(readFileSync(path.join(corpus, f), 'utf8'));
  for (const f of ['www/sample.txt', 'www/sample-2023.txt']) out.push(readFileSync(path.join(root, f), 'utf8'));
  return out;
}

test('the tape gives the JSON report, key for key, in order, for every text', () => {
  const seen = new Set();
  const note = (what, yes) => yes && seen.add(what);
  for (const [i, text] of texts().entries()) {
    const fromJson = viaJson(text);
    const fromTape = viaTape(text);
    assert.equal(JSON.stringify(fromTape), JSON.stringify(fromJson), `text ${i}`);
    assert.deepEqual(fromTape, fromJson, `text ${i}`);
    note('metric', fromTape.metrics.length > 0);
    note('period', fromTape.metrics.some((m) => m.period));
    note('partners', fromTape.metrics.some((m) => m.partners.length > 0));
    note('change', fromTape.metrics.some((m) => m.change));
    note('relation', fromTape.metrics.some((m) => m.relation));
    note('valueTo', fromTape.metrics.some((m) => m.valueTo !== null));
    note('finding', fromTape.findings.length > 0);
    note('person', fromTape.entities.some((e) => 'role' in e));
    note('legal document', fromTape.entities.some((e) => 'number' in e));
    note('mentions', fromTape.entities.some((e) => e.mentions.length > 0));
    note('section', fromTape.document.sections.length > 0);
    note('repeated paragraph', fromTape.document.repeatedParagraphs.length > 0);
    note('pillar', fromTape.pillars.some((p) => p.evidence.length > 0));
    note('activity', fromTape.activities.length > 0);
    note('counterpart', fromTape.activities.some((a) => a.counterparts.length > 0));
    note('html', fromTape.stats.html);
  }
  // Each of the tape's readers was compared at least once.
  const want = ['metric', 'period', 'partners', 'change', 'relation', 'valueTo', 'finding', 'person', 'legal document', 'mentions', 'section', 'repeated paragraph', 'pillar', 'activity', 'counterpart', 'html'];
  assert.deepEqual(want.filter((w) => !seen.has(w)), []);
});

test('options reach the tape as they reach the JSON', () => {
  const text = 'Năm nay tỉnh đón 5 đoàn khách Nhật Bản.';
  const options = { published: '2024-06-01', locality: 'Quảng Ninh' };
  assert.equal(JSON.stringify(viaTape(text, options)), JSON.stringify(viaJson(text, options)));
});

test('a large report crosses in many pieces that join to it', () => {
  const text = Array.from({ length: 400 }, (_, i) => `Năm ${2000 + (i % 24)}, tỉnh đón ${i + 1} đoàn khách quốc tế và ký ${(i % 7) + 1} thỏa thuận.`).join('\n');
  let pieces = 0;
  const report = readReportTape((sink) =>
    raw.analyzeTapePieces(text, '', 0, (numbers, strings) => {
      pieces++;
      assert.ok(numbers instanceof Float64Array);
      assert.equal(typeof strings, 'string');
      sink(numbers, strings);
    }),
  );
  assert.ok(pieces > 2, `${pieces} pieces`);
  assert.ok(report.metrics.length >= 800, `${report.metrics.length} metrics`);
  assert.equal(JSON.stringify(report), JSON.stringify(viaJson(text)));
});

test('a tape out of step with the reader is refused, not misread', () => {
  const gather = (text) => {
    const pieces = [];
    raw.analyzeTapePieces(text, '', 0, (numbers, strings) => pieces.push([numbers, strings]));
    return pieces;
  };
  const [[numbers, strings]] = gather('Tỉnh đón 5 đoàn.');
  // The report's third field is its stats (after two strings): a struct of
  // three numbers and a boolean. One value more, as a Rust field added
  // without its reader would give.
  const [STRUCT, END] = [7, 9];
  assert.equal(numbers[5], STRUCT);
  const at = 5 + 1 + 3 * 2 + 1;
  assert.equal(numbers[at], END);
  const longer = Float64Array.from([...numbers.slice(0, at), 3, 1, ...numbers.slice(at)]);
  assert.throws(() => readReportTape((sink) => sink(longer, strings)), /out of step/);
  // A tape cut short, or with a value after the report's end.
  assert.throws(() => readReportTape((sink) => sink(numbers.slice(0, -1), strings)), /out of step/);
  assert.throws(() => readReportTape((sink) => sink(Float64Array.from([...numbers, 0]), strings)), /out of step/);
  // A string written again by a number no string was kept as.
  const [KEPT, AGAIN] = [10, 11];
  assert.equal(numbers[1], KEPT);
  const unknown = Float64Array.from([...numbers.slice(0, 1), AGAIN, 1e6, ...numbers.slice(3)]);
  assert.throws(() => readReportTape((sink) => sink(unknown, strings)), /out of step with its reader \(a kept string/);
});

test("a corpus's report crosses as a tape too, and is analyze()'s", () => {
  const c = new Corpus();
  for (const [i, text] of written.entries()) {
    const id = c.add(text, { name: `t${i}.txt` });
    const fromCorpus = c.report(id);
    const alone = analyze(text);
    fromCorpus.stats.milliseconds = alone.stats.milliseconds = 0;
    assert.equal(JSON.stringify(fromCorpus), JSON.stringify(alone), `text ${i}`);
  }
  assert.equal(c.report('no such id'), undefined);
});

test('a sink that throws stops the analysis with its own error', () => {
  const full = new Error('sink full');
  assert.throws(() => raw.analyzeTapePieces('Tỉnh đón 5 đoàn.', '', 0, () => { throw full; }), (e) => e === full);
  assert.equal(analyze('đón 5 đoàn').metrics[0].value, 5);
});
