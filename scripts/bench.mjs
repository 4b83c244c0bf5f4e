// The WASM build in Node (issue 9): instantiate time in fresh processes,
// throughput in MB/s over the dev corpus and the corpus repeated to 1 MB and
// 10 MB, the 3 KB keystroke case, the WASM memory high-water mark, scaling at
// 1–16 MB, the hostile shapes at full size, a side-by-side with
// @microsoft/recognizers-text-number, and then the same in Chromium
// (scripts/bench-browser.mjs). A benchmark, not a test: it prints numbers
// (Markdown tables) and asserts nothing.
//
//   node scripts/bench.mjs                 # everything (≈ 2–3 min on 2 cores)
//   node scripts/bench.mjs --quick         # smaller inputs, fewer runs (also BENCH_QUICK=1)
//   node scripts/bench.mjs --no-browser    # skip Chromium (also BENCH_NO_BROWSER=1)
//
// MB = 10^6 bytes of UTF-8 input. Memory is the WASM linear memory
// (WebAssembly.Memory buffer byteLength), which only grows: its size after a
// run is the high-water mark so far. Scaling rows and shapes each run in a
// fresh process so each peak is its own. Throughput, scaling and shape runs
// each start after a full garbage collection (see timeRuns); the keystroke
// runs do not, their garbage being part of typing.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MB, ROOT, bytes, keystrokeArticle, loadCorpus, repeatTo, shapes } from './bench-inputs.mjs';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const QUICK = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const NO_BROWSER = args.includes('--no-browser') || process.env.BENCH_NO_BROWSER === '1';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mib = (n) => (n / 1048576).toFixed(1);
const f = (x, d = 1) => x.toFixed(d);

/** The wasm-bindgen glue's exports (memory included): initSync returns them once js/node.js has instantiated. */
async function loadWasm() {
  const api = await import('../js/node.js');
  const { initSync } = await import('../pkg/web/ngoaivu.js');
  return { api, memory: initSync().memory };
}

// V8's full collection, exposed at run time (the same as node --expose-gc).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

/**
 * Runs `fn` until `minMs` and `minRuns` are reached (at most `maxRuns`); per-run times in ms.
 * With `collect`, a full collection runs before each timed run, outside the
 * time: a run then does not pay for collecting the reports of the runs before
 * it, which a single call in real use never has to (at 16 MB that garbage is
 * 40 MB of report objects, and made the scaling rows look superlinear).
 */
