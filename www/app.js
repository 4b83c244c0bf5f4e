// The ngoaivu demo page: a corpus of documents (pasted, chosen or dropped)
// analyzed in a Web Worker (www/worker.js; on the main thread when none can
// start), a reading view with metrics, entities and activities highlighted
// and the checks in the margin, a filterable metrics table, a dashboard and
// exports. Everything taken from a document (or from a report quoting it)
// reaches the DOM through textContent or text nodes only — never innerHTML —
// and the page's CSP forbids inline scripts and inline style attributes.

import { createEngine } from './engine.js';
import { docxText, DocxError } from './docx.js';
import { columnChart, barChart } from './charts.js';
import {
  ui, t, pick, fmt, compact, label, categoryOf, formatValue, formatUnit, formatValueWithUnit, formatQualifier,
  formatPeriod, formatChange, formatPlan, valueWithUnit, unitLabel,
  CATEGORIES, QUALIFIERS, ENTITY_TYPES, SEVERITIES,
} from './format.js';

const $ = (id) => document.getElementById(id);
const INLINE = globalThis.__ngoaivuInline || null; // set by the single-file build
const TEXT_EXT = new Set(['txt', 'text', 'md', 'markdown', 'html', 'htm']);
const MAX_ROWS = 500;
const MAX_FACTS = 200;
const SAMPLES = [
  { file: 'sample.txt', name: 'bao-cao-doi-ngoai-2024.txt' },
  { file: 'sample-2023.txt', name: 'bao-cao-doi-ngoai-2023.txt' },
];
const SAMPLE_LOCALITY = 'Bình Lâm';
const LANG_KEY = 'ngoaivu.lang';
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// ---------------------------------------------------------------- state

let backend = null; // { mode, call(op, args) }
let docs = []; // { key, id, name, text, format, published, locality, report }
let nextKey = 1;
let summary = null;
let current = null; // key of the document in the reading view
let batches = 0;
let info = null; // { version, kinds } from the engine
let sampleTexts = null;
let marks = []; // [{start, end, node}] in text order, for the reading view
let markByKey = new Map(); // metric id / entity mention / activity id → mark
let itemByKey = new Map(); // same keys → {type, ref}
let tipOwner = null;
const sort = { key: null, dir: 1 };

// ---------------------------------------------------------------- small helpers

/** createElement with class and text; never parses markup. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function button(text, className = 'secondary small') {
  const b = el('button', className, text);
  b.type = 'button';
  return b;
}

function readLang() {
  try {
    const v = localStorage.getItem(LANG_KEY);
    if (v === 'vi' || v === 'en') return v;
  } catch {
    /* storage may be disabled (file://) */
  }
  return 'vi';
}

function saveLang(v) {
  try {
    localStorage.setItem(LANG_KEY, v);
  } catch {
    /* ignore */
  }
}

const docByKey = (key) => docs.find((d) => d.key === key);
const docById = (id) => docs.find((d) => d.id === id);
const classified = (report) => report.metrics.filter((m) => m.kind !== 'other');
const years = (p) => {
  if (!p || !p.from) return [];
  const a = Number(p.from.slice(0, 4));
  const b = Number((p.to || p.from).slice(0, 4));
  if (!a || !b || b < a || b - a > 50) return a ? [a] : [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
};
const partnerNames = (m) => (Array.isArray(m.partners) ? m.partners.map((p) => (typeof p === 'string' ? p : p.name)) : []);
const msText = (ms) => fmt(Math.round(ms * 10) / 10);

// ---------------------------------------------------------------- the backend

/** The worker when a module worker can start; else the same engine on this thread. */
async function startBackend() {
  if (!INLINE && typeof Worker === 'function') {
    try {
      return await workerBackend(new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'ngoaivu-demo' }));
    } catch (e) {
      console.warn('ngoaivu demo: no worker, analyzing on the main thread', e);
    }
  }
  const api = INLINE ? await INLINE.loadApi() : await import('../js/browser.js');
  const engine = createEngine(api);
  return {
    mode: 'main',
    call: async (op, args) => {
      // Let the page paint (progress) between documents.
      await new Promise((r) => setTimeout(r, 0));
      return engine.run(op, args);
    },
  };
}

function workerBackend(worker) {
  const pending = new Map();
  let next = 1;
  let broken = null;
  const fail = (error) => {
    broken = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code, name: msg.error.name }));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(event.message || 'the worker failed'));
  });
  const call = (op, args) => {
    if (broken) return Promise.reject(broken);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  };
  return call('info').then(() => ({ mode: 'worker', call }));
}

// ---------------------------------------------------------------- status

function setStatus(text, { error = false } = {}) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

function showProgress(done, total) {
  const p = $('progress');
  p.hidden = false;
  p.max = total;
  p.value = done;
  setStatus(t('progress')(done, total));
}

function addError(text) {
  $('errors').append(el('li', null, text));
}

// ---------------------------------------------------------------- adding documents

/** Reads a chosen or dropped file as text, or throws a reason for the user. */
async function readTextFile(file) {
  const ext = (/\.([^./]+)$/.exec(file.name)?.[1] || '').toLowerCase();
  if (ext === 'docx') {
    try {
      return { text: await docxText(new Uint8Array(await file.arrayBuffer())), format: 'text' };
    } catch (e) {
      throw new Error(t('whyDocx')(e instanceof DocxError ? e.reason : 'not_zip'));
    }
  }
  if (!TEXT_EXT.has(ext) && !(file.type || '').startsWith('text/')) throw new Error(t('whyType'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new Error(t('whyEmpty'));
  let text;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(t('whyBinary'));
    }
  }
  if (text.includes('\u0000')) throw new Error(t('whyBinary'));
  const format = ext === 'html' || ext === 'htm' || file.type === 'text/html' ? 'html' : ext === 'md' || ext === 'markdown' || ext === 'txt' ? 'text' : 'auto';
  return { text: text.replace(/\r\n?/g, '\n'), format };
}

