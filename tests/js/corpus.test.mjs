// The JS Corpus over the WASM build: documents in, facts, conflicts,
// findings and CSV out; and the same facts as the native CLI's `corpus`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from 'ngoaivu';

const A = 'Năm 2023, tỉnh đã cử 35 đoàn đi công tác nước ngoài và đón 20 đoàn vào.';
const B = 'Trong năm 2023, toàn tỉnh cử 38 đoàn ra nước ngoài.';

test('documents are added, summarized, removed', () => {
  const c = new Corpus({ locality: 'Lạng Sơn' });
  const a = c.add(A, { name: 'a.txt', published: '2024-01-10' });
  const b = c.add(B, { name: 'b.txt', published: '2024-02-10' });
  assert.equal(c.size, 2);
  assert.deepEqual(c.documents().map((d) => d.name), ['a.txt', 'b.txt']);
  const s = c.summary();
  assert.equal(s.schema, 'ngoaivu.summary/1');
  const out = s.conflicts.find((x) => x.kind === 'delegation_out');
  assert.ok(out, 'the two documents disagree on delegations sent');
  assert.deepEqual(out.values.map((v) => v.value).sort(), [35, 38]);
  const f = s.findings.find((x) => x.code === 'conflicting_values');
  assert.ok(f && f.messageVi && f.messageEn);
  // Sources' spans are UTF-16 offsets into the document they came from.
  for (const fact of s.facts) {
    for (const src of fact.sources) {
      const text = src.document === a ? A : B;
      assert.equal(text.slice(src.span.start, src.span.end), src.text);
    }
  }
  assert.equal(c.remove(b), true);
  assert.equal(c.remove(b), false);
  assert.equal(c.report(b), undefined);
  assert.equal(c.summary().conflicts.length, 0);
  c.free();
});

test('CSV exports quote fields and can carry a BOM', () => {
  const c = new Corpus();
  c.add(A, { name: 'tên, "lạ".txt' });
  const csv = c.metricsCsv({ bom: true });
  assert.equal(csv.charCodeAt(0), 0xfeff);
  assert.match(csv, /"tên, ""lạ"".txt"/);
  assert.match(c.factsCsv(), /^id,kind,label_vi,value/);
});

test('bad options and inputs throw coded errors, and the corpus keeps working', () => {
  assert.throws(() => new Corpus({ maxCorpusBytes: -1 }), { name: 'TypeError', code: 'bad_option' });
  const c = new Corpus({ maxCorpusBytes: 200 });
  assert.throws(() => c.add(A, { nam: 'x' }), { code: 'bad_option' });
  assert.throws(() => c.add(null), { code: 'bad_input' });
  assert.throws(() => c.add('x'.repeat(300)), (e) => e instanceof Error && e.code === 'corpus_too_large' && /maxCorpusBytes/.test(e.message));
  c.add(A);
  assert.equal(c.size, 1);
});

const devDir = new URL('../../../shared/corpus/dev/', import.meta.url).pathname;
const cli = new URL('../../target/release/ngoaivu', import.meta.url).pathname;

test('the native CLI and the WASM Corpus give the same facts', { skip: !existsSync(devDir) || !existsSync(cli) }, () => {
  const files = readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort();
  const c = new Corpus();
  for (const f of files) c.add(readFileSync(join(devDir, f), 'utf8'), { name: f });
  const wasm = c.summary();
  const native = JSON.parse(execFileSync(cli, ['corpus', devDir, '--no-progress'], { maxBuffer: 1 << 28 }).toString());
  assert.ok(wasm.facts.length > 50);
  assert.deepEqual(native.facts, wasm.facts);
  assert.deepEqual(native.series, wasm.series);
  assert.deepEqual(native.conflicts, wasm.conflicts);
  assert.deepEqual(native.findings, wasm.findings);
});
