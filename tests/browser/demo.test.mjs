// The demo page (www/) in headless Chromium, used as a person would: it
// opens with the two samples analyzed, takes pasted text and several files
// at once (a non-text file says so and the rest load), highlights metrics
// and entities, filters and sorts the table, jumps to a span, charts the
// corpus, exports CSV and JSON, never turns document text into markup,
// speaks two languages, stays on its own origin, and fits a phone.
//
//   node --test tests/browser/
//
// Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS } from '../helpers/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { Corpus } from '../../js/node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'test-results');

const NEW_TEXT = 'Năm 2023, tỉnh đã cử 40 đoàn đi công tác nước ngoài và đón 52 đoàn khách quốc tế.';
const SAMPLE_NAME = 'bao-cao-doi-ngoai-2024.txt';

let server;
let browser;
let origin;
let sample;
let expected; // the library's report of the sample, as the page asks for it

before(async () => {
  server = await startServer({ port: 0, quiet: true });
  origin = new URL(server.url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  sample = (await readFile(path.join(ROOT, 'www/sample.txt'), 'utf8')).replace(/\r\n?/g, '\n');
  const corpus = new Corpus();
  expected = corpus.report(corpus.add(sample, { name: SAMPLE_NAME, format: 'text', locality: 'Bình Lâm' }));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (fresh localStorage) and page; collects anything that went wrong. */
async function openPage(t, { viewport = { width: 1280, height: 800 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block', acceptDownloads: true, ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
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

const batches = (page) => page.evaluate(() => Number(document.body.dataset.batches || 0));

/** Opens the demo and waits until the samples have been analyzed. */
async function loadDemo(page) {
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.batches === '1' && document.body.dataset.state === 'ready');
}

/** Runs `action` and waits until the page has finished one more batch. */
async function afterBatch(page, action) {
  const n = await batches(page);
  await action();
  await page.waitForFunction((k) => Number(document.body.dataset.batches) > k && document.body.dataset.state === 'ready', n);
}

async function paste(page, text, { name = '', keyboard = false } = {}) {
  await afterBatch(page, async () => {
    await page.fill('#input', text);
    await page.fill('#doc-name', name);
    if (keyboard) await page.press('#input', 'Control+Enter');
    else await page.click('#add');
  });
}

const marks = (page) =>
  page.$$eval('#reading mark', (ms) =>
    ms.map((m) => ({ text: m.textContent, kind: m.dataset.kind, entity: m.dataset.entity, keys: m.dataset.keys.split(' '), cls: m.className })),
  );

const rows = (page) =>
  page.$$eval('#metrics-body tr', (trs) =>
    trs.map((tr) => ({
      doc: tr.dataset.doc,
      id: tr.dataset.id,
      kind: tr.dataset.kind,
      value: tr.querySelector('.value')?.dataset.value,
      cells: [...tr.cells].map((c) => c.textContent),
    })),
  );

const corpusRows = (page) =>
  page.$$eval('#corpus-body tr', (trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('.name').textContent,
      published: tr.querySelector('input.published').value,
      locality: tr.querySelector('input.locality').value,
      metrics: Number(tr.querySelector('.metrics-count').textContent),
    })),
  );

/** True once the element is inside the viewport and inside the reading box. */
const inView = (page, selector) =>
  page.waitForFunction((sel) => {
    const node = document.querySelector(sel);
    if (!node) return false;
    const r = node.getBoundingClientRect();
    const box = document.querySelector('#reading-scroll').getBoundingClientRect();
    return r.top >= Math.max(0, box.top) && r.bottom <= Math.min(innerHeight, box.bottom) && node === document.activeElement;
  }, selector);

test('opens with the two samples analyzed: corpus list, highlights, entities, checks in the margin', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);

  assert.equal(await page.title(), 'ngoaivu — bàn phân tích số liệu đối ngoại');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.evaluate(() => document.body.dataset.mode), 'worker', 'analysis runs in the worker');
  assert.match(await page.textContent('#mode'), /Web Worker/);
  assert.equal(await page.isVisible('#sample-note'), true, 'the samples are labelled as invented');

  const docs = await corpusRows(page);
  assert.deepEqual(docs.map((d) => [d.name, d.published, d.locality]), [
    [SAMPLE_NAME, '2025-01-10', 'Bình Lâm'],
    ['bao-cao-doi-ngoai-2023.txt', '2024-01-12', 'Bình Lâm'],
  ]);
  const expectedMetrics = expected.metrics.filter((m) => m.kind !== 'other');
  assert.equal(docs[0].metrics, expectedMetrics.length);
  assert.match(await page.textContent('#corpus-counts'), /^2 tài liệu · \d+ số liệu đối ngoại · \d+ thực thể · \d+ cảnh báo kiểm tra$/);

  // The reading view shows the 2024 sample, character for character.
  assert.equal(await page.textContent('#reading'), sample);
  assert.match(await page.textContent('#doc-title'), /bao-cao-doi-ngoai-2024/);
  const found = await marks(page);
  const keys = new Set(found.flatMap((m) => m.keys));
  for (const m of expected.metrics) assert.ok(keys.has(m.id), `${m.id} "${m.text}" is highlighted`);
  for (const e of expected.entities) assert.ok(keys.has(`${e.id}#0`), `entity ${e.name} is highlighted`);
  const m35 = found.find((m) => m.text === '35 đoàn');
  assert.equal(m35.kind, 'delegation_out');
  assert.match(m35.cls, /\bcat-delegation\b/);
  const entityTypes = new Set(found.map((m) => m.entity).filter(Boolean));
  for (const type of ['country', 'foreign_locality', 'organization', 'agreement', 'person', 'document']) {
    assert.ok(entityTypes.has(type), `an entity of type ${type} is highlighted (got ${[...entityTypes]})`);
    assert.ok(await page.isVisible(`#entities .entity-group[data-type="${type}"] button.chip`), `a chip for ${type}`);
  }

  // Focus shows the detail: label, value, qualifier, period, locality, rule.
  const m35Report = expected.metrics.find((m) => m.text === '35 đoàn');
  await page.focus('#reading mark[data-kind="delegation_out"]');
  assert.equal(await page.isVisible('#tip'), true);
  const tip = await page.textContent('#tip');
  for (const part of ['Đoàn ra', '35 đoàn', 'chính xác', '2024', 'Bình Lâm', m35Report.rule]) {
    assert.ok(tip.includes(part), `tooltip shows ${JSON.stringify(part)}: ${tip}`);
  }
  await page.hover('#reading mark[data-kind="trade_turnover"]');
  const tradeTip = await page.textContent('#tip');
  assert.ok(tradeTip.includes('2.400.000.000 USD'), `vi-VN digits: ${tradeTip}`);
  assert.ok(tradeTip.includes('hơn'), `qualifier "over": ${tradeTip}`);
  assert.ok(tradeTip.includes('tăng 12%'), `change: ${tradeTip}`);
  await page.hover('#reading mark[data-kind="fdi_projects"]');
  assert.ok((await page.textContent('#tip')).includes('Hàn Quốc, Nhật Bản, Singapore'), 'partners in the tooltip');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#tip'), false);

  // Entity chips jump to their mentions.
  await page.click('#entities button.chip:has-text("Yamada Takio")');
  await page.waitForFunction(() => document.activeElement?.matches('#reading mark') && document.activeElement.textContent.includes('Yamada Takio'));
  assert.ok((await page.textContent('#tip')).includes('Nhân vật'), 'the entity tooltip names the type');

  // The checks sit in the margin and lead to their figures.
  const notes = await page.$$eval('#margin-list .margin-note', (ns) => ns.map((n) => n.dataset.code));
  assert.ok(notes.includes('parts_total_mismatch'), `margin notes: ${notes}`);
  await page.click('#margin-list .margin-note[data-code="parts_total_mismatch"] button');
  await page.waitForFunction(() => document.activeElement?.textContent === '8 cửa khẩu');
  assert.deepEqual(
    await page.$$eval('#reading mark.flagged', (ms) => ms.map((m) => m.textContent)),
    ['2,4 tỷ USD', '8 cửa khẩu', '3 cửa khẩu', '4 cửa khẩu'],
    'the figures the checks concern, and none from the other document',
  );

  // Activities are listed and lead to their trigger.
  const acts = await page.$$eval('#activities li.activity', (ls) => ls.map((l) => l.className));
  assert.ok(acts.some((c) => c.includes('act-visit_out')) && acts.some((c) => c.includes('act-aid_received')), acts.join());
  assert.deepEqual(problems, []);
});

