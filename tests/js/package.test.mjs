// The npm package as a user gets it: `npm pack`, installed offline from the
// tarball into a fresh project, then imported from Node ESM (every export),
// its CLI run through node_modules/.bin and `npm exec`, and its types
// compiled there with tsc. Also holds the tarball to what ships.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packAndInstall, ROOT } from '../helpers/pack.mjs';

let installed;
before(() => {
  installed = packAndInstall();
});
after(() => installed?.cleanup());

const SENTENCE = 'Năm 2023, tỉnh đã cử 40 đoàn đi công tác nước ngoài và đón 52 đoàn khách quốc tế.';

test('the tarball holds what ships and nothing else', () => {
  const files = installed.pack.files.map((f) => f.path).sort();
  for (const f of [
    'README.md',
    'bin/ngoaivu.mjs',
    'js/api.js',
    'js/browser.js',
    'js/index.d.ts',
    'js/node.js',
    'js/panel.d.ts',
    'js/panel.js',
    'js/worker-thread.js',
    'js/worker.d.ts',
    'js/worker.js',
    'package.json',
    'pkg/web/ngoaivu.js',
    'pkg/web/ngoaivu_bg.wasm',
  ]) {
    assert.ok(files.includes(f), `${f} ships`);
  }
  for (const f of files) {
    assert.match(f, /^(README\.md|package\.json|bin\/[^/]+\.mjs|js\/[^/]+\.(js|d\.ts)|pkg\/web\/ngoaivu(_bg\.wasm|\.js))$/, `${f} should not ship`);
  }
  // One .wasm (Node and browsers share the web build): measured 385 KB packed.
  assert.ok(installed.pack.size < 600_000, `tarball is ${installed.pack.size} bytes`);
});

test('imports by name from Node ESM in a fresh project and analyzes', () => {
  const script = `
    import { analyze, Analyzer, Corpus, kinds, version } from 'ngoaivu';
    import { createWorkerAnalyzer } from 'ngoaivu/worker';
    import { NgoaivuPanel } from 'ngoaivu/panel';
    import pkg from 'ngoaivu/package.json' with { type: 'json' };
    const r = analyze(${JSON.stringify(SENTENCE)});
    const c = new Corpus(); c.add(${JSON.stringify(SENTENCE)}, { name: 'a.txt' });
    let code = null;
    try { new Analyzer({ fromat: 'text' }); } catch (e) { code = e.constructor.name + ':' + e.code; }
    console.log(JSON.stringify({
      metrics: r.metrics.map((m) => [m.kind, m.value, m.labelVi]),
      resolved: import.meta.resolve('ngoaivu'),
      facts: c.summary().facts.length,
      kinds: kinds.length, version, pkg: pkg.version, code,
      worker: typeof createWorkerAnalyzer, panel: typeof NgoaivuPanel,
    }));`;
  const out = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: installed.app, encoding: 'utf8' }),
  );
  assert.deepEqual(out.metrics, [
    ['delegation_out', 40, 'Đoàn ra'],
    ['delegation_in', 52, 'Đoàn vào'],
  ]);
  const resolved = realpathSync(new URL(out.resolved));
  assert.equal(resolved, realpathSync(path.join(installed.app, 'node_modules/ngoaivu/js/node.js')), 'the installed copy, node condition');
  assert.equal(out.facts, 2);
  assert.ok(out.kinds > 40);
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  assert.equal(out.version, version);
  assert.equal(out.pkg, version);
  assert.equal(out.code, 'TypeError:bad_option');
  assert.equal(out.worker, 'function');
  assert.equal(out.panel, 'function');
});

test('the installed CLI runs through node_modules/.bin and npm exec', () => {
  writeFileSync(path.join(installed.app, 'report.txt'), SENTENCE);
  const bin = spawnSync(path.join(installed.app, 'node_modules/.bin/ngoaivu'), ['analyze', 'report.txt', '--no-timing'], {
    cwd: installed.app,
    encoding: 'utf8',
  });
  assert.equal(bin.status, 0, bin.stderr);
  const report = JSON.parse(bin.stdout);
  assert.deepEqual(report.metrics.map((m) => m.value), [40, 52]);
  assert.equal(report.stats.milliseconds, 0);

  const exec = spawnSync('npm', ['exec', '--offline', '--', 'ngoaivu', 'analyze', '--format', 'jsonl', 'report.txt', 'missing.txt'], {
    cwd: installed.app,
    encoding: 'utf8',
  });
  assert.equal(exec.status, 1, 'a missing file fails the run');
  assert.match(exec.stderr, /ngoaivu: missing\.txt: no such file or directory/);
  assert.equal(JSON.parse(exec.stdout).file, 'report.txt');
});

test('the installed types compile a strict TypeScript example', () => {
  copyFileSync(path.join(ROOT, 'tests/ts/example.ts'), path.join(installed.app, 'example.ts'));
  copyFileSync(path.join(ROOT, 'tests/ts/tsconfig.json'), path.join(installed.app, 'tsconfig.json'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', installed.app, '--noEmit', '--strict'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
