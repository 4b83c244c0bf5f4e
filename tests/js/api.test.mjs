// The npm package in Node, imported by its name as a user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { analyze, Analyzer, kinds, version } from 'ngoaivu';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env.NGOAIVU_CORPUS || path.resolve(root, '../shared/corpus/dev');
const docs = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();

test('analyze finds and classifies figures', () => {
  const r = analyze('Năm 2016, tỉnh đã cử 40 đoàn, 609 lượt cán bộ đi công tác; đón 52 đoàn khách quốc tế.');
  assert.equal(r.schema, 'ngoaivu.report/1');
  assert.equal(r.offsets, 'utf16');
  const got = r.metrics.map((m) => [m.kind, m.value, m.unit]);
  assert.deepEqual(got, [
    ['delegation_out', 40, 'delegation'],
    ['delegation_out_people', 609, 'person'],
    ['delegation_in', 52, 'delegation'],
  ]);
  assert.equal(r.metrics[0].labelVi, 'Đoàn ra');
  assert.equal(r.metrics[0].period.from, '2016');
  assert.ok(r.stats.milliseconds >= 0);
});

test('every span slices back to its text, on the dev corpus and on astral characters', () => {
  const texts = docs.map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  texts.push('😀😀 Đón 52 đoàn 😀 khách quốc tế, ký 6 thỏa thuận.');
  texts.push('<p>Thu h&uacute;t 30 d&#7921; &aacute;n FDI v&#7899;i t&#7893;ng v&#7889;n 372 tri&#7879;u USD</p>');
  let spans = 0;
  for (const t of texts) {
    for (const m of analyze(t).metrics) {
      assert.equal(t.slice(m.span.start, m.span.end), m.text, `${m.id} ${m.text}`);
      assert.ok(m.sentence.start <= m.span.start && m.span.end <= m.sentence.end);
      spans++;
    }
  }
  assert.ok(spans > 300, `only ${spans} spans checked`);
});

test('NFD input gives the same metrics as NFC', () => {
  const nfc = 'Năm 2023, tỉnh ký kết 3 bản ghi nhớ hợp tác với các địa phương của Nhật Bản; tổng vốn FDI đạt 1,2 tỷ USD.';
  const a = analyze(nfc).metrics.map((m) => [m.kind, m.value, m.unit, m.qualifier]);
  const nfd = nfc.normalize('NFD');
  const r = analyze(nfd);
  assert.deepEqual(r.metrics.map((m) => [m.kind, m.value, m.unit, m.qualifier]), a);
  for (const m of r.metrics) assert.equal(nfd.slice(m.span.start, m.span.end), m.text);
});

test('bad options and inputs are TypeErrors with a code; the analyzer keeps working', () => {
  assert.throws(() => analyze('x', { format: 'pdf' }), (e) => e instanceof TypeError && e.code === 'bad_option' && /format/.test(e.message));
  assert.throws(() => analyze('x', { nope: 1 }), (e) => e.code === 'bad_option' && /nope/.test(e.message));
  assert.throws(() => analyze(null), (e) => e instanceof TypeError && e.code === 'bad_input');
  assert.throws(() => analyze(42), (e) => e.code === 'bad_input');
  const a = new Analyzer({ maxInputBytes: 20 });
  assert.throws(() => a.analyze('đón 52 đoàn khách quốc tế'), (e) => e instanceof Error && e.code === 'input_too_large');
  assert.equal(a.analyze('đón 5 đoàn').metrics[0].value, 5);
});

test('kinds and version', () => {
  assert.match(version, /^\d+\.\d+\.\d+/);
  const k = kinds.find((x) => x.kind === 'fdi_capital');
  assert.equal(k.labelVi, 'Vốn FDI');
  assert.equal(kinds.at(-1).kind, 'other');
});

test('the WASM build and the native CLI give identical JSON for the dev corpus', () => {
  const cli = path.join(root, 'target/release/ngoaivu');
  const files = docs.map((f) => path.join(corpus, f));
  const out = execFileSync(cli, ['analyze', '--no-timing', '--format', 'jsonl', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, files.length);
  for (const [i, line] of lines.entries()) {
    const { file, ...native } = line;
    assert.equal(file, files[i]);
    const wasm = analyze(readFileSync(files[i], 'utf8'));
    native.stats.milliseconds = wasm.stats.milliseconds = 0;
    assert.deepEqual(wasm, native, path.basename(files[i]));
  }
});

test('the report crosses from the WASM in pieces that join to it; a sink that throws stops with its own error', async () => {
  // The module instance `ngoaivu` has already initialized.
  const raw = await import('../../pkg/web/ngoaivu.js');
  const text = Array.from({ length: 400 }, (_, i) => `Năm ${2000 + (i % 24)}, tỉnh đón ${i + 1} đoàn khách quốc tế và ký ${i % 7 + 1} thỏa thuận.`).join('\n');
  const pieces = [];
  raw.analyzeJsonPieces(text, '', 0, (piece) => pieces.push(piece));
  assert.ok(pieces.length > 2, `${pieces.length} pieces`);
  assert.ok(pieces.slice(0, -1).every((p) => p.length >= 64 << 10));
  const joined = JSON.parse(pieces.join(''));
  const report = analyze(text);
  joined.stats.milliseconds = report.stats.milliseconds = 0;
  assert.deepEqual(joined, report);
  assert.ok(report.metrics.length >= 800, `${report.metrics.length} metrics`);
  const full = new Error('sink full');
  assert.throws(() => raw.analyzeJsonPieces(text, '', 0, () => { throw full; }), (e) => e === full);
  assert.equal(analyze('đón 5 đoàn').metrics[0].value, 5);
});