test('a pasted text becomes a document; Ctrl+Enter adds too; an empty box says so', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  await paste(page, NEW_TEXT, { name: 'ghi-chu.txt' });

  const docs = await corpusRows(page);
  assert.equal(docs.length, 3);
  assert.deepEqual(docs[2], { name: 'ghi-chu.txt', published: '', locality: '', metrics: 2 });
  assert.equal(await page.textContent('#reading'), NEW_TEXT, 'the new document opens in the reading view');
  assert.match(await page.textContent('#doc-summary'), /^2 số liệu đối ngoại · 0 số liệu khác · /);

  await page.selectOption('#f-doc', { label: 'ghi-chu.txt' });
  assert.deepEqual((await rows(page)).map((r) => [r.kind, r.value]), [['delegation_out', '40'], ['delegation_in', '52']]);

  await paste(page, 'Tỉnh đã ký kết 3 thỏa thuận quốc tế.', { keyboard: true });
  assert.equal((await corpusRows(page)).length, 4);
  assert.match((await corpusRows(page))[3].name, /^van-ban-4\.txt$/);

  await page.fill('#input', '   ');
  await page.click('#add');
  assert.match(await page.textContent('#errors'), /Ô văn bản đang trống/);
  assert.equal((await corpusRows(page)).length, 4);
  assert.deepEqual(problems, []);
});

