// Embedding in a CMS, in headless Chromium with no bundler: a plain
// <script type="module"> page, `ngoaivu/worker` (promises, errors with
// codes, terminate) and the <ngoaivu-panel> element on a textarea, a
// contenteditable and an input — figures, findings, highlighting, keyboard,
// English labels, theming, and hostile text that must stay text. Pages are
// tests/browser/fixtures/*.html served by scripts/serve.mjs.
//
// Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS } from '../helpers/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { analyze, version } from '../../js/node.js';

const SENTENCE = 'Năm 2023, tỉnh đã cử 40 đoàn đi công tác nước ngoài và đón 52 đoàn khách quốc tế.';
const PARTS = 'Tỉnh có 12 cặp cửa khẩu (2 cặp cửa khẩu quốc tế, 01 cặp cửa khẩu chính, 8 cặp cửa khẩu phụ).';

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0, quiet: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on a fixture; collects anything that went wrong and every request. */
async function open(t, fixture) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'vi-VN', serviceWorkers: 'block' });
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
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.goto(new URL(`/tests/browser/fixtures/${fixture}`, server.url).href);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems, requests };
}

/** Waits until `panel` has finished more than `n` analyses; returns the new count. */
async function afterRun(page, panel, n) {
  await page.waitForFunction(
    ([sel, k]) => {
      const p = document.querySelector(sel);
      return p.dataset.state === 'ready' && Number(p.dataset.run) > k;
    },
    [panel, n],
  );
  return page.$eval(panel, (p) => Number(p.dataset.run));
}

const runs = (page, panel) => page.$eval(panel, (p) => Number(p.dataset.run || 0));

/** The figures a panel lists: [kind, label, value, unit]. */
const figures = (page, panel) =>
  page.$eval(panel, (p) =>
    [...p.shadowRoot.querySelectorAll('button.figure')].map((b) => [
      b.dataset.kind,
      b.querySelector('.kind')?.textContent,
      b.querySelector('.value')?.textContent,
      b.querySelector('.unit')?.textContent ?? '',
    ]),
  );

test('a plain module page imports the package through an import map', async (t) => {
  const { page, problems, requests } = await open(t, 'plain.html');
  assert.equal(await page.textContent('#figures'), 'Đoàn ra: 40; Đoàn vào: 52');
  assert.equal(await page.evaluate(() => window.ngoaivu.version), version);
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin), []);
  assert.ok(requests.some((u) => u.endsWith('/pkg/web/ngoaivu_bg.wasm')));
  assert.deepEqual(problems, []);
});

test('ngoaivu/worker analyzes in a Web Worker and answers with the same report', async (t) => {
  const { page, problems } = await open(t, 'plain.html');
  await page.evaluate(async () => {
    window.analyzer = await window.ngoaivu.createWorkerAnalyzer({ published: '2024-01-15' });
  });
  // The analyzer lives in a worker running the package's worker script.
  assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname), ['/js/worker-thread.js']);
  const got = await page.evaluate(async (text) => {
    const a = window.analyzer;
    const r = await a.analyze(text);
    const both = await Promise.all([a.analyze('Ký 3 thỏa thuận quốc tế.'), a.analyze(text, { locality: 'Lạng Sơn' })]);
    a.terminate();
    return {
      report: r,
      kinds: a.kinds.length,
      version: a.version,
      both: both.map((x) => x.metrics.map((m) => [m.kind, m.value, m.locality])),
    };
  }, SENTENCE);
  const expected = analyze(SENTENCE, { published: '2024-01-15' });
  got.report.stats.milliseconds = expected.stats.milliseconds = 0;
  assert.deepEqual(got.report, expected);
  assert.ok(got.kinds > 40);
  assert.equal(got.version, version);
  assert.deepEqual(got.both, [
    [['agreements', 3, null]],
    [
      ['delegation_out', 40, 'Lạng Sơn'],
      ['delegation_in', 52, 'Lạng Sơn'],
    ],
  ]);
  assert.deepEqual(problems, []);
});

