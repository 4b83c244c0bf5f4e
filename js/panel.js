// `ngoaivu/panel`: the <ngoaivu-panel> custom element (no framework). It
// attaches to a <textarea>, an <input> or a contenteditable element
// (`for="id"` or `.attach(el)`), analyzes the text as the user types
// (debounced, in a Web Worker), and lists the figures found and the checks'
// findings. Hovering or focusing a figure highlights it in the editor
// (text fields: the selection; contenteditable: the CSS Custom Highlight
// API); Enter or a click selects it there. Labels are Vietnamese, English
// with lang="en"; theming through --ngoaivu-* custom properties and ::part().
// Document text only ever reaches the DOM through textContent.
import { createWorkerAnalyzer } from './worker.js';

const STRINGS = {
  vi: {
    title: 'Số liệu đối ngoại',
    figures: 'Số liệu',
    findings: 'Cần xem lại',
    none: 'Chưa thấy số liệu đối ngoại nào.',
    noText: 'Chưa có văn bản.',
    analyzing: 'Đang phân tích…',
    count: (m, f) => `${m} số liệu · ${f} điểm cần xem lại`,
    failed: 'Không phân tích được: ',
    noTarget: 'Chưa gắn với ô soạn thảo nào.',
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  },
  en: {
    title: 'Foreign-affairs figures',
    figures: 'Figures',
    findings: 'Worth a second look',
    none: 'No foreign-affairs figures yet.',
    noText: 'No text yet.',
    analyzing: 'Analyzing…',
    count: (m, f) => `${m} figure${m === 1 ? '' : 's'} · ${f} finding${f === 1 ? '' : 's'}`,
    failed: 'Could not analyze: ',
    noTarget: 'Not attached to an editor.',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  },
};

const UNITS = {
  delegation: ['đoàn', 'delegations'],
  person: ['người', 'people'],
  country: ['quốc gia', 'countries'],
  agreement: ['thỏa thuận', 'agreements'],
  event: ['sự kiện', 'events'],
  meeting: ['cuộc', 'meetings'],
  session: ['kỳ họp', 'sessions'],
  locality: ['địa phương', 'localities'],
  pair: ['cặp', 'pairs'],
  project: ['dự án', 'projects'],
  organization: ['tổ chức', 'organizations'],
  enterprise: ['doanh nghiệp', 'enterprises'],
  visitor: ['lượt khách', 'visitors'],
  route: ['đường bay', 'routes'],
  gate: ['cửa khẩu', 'gates'],
  marker: ['mốc', 'markers'],
  point: ['điểm', 'points'],
  rank: ['hạng', 'rank'],
  m: ['m', 'm'],
  percent: ['%', '%'],
  '-': ['', ''],
};

const QUALIFIERS = {
  about: ['khoảng', 'about'],
  estimate: ['ước tính', 'estimated'],
  over: ['hơn', 'over'],
  under: ['dưới', 'under'],
  nearly: ['gần', 'nearly'],
  at_least: ['ít nhất', 'at least'],
};