/**
 * Analyzes a batch of {name, text | file, format, published, locality} in
 * order, with progress; a file that fails says why and the rest still load.
 */
async function addBatch(items, { select = true } = {}) {
  if (!backend || items.length === 0) return;
  document.body.dataset.state = 'busy';
  $('errors').replaceChildren();
  const t0 = performance.now();
  let firstKey = null;
  let added = 0;
  for (let i = 0; i < items.length; i++) {
    showProgress(i, items.length);
    const item = items[i];
    try {
      const { text, format } = item.file ? await readTextFile(item.file) : item;
      const args = { text, name: item.name, format: format || 'auto', published: item.published || null, locality: item.locality || null };
      const { id, report } = await backend.call('add', args);
      const doc = { key: `k${nextKey++}`, id, name: item.name, text, format: args.format, published: item.published || '', locality: item.locality || '', report };
      docs.push(doc);
      firstKey ??= doc.key;
      added += 1;
    } catch (e) {
      const why = e.code ? t('whyFailed') + e.message : e.message;
      addError(t('notText')(item.name, why));
    }
  }
  showProgress(items.length, items.length);
  await refreshSummary();
  if (select && firstKey) current = firstKey;
  else if (!docByKey(current)) current = docs[0]?.key ?? null;
  renderAll();
  $('progress').hidden = true;
  setStatus(t('progressDone')(added, msText(performance.now() - t0)));
  batches += 1;
  document.body.dataset.batches = String(batches);
  document.body.dataset.state = 'ready';
}

async function refreshSummary() {
  summary = docs.length ? await backend.call('summary') : null;
}

/** Re-analyzes a document with a new publication date or locality. */
async function reanalyze(doc, changes) {
  document.body.dataset.state = 'busy';
  Object.assign(doc, changes);
  try {
    await backend.call('remove', { id: doc.id });
    const { id, report } = await backend.call('add', {
      text: doc.text, name: doc.name, format: doc.format, published: doc.published || null, locality: doc.locality || null,
    });
    doc.id = id;
    doc.report = report;
  } catch (e) {
    addError(t('notText')(doc.name, t('whyFailed') + e.message));
  }
  await refreshSummary();
  renderAll();
  batches += 1;
  document.body.dataset.batches = String(batches);
  document.body.dataset.state = 'ready';
}

async function removeDoc(doc) {
  await backend.call('remove', { id: doc.id });
  docs = docs.filter((d) => d !== doc);
  if (current === doc.key) current = docs[0]?.key ?? null;
  await refreshSummary();
  renderAll();
}

async function loadSamples() {
  const texts = sampleTexts || [];
  await addBatch(texts.map((s) => ({ name: s.name, text: s.text, format: 'text', locality: SAMPLE_LOCALITY })));
}

// ---------------------------------------------------------------- rendering: everything

function renderAll() {
  hideTip();
  renderCorpus();
  renderReading();
  renderFilters();
  renderTable();
  renderDashboard();
}

function applyLang() {
  document.documentElement.lang = ui.lang;
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  $('lang').textContent = t('langButton');
  $('lang').lang = ui.lang === 'en' ? 'vi' : 'en';
  if (info) $('version').textContent = t('version')(info.version);
  if (backend) {
    $('mode').textContent = t(backend.mode === 'worker' ? 'modeWorker' : 'modeMain');
    renderAll();
  }
}

// ---------------------------------------------------------------- the corpus list