test('ngoaivu/worker errors are Error objects with a code', async (t) => {
  const { page, problems } = await open(t, 'plain.html');
  const errors = await page.evaluate(async () => {
    const { createWorkerAnalyzer } = window.ngoaivu;
    const caught = async (f) => {
      try {
        await f();
        return 'no error';
      } catch (e) {
        return { type: e.constructor.name, code: e.code, message: e.message, isError: e instanceof Error };
      }
    };
    const out = {};
    out.badOption = await caught(() => createWorkerAnalyzer({ fromat: 'text' }));
    out.badValue = await caught(() => createWorkerAnalyzer({ format: 'pdf' }));
    const a = await createWorkerAnalyzer({ maxInputBytes: 16 });
    out.tooLarge = await caught(() => a.analyze('Năm 2023, tỉnh đã cử 40 đoàn đi công tác nước ngoài.'));
    out.notText = await caught(() => a.analyze(42));
    out.badCallOption = await caught(() => a.analyze('x', { published: '15/01/2024' }));
    out.stillWorks = (await a.analyze('7 đoàn')).schema;
    const pending = caught(() => a.analyze('Tỉnh đã đón 52 đoàn khách quốc tế.'.repeat(2000)));
    a.terminate();
    out.pending = await pending;
    out.after = await caught(() => a.analyze('x'));
    out.badUrl = await caught(() => createWorkerAnalyzer(undefined, { workerUrl: '/no/such/worker.js' }));
    return out;
  });
  const pick = ({ type, code, isError }) => ({ type, code, isError });
  assert.deepEqual(pick(errors.badOption), { type: 'TypeError', code: 'bad_option', isError: true });
  assert.match(errors.badOption.message, /`fromat`/, 'the message names the option');
  assert.deepEqual(pick(errors.badValue), { type: 'TypeError', code: 'bad_option', isError: true });
  assert.match(errors.badValue.message, /`format`/);
  assert.deepEqual(pick(errors.tooLarge), { type: 'Error', code: 'input_too_large', isError: true });
  assert.deepEqual(pick(errors.notText), { type: 'TypeError', code: 'bad_input', isError: true });
  assert.deepEqual(pick(errors.badCallOption), { type: 'TypeError', code: 'bad_option', isError: true });
  assert.equal(errors.stillWorks, 'ngoaivu.report/1', 'an error leaves the worker usable');
  assert.deepEqual(pick(errors.pending), { type: 'Error', code: 'terminated', isError: true });
  assert.deepEqual(pick(errors.after), { type: 'Error', code: 'terminated', isError: true });
  assert.deepEqual(pick(errors.badUrl), { type: 'Error', code: 'worker_error', isError: true });
  // The missing worker script is the one expected failure on this page.
  assert.deepEqual(problems.filter((p) => !p.includes('/no/such/worker.js')), []);
});