test('several files at once: text files load with dates and localities, the others say why', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  const files = [
    { name: 'lang-son-2022.txt', mimeType: 'text/plain', buffer: Buffer.from('UBND TỈNH LẠNG SƠN\nLạng Sơn, ngày 05/01/2023\nNăm 2022, tỉnh đã cử 18 đoàn ra và đón 25 đoàn vào; ký kết 4 thỏa thuận với Quảng Tây (Trung Quốc).') },
    { name: 'ghi-chu.md', mimeType: 'text/markdown', buffer: Buffer.from('# Ghi chú\n\nNăm 2021, tỉnh **đón 12 đoàn** khách quốc tế.') },
    { name: 'tin.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><p>Năm 2020, tỉnh đã cử <b>9 đoàn</b> đi nước ngoài.</p><script>window.__pwned=1</script></body></html>') },
    { name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: 'hong.txt', mimeType: 'text/plain', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]) },
    { name: 'bao-cao.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\x03\x04') },
  ];
  await afterBatch(page, () => page.setInputFiles('#files', files));

  const docs = await corpusRows(page);
  assert.deepEqual(docs.slice(2).map((d) => d.name), ['lang-son-2022.txt', 'ghi-chu.md', 'tin.html']);
  assert.equal(docs[2].published, '2023-01-05', 'the publication date is detected');
  assert.equal(docs[2].locality, 'Lạng Sơn', 'the locality is detected');
  assert.equal(docs[4].metrics, 1, 'the HTML file is read as HTML');
  const errors = await page.$$eval('#errors li', (ls) => ls.map((l) => l.textContent));
  assert.equal(errors.length, 3, errors.join('\n'));
  assert.match(errors[0], /“anh\.png” không được đưa vào: không phải tệp văn bản/);
  assert.match(errors[1], /“hong\.txt” không được đưa vào: nội dung không phải văn bản UTF-8/);
  assert.match(errors[2], /“bao-cao\.docx” không được đưa vào: không đọc được tệp Word/);
  assert.match(await page.textContent('#status'), /^Đã phân tích 3 tài liệu trong [\d.,]+ ms\.$/);
  assert.equal(await page.isVisible('#progress'), false, 'the progress bar goes away when done');
  assert.match(await page.textContent('#corpus-counts'), /^5 tài liệu/);

  // The reading view opened the first new file; the HTML's script stays text.
  assert.match(await page.textContent('#doc-title'), /lang-son-2022/);
  await page.click('#corpus-body tr:nth-child(5) button.view');
  assert.match(await page.textContent('#reading'), /<script>window.__pwned=1<\/script>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Editing a locality re-analyzes the document: its figures take it.
  await afterBatch(page, async () => {
    await page.fill('#corpus-body tr:nth-child(4) input.locality', 'Cao Bằng');
    await page.press('#corpus-body tr:nth-child(4) input.locality', 'Enter');
  });
  await page.selectOption('#f-doc', { label: 'ghi-chu.md' });
  const mdRows = await rows(page);
  assert.deepEqual(mdRows.map((r) => [r.kind, r.cells[6]]), [['delegation_in', 'Cao Bằng']]);

  // And a publication date too.
  await afterBatch(page, () => page.fill('#corpus-body tr:nth-child(4) input.published', '2022-02-01'));
  assert.equal((await corpusRows(page))[3].published, '2022-02-01');

  // Removing a document removes its rows.
  await page.click('#corpus-body tr:nth-child(4) button.remove');
  await page.waitForFunction(() => document.querySelectorAll('#corpus-body tr').length === 4);
  assert.ok(!(await corpusRows(page)).some((d) => d.name === 'ghi-chu.md'));
  assert.deepEqual(problems, []);
});

