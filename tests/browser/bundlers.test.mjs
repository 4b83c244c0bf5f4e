// The package through a bundler, as a CMS developer gets it: the tarball
// from `npm pack` is installed offline into a fresh project holding
// tests/browser/fixtures/vite-app, `vite build` bundles it (the WASM and
// the worker as assets), and the built page runs in headless Chromium:
// analyze() on the main thread, the worker, and <ngoaivu-panel>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS } from '../helpers/chromium.mjs';
import { build } from 'vite';
import { startServer } from '../../scripts/serve.mjs';
import { packAndInstall, ROOT } from '../helpers/pack.mjs';


let installed;
let dist;
let server;
let browser;

before(async () => {
  installed = packAndInstall();
  cpSync(path.join(ROOT, 'tests/browser/fixtures/vite-app'), installed.app, { recursive: true });
  dist = path.join(installed.app, 'dist');
  await build({ root: installed.app, logLevel: 'silent', configFile: false, build: { outDir: dist, emptyOutDir: true } });
  server = await startServer({ port: 0, quiet: true, root: dist });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  installed?.cleanup();
});

test('vite build emits the page, one .wasm and the worker as assets', () => {
  const assets = readdirSync(path.join(dist, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(' '));
  assert.ok(assets.some((f) => /^worker-thread-.+\.js$/.test(f)), `a worker chunk: ${assets.join(' ')}`);
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.match(html, /<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/);
  const wasm = readFileSync(path.join(dist, 'assets', assets.find((f) => f.endsWith('.wasm'))));
  assert.deepEqual([...wasm.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
});

test('the built app runs in Chromium: analyze, the worker and the panel', async (t) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  let wasmType = null;
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasmType = r.headers()['content-type'];
  });

  await page.goto(server.url.replace(/\/$/, '/index.html'));
  await page.waitForSelector('body[data-ready="true"]');
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  assert.equal(await page.textContent('#sync'), `${version}: delegation_out=40 delegation_in=52`);
  assert.equal(await page.textContent('#worker'), 'delegation_out=40 delegation_in=52');

  await page.waitForFunction(() => document.querySelector('#panel').dataset.state === 'ready');
  const listed = await page.$eval('#panel', (p) =>
    [...p.shadowRoot.querySelectorAll('button.figure')].map((b) => `${b.querySelector('.kind').textContent} ${b.querySelector('.value').textContent}`),
  );
  assert.deepEqual(listed, ['Đoàn ra 40', 'Đoàn vào 52']);

  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin), []);
  assert.ok(requests.some((u) => /\/assets\/worker-thread-.+\.js$/.test(u)), 'the worker chunk was loaded');
  assert.equal(wasmType, 'application/wasm');
  assert.deepEqual(problems, []);
});