function renderCorpus() {
  const body = $('corpus-body');
  const rows = docs.map((doc) => {
    const tr = el('tr', doc.key === current ? 'is-current' : null);
    tr.dataset.key = doc.key;
    tr.dataset.id = doc.id;
    const nameCell = el('td', 'doc-name');
    nameCell.append(el('span', 'name', doc.name));
    if (doc.report.document.title) nameCell.append(el('span', 'doc-sub', doc.report.document.title));

    const pub = el('input');
    pub.type = 'date';
    pub.className = 'published';
    pub.value = doc.report.published || doc.published || '';
    pub.setAttribute('aria-label', t('publishedFor')(doc.name));
    pub.addEventListener('change', () => reanalyze(doc, { published: pub.value }));
    const pubCell = el('td');
    pubCell.append(pub);

    const loc = el('input');
    loc.type = 'text';
    loc.className = 'locality';
    loc.value = doc.locality || doc.report.document.locality || '';
    loc.setAttribute('aria-label', t('localityFor')(doc.name));
    loc.addEventListener('change', () => reanalyze(doc, { locality: loc.value.trim() }));
    const locCell = el('td');
    locCell.append(loc);

    const view = button(t('view'));
    view.classList.add('view');
    view.setAttribute('aria-label', t('viewLabel')(doc.name));
    view.addEventListener('click', () => {
      selectDoc(doc.key);
      $('reading-panel').scrollIntoView({ block: 'start', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    });
    const rm = button(t('remove'));
    rm.classList.add('remove');
    rm.setAttribute('aria-label', t('removeLabel')(doc.name));
    rm.addEventListener('click', () => removeDoc(doc));
    const actions = el('td', 'row-buttons');
    actions.append(view, rm);
    tr.append(
      nameCell, pubCell, locCell,
      el('td', 'num metrics-count', String(classified(doc.report).length)),
      el('td', 'num findings-count', String(docFindings(doc).length)),
      actions,
    );
    return tr;
  });
  body.replaceChildren(...rows);
  $('corpus-empty').hidden = docs.length > 0;
  $('corpus-empty').textContent = t('emptyCorpus');
  $('clear-corpus').disabled = docs.length === 0;
  const metrics = docs.reduce((n, d) => n + classified(d.report).length, 0);
  const entities = docs.reduce((n, d) => n + d.report.entities.length, 0);
  const findings = summary ? summary.findings.length : 0;
  $('corpus-counts').textContent = docs.length ? t('corpusCounts')(docs.length, metrics, entities, findings) : '';
  $('sample-note').hidden = !docs.some((d) => SAMPLES.some((s) => s.name === d.name));
}

// ---------------------------------------------------------------- the reading view

function selectDoc(key) {
  if (current === key) return;
  current = key;
  hideTip();
  renderCorpus();
  renderReading();
}

/** Everything worth highlighting in a report, with a key to find its mark. */
function highlightItems(report, text) {
  const items = [];
  const ok = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length;
  for (const m of report.metrics) if (ok(m.span)) items.push({ key: m.id, start: m.span.start, end: m.span.end, type: 'metric', ref: m });
  for (const e of report.entities) {
    if (e.mergedInto) continue;
    e.mentions.forEach((mention, i) => {
      if (ok(mention.span)) items.push({ key: `${e.id}#${i}`, start: mention.span.start, end: mention.span.end, type: 'entity', ref: e });
    });
  }
  for (const a of report.activities) {
    if (a.trigger && ok(a.trigger.span)) items.push({ key: a.id, start: a.trigger.span.start, end: a.trigger.span.end, type: 'activity', ref: a });
  }
  return items.sort((a, b) => a.start - b.start || b.end - a.end);
}

function markClass(item) {
  if (item.type === 'metric') return `hl cat-${categoryOf(item.ref.kind)}`;
  if (item.type === 'entity') return `hl ent ent-${item.ref.type}`;
  return 'hl act';
}

function renderReading() {
  const doc = docByKey(current);
  $('reading-empty').hidden = Boolean(doc);
  $('reading-empty').textContent = t('readingEmpty');
  $('reading-body').hidden = !doc;
  $('doc-title').textContent = doc ? `: ${doc.name}` : '';
  marks = [];
  markByKey = new Map();
  itemByKey = new Map();
  if (!doc) {
    $('doc-summary').textContent = '';
    $('reading').replaceChildren();
    return;
  }
  const { report, text } = doc;
  const metrics = report.metrics;
  const n = classified(report).length;
  let line = t('docSummary')(n, metrics.length - n, msText(report.stats.milliseconds || 0));
  if (report.published) line += ` · ${t('publishedOn')(report.published)}`;
  if (metrics.length === 0) line += ` · ${t('noFigures')}`;
  $('doc-summary').textContent = line;

  // Text nodes and <mark>s; an item overlapping the previous mark joins it.
  const frag = document.createDocumentFragment();
  let cursor = 0;
  let last = null;
  for (const item of highlightItems(report, text)) {
    itemByKey.set(item.key, item);
    if (last && item.start < cursor) {
      last.node.dataset.keys += ' ' + item.key;
      if (item.type === 'metric' && !last.node.dataset.kind) {
        last.node.className = markClass(item);
        last.node.dataset.kind = item.ref.kind;
      }
      markByKey.set(item.key, last.node);
      continue;
    }
    if (item.start > cursor) frag.append(document.createTextNode(text.slice(cursor, item.start)));
    const node = el('mark', markClass(item), text.slice(item.start, item.end));
    node.tabIndex = 0;
    node.dataset.keys = item.key;
    if (item.type === 'metric') node.dataset.kind = item.ref.kind;
    if (item.type === 'entity') node.dataset.entity = item.ref.type;
    frag.append(node);
    markByKey.set(item.key, node);
    last = { start: item.start, end: item.end, node };
    marks.push(last);
    cursor = item.end;
  }
  if (cursor < text.length) frag.append(document.createTextNode(text.slice(cursor)));
  $('reading').replaceChildren(frag);

  renderLegend(report);
  renderEntities(report);
  renderActivities(report);
  renderMargin(doc);
}

function renderLegend(report) {
  const counts = new Map(Object.keys(CATEGORIES).map((c) => [c, 0]));
  for (const m of report.metrics) counts.set(categoryOf(m.kind), (counts.get(categoryOf(m.kind)) || 0) + 1);
  const items = [];
  for (const [cat, names] of Object.entries(CATEGORIES)) {
    const li = el('li', `legend-item cat-${cat}`);
    if (!counts.get(cat)) li.classList.add('is-zero');
    li.append(el('span', 'swatch'), el('span', 'legend-name', pick(names)), el('span', 'legend-count', String(counts.get(cat))));
    items.push(li);
  }
  $('legend').replaceChildren(...items);
}

function renderEntities(report) {
  const box = $('entities');
  const byType = new Map();
  for (const e of report.entities) {
    if (e.mergedInto) continue;
    if (!byType.has(e.type)) byType.set(e.type, []);
    byType.get(e.type).push(e);
  }
  if (byType.size === 0) {
    box.replaceChildren(el('p', 'hint', t('entitiesNone')));
    return;
  }
  const groups = [];
  for (const type of [...Object.keys(ENTITY_TYPES), ...byType.keys()]) {
    const list = byType.get(type);
    if (!list || groups.some((g) => g.dataset.type === type)) continue;
    const group = el('div', `entity-group ent-${type}`);
    group.dataset.type = type;
    group.append(el('span', 'entity-type', ENTITY_TYPES[type] ? pick(ENTITY_TYPES[type]) : type));
    for (const e of list) {
      const chip = button(t('entityChip')(e.name, e.mentions.length), 'chip');
      chip.dataset.entity = e.id;
      let nextMention = 0;
      chip.addEventListener('click', () => {
        const i = nextMention % Math.max(e.mentions.length, 1);
        nextMention += 1;
        goToKey(`${e.id}#${i}`);
      });
      group.append(chip);
    }
    groups.push(group);
  }
  box.replaceChildren(...groups);
}

function renderActivities(report) {
  const list = $('activities');
  if (!report.activities.length) {
    list.replaceChildren(el('li', 'hint', t('activitiesNone')));
    return;
  }
  list.replaceChildren(
    ...report.activities.map((a) => {
      const li = el('li', `activity act-${a.type}`);
      const b = button(ui.lang === 'en' ? a.labelEn : a.labelVi, 'link');
      b.addEventListener('click', () => goToKey(a.id));
      li.append(b);
      const bits = [];
      if (a.trigger) bits.push(`“${a.trigger.text}”`);
      if (a.counterparts.length) bits.push(a.counterparts.map((c) => c.name).join(', '));
      if (a.period) bits.push(formatPeriod(a.period));
      const linked = a.metrics.map((id) => report.metrics.find((m) => m.id === id)).filter(Boolean);
      if (linked.length) bits.push(linked.map((m) => m.text).join('; '));
      li.append(el('span', 'activity-detail', ` — ${bits.join(' · ')}`));
      return li;
    }),
  );
}

const docFindings = (doc) => (summary ? summary.findings.filter((f) => f.document === doc.id) : [...doc.report.findings]);

/**
 * The spans of a finding that are in this document: a corpus check may also
 * point at the figure it compares with in another document, so a span
 * counts only when its metric here has exactly that span.
 */
function ownSpans(f, doc) {
  if (!f.metrics.length) return f.spans.filter((s) => s.end <= doc.text.length);
  return f.spans.filter((s, i) => {
    const m = doc.report.metrics.find((x) => x.id === f.metrics[i]);
    return m && m.span.start === s.start && m.span.end === s.end;
  });
}

/** The checks of this document (its own and the corpus's) beside their spans. */
function renderMargin(doc) {
  // The summary repeats each document's own findings and adds the corpus checks.
  const all = docFindings(doc).sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0));
  const list = $('margin-list');
  for (const m of marks) m.node.classList.remove('flagged');
  if (!all.length) {
    list.replaceChildren(el('li', 'hint', t('marginNone')));
    return;
  }
  const notes = all.map((f) => {
    const li = el('li', `margin-note sev-${f.severity}`);
    li.dataset.code = f.code;
    const spans = ownSpans(f, doc);
    const target = spans.length ? markAt(spans[0].start) : null;
    for (const s of spans) markAt(s.start)?.classList.add('flagged');
    const head = button(`${pick(SEVERITIES[f.severity])} · ${f.code}`, 'link note-head');
    head.addEventListener('click', () => target && focusMark(target));
    li.append(head, el('p', 'note-text', ui.lang === 'en' ? f.messageEn : f.messageVi));
    li._target = target;
    return li;
  });
  list.replaceChildren(...notes);
  placeNotes(notes);
}