test('the table filters by kind, locality, year, partner, qualifier and search, sorts, and a row lands on its span', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  const all = await rows(page);
  assert.ok(all.length >= 30, `both samples' metrics are listed (${all.length})`);
  assert.match(await page.textContent('#table-count'), new RegExp(`^${all.length} / ${all.length} số liệu$`));
  assert.ok(!all.some((r) => r.kind === 'other'), 'other figures are hidden by default');

  await page.selectOption('#f-kind', 'delegation_out');
  let r = await rows(page);
  assert.deepEqual(r.map((x) => x.value).sort(), ['29', '35']);
  await page.selectOption('#f-year', '2023');
  assert.deepEqual((await rows(page)).map((x) => x.value), ['29']);
  await page.click('#reset-filters');
  assert.equal((await rows(page)).length, all.length);

  await page.selectOption('#f-partner', 'Singapore');
  r = await rows(page);
  assert.deepEqual(r.map((x) => x.kind).sort(), ['fdi_capital', 'fdi_projects']);
  await page.selectOption('#f-partner', '');
  await page.selectOption('#f-qualifier', 'over');
  assert.deepEqual((await rows(page)).map((x) => x.kind), ['trade_turnover']);
  await page.selectOption('#f-qualifier', '');
  await page.selectOption('#f-locality', 'Bình Lâm');
  assert.equal((await rows(page)).length, all.length);
  await page.selectOption('#f-locality', '');
  await page.fill('#f-search', 'cửa khẩu');
  assert.deepEqual((await rows(page)).map((x) => x.kind).sort(), Array(5).fill('border_gates'));
  assert.match(await page.textContent('#table-count'), new RegExp(`^5 / ${all.length} số liệu$`));
  await page.fill('#f-search', 'không có chữ này');
  assert.equal((await rows(page)).length, 0);
  assert.equal(await page.textContent('#table-note'), 'Không có số liệu nào khớp bộ lọc.');
  await page.fill('#f-search', '');

  await page.check('#show-other');
  assert.ok((await rows(page)).some((x) => x.kind === 'other'), 'other figures can be shown');
  await page.uncheck('#show-other');

  // Sorting by value, both ways, by keyboard.
  await page.focus('#metrics-table th[data-sort="value"] button');
  await page.keyboard.press('Enter');
  const values = (await rows(page)).map((x) => Number(x.value));
  assert.deepEqual(values, [...values].sort((a, b) => a - b));
  assert.equal(await page.getAttribute('#metrics-table th[data-sort="value"]', 'aria-sort'), 'ascending');
  await page.keyboard.press('Enter');
  assert.equal((await rows(page))[0].kind, 'trade_turnover', 'the largest value first');

  // A row of the 2023 document opens it and lands on the span.
  await page.selectOption('#f-doc', { label: 'bao-cao-doi-ngoai-2023.txt' });
  await page.selectOption('#f-kind', 'border_friendship_pairs');
  await page.click('#metrics-body tr.row');
  await inView(page, '#reading mark[data-kind="border_friendship_pairs"]');
  assert.match(await page.textContent('#doc-title'), /2023/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '6 cặp');
  assert.ok(await page.$eval('#reading mark[data-kind="border_friendship_pairs"]', (m) => m.classList.contains('flash')));

  // Keyboard: Enter on a focused row.
  await page.selectOption('#f-doc', { label: SAMPLE_NAME });
  await page.selectOption('#f-kind', 'border_length');
  await page.focus('#metrics-body tr.row');
  await page.keyboard.press('Enter');
  await inView(page, '#reading mark[data-kind="border_length"]');
  assert.match(await page.textContent('#doc-title'), /2024/);
  assert.deepEqual(problems, []);
});