const STYLE = `
:host {
  display: block;
  font: var(--ngoaivu-font, 14px/1.45 system-ui, sans-serif);
  color: var(--ngoaivu-fg, #1d2430);
  background: var(--ngoaivu-bg, #fff);
  border: 1px solid var(--ngoaivu-border, #d5dae1);
  border-radius: var(--ngoaivu-radius, 8px);
  padding: var(--ngoaivu-padding, 0.75em 1em);
}
:host([hidden]) { display: none; }
h2 { font-size: 1.05em; margin: 0; }
h3 { font-size: 0.9em; margin: 0.8em 0 0.3em; color: var(--ngoaivu-muted, #5b6573); font-weight: 600; }
header { display: flex; gap: 0.75em; align-items: baseline; flex-wrap: wrap; }
.status { color: var(--ngoaivu-muted, #5b6573); font-size: 0.9em; }
ul { list-style: none; margin: 0; padding: 0; }
li + li { margin-top: 0.2em; }
button {
  all: unset; box-sizing: border-box; display: flex; gap: 0.4em; align-items: baseline; flex-wrap: wrap;
  width: 100%; padding: 0.25em 0.5em; border-radius: calc(var(--ngoaivu-radius, 8px) / 2); cursor: pointer;
}
button:hover, button.active { background: var(--ngoaivu-hover, #f0f3f7); }
button:focus-visible { outline: 2px solid var(--ngoaivu-focus, #1a5fd0); outline-offset: 1px; }
.kind { font-weight: 600; }
.value { color: var(--ngoaivu-accent, #0b5c8a); font-variant-numeric: tabular-nums; }
.qualifier, .unit { color: var(--ngoaivu-accent, #0b5c8a); }
.severity { font-weight: 600; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.03em; }
.error .severity { color: var(--ngoaivu-error, #b3261e); }
.warning .severity { color: var(--ngoaivu-warning, #8a5a00); }
.info .severity { color: var(--ngoaivu-info, #4a5563); }
.empty { color: var(--ngoaivu-muted, #5b6573); margin: 0.3em 0; }
[hidden] { display: none !important; }
`;

// Styles the editor's highlight; injected once into the editor's document.
const HIGHLIGHT_NAME = 'ngoaivu-figure';
const HIGHLIGHT_STYLE = `::highlight(${HIGHLIGHT_NAME}) { background-color: var(--ngoaivu-highlight, #ffe28a); color: inherit; }`;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/**
 * The text of a contenteditable element as the analyzer should read it
 * (blocks and <br> as line breaks) and where each text node starts in it,
 * so spans map back to DOM ranges.
 */
function readEditable(root) {
  let text = '';
  const nodes = [];
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (parent) => {
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        nodes.push({ node: c, start: text.length });
        text += c.data;
      } else if (c.nodeType === 1) {
        const tag = c.tagName.toUpperCase();
        if (tag === 'BR') text += '\n';
        else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        else if (BLOCK_TAGS.has(tag)) {
          newline();
          walk(c);
          newline();
        } else walk(c);
      }
    }
  };
  walk(root);
  return { text, nodes };
}

