// The JSON Schemas in schema/ hold for real output: every report of the
// dev corpus (or our own sample when it is absent) and a corpus summary.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { analyze, Corpus } from 'ngoaivu';

const root = new URL('../../', import.meta.url).pathname;
const load = (f) => JSON.parse(readFileSync(join(root, 'schema', f), 'utf8'));
const ajv = new Ajv({ allErrors: true });
const validReport = ajv.compile(load('report.schema.json'));
const validSummary = ajv.compile(load('summary.schema.json'));

const devDir = join(root, '../shared/corpus/dev');
const texts = existsSync(devDir)
  ? readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(devDir, f), 'utf8'))
  : [readFileSync(join(root, 'www/sample.txt'), 'utf8')];

test('every report matches schema/report.schema.json', () => {
  for (const t of texts) {
    const r = analyze(t);
    assert.ok(validReport(r), ajv.errorsText(validReport.errors));
  }
});

test('the corpus summary matches schema/summary.schema.json', () => {
  const c = new Corpus();
  for (const t of texts) c.add(t);
  const s = c.summary();
  assert.ok(s.facts.length > 0);
  assert.ok(validSummary(s), ajv.errorsText(validSummary.errors));
});

test('the schema rejects a report with a renamed field', () => {
  const r = analyze('Năm 2023, tỉnh đã cử 35 đoàn đi công tác nước ngoài.');
  r.metrics[0].valeu = r.metrics[0].value;
  delete r.metrics[0].value;
  assert.equal(validReport(r), false);
});