/** Beside the text on a wide screen: each note at its span's height, never overlapping. */
function placeNotes(notes) {
  let floor = 0;
  for (const li of notes) {
    const top = li._target ? li._target.offsetTop : floor;
    const y = Math.max(top, floor);
    li.style.top = `${Math.round(y)}px`;
    floor = y + li.offsetHeight + 8;
  }
  $('margin-list').style.minHeight = `${Math.round(floor)}px`;
}

/** The mark that contains (or follows) a text offset. */
function markAt(offset) {
  let lo = 0;
  let hi = marks.length - 1;
  let best = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].start <= offset) {
      best = marks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best && offset < best.end) return best.node;
  return marks[lo]?.node ?? best?.node ?? null;
}

// ---------------------------------------------------------------- the tooltip

function tipRow(dl, key, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, t(key)), el('dd', null, String(value)));
}

function tipBlock(item, report) {
  const block = el('div', 'tip-block');
  const head = el('p', 'tip-title');
  const dl = el('dl');
  if (item.type === 'metric') {
    const m = item.ref;
    head.append(el('span', `swatch cat-${categoryOf(m.kind)}`), el('span', null, label(m)));
    block.append(head);
    if (ui.lang === 'en' && m.labelVi) block.append(el('p', 'tip-sub', m.labelVi));
    let value = formatValueWithUnit(m);
    const full = formatValueWithUnit(m, { full: true });
    if (full !== value) value += ` (${full})`;
    tipRow(dl, 'tipValue', value);
    if (typeof m.of === 'number') tipRow(dl, 'tipOf', fmt(m.of));
    tipRow(dl, 'tipQualifier', formatQualifier(m.qualifier));
    tipRow(dl, 'tipPeriod', m.period ? formatPeriod(m.period, { withSource: true }) : '—');
    tipRow(dl, 'tipLocality', m.locality);
    tipRow(dl, 'tipPartners', partnerNames(m).join(', '));
    tipRow(dl, 'tipChange', formatChange(m.change));
    tipRow(dl, 'tipPlan', formatPlan(m));
    const act = m.activity && report.activities.find((a) => a.id === m.activity);
    if (act) tipRow(dl, 'tipActivity', ui.lang === 'en' ? act.labelEn : act.labelVi);
    if (typeof m.confidence === 'number') tipRow(dl, 'tipConfidence', `${fmt(Math.round(m.confidence * 100))}%`);
    tipRow(dl, 'tipRule', m.rule || t('noRule'));
    if (Array.isArray(m.flags) && m.flags.length) tipRow(dl, 'tipFlags', m.flags.join(', '));
  } else if (item.type === 'entity') {
    const e = item.ref;
    head.append(el('span', `swatch ent-${e.type}`), el('span', null, e.name));
    block.append(head);
    block.append(el('p', 'tip-sub', ENTITY_TYPES[e.type] ? pick(ENTITY_TYPES[e.type]) : e.type));
    if (e.code) tipRow(dl, 'tipCode', e.code);
    tipRow(dl, 'tipMentions', String(e.mentions.length));
  } else {
    const a = item.ref;
    head.append(el('span', 'swatch act'), el('span', null, ui.lang === 'en' ? a.labelEn : a.labelVi));
    block.append(head);
    tipRow(dl, 'tipPartners', a.counterparts.map((c) => c.name).join(', '));
    tipRow(dl, 'tipPeriod', a.period ? formatPeriod(a.period) : '');
    tipRow(dl, 'tipLocality', a.locality);
  }
  block.append(dl);
  return block;
}

