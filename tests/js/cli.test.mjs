// The Node CLI (bin/ngoaivu.mjs, `npx ngoaivu`) against the native one
// (target/release/ngoaivu, built by `npm run build`): the same JSON, JSONL
// and CSV for the same files and flags, per-file errors on stderr, and the
// same exit statuses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_CLI = path.join(root, 'bin/ngoaivu.mjs');
const NATIVE = path.join(root, 'target/release/ngoaivu');
let dir;

const js = (args, input) =>
  spawnSync(process.execPath, [NODE_CLI, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 28 });
const native = (args, input) => spawnSync(NATIVE, [...args, '--no-progress'], { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 28 });
const lines = (s) => s.trim().split('\n').map((l) => JSON.parse(l));

before(() => {
  assert.ok(existsSync(NATIVE), `${NATIVE} is built by npm run build`);
  dir = mkdtempSync(path.join(tmpdir(), 'ngoaivu-cli-'));
  mkdirSync(path.join(dir, 'archive'));
  const sample = readFileSync(path.join(root, 'www/sample.txt'), 'utf8');
  writeFileSync(path.join(dir, 'archive/b-sample.txt'), sample);
  writeFileSync(
    path.join(dir, 'archive/a-page.html'),
    '<h1>Báo cáo</h1><p>Năm 2023, tỉnh đã cử <b>40 đoàn</b> đi công tác nước ngoài và đón 52 đoàn khách quốc tế.</p>',
  );
  writeFileSync(path.join(dir, 'archive/c-broken.txt'), Buffer.from([0x4e, 0xe0, 0x6d, 0xff, 0xfe, 0x20]));
  writeFileSync(path.join(dir, 'archive/notes.json'), '{}');
  writeFileSync(path.join(dir, 'one.txt'), '\ufeffNgày 15/01/2024. Năm 2023, tỉnh ký kết 6 thỏa thuận quốc tế với Lào.');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('one file: the same JSON report as the native CLI, with each option', () => {
  for (const flags of [[], ['--published', '2024-03-01', '--locality', 'Lạng Sơn'], ['--input', 'text']]) {
    for (const file of ['one.txt', 'archive/a-page.html', 'archive/b-sample.txt']) {
      const a = js(['analyze', file, '--no-timing', ...flags]);
      const b = native(['analyze', file, '--no-timing', ...flags]);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(b.status, 0, b.stderr);
      assert.equal(a.stdout.split('\n').length, 2, 'one line of JSON');
      const report = JSON.parse(a.stdout);
      assert.equal(report.schema, 'ngoaivu.report/1');
      assert.equal(report.stats.milliseconds, 0);
      assert.deepEqual(report, JSON.parse(b.stdout), `${file} ${flags.join(' ')}`);
    }
  }
  const timed = JSON.parse(js(['analyze', 'one.txt']).stdout);
  assert.ok(timed.stats.milliseconds > 0, 'timing is on by default');
});

test('a directory: JSONL in name order, the broken file named on stderr, exit status 1', () => {
  const a = js(['analyze', 'archive', '--no-timing']);
  const b = native(['analyze', 'archive', '--no-timing']);
  assert.equal(a.status, 1);
  assert.equal(b.status, 1);
  assert.equal(a.stderr, 'ngoaivu: archive/c-broken.txt: not UTF-8 text\n');
  assert.match(b.stderr, /archive\/c-broken\.txt: not UTF-8 text/);
  const got = lines(a.stdout);
  assert.deepEqual(got.map((r) => r.file), ['archive/a-page.html', 'archive/b-sample.txt']);
  assert.deepEqual(Object.keys(got[0]).slice(0, 2), ['file', 'schema']);
  assert.deepEqual(got, lines(b.stdout));
  assert.deepEqual(got[0].metrics.map((m) => [m.kind, m.value]), [
    ['delegation_out', 40],
    ['delegation_in', 52],
  ]);
});

test('--format jsonl on one file, stdin as -, a missing file', () => {
  const a = js(['analyze', '--format', 'jsonl', '--no-timing', 'one.txt']);
  assert.equal(a.status, 0);
  assert.deepEqual(lines(a.stdout), lines(native(['analyze', '--format', 'jsonl', '--no-timing', 'one.txt']).stdout));
  assert.equal(lines(a.stdout)[0].file, 'one.txt');

  const text = 'Tỉnh đã đón 52 đoàn khách quốc tế.';
  const s = js(['analyze', '-', '--no-timing'], text);
  assert.equal(s.status, 0, s.stderr);
  assert.deepEqual(JSON.parse(s.stdout), JSON.parse(native(['analyze', '-', '--no-timing'], text).stdout));

  const m = js(['analyze', 'missing.txt', 'one.txt', '--no-timing']);
  assert.equal(m.status, 1);
  assert.equal(m.stderr, 'ngoaivu: missing.txt: no such file or directory\n');
  assert.deepEqual(lines(m.stdout).map((r) => r.file), ['one.txt'], 'the rest go on');
});

test('CSV of metrics and facts, and the corpus summary, equal the native output', () => {
  for (const args of [
    ['analyze', '--format', 'csv', 'archive', 'one.txt'],
    ['analyze', '--format', 'csv', '--bom', 'one.txt'],
    ['corpus', '--format', 'csv', 'archive', 'one.txt'],
  ]) {
    const a = js(args);
    const b = native(args);
    assert.equal(a.status, b.status, args.join(' '));
    assert.ok(a.stdout.length > 100, args.join(' '));
    assert.equal(a.stdout, b.stdout, args.join(' '));
  }
  assert.ok(js(['analyze', '--format', 'csv', '--bom', 'one.txt']).stdout.startsWith('\ufeff'));
  const a = js(['corpus', 'archive', 'one.txt', '--out', 'summary.json']);
  assert.equal(a.status, 1, 'the broken file still fails the run');
  assert.equal(a.stdout, '');
  const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
  assert.equal(summary.schema, 'ngoaivu.summary/1');
  assert.deepEqual(summary, JSON.parse(native(['corpus', 'archive', 'one.txt']).stdout));
});

test('usage errors exit 2 with the usage; --version and --help exit 0', () => {
  for (const args of [[], ['analyze'], ['analyze', '--format', 'xml', 'one.txt'], ['frobnicate', 'one.txt'], ['analyze', '--bogus', 'one.txt'], ['analyze', 'one.txt', '--published', '15/01/2024'], ['corpus', '--format', 'xlsx', 'one.txt']]) {
    const r = js(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^ngoaivu: .+\nusage: ngoaivu analyze/, args.join(' '));
    assert.equal(native(args).status, 2, `native: ${args.join(' ')}`);
  }
  const v = js(['--version']);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, native(['--version']).stdout);
  assert.match(js(['--help']).stdout, /^usage: ngoaivu analyze/);
});
