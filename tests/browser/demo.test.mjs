// The demo page (www/) in headless Chromium: it loads clean, analyzes the
// sample and new text, never turns document text into markup, speaks two
// languages, stays on its own origin, and fits a phone.
//
//   node --test tests/browser/
//
// Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { analyze } from '../../js/node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const NEW_TEXT = 'Năm 2023, tỉnh đã cử 40 đoàn đi công tác nước ngoài và đón 52 đoàn khách quốc tế.';

let server;
let browser;
let origin;
let sample;

before(async () => {
  server = await startServer({ port: 0, quiet: true });
  origin = new URL(server.url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  sample = (await readFile(path.join(ROOT, 'www/sample.txt'), 'utf8')).replace(/\r\n?/g, '\n');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (fresh localStorage) and page; collects anything that went wrong. */
async function openPage(t, { viewport = { width: 1280, height: 800 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block', ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return { context, page, problems };
}

/** Opens the demo at / and waits until the sample has been analyzed. */
async function loadDemo(page) {
  await page.goto(server.url);
  await page.waitForSelector('#results[data-run="1"]');
}

const runCount = (page) => page.$eval('#results', (r) => Number(r.dataset.run || 0));

/** Types `text` into the box and presses the button (or Ctrl+Enter). */
async function analyzeText(page, text, { keyboard = false } = {}) {
  const before = await runCount(page);
  await page.fill('#input', text);
  if (keyboard) await page.press('#input', 'Control+Enter');
  else await page.click('#analyze');
  await page.waitForFunction((n) => Number(document.querySelector('#results').dataset.run) > n, before);
}

const marks = (page) =>
  page.$$eval('#reading mark', (ms) =>
    ms.map((m) => ({ text: m.textContent, kind: m.dataset.kind, ids: m.dataset.ids.split(' '), cls: m.className })),
  );

const rows = (page) =>
  page.$$eval('#metrics-body tr', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.id,
      kind: tr.dataset.kind,
      value: tr.querySelector('.value')?.dataset.value,
      cells: [...tr.cells].map((c) => c.textContent),
    })),
  );

test('loads clean, with the sample already analyzed and highlighted', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);

  assert.equal(await page.title(), 'ngoaivu — phân tích số liệu đối ngoại');
  assert.equal(new URL(page.url()).pathname, '/www/', '/ redirects to /www/');
  assert.equal(await page.inputValue('#input'), sample);
  assert.equal(await page.isVisible('#sample-note'), true, 'the sample is labelled as invented');

  // The page shows what the library finds in the same text.
  const expected = analyze(sample).metrics;
  const expectedMetrics = expected.filter((m) => m.kind !== 'other');
  const expectedOther = expected.length - expectedMetrics.length;
  assert.ok(expectedMetrics.length >= 15, `the sample should carry many metrics, got ${expectedMetrics.length}`);
  assert.ok(expectedOther >= 1, 'the sample should carry at least one other figure');

  const found = await marks(page);
  const m35 = found.find((m) => m.text === '35 đoàn');
  assert.ok(m35, `a highlight "35 đoàn" (got ${found.map((m) => m.text).join(' | ')})`);
  assert.equal(m35.kind, 'delegation_out');
  assert.match(m35.cls, /\bcat-delegation\b/);
  const highlighted = new Set(found.flatMap((m) => m.ids));
  for (const m of expected) assert.ok(highlighted.has(m.id), `${m.id} "${m.text}" is highlighted`);
  assert.ok(found.some((m) => m.kind === 'other' && /\bcat-other\b/.test(m.cls)), 'other figures are lightly highlighted');

  // Highlighting must not lose, add or reorder a single character.
  assert.equal(await page.textContent('#reading'), sample);

  // The table lists the metrics, without the other figures by default.
  const table = await rows(page);
  assert.equal(table.length, expectedMetrics.length);
  assert.ok(!table.some((r) => r.kind === 'other'));
  assert.ok(table.some((r) => r.kind === 'delegation_out' && r.value === '35'));
  assert.equal(
    await page.textContent('#summary').then((s) => s.split(' · ').slice(0, 2).join(' · ')),
    `${expectedMetrics.length} số liệu đối ngoại đã phân loại · ${expectedOther} số liệu khác`,
  );

  // "Hiện cả số liệu khác" adds them to the table, and removes them again.
  await page.check('#show-other');
  assert.equal((await rows(page)).filter((r) => r.kind === 'other').length, expectedOther);
  await page.uncheck('#show-other');
  assert.equal((await rows(page)).length, expectedMetrics.length);

  // Focus shows the detail: label, value in vi-VN, qualifier, period, rule.
  const m35Report = expected.find((m) => m.text === '35 đoàn');
  await page.focus('#reading mark[data-kind="delegation_out"]');
  assert.equal(await page.isVisible('#tip'), true);
  const tip = await page.textContent('#tip');
  for (const part of ['Đoàn ra', '35 đoàn', 'chính xác', '2024', m35Report.rule]) {
    assert.ok(tip.includes(part), `tooltip shows ${JSON.stringify(part)}: ${tip}`);
  }
  await page.hover('#reading mark[data-kind="trade_turnover"]');
  const tradeTip = await page.textContent('#tip');
  assert.ok(tradeTip.includes('Kim ngạch xuất nhập khẩu'), tradeTip);
  assert.ok(tradeTip.includes('2.400.000.000 USD'), `vi-VN digits: ${tradeTip}`);
  assert.ok(tradeTip.includes('hơn'), `qualifier "over": ${tradeTip}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#tip'), false);

  assert.deepEqual(problems, []);
});

test('a pasted sentence is analyzed into the table and the highlights', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  await analyzeText(page, NEW_TEXT);

  const table = await rows(page);
  assert.deepEqual(
    table.map((r) => [r.kind, r.value]),
    [
      ['delegation_out', '40'],
      ['delegation_in', '52'],
    ],
  );
  assert.equal(table[0].cells[0], 'Đoàn ra');
  assert.equal(table[1].cells[0], 'Đoàn vào');

  const found = await marks(page);
  assert.deepEqual(
    found.map((m) => [m.kind, m.text.split(' ').slice(0, 2).join(' ')]),
    [
      ['delegation_out', '40 đoàn'],
      ['delegation_in', '52 đoàn'],
    ],
  );
  assert.equal(await page.textContent('#reading'), NEW_TEXT);
  assert.match(await page.textContent('#summary'), /^2 số liệu đối ngoại đã phân loại · 0 số liệu khác · /);
  assert.equal(await page.isVisible('#sample-note'), false);

  // Ctrl+Enter analyzes too.
  await analyzeText(page, 'Tỉnh đã ký kết 3 thỏa thuận quốc tế.', { keyboard: true });
  assert.deepEqual((await rows(page)).map((r) => [r.kind, r.value]), [['agreements', '3']]);

  assert.deepEqual(problems, []);
});

test('clicking a table row scrolls to its highlight and flashes it', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  const target = '#reading mark[data-kind="border_friendship_pairs"]';
  const inView = () =>
    page.$eval(target, (mark) => {
      const r = mark.getBoundingClientRect();
      const box = document.querySelector('#reading').getBoundingClientRect();
      return r.top >= Math.max(0, box.top) && r.bottom <= Math.min(innerHeight, box.bottom);
    });
  assert.equal(await inView(), false, 'the highlight starts out of view');

  await page.click('#metrics-body tr[data-kind="border_friendship_pairs"]');
  await page.waitForFunction((sel) => document.querySelector(sel).classList.contains('flash'), target);
  await page.waitForFunction(
    (sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      const box = document.querySelector('#reading').getBoundingClientRect();
      return r.top >= Math.max(0, box.top) && r.bottom <= Math.min(innerHeight, box.bottom);
    },
    target,
  );
  assert.equal(await page.$eval(target, (m) => m === document.activeElement), true, 'the highlight takes focus');
  assert.deepEqual(problems, []);
});

test('hostile markup in the document stays text', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);

  const hostile = [
    'Năm 2023, tỉnh đã cử <b>40 đoàn</b> đi công tác nước ngoài.',
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '<svg onload=window.__pwned=1><circle r="5"/></svg>',
    '<a href="javascript:window.__pwned=1">javascript:window.__pwned=1</a> Tỉnh đón 52 đoàn khách quốc tế.',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> <style>body{display:none}</style>',
  ].join('\n');
  const evilLocality = '<img src=x onerror="window.__pwned=1">';
  await page.fill('#locality', evilLocality);

  for (const format of ['auto', 'text', 'html']) {
    await page.selectOption('#format', format);
    await analyzeText(page, hostile);
    assert.equal(await page.textContent('#reading'), hostile, `${format}: the markup is shown as text`);
    const found = await marks(page);
    assert.ok(found.some((m) => m.kind === 'delegation_in'), `${format}: figures are still found`);
    // Render every tooltip too: they quote the document and the locality.
    for (const handle of await page.$$('#reading mark')) await handle.hover();
    await page.focus('#reading mark[data-kind="delegation_in"]');
    assert.ok((await page.textContent('#tip')).includes(evilLocality), `${format}: the locality is shown as text`);

    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      results: document.querySelectorAll('#results :is(img, script, svg, iframe, a, style, object, embed)').length,
      tip: document.querySelectorAll('#tip :is(img, script, svg, iframe, a, style)').length,
      anywhere: document.querySelectorAll('img, svg, iframe, a[href^="javascript:"], body style').length,
      visible: getComputedStyle(document.body).display !== 'none',
    }));
    assert.deepEqual(injected, { pwned: undefined, results: 0, tip: 0, anywhere: 0, visible: true }, format);
  }
  await page.waitForTimeout(100); // let any late onerror/onload fire
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
});

test('the language toggle switches the interface and is remembered', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  assert.equal(await page.textContent('#analyze'), 'Phân tích');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');

  await page.click('#lang');
  assert.equal(await page.textContent('#analyze'), 'Analyze');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#metrics-table th'), 'Kind');
  assert.match(await page.textContent('#summary'), /foreign-affairs metrics classified/);
  assert.ok((await rows(page)).some((r) => r.cells[0] === 'Delegations sent abroad'));

  await page.reload();
  await page.waitForSelector('#results[data-run="1"]');
  assert.equal(await page.textContent('#analyze'), 'Analyze', 'the choice survives a reload');

  await page.click('#lang');
  assert.equal(await page.textContent('#analyze'), 'Phân tích');
  assert.equal(await page.evaluate(() => localStorage.getItem('ngoaivu.lang')), 'vi');
  assert.deepEqual(problems, []);
});

test('every request stays on the local server', async (t) => {
  const { context, page, problems } = await openPage(t);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  let wasmType = null;
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasmType = r.headers()['content-type'];
  });

  await loadDemo(page);
  await analyzeText(page, NEW_TEXT);
  await page.hover('#reading mark');
  await page.click('#lang');
  await page.click('#load-sample');
  await page.waitForFunction(() => document.querySelector('#results').dataset.run === '3');

  const paths = requests.map((u) => new URL(u).pathname);
  for (const needed of ['/www/', '/www/app.js', '/www/style.css', '/www/sample.txt', '/js/browser.js', '/pkg/web/ngoaivu_bg.wasm']) {
    assert.ok(paths.includes(needed), `${needed} was requested (got ${paths.join(', ')})`);
  }
  const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'no request leaves the local server');
  assert.equal(wasmType, 'application/wasm');
  assert.deepEqual(problems, []);
});

test('honest empty states, and a page that still works without the sample', async (t) => {
  const { page } = await openPage(t);
  await page.route('**/sample.txt', (route) => route.abort());
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  assert.equal(await page.inputValue('#input'), '');
  assert.equal(await page.isEnabled('#analyze'), true);
  assert.equal(await page.isVisible('#results'), false);

  await page.click('#analyze');
  await page.waitForSelector('#results[data-run="1"]');
  assert.equal(await page.isVisible('#result-body'), false);
  assert.match(await page.textContent('#empty'), /^Chưa có văn bản/);

  await analyzeText(page, 'Không có con số nào ở đây.');
  assert.equal(await page.isVisible('#empty'), true);
  assert.equal(await page.textContent('#empty'), 'Không tìm thấy con số nào trong văn bản này.');
  assert.match(await page.textContent('#summary'), /^0 số liệu đối ngoại đã phân loại · 0 số liệu khác/);

  await analyzeText(page, NEW_TEXT);
  assert.equal(await page.isVisible('#empty'), false);
  assert.equal((await rows(page)).length, 2);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('screenshots at desktop and phone sizes; nothing overflows on a phone', async (t) => {
  await mkdir(RESULTS_DIR, { recursive: true });
  for (const [name, viewport, extra] of [
    ['desktop', { width: 1280, height: 800 }, {}],
    ['phone', { width: 390, height: 844 }, { isMobile: true, hasTouch: true }],
  ]) {
    const { page, problems } = await openPage(t, { viewport, ...extra });
    await loadDemo(page);
    const file = path.join(RESULTS_DIR, `demo-${name}.png`);
    await page.screenshot({ path: file });
    await page.screenshot({ path: path.join(RESULTS_DIR, `demo-${name}-full.png`), fullPage: true });
    const buf = await readFile(file);
    assert.deepEqual(pngSize(buf), [viewport.width, viewport.height], `${name} screenshot size`);
    assert.ok(buf.length > 10_000, `${name} screenshot has content (${buf.length} bytes)`);

    // Against the emulated screen width: a phone zooms out to fit wide
    // content, which would make innerWidth grow with the overflow.
    const layout = await page.evaluate((width) => ({
      overflow: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width,
      button: document.querySelector('#analyze').getBoundingClientRect().width,
    }), viewport.width);
    assert.ok(layout.overflow <= 0, `${name}: no horizontal scrolling (${layout.overflow}px too wide)`);
    if (name === 'phone') assert.ok(layout.button >= 300, `phone: the Analyze button spans the width (${layout.button}px)`);
    assert.deepEqual(problems, []);
  }
});