function showTip(mark) {
  const doc = docByKey(current);
  if (!doc) return;
  const items = (mark.dataset.keys || '').split(' ').map((k) => itemByKey.get(k)).filter(Boolean);
  // One block per metric and per entity (not one per mention).
  const seen = new Set();
  const blocks = [];
  for (const item of items) {
    const id = item.type === 'entity' ? item.ref.id : item.key;
    if (seen.has(id)) continue;
    seen.add(id);
    blocks.push(tipBlock(item, doc.report));
  }
  if (!blocks.length) return;
  if (tipOwner && tipOwner !== mark) tipOwner.removeAttribute('aria-describedby');
  tipOwner = mark;
  const tip = $('tip');
  tip.replaceChildren(...blocks);
  tip.hidden = false;
  mark.setAttribute('aria-describedby', 'tip');
  positionTip(mark);
}

function positionTip(mark) {
  const tip = $('tip');
  const rect = mark.getBoundingClientRect();
  const margin = 8;
  const viewW = document.documentElement.clientWidth;
  const left = Math.min(Math.max(rect.left, margin), Math.max(margin, viewW - tip.offsetWidth - margin));
  let top = rect.bottom + 6;
  if (top + tip.offsetHeight > window.innerHeight - margin && rect.top - tip.offsetHeight - 6 > margin) top = rect.top - tip.offsetHeight - 6;
  // CSSOM property writes are allowed by the CSP (style attributes in markup are not).
  tip.style.left = `${Math.round(left + window.scrollX)}px`;
  tip.style.top = `${Math.round(top + window.scrollY)}px`;
}

function hideTip() {
  $('tip').hidden = true;
  if (tipOwner) tipOwner.removeAttribute('aria-describedby');
  tipOwner = null;
}

// ---------------------------------------------------------------- jumping to a span

const flashTimers = new WeakMap();

function focusMark(mark) {
  mark.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
  clearTimeout(flashTimers.get(mark));
  flashTimers.set(mark, setTimeout(() => mark.classList.remove('flash'), 1600));
}

function goToKey(key) {
  const mark = markByKey.get(key);
  if (mark) focusMark(mark);
}

/** Opens a document in the reading view and lands on a metric of it. */
function goToMetric(docKey, metricId) {
  if (current !== docKey) selectDoc(docKey);
  goToKey(metricId);
}

// ---------------------------------------------------------------- the metrics table

const FILTERS = ['f-doc', 'f-kind', 'f-locality', 'f-year', 'f-partner', 'f-qualifier'];

function allRows() {
  const rows = [];
  for (const doc of docs) for (const m of doc.report.metrics) rows.push({ doc, m });
  return rows;
}

function fillSelect(id, options) {
  const sel = $(id);
  const keep = sel.value;
  const opts = [el('option', null, t('all'))];
  opts[0].value = '';
  for (const [value, text] of options) {
    const o = el('option', null, text);
    o.value = value;
    opts.push(o);
  }
  sel.replaceChildren(...opts);
  sel.value = options.some(([v]) => v === keep) ? keep : '';
}

function renderFilters() {
  const rows = allRows().filter((r) => $('show-other').checked || r.m.kind !== 'other');
  const kinds = new Map();
  const localities = new Set();
  const yearSet = new Set();
  const partners = new Set();
  const quals = new Set();
  for (const { m } of rows) {
    kinds.set(m.kind, label(m));
    localities.add(m.locality || '');
    for (const y of years(m.period)) yearSet.add(y);
    for (const p of partnerNames(m)) partners.add(p);
    quals.add(m.qualifier);
  }
  const collator = new Intl.Collator(ui.lang === 'en' ? 'en' : 'vi');
  fillSelect('f-doc', docs.map((d) => [d.key, d.name]));
  fillSelect('f-kind', [...kinds].sort((a, b) => collator.compare(a[1], b[1])));
  fillSelect('f-locality', [...localities].sort(collator.compare).map((l) => [l || '-', l || t('none')]));
  fillSelect('f-year', [...yearSet].sort((a, b) => a - b).map((y) => [String(y), String(y)]));
  fillSelect('f-partner', [...partners].sort(collator.compare).map((p) => [p, p]));
  fillSelect('f-qualifier', Object.keys(QUALIFIERS).filter((q) => quals.has(q)).map((q) => [q, formatQualifier(q)]));
}

function filteredRows() {
  const f = Object.fromEntries(FILTERS.map((id) => [id, $(id).value]));
  const search = $('f-search').value.trim().toLocaleLowerCase('vi');
  const showOther = $('show-other').checked;
  return allRows().filter(({ doc, m }) => {
    if (!showOther && m.kind === 'other' && f['f-kind'] !== 'other') return false;
    if (f['f-doc'] && doc.key !== f['f-doc']) return false;
    if (f['f-kind'] && m.kind !== f['f-kind']) return false;
    if (f['f-locality'] && (m.locality || '-') !== f['f-locality']) return false;
    if (f['f-year'] && !years(m.period).includes(Number(f['f-year']))) return false;
    if (f['f-partner'] && !partnerNames(m).includes(f['f-partner'])) return false;
    if (f['f-qualifier'] && m.qualifier !== f['f-qualifier']) return false;
    if (search) {
      const hay = `${m.text} ${label(m)} ${m.labelVi} ${partnerNames(m).join(' ')} ${m.locality || ''}`.toLocaleLowerCase('vi');
      if (!hay.includes(search)) return false;
    }
    return true;
  });
}

const SORT_KEYS = {
  doc: (r) => r.doc.name,
  kind: (r) => label(r.m),
  value: (r) => (typeof r.m.value === 'number' ? r.m.value : -Infinity),
  unit: (r) => formatUnit(r.m),
  qualifier: (r) => formatQualifier(r.m.qualifier),
  period: (r) => r.m.period?.from || '',
  locality: (r) => r.m.locality || '',
  partners: (r) => partnerNames(r.m).join(', '),
  text: (r) => r.m.text,
};

