// Where the WASM build spends its time (issue 9): a CPU profile of analyze()
// in Node, on a copy of the built .wasm that keeps its function names, printed
// as self and inclusive time per function. A measuring tool, not a test.
//
//   npm run profile -- [FILE] [--runs N] [--callers NAME]
//
// (builds, then runs this script). --callers also prints which functions
// the time of NAME (a part of a function's name, e.g. memcmp) is spent for.
//
// FILE defaults to the dev corpus joined and repeated to 1 MB. The published
// package strips the name section (scripts/build.sh); this script runs
// wasm-bindgen again without --remove-name-section into a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MB, ROOT, loadCorpus, repeatTo } from './bench-inputs.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 20;
const callersAt = args.indexOf('--callers');
const callersOf = callersAt >= 0 ? args[callersAt + 1] : null;
const file = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--runs' && args[k - 1] !== '--callers');
const text = file ? readFileSync(file, 'utf8') : repeatTo(loadCorpus().map((d) => d.text), MB);

const wasm = join(ROOT, 'target/wasm32-unknown-unknown/wasm/ngoaivu.wasm');
const out = mkdtempSync(join(tmpdir(), 'ngoaivu-profile-'));
const bindgen = spawnSync(join(ROOT, '.tools/bin/wasm-bindgen'), [wasm, '--out-dir', out, '--target', 'web'], { stdio: 'inherit' });
if (bindgen.status !== 0) {
  console.error('wasm-bindgen failed; run `npm run build` first');
  process.exit(1);
}
const glue = await import(pathToFileURL(join(out, 'ngoaivu.js')).href);
glue.initSync({ module: readFileSync(join(out, 'ngoaivu_bg.wasm')) });
const { readReportTape } = await import(pathToFileURL(join(ROOT, 'js/tape.js')).href);
// What analyze() does: the report crosses as a tape and js/tape.js reads it
// (its readers show under their own names).
function analyzeAndRead() {
  return readReportTape((sink) => glue.analyzeTapePieces(text, '', 0, sink));
}
for (let i = 0; i < 3; i++) analyzeAndRead();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (let i = 0; i < runs; i++) analyzeAndRead();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
rmSync(out, { recursive: true, force: true });

// Self time per sample's own function; inclusive time once per function on its stack.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (id) => {
  const f = nodes.get(id).callFrame;
  // Rust symbols end in a hash ("::h0123…"), which says nothing to a reader.
  return (f.functionName || `(${f.url.split('/').pop() || 'program'})`).replace(/::h[0-9a-f]{16}$/, '');
};
const self = new Map();
const inclusive = new Map();
const callers = new Map();
let total = 0;
profile.samples.forEach((id, k) => {
  const dt = profile.timeDeltas[k] ?? 0;
  total += dt;
  self.set(name(id), (self.get(name(id)) ?? 0) + dt);
  if (callersOf && name(id).includes(callersOf) && parent.has(id)) {
    const by = name(parent.get(id));
    callers.set(by, (callers.get(by) ?? 0) + dt);
  }
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const nm = name(at);
    if (!seen.has(nm)) inclusive.set(nm, (inclusive.get(nm) ?? 0) + dt);
    seen.add(nm);
  }
});
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const pct = (v) => `${((100 * v) / total).toFixed(1)}%`.padStart(6);
console.log(`${runs} × analyze() (the tape written and read) of ${Buffer.byteLength(text)} bytes; ${(total / 1000 / runs).toFixed(1)} ms per run sampled\n`);
console.log('self time');
for (const [k, v] of top(self, 30)) console.log(pct(v), k.slice(0, 110));
console.log('\ninclusive time (ngoaivu functions)');
for (const [k, v] of top(inclusive, 80).filter(([k]) => k.includes('ngoaivu')).slice(0, 30)) console.log(pct(v), k.slice(0, 110));
if (callersOf) {
  console.log(`\ncallers of ${callersOf} (its self time, by the function that called it)`);
  for (const [k, v] of top(callers, 30)) console.log(pct(v), k.slice(0, 110));
}