test('the dashboard charts the corpus with axes and units, lists checks, conflicts and facts with sources', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);

  // A third report disagrees with the 2024 sample on delegations sent.
  await paste(page, 'Năm 2024, tỉnh Bình Lâm đã cử 36 đoàn đi công tác nước ngoài.', { name: 'ban-tin.txt' });
  await afterBatch(page, async () => {
    await page.fill('#corpus-body tr:nth-child(3) input.locality', 'Bình Lâm');
    await page.press('#corpus-body tr:nth-child(3) input.locality', 'Enter');
  });

  await page.selectOption('#series-select', 'delegation_out|Bình Lâm');
  const chart = await page.$eval('#chart-year svg', (svg) => ({
    label: svg.getAttribute('aria-label'),
    unit: svg.querySelector('.unit').textContent,
    axis: svg.querySelector('.axis-label').textContent,
    bars: [...svg.querySelectorAll('.bar')].map((b) => [b.dataset.label, b.querySelector('.value').textContent]),
    ticks: svg.querySelectorAll('.axis .tick').length,
  }));
  assert.equal(chart.unit, 'đoàn');
  assert.equal(chart.axis, 'Năm');
  assert.ok(chart.ticks >= 3, 'a y axis with ticks');
  assert.deepEqual(chart.bars.map((b) => b[0]), ['2023', '2024']);
  assert.match(chart.label, /Đoàn ra — Bình Lâm \(đoàn\)/);

  const partners = await page.$$eval('#chart-partner .bar', (bs) => bs.map((b) => b.dataset.label));
  assert.ok(partners.includes('Hàn Quốc') && partners.includes('Singapore'), partners.join());
  assert.equal(await page.$eval('#chart-partner .unit', (u) => u.textContent), 'số liệu');
  const localities = await page.$$eval('#chart-locality .bar', (bs) => bs.map((b) => b.dataset.label));
  assert.deepEqual(localities, ['Bình Lâm']);

  const conflicts = await page.$$eval('#conflicts li.conflict', (ls) => ls.map((l) => l.textContent));
  assert.equal(conflicts.length, 1, conflicts.join('\n'));
  assert.match(conflicts[0], /Đoàn ra · 2024 · Bình Lâm/);
  assert.match(conflicts[0], /35 đoàn — bao-cao-doi-ngoai-2024\.txt: “35 đoàn”/);
  assert.match(conflicts[0], /36 đoàn — ban-tin\.txt: “36 đoàn”/);
  const codes = await page.$$eval('#findings li.finding', (ls) => ls.map((l) => l.dataset.code));
  for (const code of ['parts_total_mismatch', 'change_vs_previous', 'conflicting_values']) assert.ok(codes.includes(code), codes.join());

  // A source leads to its document and span.
  await page.click('#conflicts button.source:has-text("ban-tin.txt")');
  await page.waitForFunction(() => document.activeElement?.textContent === '36 đoàn');
  assert.match(await page.textContent('#doc-title'), /ban-tin/);

  const facts = await page.$$eval('#facts-body tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const visitorsLabel = expected.metrics.find((m) => m.kind === 'international_visitors').labelVi;
  const tourists = facts.find((f) => f[0] === visitorsLabel && f[2] === '2024');
  assert.ok(tourists, 'a fact for international visitors in 2024');
  assert.match(tourists[4], /1 nguồn: bao-cao-doi-ngoai-2024\.txt: “350 nghìn lượt khách quốc tế”/);
  assert.deepEqual(problems, []);
});

