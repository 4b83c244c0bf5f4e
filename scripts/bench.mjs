// WASM in Node: instantiate time, throughput in MB/s over the dev corpus and
// the corpus repeated to 1 MB, and the keystroke case (one ~3 KB article).
// A benchmark, not a test: it prints numbers and asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpus = process.env.NGOAIVU_CORPUS || path.resolve(root, '../shared/corpus/dev');

const t0 = performance.now();
const { analyze } = await import('../js/node.js');
const instantiateMs = performance.now() - t0;

const docs = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(corpus, f), 'utf8'));
const bytes = (s) => Buffer.byteLength(s, 'utf8');

function throughput(texts, minMs = 1500) {
  const total = texts.reduce((n, t) => n + bytes(t), 0);
  let runs = 0;
  const start = performance.now();
  do {
    for (const t of texts) analyze(t);
    runs++;
  } while (performance.now() - start < minMs);
  const ms = (performance.now() - start) / runs;
  return { mb: total / 1e6, ms, mbps: total / 1e6 / (ms / 1000) };
}

const article = docs.find((d) => bytes(d) > 2500 && bytes(d) < 8000) ?? docs[0];
const keystroke = article.slice(0, 3000);
for (let i = 0; i < 50; i++) analyze(keystroke);
const n = 500;
const k0 = performance.now();
for (let i = 0; i < n; i++) analyze(keystroke);
const keystrokeMs = (performance.now() - k0) / n;

let big = '';
while (bytes(big) < 1e6) big += docs.join('\n\n') + '\n\n';

const dev = throughput(docs);
const mb1 = throughput([big]);
console.log(`instantiate (import + compile): ${instantiateMs.toFixed(1)} ms`);
console.log(`dev corpus: ${dev.mb.toFixed(3)} MB in ${dev.ms.toFixed(2)} ms → ${dev.mbps.toFixed(1)} MB/s`);
console.log(`1 MB: ${mb1.ms.toFixed(1)} ms → ${mb1.mbps.toFixed(1)} MB/s`);
console.log(`3 KB article (warm): ${keystrokeMs.toFixed(3)} ms`);
