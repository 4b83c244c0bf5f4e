// Instructions per analysis in the WASM, counted by valgrind's callgrind on
// Node: repeatable where wall time on a shared VM is not (the same build
// gives the same count within 0.1%, while the time of the same run moves by
// 30%). So this is the figure to compare two builds by; the time figures of
// scripts/bench.mjs are still the ones the targets are stated in.
//
// How: V8 runs the WASM through TurboFan only (no Liftoff, no tier-up),
// single-threaded and predictable, so the machine code is the same in every
// run; the process is counted whole at two numbers of passes and the
// difference divided, so start-up, compiling and the tables' building
// (the first analysis) fall out.
//
//   node scripts/bench-instructions.mjs                 # dev corpus, 3 KB article, 1 MB; pkg/web
//   node scripts/bench-instructions.mjs --pkg DIR       # another build (a web target folder)
//   node scripts/bench-instructions.mjs --only dev      # one input: dev | keystroke | 1mb
//
// Needs valgrind (Debian's package); about a minute per input.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, MB, bytes, loadCorpus, repeatTo, keystrokeArticle } from './bench-inputs.mjs';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);

function inputs(which) {
  const texts = loadCorpus().map((d) => d.text);
  switch (which) {
    case 'dev':
      return texts;
    case 'keystroke':
      return [keystrokeArticle(texts)];
    case '1mb':
      return [repeatTo(texts, MB)];
    default:
      throw new Error(`unknown input ${which}: dev, keystroke or 1mb`);
  }
}

if (args[0] === '--child') {
  // Analyzes the input `passes` times after one warm-up analysis.
  const [, pkg, which, passes] = args;
  const raw = await import(pathToFileURL(path.join(pkg, 'ngoaivu.js')).href);
  raw.initSync({ module: readFileSync(path.join(pkg, 'ngoaivu_bg.wasm')) });
  const { makeApi } = await import(pathToFileURL(path.join(ROOT, 'js/api.js')).href);
  const { analyze } = makeApi(raw);
  const texts = inputs(which);
  analyze(texts[0]);
  for (let i = 0; i < Number(passes); i++) for (const t of texts) analyze(t);
  process.exit(0);
}

const V8_FLAGS = ['--no-liftoff', '--no-wasm-dynamic-tiering', '--single-threaded', '--predictable'];

function count(pkg, which, passes) {
  const r = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--smc-check=all', '--callgrind-out-file=/dev/null', process.execPath, ...V8_FLAGS, SELF, '--child', pkg, which, String(passes)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const m = /refs:\s+([\d,]+)/.exec(r.stderr || '');
  if (r.error || !m) throw new Error(`valgrind failed (is it installed?): ${r.error?.message ?? r.stderr.slice(-400)}`);
  return Number(m[1].replaceAll(',', ''));
}

const pkg = path.resolve(opt('--pkg', path.join(ROOT, 'pkg/web')));
const only = opt('--only', null);
const plan = [
  ['dev', 'dev corpus, 17 texts one by one', 2, 7],
  ['keystroke', '3 KB article', 20, 120],
  ['1mb', 'dev corpus repeated to 1 MB', 1, 3],
].filter(([key]) => !only || key === only);

console.log(`# Instructions per analysis in the WASM (${path.relative(process.cwd(), pkg) || '.'}), callgrind on Node ${process.version}\n`);
console.log('| input | bytes | instructions a pass | per byte |\n|---|---:|---:|---:|');
for (const [key, label, lo, hi] of plan) {
  const size = inputs(key).reduce((s, t) => s + bytes(t), 0);
  const perPass = (count(pkg, key, hi) - count(pkg, key, lo)) / (hi - lo);
  console.log(`| ${label} | ${size.toLocaleString('en')} | ${(perPass / 1e6).toFixed(2)} M | ${(perPass / size).toFixed(0)} |`);
}
