// Prints the size of the WASM and its JS glue (pkg/web, from wasm-bindgen)
// and of the package's own JS (js/*.js): raw, gzip -9 and brotli, the total a
// page loads for `import { analyze } from 'ngoaivu'`, and the budget
// (issue 9: .wasm ≤ 400 KB gzip, all gazetteers included). Exits 1 over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const BUDGET_GZIP = 400 * 1024;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const measure = (rel) => {
  const b = readFileSync(path.join(root, rel));
  const gz = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file: rel, raw: b.length, gzip: gz, brotli: br };
};
const list = (dir, ...exts) =>
  readdirSync(path.join(root, dir))
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .sort()
    .map((f) => measure(`${dir}/${f}`));
const rows = [...list('pkg/web', '.wasm', '.js'), ...list('js', '.js')];
const fmt = (n) => n.toLocaleString('en-US').padStart(10);
const line = (r) => console.log(`${r.file.padEnd(28)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
console.log(`${'file'.padEnd(28)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
rows.forEach(line);
// What a page fetches for analyze(): js/browser.js, js/api.js, js/tape.js, the glue and the .wasm (each compressed alone).
const page = ['js/browser.js', 'js/api.js', 'js/tape.js', 'pkg/web/ngoaivu.js', 'pkg/web/ngoaivu_bg.wasm'].map((f) => rows.find((r) => r.file === f));
const sum = (k) => page.reduce((n, r) => n + r[k], 0);
line({ file: 'page total for analyze()', raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') });
const wasm = rows.find((r) => r.file.endsWith('.wasm'));
const ok = wasm.gzip <= BUDGET_GZIP;
console.log(`budget: .wasm gzip ${wasm.gzip.toLocaleString('en-US')} of ${BUDGET_GZIP.toLocaleString('en-US')} bytes — ${ok ? 'within' : 'OVER'}`);
process.exitCode = ok ? 0 : 1;
