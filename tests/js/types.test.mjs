// The TypeScript declarations stay true: tests/ts/example.ts (every entry
// point, through the package's exports map) compiles with `tsc --strict`,
// and real reports and a real corpus summary, written out as object
// literals typed Report/Summary, compile too — so a field the output has
// and the types lack (or the reverse, or a value outside a union) fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, Corpus, kinds } from 'ngoaivu';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(root, 'node_modules/typescript/bin/tsc');

function tsc(args, cwd = root) {
  const r = spawnSync(process.execPath, [TSC, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Type-checks `source` (a module) in a temp directory; returns tsc's result. */
function check(source) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ngoaivu-types-'));
  try {
    writeFileSync(path.join(dir, 'real.ts'), source);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: [], strict: true, noEmit: true },
        files: ['real.ts'],
      }),
    );
    return tsc(['-p', dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Source typing `values` as literals; imports the declarations by absolute path. */
function literalModule(decls) {
  const index = path.join(root, 'js/index.js').replace(/\\/g, '/');
  const lines = [`import type { Report, Summary, KindInfo } from ${JSON.stringify(index)};`];
  for (const [name, type, value] of decls) lines.push(`export const ${name}: ${type} = ${JSON.stringify(value, null, 1)};`);
  return lines.join('\n') + '\n';
}

const devDir = path.resolve(root, '../shared/corpus/dev');
const texts = existsSync(devDir)
  ? readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(devDir, f), 'utf8'))
  : [readFileSync(path.join(root, 'www/sample.txt'), 'utf8')];
// Every entity type, a relation, a change and findings in one text.
texts.push(
  'Năm 2023, tỉnh đã cử 40 đoàn đi công tác tại Trung Quốc và đón 52 đoàn khách quốc tế. ' +
    'Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, tiếp Đại sứ Hàn Quốc; thực hiện Chỉ thị số 41-CT/TW ngày 15/4/2010 của Ban Bí thư. ' +
    'Tỉnh Lạng Sơn ký 3 thỏa thuận với tỉnh Quảng Tây trong khuôn khổ ASEAN và RCEP. ' +
    'Kim ngạch đạt 1.108.742 USD, tăng 992.829 USD so với năm 2020 (115.913 USD); 12 cặp cửa khẩu (2 cặp quốc tế, 01 cặp chính, 8 cặp phụ).',
);

test('tests/ts/example.ts compiles with tsc --noEmit --strict against the exports map', () => {
  const r = tsc(['-p', 'tests/ts', '--noEmit', '--strict']);
  assert.equal(r.status, 0, r.out);
});

test('real reports, a summary and the kinds are exactly the declared types', () => {
  const reports = texts.map((t) => analyze(t));
  const types = new Set(reports.flatMap((r) => r.entities.map((e) => e.type)));
  for (const t of ['country', 'foreign_locality', 'province', 'organization', 'agreement', 'person', 'document']) {
    assert.ok(types.has(t), `the texts carry a ${t} entity`);
  }
  assert.ok(reports.some((r) => r.activities.length > 0 && r.findings.length > 0 && r.pillars.length > 0));
  const corpus = new Corpus();
  for (const t of texts) corpus.add(t);
  const summary = corpus.summary();
  assert.ok(summary.facts.length > 0 && summary.series.length > 0 && summary.partners.length > 0);
  const r = check(
    literalModule([
      ['reports', 'Report[]', reports],
      ['summary', 'Summary', summary],
      ['kinds', 'KindInfo[]', kinds],
    ]),
  );
  assert.equal(r.status, 0, r.out.slice(0, 4000));
});

test('the check catches a renamed field, a missing one and a value outside a union', () => {
  const base = analyze('Năm 2023, tỉnh đã cử khoảng 40 đoàn đi công tác nước ngoài.');
  const renamed = structuredClone(base);
  renamed.metrics[0].valeu = renamed.metrics[0].value;
  delete renamed.metrics[0].value;
  const missing = structuredClone(base);
  delete missing.activities;
  const outside = structuredClone(base);
  outside.metrics[0].qualifier = 'roughly';
  for (const [what, report, expected] of [
    ['renamed', renamed, /valeu/],
    ['missing', missing, /activities/],
    ['outside', outside, /roughly/],
  ]) {
    const r = check(literalModule([['report', 'Report', report]]));
    assert.notEqual(r.status, 0, `${what}: tsc should fail`);
    assert.match(r.out, expected, what);
  }
});