test('exports: metrics CSV with and without BOM, facts CSV, JSON; a metric copied as a quotation', async (t) => {
  const { context, page, problems } = await openPage(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await loadDemo(page);

  const save = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  let csv = await save('#export-metrics');
  assert.equal(csv.name, 'ngoaivu-so-lieu.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
  let lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.match(lines[0], /^document,name,id,kind,label_vi,value,/);
  assert.ok(lines.some((l) => l.startsWith(`d1,${SAMPLE_NAME},m1,delegation_out,Đoàn ra,35,`)), lines.slice(0, 3).join('\n'));
  assert.ok(lines.some((l) => l.includes('bao-cao-doi-ngoai-2023.txt') && l.includes(',29,')));

  await page.uncheck('#bom');
  csv = await save('#export-metrics');
  assert.notEqual(csv.bytes[0], 0xef, 'no BOM when unticked');
  assert.match(await page.textContent('#export-status'), /ngoaivu-so-lieu\.csv/);

  const facts = await save('#export-facts');
  assert.equal(facts.name, 'ngoaivu-du-kien.csv');
  assert.ok(facts.bytes.toString('utf8').includes('Đoàn ra'));

  const json = JSON.parse((await save('#export-json')).bytes.toString('utf8'));
  assert.deepEqual(json.documents.map((d) => d.name), [SAMPLE_NAME, 'bao-cao-doi-ngoai-2023.txt']);
  assert.equal(json.documents[0].report.schema, 'ngoaivu.report/1');
  assert.equal(json.summary.schema, 'ngoaivu.summary/1');
  assert.match(await page.textContent('#export'), /XLSX/);

  await page.selectOption('#f-kind', 'fdi_capital');
  await page.selectOption('#f-year', '2024');
  await page.click('#metrics-body tr.row button.copy');
  await page.waitForFunction(() => document.querySelector('#copy-status').dataset.sentence);
  const sentence = await page.evaluate(() => navigator.clipboard.readText());
  const fdi = expected.metrics.find((m) => m.kind === 'fdi_capital');
  const quote = sample.slice(fdi.sentence.start, fdi.sentence.end).replace(/\s+/g, ' ').trim();
  assert.ok(quote.includes('320 triệu USD'), quote);
  assert.equal(
    sentence,
    `${fdi.labelVi}: 320.000.000 USD, năm 2024, Bình Lâm, Hàn Quốc, Nhật Bản, Singapore. ` +
      `Nguồn: bao-cao-doi-ngoai-2024.txt, “${quote}” (ký tự ${fdi.span.start}–${fdi.span.end}).`,
  );
  assert.ok((await page.textContent('#copy-status')).startsWith('Đã sao chép.'));
  assert.deepEqual(problems, []);
});

test('hostile documents stay text: nothing runs, no element is injected', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  const hostile = [
    'Năm 2023, tỉnh đã cử <b>40 đoàn</b> đi công tác nước ngoài.',
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '<svg onload=window.__pwned=1><circle r="5"/></svg>',
    '<a href="javascript:window.__pwned=1">javascript:window.__pwned=1</a> Tỉnh đón 52 đoàn khách quốc tế từ Nhật Bản.',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> <style>body{display:none}</style>',
  ].join('\n');
  const evil = '<img src=x onerror="window.__pwned=1">';

  await paste(page, hostile, { name: `${evil}.txt` });
  await afterBatch(page, () =>
    page.setInputFiles('#files', [
      { name: 'evil.html', mimeType: 'text/html', buffer: Buffer.from(hostile) },
      { name: `<svg onload=window.__pwned=1>.txt`, mimeType: 'text/plain', buffer: Buffer.from(hostile) },
    ]),
  );
  await afterBatch(page, async () => {
    await page.fill('#corpus-body tr:nth-child(3) input.locality', evil);
    await page.press('#corpus-body tr:nth-child(3) input.locality', 'Enter');
  });

  for (const n of [3, 4, 5]) {
    await page.click(`#corpus-body tr:nth-child(${n}) button.view`);
    assert.equal(await page.textContent('#reading'), hostile, `document ${n}: the markup is shown as text`);
    assert.ok((await marks(page)).some((m) => m.kind === 'delegation_in'), 'figures are still found');
    for (const handle of await page.$$('#reading mark')) await handle.hover();
    await page.focus('#reading mark[data-kind="delegation_in"]');
  }
  await page.click('#corpus-body tr:nth-child(3) button.view');
  await page.focus('#reading mark[data-kind="delegation_in"]');
  assert.ok((await page.textContent('#tip')).includes(evil), 'the locality is shown as text');
  assert.ok((await page.textContent('#corpus-body')).includes(`${evil}.txt`), 'the name is shown as text');
  await page.fill('#f-search', 'javascript');
  await page.selectOption('#f-doc', '');

  const injected = await page.evaluate(() => ({
    pwned: window.__pwned,
    main: document.querySelectorAll('main :is(img, script, iframe, a[href^="javascript:"], style, object, embed, b, circle)').length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => !s.classList.contains('chart')).length,
    tip: document.querySelectorAll('#tip :is(img, script, svg, iframe, a, style)').length,
    handlers: [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
    visible: getComputedStyle(document.body).display !== 'none',
  }));
  assert.deepEqual(injected, { pwned: undefined, main: 0, svgs: 0, tip: 0, handlers: 0, visible: true });
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
});

test('the language toggle switches the interface, the labels and the charts, and is remembered', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  assert.equal(await page.textContent('#add'), 'Thêm vào kho');

  await page.click('#lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#add'), 'Add to corpus');
  assert.equal(await page.title(), 'ngoaivu — foreign-affairs analysis desk');
  assert.equal(await page.textContent('#metrics-table th[data-sort="kind"]'), 'Kind');
  assert.match(await page.textContent('#doc-summary'), /foreign-affairs metrics · \d+ other figures/);
  assert.ok((await rows(page)).some((r) => r.cells[1] === 'Delegations sent abroad'));
  assert.match(await page.textContent('#corpus-counts'), /^2 documents/);
  assert.equal(await page.$eval('#chart-year .axis-label', (x) => x.textContent), 'Year');
  assert.match(await page.textContent('#mode'), /Analysis runs in a Web Worker/);
  assert.match(await page.textContent('#margin-list'), /The parts add up to 7/);

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.batches === '1');
  assert.equal(await page.textContent('#add'), 'Add to corpus', 'the choice survives a reload');
  await page.click('#lang');
  assert.equal(await page.textContent('#add'), 'Thêm vào kho');
  assert.equal(await page.evaluate(() => localStorage.getItem('ngoaivu.lang')), 'vi');
  assert.deepEqual(problems, []);
});