function timeRuns(fn, { minMs = 1000, minRuns = 3, maxRuns = 1000, collect = false } = {}) {
  const times = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    if (collect) collectGarbage();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

// ---------------------------------------------------------------- children

/** One measurement in a fresh process; prints one JSON line. */
async function child(kind, arg) {
  if (kind === 'instantiate') {
    const t0 = performance.now();
    const { analyze } = await import('../js/node.js');
    const instantiateMs = performance.now() - t0;
    const article = keystrokeArticle(loadCorpus().map((d) => d.text));
    const t1 = performance.now();
    analyze(article);
    const firstMs = performance.now() - t1;
    console.log(JSON.stringify({ instantiateMs, firstMs }));
    return;
  }
  const { api, memory } = await loadWasm();
  const docs = loadCorpus().map((d) => d.text);
  const baseMem = memory.buffer.byteLength;
  // Warm-up on the dev corpus so the hot functions are tiered up before timing.
  for (let i = 0; i < 3; i++) for (const d of docs) api.analyze(d);
  const warmMem = memory.buffer.byteLength;
  if (kind === 'ratio') {
    // The time of N MB against 1 MB, the two sizes run in turn in one process:
    // a slow spell of the machine then falls on both alike, which separate
    // processes minutes apart cannot promise. Each round's ratio is taken,
    // and their median printed.
    const one = repeatTo(docs, MB);
    const big = repeatTo(docs, Number(arg) * MB);
    const time = (t) => timeRuns(() => api.analyze(t), { minMs: 0, minRuns: 1, maxRuns: 1, collect: true })[0];
    time(one);
    time(big);
    const rounds = Number(process.env.BENCH_RATIO_ROUNDS || 5);
    const ratios = [];
    for (let k = 0; k < rounds; k++) ratios.push(time(big) / time(one));
    console.log(JSON.stringify({ ratio: median(ratios), ratios }));
    return;
  }
  let text;
  let options;
  if (kind === 'scale') {
    text = repeatTo(docs, Number(arg) * MB);
  } else if (kind === 'shape') {
    const [name, scale] = arg.split(':');
    const shape = shapes(Number(scale)).find((s) => s.name === name);
    text = shape.text;
    options = { format: shape.format };
  }
  let metrics = 0;
  const runs = Number(process.env.BENCH_RUNS || 0);
  // analyze() is the WASM's analyzeTapePieces (the report written as a tape
  // and handed over in pieces) plus reading the tape into the report's
  // objects in JS (js/tape.js): time the two apart.
  const raw = await import('../pkg/web/ngoaivu.js');
  const { readReportTape } = await import('../js/tape.js');
  const opts = JSON.stringify(options ?? {});
  const split = [];
  const times = timeRuns(() => {
    const t0 = performance.now();
    const pieces = [];
    raw.analyzeTapePieces(text, opts, 0, (numbers, strings) => pieces.push([numbers, strings]));
    const t1 = performance.now();
    metrics = readReportTape((sink) => pieces.forEach(([numbers, strings]) => sink(numbers, strings))).metrics.length;
    split.push({ wasmMs: t1 - t0, parseMs: performance.now() - t1 });
  }, {
    minMs: 1500,
    minRuns: runs || 3,
    maxRuns: runs || (bytes(text) > 6 * MB ? 3 : 7),
    collect: true,
  });
  console.log(
    JSON.stringify({
      bytes: bytes(text),
      ms: median(times),
      best: Math.min(...times),
      times,
      wasmMs: median(split.map((x) => x.wasmMs)),
      parseMs: median(split.map((x) => x.parseMs)),
      metrics,
      baseMem,
      warmMem,
      mem: memory.buffer.byteLength,
      maxRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

function runChild(kind, arg) {
  const r = spawnSync(process.execPath, [SELF, '--child', kind, ...(arg == null ? [] : [String(arg)])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

if (args[0] === '--child') {
  await child(args[1], args[2]);
  process.exit(0);
}

// ---------------------------------------------------------------- main

const texts = loadCorpus().map((d) => d.text);
const corpusBytes = texts.reduce((n, t) => n + bytes(t), 0);
const cpu = cpus()[0]?.model ?? 'unknown';
console.log(`# ngoaivu benchmarks — WASM in Node${QUICK ? ' (--quick)' : ''}\n`);
console.log(`- date: ${new Date().toISOString()}`);
console.log(`- node ${process.version}, ${availableParallelism()} cores, ${cpu}, ${mib(totalmem())} MiB RAM`);
console.log(`- load average at start: ${loadavg().map((x) => f(x, 2)).join(', ')}`);
console.log(`- dev corpus: ${texts.length} texts, ${corpusBytes.toLocaleString('en-US')} bytes (${process.env.NGOAIVU_CORPUS || '../shared/corpus/dev/*.txt'})`);
console.log('- MB = 10^6 bytes of UTF-8 input; memory = WASM linear memory (WebAssembly.Memory byteLength)\n');

// Instantiate: import + compile + instantiate of js/node.js, each in a fresh process.
{
  const n = QUICK ? 3 : 9;
  const rs = Array.from({ length: n }, () => runChild('instantiate'));
  const ok = rs.filter((r) => !r.error);
  console.log(`## Instantiate (fresh process, ${ok.length} runs)\n`);
  if (ok.length) {
    const inst = ok.map((r) => r.instantiateMs);
    const first = ok.map((r) => r.firstMs);
    console.log('| what | median | min | max |\n|---|---:|---:|---:|');
    console.log(`| import js/node.js (read + compile + instantiate) | ${f(median(inst))} ms | ${f(Math.min(...inst))} ms | ${f(Math.max(...inst))} ms |`);
    console.log(`| then the first analyze() of the 3 KB article (cold) | ${f(median(first))} ms | ${f(Math.min(...first))} ms | ${f(Math.max(...first))} ms |`);
  }
  for (const r of rs.filter((r) => r.error)) console.log(`- error: ${r.error}`);
  console.log('');
}

const { api, memory } = await loadWasm();
const { analyze } = api;
const memAtStart = memory.buffer.byteLength;

// Throughput in this process: the dev corpus document by document, then the corpus repeated into one text.
const rows = [];
function throughput(label, inputs, opts) {
  const total = inputs.reduce((n, t) => n + bytes(t), 0);
  const times = timeRuns(() => {
    for (const t of inputs) analyze(t);
  }, { ...opts, collect: true });
  const ms = median(times);
  rows.push({ label, total, ms, p10: pct(times, 0.1), runs: times.length, mem: memory.buffer.byteLength });
}
for (const t of texts) analyze(t); // warm-up
throughput(`dev corpus, ${texts.length} texts one by one`, texts, { minMs: QUICK ? 800 : 2500, minRuns: 3 });
const mb1 = repeatTo(texts, MB);
throughput('corpus repeated to 1 MB, one text', [mb1], { minMs: QUICK ? 800 : 2500, minRuns: 3 });
if (!QUICK) throughput('corpus repeated to 10 MB, one text', [repeatTo(texts, 10 * MB)], { minMs: 0, minRuns: 3, maxRuns: 3 });

console.log('## Throughput (one process, after warm-up; median of runs)\n');
console.log(`WASM memory at start: ${mib(memAtStart)} MiB.\n`);
// On a shared machine the median moves with other tenants' load; the 10th
// percentile (the runs least disturbed) is the steadier figure to compare.
console.log('| input | bytes | time | MB/s | p10 time | MB/s at p10 | runs | WASM memory after (high-water) |\n|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const rate = (ms) => f(r.total / MB / (ms / 1000));
  console.log(`| ${r.label} | ${r.total.toLocaleString('en-US')} | ${f(r.ms)} ms | ${rate(r.ms)} | ${f(r.p10)} ms | ${rate(r.p10)} | ${r.runs} | ${mib(r.mem)} MiB |`);
}
console.log('');

// Keystroke: one 3 KB article, many runs after warm-up.
{
  const article = keystrokeArticle(texts);
  for (let i = 0; i < 200; i++) analyze(article);
  const times = timeRuns(() => analyze(article), { minMs: 0, minRuns: QUICK ? 300 : 2000, maxRuns: QUICK ? 300 : 2000 });
  console.log(`## Keystroke: one ${bytes(article).toLocaleString('en-US')}-byte article (after 200 warm-up runs)\n`);
  console.log('| runs | median | p10 | p90 | p99 | WASM memory after |\n|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${times.length} | ${f(median(times), 3)} ms | ${f(pct(times, 0.1), 3)} ms | ${f(pct(times, 0.9), 3)} ms | ${f(pct(times, 0.99), 3)} ms | ${mib(memory.buffer.byteLength)} MiB |\n`);
}

// Side-by-side: @microsoft/recognizers-text-number, same texts, same process.
{
  console.log('## Side-by-side: @microsoft/recognizers-text-number (Spanish culture: "." thousands, "," decimals)\n');
  let R;
  try {
    R = (await import('@microsoft/recognizers-text-number')).default;
  } catch (e) {
    console.log(`skipped: cannot import @microsoft/recognizers-text-number (${e.message}); run npm install\n`);
  }
  if (R) {
    const c0 = performance.now();
    const model = new R.NumberRecognizer(R.Culture.Spanish).getNumberModel();
    const ctorMs = performance.now() - c0;
    let found = 0;
    for (const t of texts) found += model.parse(t).length; // warm-up and count
    const theirs = median(timeRuns(() => texts.forEach((t) => model.parse(t)), { minMs: QUICK ? 800 : 2500, minRuns: 3 }));
    let metrics = 0;
    for (const t of texts) metrics += analyze(t).metrics.length;
    const ours = median(timeRuns(() => texts.forEach((t) => analyze(t)), { minMs: QUICK ? 800 : 2500, minRuns: 3 }));
    const mbps = (ms) => f(corpusBytes / MB / (ms / 1000));
    console.log(`Dev corpus, ${texts.length} texts one by one, ${corpusBytes.toLocaleString('en-US')} bytes; recognizer construction (regexes) ${f(ctorMs)} ms, not counted.\n`);
    console.log('| library | does | found | time | MB/s |\n|---|---|---:|---:|---:|');
    console.log(`| recognizers-text-number 1.3.1, NumberModel es-es | numbers only | ${found} numbers | ${f(theirs)} ms | ${mbps(theirs)} |`);
    console.log(`| ngoaivu (WASM) | whole analysis: numbers, units, dates, kinds, entities, activities, checks | ${metrics} metrics | ${f(ours)} ms | ${mbps(ours)} |`);
    console.log(`\nngoaivu/recognizers speed ratio: ${f(theirs / ours, 2)}×\n`);
  }
}

// Scaling: 1–16 MB, each size in a fresh process.
{
  const sizes = QUICK ? [1, 2, 4] : [1, 2, 4, 8, 16];
  console.log(`## Scaling (each size in a fresh process; default maxInputBytes is 32 MiB)\n`);
  console.log('analyze() = analyzeTapePieces in WASM (the report written as a tape, handed to JS in pieces) + reading the tape into the report in JS (js/tape.js; medians of each apart).\n');
  console.log('÷ 1 MB compares medians of runs in separate processes, then the fastest runs, then (in turn) the median ratio of five rounds that run 1 MB and the size one after the other in one process, which a slow spell of the machine affects alike.\n');
  console.log('| size | analyze() | MB/s | ÷ 1 MB time | ÷ 1 MB fastest | ÷ 1 MB in turn | in WASM | reading the report | metrics | WASM memory peak | peak ÷ input | budget 10× input + 8 MB | RSS peak |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  let base;
  let baseBest;
  for (const s of sizes) {
    const r = runChild('scale', s);
    if (r.error) {
      console.log(`| ${s} MB | error: ${r.error} |||||||||`);
      continue;
    }
    base ??= r.ms;
    baseBest ??= r.best;
    const budget = 10 * r.bytes + 8 * MB;
    const turn = s === 1 ? { ratio: 1 } : runChild('ratio', s);
    console.log(
      `| ${s} MB | ${f(r.ms)} ms | ${f(r.bytes / MB / (r.ms / 1000))} | ${f(r.ms / base, 2)}× | ${f(r.best / baseBest, 2)}× | ${turn.error ? 'error' : `${f(turn.ratio, 2)}×`} | ${f(r.wasmMs)} ms | ${f(r.parseMs)} ms | ${r.metrics} | ${mib(r.mem)} MiB | ${f(r.mem / r.bytes, 1)}× | ${r.mem <= budget ? 'within' : 'OVER'} (${mib(budget)} MiB) | ${mib(r.maxRss)} MiB |`,
    );
  }
  console.log('');
}

// Hostile shapes at full size, each in a fresh process.
{
  const scale = QUICK ? 0.1 : 1;
  console.log(`## Hostile shapes${QUICK ? ' (at 1/10 size)' : ' at full size'} (each in a fresh process)\n`);
  console.log('| shape | input | bytes | analyze() | MB/s | metrics | WASM memory peak | budget 10× input + 8 MB |\n|---|---|---:|---:|---:|---:|---:|---:|');
  for (const s of shapes(scale)) {
    const r = runChild('shape', `${s.name}:${scale}`);
    if (r.error) {
      console.log(`| ${s.name} | ${s.what} | ${bytes(s.text).toLocaleString('en-US')} | error: ${r.error} |||||`);
      continue;
    }
    const budget = 10 * r.bytes + 8 * MB;
    console.log(
      `| ${s.name} | ${s.what} | ${r.bytes.toLocaleString('en-US')} | ${f(r.ms)} ms | ${f(r.bytes / MB / (r.ms / 1000))} | ${r.metrics} | ${mib(r.mem)} MiB | ${r.mem <= budget ? 'within' : 'OVER'} (${mib(budget)} MiB) |`,
    );
  }
  console.log('');
}

// Chromium.
if (NO_BROWSER) {
  console.log('## Chromium\n\nskipped (--no-browser)');
} else {
  const code = await new Promise((resolve) => {
    const p = spawn(process.execPath, [fileURLToPath(new URL('./bench-browser.mjs', import.meta.url)), ...(QUICK ? ['--quick'] : [])], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    p.on('exit', resolve);
  });
  if (code !== 0) console.log(`(bench-browser.mjs exited with ${code})`);
}