/** A DOM position for a UTF-16 offset of `readEditable`'s text. */
function domPosition(nodes, offset) {
  let lo = 0;
  let hi = nodes.length - 1;
  if (hi < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const { node, start } = nodes[lo];
  return { node, offset: Math.max(0, Math.min(offset - start, node.data.length)) };
}

const isTextField = (el) =>
  el instanceof el.ownerDocument.defaultView.HTMLTextAreaElement ||
  (el instanceof el.ownerDocument.defaultView.HTMLInputElement &&
    /^(text|search|url|email|tel|)$/.test(el.getAttribute('type') ?? ''));

const Base = globalThis.HTMLElement ?? class {};

/** The <ngoaivu-panel> element. */
export class NgoaivuPanel extends Base {
  static get observedAttributes() {
    return ['for', 'lang', 'locality', 'published', 'format'];
  }

  constructor() {
    super();
    this._target = null;
    this._listeners = null;
    this._report = null;
    this._text = '';
    this._nodes = null;
    this._timer = null;
    this._seq = 0;
    this._runs = 0;
    this._analyzer = null;
    this._saved = null; // the editor's selection before a highlight
    this._error = null;
    this.workerUrl = undefined;

    const root = this.attachShadow({ mode: 'open' });
    const el = (tag, cls, parent) => {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      parent.append(e);
      return e;
    };
    const section = el('section', 'panel', root);
    section.setAttribute('part', 'panel');
    const header = el('header', '', section);
    header.setAttribute('part', 'header');
    this._title = el('h2', 'title', header);
    this._status = el('span', 'status', header);
    this._status.setAttribute('role', 'status');
    this._status.setAttribute('aria-live', 'polite');
    this._figuresTitle = el('h3', 'figures-title', section);
    this._figures = el('ul', 'figures', section);
    this._figures.setAttribute('part', 'figures');
    this._empty = el('p', 'empty', section);
    this._findingsTitle = el('h3', 'findings-title', section);
    this._findings = el('ul', 'findings', section);
    this._findings.setAttribute('part', 'findings');
    section.setAttribute('aria-labelledby', 'ngoaivu-title');
    this._title.id = 'ngoaivu-title';
    adoptStyle(root, document, STYLE);

    root.addEventListener('keydown', (e) => this._onKey(e));
    this._render();
  }

  /** `vi` (the default) or `en`, from the lang attribute. */
  get language() {
    return (this.getAttribute('lang') || '').toLowerCase().startsWith('en') ? 'en' : 'vi';
  }

  /** The last report, or null. */
  get report() {
    return this._report;
  }

  /** The element the panel reads, or null. */
  get target() {
    return this._target;
  }

  /** Debounce delay in milliseconds (attribute `debounce`, default 300). */
  get debounce() {
    const n = Number(this.getAttribute('debounce'));
    return Number.isFinite(n) && n >= 0 && this.hasAttribute('debounce') ? n : 300;
  }

  connectedCallback() {
    if (!this._target && this.hasAttribute('for')) this._attachFor();
  }

  disconnectedCallback() {
    this.detach();
    if (this._analyzer) {
      this._analyzer.then((a) => a.terminate(), () => {});
      this._analyzer = null;
    }
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'for') {
      if (this.isConnected) this._attachFor();
    } else if (name === 'lang') {
      this._render();
    } else if (this._target) {
      this._schedule(0);
    }
  }

  _attachFor() {
    const id = this.getAttribute('for');
    if (!id) return;
    const find = () => {
      const root = this.getRootNode();
      return (root.getElementById && root.getElementById(id)) || document.getElementById(id);
    };
    const el = find();
    if (el) this.attach(el);
    else if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => {
        const later = find();
        if (later && !this._target) this.attach(later);
      }, { once: true });
    }
  }

  /** Reads `element` (textarea, text input or contenteditable) from now on. */
  attach(element) {
    if (!element || typeof element !== 'object' || !element.ownerDocument) {
      throw Object.assign(new TypeError('ngoaivu-panel: attach() needs an element'), { code: 'bad_target' });
    }
    if (!isTextField(element) && !element.isContentEditable) {
      throw Object.assign(
        new TypeError('ngoaivu-panel: attach() needs a <textarea>, a text <input> or a contenteditable element'),
        { code: 'bad_target' },
      );
    }
    this.detach();
    this._target = element;
    const onInput = () => this._schedule(this.debounce);
    element.addEventListener('input', onInput);
    this._listeners = { onInput };
    this._schedule(0);
    return this;
  }

  /** Stops reading the editor. */
  detach() {
    if (!this._target) return;
    this._unhighlight();
    this._target.removeEventListener('input', this._listeners.onInput);
    this._target = null;
    this._listeners = null;
    clearTimeout(this._timer);
    this._render();
  }

  /** Analyzes the editor's text now; resolves to the report (null when detached). */
  refresh() {
    clearTimeout(this._timer);
    return this._run();
  }

  _schedule(ms) {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => {
      this._run().catch(() => {}); // shown in the panel and sent as an event
    }, ms);
  }

  _options() {
    const o = {};
    for (const k of ['locality', 'published', 'format']) {
      const v = this.getAttribute(k);
      if (v) o[k] = v;
    }
    return o;
  }

  _readTarget() {
    const t = this._target;
    if (isTextField(t)) return { text: t.value, nodes: null };
    return readEditable(t);
  }

  async _run() {
    if (!this._target) return null;
    const seq = ++this._seq;
    const { text, nodes } = this._readTarget();
    this.dataset.state = 'analyzing';
    this._status.textContent = STRINGS[this.language].analyzing;
    try {
      if (!this._analyzer) {
        this._analyzer = createWorkerAnalyzer(undefined, { workerUrl: this.workerUrl });
        this._analyzer.catch(() => {
          this._analyzer = null; // try again on the next edit
        });
      }
      const analyzer = await this._analyzer;
      const report = await analyzer.analyze(text, this._options());
      if (seq !== this._seq) return report; // a newer run will render
      this._unhighlight();
      this._report = report;
      this._text = text;
      this._nodes = nodes;
      this._error = null;
      this._runs++;
      this._render();
      this.dataset.state = 'ready';
      this.dataset.run = String(this._runs);
      this.dispatchEvent(new CustomEvent('ngoaivu-report', { detail: { report, text } }));
      return report;
    } catch (error) {
      if (seq === this._seq) {
        this._error = error;
        this._render();
        this.dataset.state = 'error';
        this.dispatchEvent(new CustomEvent('ngoaivu-error', { detail: { error } }));
      }
      throw error;
    }
  }

  _render() {
    const s = STRINGS[this.language];
    const en = this.language === 'en';
    this._title.textContent = s.title;
    this._figuresTitle.textContent = s.figures;
    this._findingsTitle.textContent = s.findings;
    const report = this._report;
    const metrics = report ? report.metrics.filter((m) => m.kind !== 'other') : [];
    const findings = report ? report.findings : [];

    if (this._error) this._status.textContent = s.failed + (this._error.message || String(this._error));
    else if (!this._target) this._status.textContent = s.noTarget;
    else if (report) this._status.textContent = s.count(metrics.length, findings.length);

    const items = metrics.map((m) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'figure';
      b.dataset.id = m.id;
      b.dataset.kind = m.kind;
      b.setAttribute('part', 'figure');
      const part = (cls, value) => {
        if (!value) return;
        const span = document.createElement('span');
        span.className = cls;
        span.textContent = value;
        b.append(span);
      };
      part('kind', en ? m.labelEn : m.labelVi);
      part('qualifier', QUALIFIERS[m.qualifier]?.[en ? 1 : 0]);
      const { value, unit } = formatValue(m, en);
      part('value', value);
      part('unit', unit);
      b.title = m.text;
      const span = m.span;
      b.addEventListener('mouseenter', () => this._highlight(span, b));
      b.addEventListener('focus', () => this._highlight(span, b));
      b.addEventListener('mouseleave', () => {
        if (this.shadowRoot.activeElement !== b) this._unhighlight();
      });
      b.addEventListener('blur', () => this._unhighlight());
      b.addEventListener('click', () => this._select(span));
      const li = document.createElement('li');
      li.append(b);
      return li;
    });
    this._figures.replaceChildren(...items);
    this._empty.hidden = metrics.length > 0;
    this._empty.textContent = report && this._text.trim() ? s.none : s.noText;

    const notes = findings.map((f) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `finding ${f.severity}`;
      b.dataset.code = f.code;
      b.setAttribute('part', `finding finding-${f.severity}`);
      const sev = document.createElement('span');
      sev.className = 'severity';
      sev.textContent = s.severity[f.severity] ?? f.severity;
      const msg = document.createElement('span');
      msg.className = 'message';
      msg.textContent = en ? f.messageEn : f.messageVi;
      b.append(sev, msg);
      const span = f.spans[0];
      if (span) {
        b.addEventListener('mouseenter', () => this._highlight(span, b));
        b.addEventListener('focus', () => this._highlight(span, b));
        b.addEventListener('mouseleave', () => {
          if (this.shadowRoot.activeElement !== b) this._unhighlight();
        });
        b.addEventListener('blur', () => this._unhighlight());
        b.addEventListener('click', () => this._select(span));
      }
      const li = document.createElement('li');
      li.append(b);
      return li;
    });
    this._findings.replaceChildren(...notes);
    this._findingsTitle.hidden = notes.length === 0;
  }

  _onKey(e) {
    const current = e.composedPath()[0];
    if (!(current instanceof HTMLElement) || current.tagName !== 'BUTTON') return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const all = [...this.shadowRoot.querySelectorAll('button')];
      const i = all.indexOf(current) + (e.key === 'ArrowDown' ? 1 : -1);
      if (all[i]) all[i].focus();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      this._unhighlight();
      current.blur();
      this._target?.focus();
      e.preventDefault();
    }
  }

  /** Shows `span` in the editor without moving the focus. */
  _highlight(span, button) {
    for (const b of this.shadowRoot.querySelectorAll('button.active')) b.classList.remove('active');
    button?.classList.add('active');
    const t = this._target;
    if (!t || span.end > this._text.length) return;
    if (isTextField(t)) {
      if (t.value !== this._text) return; // edited since: the span is stale
      if (!this._saved) this._saved = { start: t.selectionStart, end: t.selectionEnd, dir: t.selectionDirection };
      t.setSelectionRange(span.start, span.end);
      return;
    }
    const range = this._range(span);
    if (!range) return;
    const view = t.ownerDocument.defaultView;
    if (view.CSS && view.CSS.highlights && view.Highlight) {
      ensureHighlightStyle(t.ownerDocument);
      view.CSS.highlights.set(HIGHLIGHT_NAME, new view.Highlight(range));
      const box = range.getBoundingClientRect();
      if (box.top < 0 || box.bottom > view.innerHeight) range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    }
  }

  _unhighlight() {
    for (const b of this.shadowRoot.querySelectorAll('button.active')) b.classList.remove('active');
    const t = this._target;
    if (!t) return;
    if (isTextField(t)) {
      if (this._saved && t.value === this._text) {
        t.setSelectionRange(this._saved.start, this._saved.end, this._saved.dir);
      }
      this._saved = null;
      return;
    }
    t.ownerDocument.defaultView.CSS?.highlights?.delete(HIGHLIGHT_NAME);
  }

  /** Puts the caret on `span` in the editor and focuses it. */
  _select(span) {
    const t = this._target;
    if (!t) return;
    this._saved = null;
    if (isTextField(t)) {
      if (t.value !== this._text) return;
      t.focus();
      t.setSelectionRange(span.start, span.end);
      return;
    }
    const range = this._range(span);
    if (!range) return;
    t.focus();
    const sel = t.ownerDocument.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  /** A DOM Range for a span of the last contenteditable text, if still valid. */
  _range(span) {
    const nodes = this._nodes;
    if (!nodes || !nodes.every((n) => n.node.isConnected && this._target.contains(n.node))) return null;
    const a = domPosition(nodes, span.start);
    const b = domPosition(nodes, span.end);
    if (!a || !b) return null;
    const range = this._target.ownerDocument.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }
}

