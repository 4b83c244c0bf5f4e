// Prints the size of the WASM and its JS glue: raw, gzip -9 and brotli,
// against the budget (issue 9: .wasm ≤ 400 KB gzip).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const BUDGET_GZIP = 400 * 1024;
const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../pkg/web');
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.wasm') || f.endsWith('.js'))
  .map((f) => {
    const b = readFileSync(path.join(dir, f));
    const gz = gzipSync(b, { level: 9 }).length;
    const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file: `pkg/web/${f}`, raw: b.length, gzip: gz, brotli: br };
  });
const fmt = (n) => n.toLocaleString('en-US').padStart(10);
console.log(`${'file'.padEnd(28)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(28)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
const wasm = rows.find((r) => r.file.endsWith('.wasm'));
const ok = wasm.gzip <= BUDGET_GZIP;
console.log(`budget: .wasm gzip ${wasm.gzip.toLocaleString('en-US')} of ${BUDGET_GZIP.toLocaleString('en-US')} bytes — ${ok ? 'within' : 'OVER'}`);
process.exitCode = ok ? 0 : 1;