function renderTable() {
  let rows = filteredRows();
  if (sort.key) {
    const key = SORT_KEYS[sort.key];
    const collator = new Intl.Collator(ui.lang === 'en' ? 'en' : 'vi', { numeric: true });
    rows = rows
      .map((r, i) => ({ r, i, k: key(r) }))
      .sort((a, b) => {
        const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
        return c * sort.dir || a.i - b.i;
      })
      .map((x) => x.r);
  }
  for (const th of document.querySelectorAll('#metrics-table th[data-sort]')) {
    if (th.dataset.sort === sort.key) th.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
  const total = allRows().filter((r) => $('show-other').checked || r.m.kind !== 'other').length;
  $('table-count').textContent = t('tableCount')(rows.length, total);
  const shown = rows.slice(0, MAX_ROWS);
  $('metrics-body').replaceChildren(
    ...shown.map(({ doc, m }) => {
      const tr = el('tr', m.kind === 'other' ? 'row row-other' : 'row');
      tr.dataset.doc = doc.key;
      tr.dataset.id = m.id;
      tr.dataset.kind = m.kind;
      tr.tabIndex = 0;
      tr.title = t('rowHint');
      const kindCell = el('td', 'kind');
      kindCell.append(el('span', `swatch cat-${categoryOf(m.kind)}`), el('span', null, label(m)));
      const valueCell = el('td', 'num value', formatValue(m));
      if (typeof m.value === 'number') valueCell.dataset.value = String(m.value);
      const copy = button('⧉', 'secondary small copy');
      copy.setAttribute('aria-label', t('copy'));
      copy.title = t('copy');
      const copyCell = el('td', 'copy-cell');
      copyCell.append(copy);
      tr.append(
        el('td', 'doc', doc.name),
        kindCell,
        valueCell,
        el('td', 'unit', m.unit === 'percent' ? '%' : formatUnit(m)),
        el('td', 'qualifier', formatQualifier(m.qualifier)),
        el('td', 'period', formatPeriod(m.period)),
        el('td', 'locality', m.locality || ''),
        el('td', 'partners', partnerNames(m).join(', ')),
        el('td', 'quote', m.text ?? ''),
        copyCell,
      );
      return tr;
    }),
  );
  const note = $('table-note');
  if (rows.length > MAX_ROWS) {
    note.textContent = t('tableTruncated')(MAX_ROWS);
    note.hidden = false;
  } else if (rows.length === 0 && docs.length) {
    note.textContent = t('tableEmpty');
    note.hidden = false;
  } else note.hidden = true;
}

/** A metric as a sentence a journalist can paste, with its source. */
function quoteSentence(doc, m) {
  let value = formatValueWithUnit(m, { full: true });
  if (m.qualifier && m.qualifier !== 'exact') value = `${formatQualifier(m.qualifier)} ${value}`;
  const bits = [value];
  if (m.period) bits.push(m.period.from === m.period.to && !m.period.cumulative ? t('inYear')(m.period.from) : formatPeriod(m.period));
  if (m.locality) bits.push(m.locality);
  if (partnerNames(m).length) bits.push(partnerNames(m).join(', '));
  const s = m.sentence && doc.text.slice(m.sentence.start, m.sentence.end).replace(/\s+/g, ' ').trim();
  const quote = s || m.text;
  return `${label(m)}: ${bits.join(', ')}. ${t('sourceWord')}: ${doc.name}, “${quote}” (${t('charsWord')} ${m.span.start}–${m.span.end}).`;
}

async function copyMetric(doc, m) {
  const sentence = quoteSentence(doc, m);
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(sentence);
    status.textContent = `${t('copied')} ${sentence}`;
  } catch {
    status.textContent = `${t('copyFailed')} ${sentence}`;
  }
  status.dataset.sentence = sentence;
}

// ---------------------------------------------------------------- the dashboard

function renderDashboard() {
  renderSeriesChart();
  renderLocalityChart();
  renderPartnerChart();
  renderFindings();
  renderConflicts();
  renderFacts();
}

const seriesKey = (s) => `${s.kind}|${s.locality || ''}`;
const seriesName = (s) => `${ui.lang === 'en' ? s.labelEn : s.labelVi}${s.locality ? ` — ${s.locality}` : ''}`;

function renderSeriesChart() {
  const sel = $('series-select');
  const holder = $('chart-year');
  const series = summary ? summary.series.filter((s) => s.points.length) : [];
  const keep = sel.value;
  sel.replaceChildren(
    ...series.map((s) => {
      const o = el('option', null, `${seriesName(s)} (${unitLabel(s.unit) || s.unit})`);
      o.value = seriesKey(s);
      return o;
    }),
  );
  sel.disabled = series.length === 0;
  if (!series.length) {
    holder.replaceChildren(el('p', 'hint', t('chartNone')));
    $('series-note').textContent = '';
    return;
  }
  // Default: the series with the most years, then the first kind.
  const best = series.reduce((a, b) => (b.points.length > a.points.length ? b : a), series[0]);
  sel.value = series.some((s) => seriesKey(s) === keep) ? keep : seriesKey(best);
  const s = series.find((x) => seriesKey(x) === sel.value);
  const unit = unitLabel(s.unit) || s.unit;
  const points = [...s.points].sort((a, b) => a.year - b.year).map((p) => ({
    label: String(p.year),
    value: p.value,
    title: `${seriesName(s)}, ${p.year}: ${valueWithUnit(p.value, s.unit)}`,
  }));
  const money = Math.max(...points.map((p) => p.value)) >= 1e6;
  const tick = (v) => (money ? compact(v) : fmt(v));
  holder.replaceChildren(
    columnChart({ points, unit, xLabel: t('axisYear'), label: `${t('chartYear')}: ${seriesName(s)} (${unit})`, fmtTick: tick, fmtValue: tick }),
  );
  $('series-note').textContent = typeof s.total === 'number' ? t('seriesTotal')(valueWithUnit(s.total, s.unit)) : t('seriesNoTotal');
}