test('the panel lists the figures typed into a textarea and highlights them', async (t) => {
  const { page, problems } = await open(t, 'panel.html');
  const panel = '#panel';
  let n = await afterRun(page, panel, 0);
  assert.deepEqual(await figures(page, panel), []);
  assert.ok(
    page.workers().some((w) => new URL(w.url()).pathname === '/js/worker-thread.js'),
    'the panel analyzes in the worker',
  );
  assert.equal(await page.$eval(panel, (p) => p.shadowRoot.querySelector('.empty').textContent), 'Chưa có văn bản.');

  await page.click('#editor');
  await page.keyboard.type(SENTENCE);
  await page.waitForFunction(
    ([sel, text]) => document.querySelector(sel).report?.stats.chars === text.length && document.querySelector(sel).dataset.state === 'ready',
    [panel, SENTENCE],
  );
  n = await runs(page, panel);
  assert.deepEqual(await figures(page, panel), [
    ['delegation_out', 'Đoàn ra', '40', 'đoàn'],
    ['delegation_in', 'Đoàn vào', '52', 'đoàn'],
  ]);
  assert.equal(
    await page.$eval(panel, (p) => p.shadowRoot.querySelector('.status').textContent),
    '2 số liệu · 0 điểm cần xem lại',
  );

  // Hover shows the figure in the textarea (its selection) and gives it back after.
  const expected = analyze(SENTENCE).metrics;
  await page.$eval('#editor', (e) => e.setSelectionRange(3, 3));
  await page.hover(`${panel} button.figure[data-kind="delegation_in"]`);
  const selected = () => page.$eval('#editor', (e) => [e.selectionStart, e.selectionEnd]);
  assert.deepEqual(await selected(), [expected[1].span.start, expected[1].span.end]);
  await page.mouse.move(1, 1);
  assert.deepEqual(await selected(), [3, 3], 'the caret is put back');

  // Keyboard: Tab from the editor reaches the first figure, arrows move, Enter selects.
  await page.focus('#editor');
  await page.keyboard.press('Tab');
  assert.equal(await page.$eval(panel, (p) => p.shadowRoot.activeElement?.dataset.kind), 'delegation_out');
  assert.deepEqual(await selected(), [expected[0].span.start, expected[0].span.end], 'focus highlights');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor', 'Escape returns to the editor');
  assert.deepEqual(await selected(), [3, 3], 'and gives the caret back');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval(panel, (p) => p.shadowRoot.activeElement?.dataset.kind), 'delegation_in');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor', 'Enter moves to the editor');
  assert.deepEqual(await selected(), [expected[1].span.start, expected[1].span.end]);
  assert.equal(
    await page.$eval('#editor', (e) => e.value.slice(e.selectionStart, e.selectionEnd)),
    expected[1].text,
  );

  // A finding of the checks, in Vietnamese, then everything in English.
  await page.fill('#editor', PARTS);
  n = await afterRun(page, panel, n);
  const finding = analyze(PARTS).findings.find((f) => f.code === 'parts_total_mismatch');
  assert.ok(finding, 'the text has a parts/total mismatch');
  const shown = () =>
    page.$eval(panel, (p) =>
      [...p.shadowRoot.querySelectorAll('button.finding')].map((b) => [b.dataset.code, b.querySelector('.message').textContent]),
    );
  assert.deepEqual((await shown()).find(([code]) => code === 'parts_total_mismatch'), ['parts_total_mismatch', finding.messageVi]);
  await page.$eval(panel, (p) => p.setAttribute('lang', 'en'));
  assert.deepEqual((await shown()).find(([code]) => code === 'parts_total_mismatch'), ['parts_total_mismatch', finding.messageEn]);
  assert.equal(await page.$eval(panel, (p) => p.shadowRoot.querySelector('h2').textContent), 'Foreign-affairs figures');
  assert.equal((await figures(page, panel))[0][1], analyze(PARTS).metrics.find((m) => m.kind !== 'other').labelEn);
  assert.deepEqual(problems, []);
});

test('the panel reads a contenteditable (highlighting a DOM range) and an input, themed by custom properties', async (t) => {
  const { page, problems } = await open(t, 'panel.html');
  await afterRun(page, '#rich-panel', 0);
  await afterRun(page, '#line-panel', 0);
  const rich = await figures(page, '#rich-panel');
  assert.deepEqual(rich.map(([k, , v, u]) => [k, v, u]), [
    ['delegation_in', '15', 'delegations'],
    ['agreements', '3', 'agreements'],
  ]);
  // Hovering highlights the exact text, across the <b> boundary of the markup.
  await page.hover('#rich-panel button.figure[data-kind="delegation_in"]');
  const highlighted = await page.evaluate(() => {
    const h = CSS.highlights.get('ngoaivu-figure');
    return h ? [...h].map((r) => r.toString()) : null;
  });
  assert.ok(highlighted && highlighted.length === 1 && highlighted[0].startsWith('15 đoàn'), `highlight: ${highlighted}`);
  await page.mouse.move(1, 1);
  assert.equal(await page.evaluate(() => CSS.highlights.has('ngoaivu-figure')), false);

  // Editing the contenteditable re-analyzes it.
  const before = await runs(page, '#rich-panel');
  await page.click('#rich p:last-child');
  await page.keyboard.press('End');
  await page.keyboard.type(' Thu hút 5 dự án FDI.');
  await afterRun(page, '#rich-panel', before);
  await page.waitForFunction(() => document.querySelector('#rich-panel').shadowRoot.querySelectorAll('button.figure').length === 3);
  assert.equal((await figures(page, '#rich-panel'))[2][0], 'fdi_projects');

  // A text input works the same way.
  assert.deepEqual((await figures(page, '#line-panel')).map(([k, , v]) => [k, v]), [['delegation_out', '7']]);

  // Theme: custom properties reach inside the shadow root.
  const colors = await page.evaluate(() => ({
    themed: getComputedStyle(document.querySelector('#rich-panel').shadowRoot.querySelector('.value')).color,
    plain: getComputedStyle(document.querySelector('#line-panel').shadowRoot.querySelector('.value')).color,
    background: getComputedStyle(document.querySelector('#rich-panel')).backgroundColor,
  }));
  assert.equal(colors.themed, 'rgb(200, 0, 100)');
  assert.notEqual(colors.plain, 'rgb(200, 0, 100)');
  assert.equal(colors.background, 'rgb(250, 250, 240)');

  // attach() refuses what it cannot read, with a code.
  const refused = await page.evaluate(() => {
    try {
      document.querySelector('#line-panel').attach(document.body);
      return 'attached';
    } catch (e) {
      return `${e.constructor.name}:${e.code}`;
    }
  });
  assert.equal(refused, 'TypeError:bad_target');
  assert.deepEqual(problems, []);
});

