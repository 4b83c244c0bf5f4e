// The single-file demo (scripts/build-single.mjs) opened from a file:// URL
// in headless Chromium: it loads with the samples, analyzes on the main
// thread and says so, takes pasted text and files, exports a CSV, keeps its
// strict CSP (hashes, no 'unsafe-inline') and makes no request at all.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSingle } from '../../scripts/build-single.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../helpers/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = path.join(ROOT, 'test-results', 'ngoaivu-demo-single.html');

let browser;
let built;

before(async () => {
  built = await buildSingle(OUT);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});
after(() => browser?.close());

test('the build is one self-contained HTML file with a hash-based CSP', async (t) => {
  const html = await readFile(OUT, 'utf8');
  t.diagnostic(`single file: ${built.bytes} bytes, ${built.gzip} gzip`);
  assert.ok(built.bytes > built.wasm, 'the WASM is inside');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/, 'no external script or stylesheet');
  assert.equal((html.match(/<script/g) || []).length, 1, 'one script');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
});

test('opens from file://, analyzes on the main thread, adds files and pasted text, exports CSV, requests nothing', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  context.on('request', (r) => requests.push(r.url()));

  const url = pathToFileURL(OUT).href;
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.batches === '1' && document.body.dataset.state === 'ready');
  assert.equal(await page.evaluate(() => document.body.dataset.mode), 'main');
  assert.match(await page.textContent('#mode'), /file:\/\/.*luồng chính/);
  assert.equal(await page.$$eval('#corpus-body tr', (trs) => trs.length), 2);
  assert.ok((await page.$$eval('#reading mark[data-kind]', (ms) => ms.length)) >= 20, 'the sample is highlighted');
  assert.ok(await page.isVisible('#chart-year svg'), 'the dashboard draws');

  const n = await page.evaluate(() => Number(document.body.dataset.batches));
  await page.setInputFiles('#files', [
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('Năm 2022, tỉnh đã cử 18 đoàn ra nước ngoài.') },
    { name: 'b.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3]) },
  ]);
  await page.waitForFunction((k) => Number(document.body.dataset.batches) > k && document.body.dataset.state === 'ready', n);
  assert.equal(await page.$$eval('#corpus-body tr', (trs) => trs.length), 3);
  assert.match(await page.textContent('#errors'), /“b\.bin” không được đưa vào/);

  await page.fill('#input', '<img src=x onerror="window.__pwned=1"> Tỉnh đón 52 đoàn khách quốc tế.');
  await page.click('#add');
  await page.waitForFunction(() => document.querySelectorAll('#corpus-body tr').length === 4 && document.body.dataset.state === 'ready');
  assert.match(await page.textContent('#reading'), /^<img src=x onerror="window.__pwned=1">/);
  assert.equal(await page.evaluate(() => [window.__pwned, document.querySelectorAll('main img').length]).then(String), ',0');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-metrics')]);
  const csv = (await readFile(await download.path())).toString('utf8');
  assert.ok(csv.startsWith('\uFEFFdocument,name,'), 'CSV with a BOM');
  assert.ok(csv.includes('a.txt') && csv.includes(',18,'), 'the added file is in the export');

  const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'no request leaves the file');
  assert.deepEqual(requests.filter((u) => u.startsWith('file:')), [url], 'only the page itself is read');
  assert.deepEqual(problems, []);
});
