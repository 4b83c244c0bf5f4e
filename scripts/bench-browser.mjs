// The WASM build in headless Chromium (issue 9): drives scripts/bench.html
// with playwright-core and Debian's /usr/bin/chromium (never a downloaded
// browser) and prints, as Markdown, the instantiate time (import of
// js/browser.js: fetch + compile + instantiate, median over fresh browser
// contexts, and compile + instantiate alone from bytes), the dev corpus and 1 MB throughput in MB/s, the 3 KB keystroke
// case and the WASM memory. Skips with a message when Chromium is missing.
// A benchmark: prints numbers, asserts nothing.
//
//   node scripts/bench-browser.mjs [--quick]     # also run by scripts/bench.mjs
import { existsSync } from 'node:fs';
import { startServer } from './serve.mjs';
import { MB, keystrokeArticle, loadCorpus } from './bench-inputs.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../tests/helpers/chromium.mjs';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (x, d = 1) => x.toFixed(d);
const mib = (n) => (n / 1048576).toFixed(1);
const mbps = (r) => f(r.bytes / MB / (r.ms / 1000));

console.log('## Chromium (headless, playwright-core)\n');
if (!existsSync(CHROMIUM)) {
  console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.log(`skipped: cannot import playwright-core (${e.message}); run npm install`);
  process.exit(0);
}

const texts = loadCorpus().map((d) => d.text);
const article = keystrokeArticle(texts);
const server = await startServer({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const url = new URL('scripts/bench.html', server.url).href;

async function openBench(query = '') {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url + query);
  await page.waitForFunction(() => window.benchReady || null, null, { timeout: 60_000 }).catch(() => {});
  if (errors.length) throw new Error(`bench page: ${errors.join('; ')}`);
  return { context, page };
}

try {
  // Instantiate: each in a fresh context (no HTTP cache; the server sends no-cache anyway).
  const n = QUICK ? 3 : 9;
  const inst = [];
  const fetchWasm = [];
  const compile = [];
  const instantiate = [];
  for (let i = 0; i < n; i++) {
    let { context, page } = await openBench();
    const ready = await page.evaluate(() => window.benchReady);
    inst.push(ready.instantiateMs);
    if (ready.wasmFetchMs != null) fetchWasm.push(ready.wasmFetchMs);
    await context.close();
    ({ context, page } = await openBench('?raw'));
    const raw = await page.evaluate(() => window.benchReady);
    compile.push(raw.compileMs);
    instantiate.push(raw.instantiateMs);
    await context.close();
  }
  const { context, page } = await openBench();
  const r = await page.evaluate(([t, a, q]) => window.runBench(t, a, { quick: q }), [texts, article, QUICK]);
  await context.close();

  console.log(`- ${browser.version()} (${CHROMIUM}), ${LAUNCH_ARGS.join(' ')}`);
  console.log(`- page served by scripts/serve.mjs on localhost; cross-origin isolated: ${r.crossOriginIsolated}\n`);
  console.log('| measure | result |\n|---|---:|');
  console.log(`| instantiate: import js/browser.js (fetch + compile + instantiate), median of ${n} fresh contexts | ${f(median(inst))} ms (min ${f(Math.min(...inst))}, max ${f(Math.max(...inst))}) |`);
  console.log(`| of which the .wasm's own fetch (resource timing), median | ${f(median(fetchWasm))} ms |`);
  console.log(`| WebAssembly.compile of the bytes alone, then instantiate (imports stubbed), medians | ${f(median(compile))} ms + ${f(median(instantiate))} ms |`);
  console.log(`| first analyze() of the ${r.keystroke.bytes.toLocaleString('en-US')}-byte article (cold) | ${f(r.firstMs)} ms |`);
  console.log(`| dev corpus, ${texts.length} texts one by one (${r.dev.bytes.toLocaleString('en-US')} bytes) | ${f(r.dev.ms)} ms → ${mbps(r.dev)} MB/s |`);
  console.log(`| corpus repeated to 1 MB, one text | ${f(r.mb1.ms)} ms → ${mbps(r.mb1)} MB/s |`);
  console.log(`| keystroke: ${r.keystroke.bytes.toLocaleString('en-US')}-byte article, median (p10–p90) over ${r.keystroke.runs} runs in batches of ${r.keystroke.batch} | ${f(r.keystroke.median, 3)} ms (${f(r.keystroke.p10, 3)}–${f(r.keystroke.p90, 3)}) |`);
  console.log(`| WASM memory: at start / after dev corpus / after 1 MB / at end | ${mib(r.memAtStart)} / ${mib(r.dev.mem)} / ${mib(r.mb1.mem)} / ${mib(r.mem)} MiB |`);
} catch (e) {
  console.log(`error: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