function renderLocalityChart() {
  const counts = new Map();
  for (const doc of docs) for (const m of classified(doc.report)) counts.set(m.locality || '', (counts.get(m.locality || '') || 0) + 1);
  const rows = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, n]) => ({ label: name || t('noLocality'), value: n, title: `${name || t('noLocality')}: ${fmt(n)} ${t('figuresUnit')}` }));
  const holder = $('chart-locality');
  if (!rows.length) return holder.replaceChildren(el('p', 'hint', t('chartNone')));
  holder.replaceChildren(barChart({ rows, unit: t('axisFigures'), label: `${t('chartLocality')} (${t('axisFigures')})`, fmtTick: fmt, fmtValue: fmt }));
}

function renderPartnerChart() {
  const byName = new Map();
  for (const p of summary ? summary.partners : []) {
    const x = byName.get(p.name) || { name: p.name, metrics: 0, documents: 0, activities: 0 };
    x.metrics += p.metrics;
    x.activities += p.activities;
    x.documents = Math.max(x.documents, p.documents);
    byName.set(p.name, x);
  }
  const rows = [...byName.values()]
    .filter((p) => p.metrics > 0)
    .sort((a, b) => b.metrics - a.metrics)
    .slice(0, 12)
    .map((p) => ({ label: p.name, value: p.metrics, title: `${p.name}: ${fmt(p.metrics)} ${t('figuresUnit')}, ${fmt(p.documents)} ${t('documentsShort')}` }));
  const holder = $('chart-partner');
  if (!rows.length) return holder.replaceChildren(el('p', 'hint', t('chartNone')));
  holder.replaceChildren(barChart({ rows, unit: t('axisFigures'), label: `${t('chartPartner')} (${t('axisFigures')})`, fmtTick: fmt, fmtValue: fmt }));
}

/** A link-like button to a source: opens the document at the metric. */
function sourceButton(source) {
  const doc = docById(source.document);
  const b = button(`${doc ? doc.name : source.document}: “${source.text}”`, 'link source');
  if (doc) b.addEventListener('click', () => goToMetric(doc.key, source.metric));
  else b.disabled = true;
  return b;
}

function renderFindings() {
  const list = $('findings');
  const items = [];
  for (const f of summary ? summary.findings : []) items.push({ f, doc: docById(f.document) });
  if (!items.length) return list.replaceChildren(el('li', 'hint', t('findingsNone')));
  list.replaceChildren(
    ...items.map(({ f, doc }) => {
      const li = el('li', `finding sev-${f.severity}`);
      li.dataset.code = f.code;
      li.append(el('span', 'badge', pick(SEVERITIES[f.severity])), el('span', 'finding-text', ` ${ui.lang === 'en' ? f.messageEn : f.messageVi} `));
      if (doc && f.metrics.length) {
        const b = button(doc.name, 'link source');
        b.addEventListener('click', () => goToMetric(doc.key, f.metrics[0]));
        li.append(b);
      }
      return li;
    }),
  );
}

function renderConflicts() {
  const list = $('conflicts');
  const conflicts = summary ? summary.conflicts : [];
  if (!conflicts.length) return list.replaceChildren(el('li', 'hint', t('conflictsNone')));
  list.replaceChildren(
    ...conflicts.map((c) => {
      const li = el('li', 'conflict');
      li.append(el('p', 'conflict-head', `${ui.lang === 'en' ? c.labelEn : c.labelVi} · ${formatPeriod(c.period)}${c.locality ? ` · ${c.locality}` : ''}`));
      const ul = el('ul');
      for (const v of c.values) {
        const vi = el('li', null, `${valueWithUnit(v.value, c.unit)} — `);
        for (const s of v.sources) vi.append(sourceButton(s), ' ');
        ul.append(vi);
      }
      li.append(ul);
      return li;
    }),
  );
}

function renderFacts() {
  const facts = summary ? summary.facts : [];
  $('facts-count').textContent = t('factsCount')(facts.length);
  $('facts-body').replaceChildren(
    ...facts.slice(0, MAX_FACTS).map((f) => {
      const tr = el('tr');
      tr.dataset.kind = f.kind;
      const src = el('td', 'sources');
      src.append(el('span', 'hint', `${t('sources')(f.sources.length)}: `));
      for (const s of f.sources) src.append(sourceButton(s), ' ');
      tr.append(
        el('td', null, ui.lang === 'en' ? f.labelEn : f.labelVi),
        el('td', 'num', valueWithUnit(f.value, f.unit)),
        el('td', null, formatPeriod(f.period)),
        el('td', null, f.locality || ''),
        src,
      );
      return tr;
    }),
  );
  const more = $('facts-more');
  more.hidden = facts.length <= MAX_FACTS;
  more.textContent = t('factsMore')(facts.length - MAX_FACTS);
}

// ---------------------------------------------------------------- exports

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  $('export-status').textContent = t('exported')(name);
}

async function exportAs(kind) {
  if (!docs.length) {
    $('export-status').textContent = t('exportEmpty');
    return;
  }
  const bom = $('bom').checked;
  if (kind === 'metrics') download('ngoaivu-so-lieu.csv', await backend.call('metricsCsv', { bom }), 'text/csv;charset=utf-8');
  else if (kind === 'facts') download('ngoaivu-du-kien.csv', await backend.call('factsCsv', { bom }), 'text/csv;charset=utf-8');
  else {
    const data = {
      generator: 'ngoaivu demo',
      documents: docs.map((d) => ({ id: d.id, name: d.name, published: d.report.published, locality: d.locality || d.report.document.locality, report: d.report })),
      summary,
    };
    download('ngoaivu.json', JSON.stringify(data, null, 2), 'application/json');
  }
}