const highlighted = new WeakSet();
function ensureHighlightStyle(doc) {
  if (highlighted.has(doc)) return;
  highlighted.add(doc);
  adoptStyle(doc, doc, HIGHLIGHT_STYLE);
}

/**
 * Adds CSS to a shadow root or a document as a constructed style sheet, which
 * a Content-Security-Policy without 'unsafe-inline' allows (a <style> element
 * it blocks); a <style> element only where constructed sheets are missing.
 */
function adoptStyle(target, doc, css) {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in target) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Fall through to a <style> element.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  (target.head || target.documentElement || target).prepend(style);
}

const formats = {};
function formatNumber(n, en) {
  const key = en ? 'en' : 'vi';
  formats[key] ??= new Intl.NumberFormat(en ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
  return formats[key].format(n);
}

/** The value (or range) and unit label of a metric. */
function formatValue(m, en) {
  let unit = UNITS[m.unit] ? UNITS[m.unit][en ? 1 : 0] : m.unit;
  let scale = 1;
  if (m.unit === 'm' && typeof m.value === 'number' && Math.abs(m.value) >= 1000) {
    unit = 'km';
    scale = 1000;
  }
  if (typeof m.value !== 'number') return { value: m.valueText || m.text, unit: '' };
  let value = formatNumber(m.value / scale, en);
  if (typeof m.valueTo === 'number') value += '–' + formatNumber(m.valueTo / scale, en);
  if (typeof m.of === 'number') value += '/' + formatNumber(m.of, en);
  if (m.unit === 'percent') return { value: value + '%', unit: '' };
  return { value, unit };
}

if (globalThis.customElements && !globalThis.customElements.get('ngoaivu-panel')) {
  globalThis.customElements.define('ngoaivu-panel', NgoaivuPanel);
}