test('keyboard only: add a text, reach a highlight, see its details', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  await page.focus('#input');
  await page.keyboard.insertText(NEW_TEXT);
  await afterBatch(page, () => page.keyboard.press('Control+Enter'));
  await page.focus('#reading-scroll');
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.matches('#reading mark[data-kind]'))); i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '40 đoàn');
  assert.ok((await page.textContent('#tip')).includes('Đoàn ra'));
  assert.deepEqual(problems, []);
});

test('every request stays on the local server, the worker included', async (t) => {
  const { context, page, problems } = await openPage(t);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  page.on('worker', (w) => requests.push(w.url()));

  await loadDemo(page);
  await paste(page, NEW_TEXT);
  await page.hover('#reading mark');
  await page.click('#lang');
  await page.click('#export-json').catch(() => {});

  const paths = requests.map((u) => (u.startsWith('blob:') ? 'blob' : new URL(u).pathname));
  for (const needed of ['/www/', '/www/app.js', '/www/worker.js', '/www/engine.js', '/www/style.css', '/www/sample.txt', '/www/sample-2023.txt', '/js/api.js', '/pkg/web/ngoaivu_bg.wasm']) {
    assert.ok(paths.includes(needed), `${needed} was requested (got ${paths.join(', ')})`);
  }
  const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith(`blob:${origin}/`) && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'no request leaves the local server');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
  assert.deepEqual(problems, []);
});

test('honest empty states, and a page that still works without the samples', async (t) => {
  const { page, problems } = await openPage(t);
  await page.route('**/sample*.txt', (route) => route.abort());
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  problems.length = 0; // the aborted samples
  assert.equal(await page.textContent('#corpus-empty'), 'Kho chưa có tài liệu nào. Dán một văn bản hoặc chọn tệp để bắt đầu.');
  assert.equal(await page.textContent('#reading-empty'), 'Chọn một tài liệu trong kho để đọc.');
  assert.equal(await page.isDisabled('#load-samples'), true);
  assert.match(await page.textContent('#chart-year'), /Chưa đủ dữ liệu/);
  await page.click('#export-metrics');
  assert.equal(await page.textContent('#export-status'), 'Kho trống: chưa có gì để xuất.');

  await paste(page, 'Không có con số nào ở đây.');
  assert.match(await page.textContent('#doc-summary'), /Không tìm thấy con số nào trong văn bản này\./);
  assert.equal(await page.textContent('#activities'), 'Không nhận diện được hoạt động đối ngoại nào.');
  await paste(page, NEW_TEXT);
  assert.equal((await rows(page)).length, 2);
  await page.click('#clear-corpus');
  await page.waitForFunction(() => document.querySelectorAll('#corpus-body tr').length === 0);
  assert.equal(await page.isVisible('#corpus-empty'), true);
  assert.deepEqual(problems, []);
});