test('hostile text in the editor creates no element and runs nothing', async (t) => {
  const { page, problems } = await open(t, 'panel.html');
  let n = await afterRun(page, '#panel', 0);
  const hostile = [
    'Năm 2023, tỉnh đã cử <b>40 đoàn</b> đi công tác nước ngoài <img src=x onerror="window.__pwned=1">.',
    '<script>window.__pwned=1</script> Tỉnh đón 52 đoàn khách quốc tế <svg onload=window.__pwned=1></svg>.',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe><style>body{display:none}</style>',
    'Có 12 cặp cửa khẩu (2 cặp <img src=y onerror=window.__pwned=1>, 01 cặp chính, 8 cặp phụ).',
  ].join('\n');
  const count = () =>
    page.evaluate(() => {
      const sel = 'img, script:not([type]), script[type="module"], svg, iframe, style:not([data-ngoaivu-highlight])';
      const inPanels = [...document.querySelectorAll('ngoaivu-panel')].reduce(
        (k, p) => k + p.shadowRoot.querySelectorAll('img, script, svg, iframe, a').length,
        0,
      );
      return { document: document.querySelectorAll(sel).length, inPanels };
    });
  const baseline = await count();
  for (const lang of ['vi', 'en']) {
    await page.$eval('#panel', (p, l) => p.setAttribute('lang', l), lang);
    await page.fill('#editor', `${hostile} ${lang}`);
    n = await afterRun(page, '#panel', n);
    const kinds = (await figures(page, '#panel')).map(([k]) => k);
    assert.ok(kinds.includes('delegation_out') && kinds.includes('delegation_in'), `${lang}: figures still found: ${kinds}`);
    for (const b of await page.$$('#panel button')) await b.hover();
    const titles = await page.$eval('#panel', (p) => [...p.shadowRoot.querySelectorAll('button.figure')].map((b) => b.title));
    assert.ok(titles.some((x) => x.includes('40 đoàn')), 'figure text shown as text');
    assert.deepEqual(await count(), baseline, `${lang}: no element was created`);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'grid');
  assert.deepEqual(problems, []);
});

test('the panel works under a strict CSP: no inline style or script is needed', async (t) => {
  const { page, problems } = await open(t, 'panel-csp.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.click('#editor');
  await page.keyboard.type(SENTENCE);
  await page.waitForFunction(
    ([sel, text]) => document.querySelector(sel).report?.stats.chars === text.length && document.querySelector(sel).dataset.state === 'ready',
    ['#panel', SENTENCE],
  );
  assert.deepEqual((await figures(page, '#panel')).map((f) => f[0]), ['delegation_out', 'delegation_in']);
  // Its styles apply: the panel's own sheet sets a border on the section.
  const styled = await page.$eval('#panel', (p) => p.shadowRoot.adoptedStyleSheets.length > 0 || p.shadowRoot.querySelector('style') !== null);
  assert.ok(styled);
  // Hover highlights in the editor, still without a violation.
  await page.hover('#panel >> css=button.figure[data-kind="delegation_in"]');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});