// ---------------------------------------------------------------- wiring

async function addPasted() {
  const text = $('input').value;
  if (!text.trim()) {
    $('errors').replaceChildren(el('li', null, t('emptyPaste')));
    return;
  }
  const name = $('doc-name').value.trim() || `${ui.lang === 'en' ? 'pasted' : 'van-ban'}-${docs.length + 1}.txt`;
  await addBatch([{ name, text, format: 'auto' }]);
  $('doc-name').value = '';
}

function addFiles(fileList) {
  const files = [...fileList];
  if (files.length) addBatch(files.map((file) => ({ name: file.name, file })));
}

$('add').addEventListener('click', addPasted);
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    addPasted();
  }
});
$('files').addEventListener('change', (e) => {
  addFiles(e.target.files);
  e.target.value = '';
});
const drop = $('docs');
drop.addEventListener('dragover', (e) => {
  if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
  e.preventDefault();
  $('drop').classList.add('is-over');
});
drop.addEventListener('dragleave', (e) => {
  if (!drop.contains(e.relatedTarget)) $('drop').classList.remove('is-over');
});
drop.addEventListener('drop', (e) => {
  if (!e.dataTransfer?.files?.length) return;
  e.preventDefault();
  $('drop').classList.remove('is-over');
  addFiles(e.dataTransfer.files);
});
$('load-samples').addEventListener('click', loadSamples);
$('clear-corpus').addEventListener('click', async () => {
  await backend.call('clear');
  docs = [];
  current = null;
  summary = null;
  renderAll();
});
$('lang').addEventListener('click', () => {
  ui.lang = ui.lang === 'vi' ? 'en' : 'vi';
  saveLang(ui.lang);
  applyLang();
});

for (const id of [...FILTERS, 'show-other']) $(id).addEventListener('change', () => {
  if (id === 'show-other') renderFilters();
  renderTable();
});
$('f-search').addEventListener('input', renderTable);
$('reset-filters').addEventListener('click', () => {
  for (const id of FILTERS) $(id).value = '';
  $('f-search').value = '';
  renderTable();
});
for (const th of document.querySelectorAll('#metrics-table th[data-sort]')) {
  th.querySelector('button').addEventListener('click', () => {
    sort.dir = sort.key === th.dataset.sort ? -sort.dir : 1;
    sort.key = th.dataset.sort;
    renderTable();
  });
}
function rowAction(e) {
  const row = e.target.closest('tr.row');
  if (!row) return;
  const doc = docByKey(row.dataset.doc);
  const m = doc?.report.metrics.find((x) => x.id === row.dataset.id);
  if (!m) return;
  if (e.target.closest('button.copy')) copyMetric(doc, m);
  else goToMetric(doc.key, m.id);
}
$('metrics-body').addEventListener('click', rowAction);
$('metrics-body').addEventListener('keydown', (e) => {
  if ((e.key !== 'Enter' && e.key !== ' ') || e.target.closest('button') || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  rowAction(e);
});
$('series-select').addEventListener('change', renderSeriesChart);
$('export-metrics').addEventListener('click', () => exportAs('metrics'));
$('export-facts').addEventListener('click', () => exportAs('facts'));
$('export-json').addEventListener('click', () => exportAs('json'));

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('tip').hidden) hideTip();
});
// Hover shows a tip only when the pointer really moved: Chromium also fires
// mouseover when content scrolls under a resting pointer.
let pointer = { x: NaN, y: NaN };
$('reading').addEventListener('mouseover', (e) => {
  const moved = e.clientX !== pointer.x || e.clientY !== pointer.y;
  const mark = e.target.closest && e.target.closest('mark.hl');
  if (moved && mark && mark !== tipOwner) showTip(mark);
});
document.addEventListener('mousemove', (e) => (pointer = { x: e.clientX, y: e.clientY }), { passive: true });
$('reading').addEventListener('mouseleave', () => {
  if (!$('reading').contains(document.activeElement)) hideTip();
});
$('reading').addEventListener('focusin', (e) => {
  if (e.target.matches('mark.hl')) showTip(e.target);
});
$('reading').addEventListener('focusout', (e) => {
  if (!$('reading').contains(e.relatedTarget)) hideTip();
});
$('reading-scroll').addEventListener('scroll', () => tipOwner && positionTip(tipOwner), { passive: true });
let resizeTimer = null;
window.addEventListener('resize', () => {
  if (tipOwner) positionTip(tipOwner);
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const doc = docByKey(current);
    if (doc) renderMargin(doc);
  }, 150);
});

// ---------------------------------------------------------------- start

ui.lang = readLang();
applyLang();
setStatus(t('loading'));

async function fetchSamples() {
  if (INLINE) return INLINE.samples || [];
  const texts = await Promise.all(
    SAMPLES.map((s) =>
      fetch(new URL(s.file, import.meta.url))
        .then((r) => (r.ok ? r.text() : null))
        .catch(() => null),
    ),
  );
  return SAMPLES.map((s, i) => ({ name: s.name, text: texts[i] })).filter((s) => s.text != null);
}

try {
  const samples = fetchSamples();
  backend = await startBackend();
  info = await backend.call('info');
  ui.kindUnits = new Map(info.kinds.map((k) => [k.kind, k.unit]));
  sampleTexts = (await samples).map((s) => ({ ...s, text: s.text.replace(/\r\n?/g, '\n') }));
  for (const id of ['add', 'files']) $(id).disabled = false;
  $('load-samples').disabled = sampleTexts.length === 0;
  document.body.dataset.mode = backend.mode;
  applyLang();
  setStatus('');
  if (sampleTexts.length) await loadSamples();
  else {
    renderAll();
    document.body.dataset.batches = '0';
    document.body.dataset.state = 'ready';
  }
} catch (e) {
  console.warn('ngoaivu: the analyzer failed to load', e);
  setStatus(t('loadFailed'), { error: true });
  document.body.dataset.state = 'error';
}