test('a 200 KB report shows its results while the page keeps painting', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  const paragraphs = sample.split('\n\n').slice(1).join('\n\n');
  let big = '';
  for (let i = 0; big.length < 200_000; i++) big += paragraphs.replace(/2024/g, String(1900 + (i % 120))) + '\n\n';
  const frames = await page.evaluateHandle(() => {
    const state = { n: 0, on: true };
    const tick = () => {
      state.n += 1;
      if (state.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return state;
  });
  // Typing 200 KB into the field is Playwright's work, not the demo's; on a
  // loaded CI machine it once took longer than the default 15 s.
  await page.fill('#input', big, { timeout: 60_000 });
  const t0 = Date.now();
  await afterBatch(page, () => page.click('#add'));
  await page.waitForFunction(() => document.querySelectorAll('#reading mark').length > 1000);
  const ms = Date.now() - t0;
  const framesSeen = await frames.evaluate((s) => ((s.on = false), s.n));
  assert.ok(framesSeen > 0, 'the page painted while analyzing');
  assert.equal(await page.textContent('#reading'), big);
  assert.match(await page.textContent('#table-note'), /Chỉ hiện 500 dòng đầu/);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(path.join(RESULTS_DIR, 'demo-200kb.json'), JSON.stringify({ chars: big.length, ms, frames: framesSeen }) + '\n');
  t.diagnostic(`200 KB report (${big.length} chars): results shown in ${ms} ms, ${framesSeen} frames painted meanwhile`);
  assert.deepEqual(problems, []);
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
    await page.locator('#reading-panel').screenshot({ path: path.join(RESULTS_DIR, `demo-${name}-reading.png`) });
    const buf = await readFile(file);
    assert.deepEqual(pngSize(buf), [viewport.width, viewport.height], `${name} screenshot size`);
    assert.ok(buf.length > 10_000, `${name} screenshot has content (${buf.length} bytes)`);

    // Against the emulated screen width: a phone zooms out to fit wide
    // content, which would make innerWidth grow with the overflow.
    const layout = await page.evaluate((width) => ({
      overflow: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width,
      button: document.querySelector('#add').getBoundingClientRect().width,
      margin: getComputedStyle(document.querySelector('.margin-note')).position,
    }), viewport.width);
    assert.ok(layout.overflow <= 0, `${name}: no horizontal scrolling (${layout.overflow}px too wide)`);
    if (name === 'phone') {
      assert.ok(layout.button >= 300, `phone: the Add button spans the width (${layout.button}px)`);
      assert.equal(layout.margin, 'static', 'phone: the checks stack above the text');
    } else assert.equal(layout.margin, 'absolute', 'desktop: the checks sit beside their lines');
    assert.deepEqual(problems, []);
  }
});

/** CRC-32 of bytes, as zip headers carry it. */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A zip archive of {name, text, deflate} entries, as Word writes a .docx. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const raw = Buffer.from(e.text);
    const data = e.deflate ? deflateRawSync(raw) : raw;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.deflate ? 8 : 0, 8);
    head.writeUInt32LE(crc32(raw), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, data);
    centrals.push(central, name);
    offset += head.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

test('a Word file (.docx) is read: paragraphs become lines, runs are joined', async (t) => {
  const { page, problems } = await openPage(t);
  await loadDemo(page);
  const body =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    '<w:p><w:r><w:t>UBND TỈNH CAO BẰNG</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t xml:space="preserve">Năm 2023, tỉnh đã cử </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>14 đoàn</w:t></w:r><w:r><w:t xml:space="preserve"> đi công tác nước ngoài</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t>và đón 21 đoàn khách quốc tế &lt;script&gt;.</w:t></w:r></w:p>' +
    '</w:body></w:document>';
  const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const files = [
    { name: 'cao-bang.docx', mimeType: mime, buffer: zip([{ name: '[Content_Types].xml', text: '<Types/>' }, { name: 'word/document.xml', text: body, deflate: true }]) },
    { name: 'khong-than.docx', mimeType: mime, buffer: zip([{ name: 'word/styles.xml', text: '<x/>', deflate: true }]) },
  ];
  await afterBatch(page, () => page.setInputFiles('#files', files));
  const docs = await corpusRows(page);
  const doc = docs.find((d) => d.name === 'cao-bang.docx');
  assert.ok(doc, JSON.stringify(docs));
  assert.equal(doc.locality, 'Cao Bằng');
  assert.equal(doc.metrics, 2, 'both figures, the bold run joined into its sentence');
  const errors = await page.$$eval('#errors li', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /“khong-than\.docx” không được đưa vào: không đọc được tệp Word/);
  assert.deepEqual(problems, []);
});
