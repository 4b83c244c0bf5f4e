// The embedding examples in www/examples/ — <ngoaivu-panel> beside a plain
// textarea, TinyMCE 8 (iframe mode) and CKEditor 5 (ClassicEditor), the
// editors served from node_modules by scripts/serve.mjs — in headless
// Chromium: the panel lists the sample's figures, a sentence typed into the
// editor adds its figure, hovering it highlights it in the editor, undo
// (no input event) takes it away again, and every request stays on
// localhost. Waits on conditions, never on time.
//
// Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS } from '../helpers/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

const TYPED = 'Tỉnh ký kết 3 thỏa thuận hợp tác.';

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

/** Opens an example page; collects every request and anything that went wrong. */
async function open(t, name) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'vi-VN', serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
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
  await page.goto(new URL(`/www/examples/${name}`, server.url).href);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems, requests };
}

/** Waits until the panel lists a figure of `kind` with `value` (as shown, e.g. "40"). */
function waitForFigure(page, kind, value) {
  return page.waitForFunction(
    ([k, v]) =>
      [...(document.querySelector('ngoaivu-panel')?.shadowRoot.querySelectorAll('button.figure') ?? [])].some(
        (b) => b.dataset.kind === k && b.querySelector('.value')?.textContent === v,
      ),
    [kind, value],
  );
}

/** The figures the panel lists: "kind value unit". */
const figures = (page) =>
  page.$eval('ngoaivu-panel', (p) =>
    [...p.shadowRoot.querySelectorAll('button.figure')].map((b) =>
      [b.dataset.kind, b.querySelector('.value')?.textContent, b.querySelector('.unit')?.textContent ?? ''].join(' '),
    ),
  );

/** Every request went to the server under test (data: URLs are inline, not requests out). */
function assertLocal(requests) {
  const origin = new URL(server.url).origin;
  const away = requests.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin);
  assert.deepEqual(away, [], 'requests that left localhost');
  assert.equal(new URL(server.url).hostname, 'localhost');
}

/** The text of the panel's current highlight in the editor's own document. */
const highlighted = (page) =>
  page.$eval('ngoaivu-panel', (p) => {
    const h = p.target.ownerDocument.defaultView.CSS.highlights.get('ngoaivu-figure');
    return h ? [...h].map((r) => r.toString()).join('|') : null;
  });

const SAMPLE_FIGURES = ['delegation_out 40 đoàn', 'delegation_in 52 đoàn'];

/**
 * Undoes (Control+Z) until the editor's text no longer has `text`, then waits
 * for the panel to drop the figure: undo changes the DOM without an input
 * event, so this checks the example's editor-change hook.
 */
async function undoUntilGone(page, editor, text, kind) {
  for (let i = 0; i < 40 && (await editor.textContent()).includes(text); i++) await page.keyboard.press('Control+Z');
  assert.ok(!(await editor.textContent()).includes(text), 'undo removed the typed sentence');
  await page.waitForFunction(
    (k) => ![...document.querySelector('ngoaivu-panel').shadowRoot.querySelectorAll('button.figure')].some((b) => b.dataset.kind === k),
    kind,
  );
  assert.deepEqual(await figures(page), SAMPLE_FIGURES);
}

test('plain textarea: the panel reads the sample and what is typed', async (t) => {
  const { page, problems, requests } = await open(t, 'textarea.html');
  await waitForFigure(page, 'delegation_in', '52');
  assert.deepEqual(await figures(page), SAMPLE_FIGURES);

  await page.click('#body');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED);
  await waitForFigure(page, 'agreements', '3');
  assert.deepEqual(await figures(page), [...SAMPLE_FIGURES, 'agreements 3 thỏa thuận']);
  assert.ok((await page.inputValue('#body')).endsWith(`\n${TYPED}`));

  assertLocal(requests);
  assert.deepEqual(problems, []);
});

test('TinyMCE (iframe mode, served locally): the panel reads the editor body and what is typed', async (t) => {
  const { page, problems, requests } = await open(t, 'tinymce.html');
  await waitForFigure(page, 'delegation_in', '52');
  assert.deepEqual(await figures(page), SAMPLE_FIGURES);
  // The panel reads the editable <body> inside TinyMCE's iframe.
  assert.equal(
    await page.$eval('ngoaivu-panel', (p) => p.target.tagName === 'BODY' && p.target.ownerDocument !== document),
    true,
  );

  const body = page.frameLocator('.tox-edit-area iframe').locator('body');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED);
  await waitForFigure(page, 'agreements', '3');
  assert.deepEqual(await figures(page), [...SAMPLE_FIGURES, 'agreements 3 thỏa thuận']);
  assert.equal(await body.locator('p').last().textContent(), TYPED);

  // Hovering the new figure highlights it inside the iframe.
  await page.hover('ngoaivu-panel >> button.figure[data-kind="agreements"]');
  await page.waitForFunction(() => {
    const p = document.querySelector('ngoaivu-panel');
    return p.target.ownerDocument.defaultView.CSS.highlights.has('ngoaivu-figure');
  });
  assert.equal(await highlighted(page), '3 thỏa thuận');

  await body.click();
  await undoUntilGone(page, body, 'thỏa thuận', 'agreements');

  assert.ok(requests.some((u) => new URL(u).pathname === '/node_modules/tinymce/tinymce.min.js'));
  assertLocal(requests);
  assert.deepEqual(problems, []);
});

test('CKEditor 5 (ClassicEditor, served locally): the panel reads the editable and what is typed', async (t) => {
  const { page, problems, requests } = await open(t, 'ckeditor5.html');
  await waitForFigure(page, 'delegation_in', '52');
  assert.deepEqual(await figures(page), SAMPLE_FIGURES);
  assert.equal(await page.$eval('ngoaivu-panel', (p) => p.target.classList.contains('ck-editor__editable')), true);

  const editable = page.locator('.ck-editor__editable');
  await editable.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED);
  await waitForFigure(page, 'agreements', '3');
  assert.deepEqual(await figures(page), [...SAMPLE_FIGURES, 'agreements 3 thỏa thuận']);
  assert.equal(await editable.locator('p').last().textContent(), TYPED);

  await page.hover('ngoaivu-panel >> button.figure[data-kind="agreements"]');
  await page.waitForFunction(() => CSS.highlights.has('ngoaivu-figure'));
  assert.equal(await highlighted(page), '3 thỏa thuận');

  await editable.click();
  await undoUntilGone(page, editable, 'thỏa thuận', 'agreements');

  assert.ok(requests.some((u) => new URL(u).pathname === '/node_modules/ckeditor5/dist/browser/ckeditor5.js'));
  assertLocal(requests);
  assert.deepEqual(problems, []);
});

test('the examples index links the three pages, each of which answers', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const res = await page.goto(new URL('/www/examples/', server.url).href);
  assert.equal(res.status(), 200);
  const links = await page.$$eval('ul.examples a', (as) => as.map((a) => a.href));
  assert.deepEqual(links.map((u) => new URL(u).pathname), [
    '/www/examples/textarea.html',
    '/www/examples/tinymce.html',
    '/www/examples/ckeditor5.html',
  ]);
  for (const u of links) assert.equal((await context.request.get(u)).status(), 200, u);
});
