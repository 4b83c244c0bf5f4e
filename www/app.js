// The ngoaivu demo page. Everything taken from the document (or from the
// report, which quotes it) reaches the DOM through textContent or text
// nodes only — never innerHTML — and the page's CSP forbids inline scripts
// and inline style attributes, so a pasted document cannot inject markup.

const $ = (id) => document.getElementById(id);

const els = {
  input: $('input'),
  published: $('published'),
  locality: $('locality'),
  format: $('format'),
  analyze: $('analyze'),
  loadSample: $('load-sample'),
  clear: $('clear'),
  status: $('status'),
  error: $('error'),
  sampleNote: $('sample-note'),
  results: $('results'),
  summary: $('summary'),
  legend: $('legend'),
  empty: $('empty'),
  body: $('result-body'),
  reading: $('reading'),
  showOther: $('show-other'),
  tbody: $('metrics-body'),
  tableEmpty: $('table-empty'),
  tip: $('tip'),
  lang: $('lang'),
  version: $('version'),
};

// ---------------------------------------------------------------- strings

const STRINGS = {
  vi: {
    pageTitle: 'ngoaivu — phân tích số liệu đối ngoại',
    title: 'phân tích số liệu đối ngoại',
    tagline: 'Dán một báo cáo đối ngoại tiếng Việt: các số liệu được nhận diện, phân loại và đánh dấu ngay trong trình duyệt. Văn bản không rời khỏi máy của bạn.',
    langButton: 'English',
    langHint: 'Chuyển giao diện sang tiếng Anh',
    inputHeading: 'Văn bản',
    inputLabel: 'Văn bản cần phân tích',
    placeholder: 'Dán hoặc gõ nội dung báo cáo vào đây…',
    sampleNote: 'Văn bản mẫu là một báo cáo hư cấu do ngoaivu tự soạn (tỉnh Bình Lâm không có thật); mọi con số chỉ để minh họa.',
    publishedLabel: 'Ngày ban hành',
    optionsHint: 'Ngày ban hành và địa phương không bắt buộc: chúng giúp hiểu “năm nay”, “cùng kỳ” và gán địa phương mặc định cho số liệu.',
    kbdHint: 'để phân tích.',
    localityLabel: 'Địa phương',
    localityPlaceholder: 'ví dụ: Bình Lâm',
    formatLabel: 'Định dạng',
    formatAuto: 'Tự nhận biết',
    formatText: 'Văn bản thuần',
    formatHtml: 'HTML',
    analyze: 'Phân tích',
    loadSample: 'Văn bản mẫu',
    clear: 'Xóa',
    loading: 'Đang tải bộ phân tích…',
    loadFailed: 'Không tải được bộ phân tích (WebAssembly). Hãy chạy “npm run build” rồi tải lại trang.',
    analyzeFailed: 'Không phân tích được: ',
    resultsHeading: 'Kết quả',
    legendLabel: 'Chú giải màu',
    readingHeading: 'Văn bản đã đánh dấu',
    readingHint: 'Di chuột, chạm hoặc dùng phím Tab để xem chi tiết từng số liệu.',
    tableHeading: 'Bảng số liệu',
    showOther: 'Hiện cả số liệu khác',
    colKind: 'Loại',
    colValue: 'Giá trị',
    colUnit: 'Đơn vị',
    colQualifier: 'Mức độ',
    colPeriod: 'Thời kỳ',
    colText: 'Trích đoạn',
    footer: 'Chạy hoàn toàn trong trình duyệt bằng WebAssembly.',
    summary: (n, o, ms) => `${n} số liệu đối ngoại đã phân loại · ${o} số liệu khác · ${ms} ms`,
    publishedOn: (d) => `ngày ban hành: ${d}`,
    emptyNoText: 'Chưa có văn bản. Hãy dán một báo cáo vào ô phía trên rồi bấm “Phân tích”.',
    emptyNoFigures: 'Không tìm thấy con số nào trong văn bản này.',
    emptyOnlyOther: (o) => `Không nhận diện được số liệu đối ngoại nào; chỉ có ${o} số liệu khác (được đánh dấu nhạt bên dưới).`,
    tableOnlyOther: (o) => `Bảng đang ẩn ${o} số liệu khác; đánh dấu ô “Hiện cả số liệu khác” để xem.`,
    rowHint: 'Bấm để tới vị trí trong văn bản',
    tipValue: 'Giá trị',
    tipOf: 'Trên tổng số',
    tipUnit: 'Đơn vị',
    tipQualifier: 'Mức độ',
    tipPeriod: 'Thời kỳ',
    tipChange: 'Thay đổi',
    tipPlan: 'Kế hoạch',
    tipPartners: 'Đối tác',
    tipLocality: 'Địa phương',
    tipConfidence: 'Độ tin cậy',
    tipRule: 'Quy tắc',
    tipFlags: 'Ghi chú',
    tipText: 'Trích đoạn',
    noRule: '(không áp dụng quy tắc nào)',
    version: (v) => `Phiên bản ${v}.`,
  },
  en: {
    pageTitle: 'ngoaivu — foreign-affairs figures',
    title: 'foreign-affairs figures',
    tagline: 'Paste a Vietnamese foreign-affairs report: its figures are found, classified and highlighted right in your browser. The text never leaves your machine.',
    langButton: 'Tiếng Việt',
    langHint: 'Switch the interface to Vietnamese',
    inputHeading: 'Document',
    inputLabel: 'Document to analyze',
    placeholder: 'Paste or type a report here…',
    sampleNote: 'The sample is an invented report written for ngoaivu (Bình Lâm province does not exist); every figure is illustrative.',
    publishedLabel: 'Published',
    optionsHint: 'Published date and locality are optional: they resolve “this year”, “same period” and give figures a default locality.',
    kbdHint: 'to analyze.',
    localityLabel: 'Locality',
    localityPlaceholder: 'e.g. Bình Lâm',
    formatLabel: 'Format',
    formatAuto: 'Detect',
    formatText: 'Plain text',
    formatHtml: 'HTML',
    analyze: 'Analyze',
    loadSample: 'Sample',
    clear: 'Clear',
    loading: 'Loading the analyzer…',
    loadFailed: 'The analyzer (WebAssembly) failed to load. Run “npm run build” and reload the page.',
    analyzeFailed: 'Analysis failed: ',
    resultsHeading: 'Results',
    legendLabel: 'Colour key',
    readingHeading: 'Highlighted text',
    readingHint: 'Hover, tap or Tab to a figure to see its details.',
    tableHeading: 'Metrics',
    showOther: 'Also show other figures',
    colKind: 'Kind',
    colValue: 'Value',
    colUnit: 'Unit',
    colQualifier: 'Qualifier',
    colPeriod: 'Period',
    colText: 'Quote',
    footer: 'Runs entirely in the browser with WebAssembly.',
    summary: (n, o, ms) =>
      `${n} foreign-affairs ${n === 1 ? 'metric' : 'metrics'} classified · ${o} other ${o === 1 ? 'figure' : 'figures'} · ${ms} ms`,
    publishedOn: (d) => `published ${d}`,
    emptyNoText: 'No text yet. Paste a report above and press “Analyze”.',
    emptyNoFigures: 'No figures were found in this text.',
    emptyOnlyOther: (o) => `No foreign-affairs metric was recognized; only ${o} other ${o === 1 ? 'figure' : 'figures'} (lightly highlighted below).`,
    tableOnlyOther: (o) => `${o} other ${o === 1 ? 'figure is' : 'figures are'} hidden; tick “Also show other figures” to list them.`,
    rowHint: 'Click to jump to it in the text',
    tipValue: 'Value',
    tipOf: 'Out of',
    tipUnit: 'Unit',
    tipQualifier: 'Qualifier',
    tipPeriod: 'Period',
    tipChange: 'Change',
    tipPlan: 'Plan',
    tipPartners: 'Partners',
    tipLocality: 'Locality',
    tipConfidence: 'Confidence',
    tipRule: 'Rule',
    tipFlags: 'Flags',
    tipText: 'Quote',
    noRule: '(no rule applied)',
    version: (v) => `Version ${v}.`,
  },
};

const QUALIFIERS = {
  exact: ['chính xác', 'exact'],
  about: ['khoảng', 'about'],
  estimate: ['ước tính', 'estimated'],
  over: ['hơn', 'over'],
  under: ['dưới', 'under'],
  nearly: ['gần', 'nearly'],
  at_least: ['ít nhất', 'at least'],
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
  percent: ['%', '%'],
  visitor: ['lượt khách', 'visitors'],
  route: ['đường bay', 'routes'],
  gate: ['cửa khẩu', 'gates'],
  marker: ['mốc', 'markers'],
  point: ['điểm', 'points'],
  rank: ['hạng', 'rank'],
  '-': ['', ''],
};

const PERIOD_SOURCES = {
  clause: ['cùng mệnh đề', 'same clause'],
  sentence: ['cùng câu', 'same sentence'],
  paragraph: ['cùng đoạn', 'same paragraph'],
  section: ['cùng mục', 'same section'],
  document: ['văn bản', 'document'],
  heading: ['tiêu đề', 'heading'],
  published: ['ngày ban hành', 'publication date'],
};

const CHANGE_BASES = {
  yoy: ['so với cùng kỳ', 'year on year'],
  plan: ['so với kế hoạch', 'against plan'],
  previous: ['so với kỳ trước', 'on the previous period'],
};

// Colour categories, in legend order.
const CATEGORIES = {
  delegation: ['Đoàn ra, đoàn vào', 'Delegations'],
  cooperation: ['Thỏa thuận, sự kiện', 'Agreements & events'],
  investment: ['Đầu tư, kinh tế', 'Investment & economy'],
  aid: ['Viện trợ', 'Aid'],
  trade: ['Thương mại', 'Trade'],
  border: ['Biên giới', 'Border'],
  tourism: ['Du lịch', 'Tourism'],
  other: ['Số liệu khác', 'Other figures'],
};

const KIND_CATEGORY = {
  meetings: 'delegation',
  agreements: 'cooperation',
  conferences: 'cooperation',
  mechanism_sessions: 'cooperation',
  partner_localities: 'cooperation',
  partner_countries: 'cooperation',
  border_friendship_pairs: 'border',
  remittances: 'investment',
  foreign_experts: 'investment',
  enterprises: 'investment',
  enterprise_capital: 'investment',
  economic_growth: 'investment',
  international_visitors: 'tourism',
  total_visitors: 'tourism',
  international_routes: 'tourism',
  other: 'other',
};

function categoryOf(kind) {
  if (KIND_CATEGORY[kind]) return KIND_CATEGORY[kind];
  if (kind.startsWith('delegation_')) return 'delegation';
  if (/^(fdi|investment|diaspora|pci)_/.test(kind)) return 'investment';
  if (/^(oda|ngo)_/.test(kind)) return 'aid';
  if (/_turnover$/.test(kind)) return 'trade';
  if (kind.startsWith('border_')) return 'border';
  if (/visitor|tourism|route/.test(kind)) return 'tourism';
  return 'other'; // a kind this page does not know yet
}

// ---------------------------------------------------------------- state

const LANG_KEY = 'ngoaivu.lang';
let lang = readLang();
let api = null;
let kindUnits = new Map(); // kind → unit class ("money", "person", …)
let sampleText = null;
let last = null; // { report, text }
let runs = 0;
let markById = new Map();
let metricById = new Map();
let tipOwner = null;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function readLang() {
  try {
    const v = localStorage.getItem(LANG_KEY);
    if (v === 'vi' || v === 'en') return v;
  } catch {
    /* storage may be disabled */
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

const t = (key) => STRINGS[lang][key] ?? STRINGS.vi[key] ?? key;
const pick = (pair) => (pair ? pair[lang === 'en' ? 1 : 0] : '');

// ---------------------------------------------------------------- formatting

const numberFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};
const compactFormats = {
  vi: new Intl.NumberFormat('vi-VN', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }),
};

const fmt = (n) => numberFormats[lang].format(n);
const isMoney = (m) => kindUnits.get(m.kind) === 'money';

/** Value (or range) with a compact form for large money amounts. */
function formatValue(m, { full = false } = {}) {
  if (typeof m.value !== 'number') return m.valueText || '—';
  const km = inKm(m);
  const one = (n) => {
    if (km) return fmt(n / 1000);
    if (!full && isMoney(m) && Math.abs(n) >= 1e6) return compactFormats[lang].format(n);
    return fmt(n);
  };
  let s = one(m.value);
  if (typeof m.valueTo === 'number') s += '–' + one(m.valueTo);
  return s;
}

/** Lengths are normalized to metres; long ones read better in km. */
const inKm = (m) => m.unit === 'm' && typeof m.value === 'number' && Math.abs(m.value) >= 1000;

function formatUnit(m) {
  if (inKm(m)) return 'km';
  if (UNITS[m.unit]) return pick(UNITS[m.unit]);
  return m.unit || '';
}

function formatValueWithUnit(m, opts) {
  const v = formatValue(m, opts);
  const u = formatUnit(m);
  if (!u) return v;
  return m.unit === 'percent' ? `${v}%` : `${v} ${u}`;
}

function formatQualifier(q) {
  return QUALIFIERS[q] ? pick(QUALIFIERS[q]) : q || '';
}

function formatPeriod(p, { withSource = false } = {}) {
  if (!p) return '—';
  let s;
  if (p.from && p.to && p.from !== p.to) s = `${p.from}–${p.to}`;
  else s = p.from || p.to || '?';
  if (p.cumulative) s = lang === 'en' ? `cumulative to ${p.to || s}` : `lũy kế đến ${p.to || s}`;
  if (withSource && p.source) s += ` (${PERIOD_SOURCES[p.source] ? pick(PERIOD_SOURCES[p.source]) : p.source})`;
  return s;
}

function formatChange(c) {
  if (!c) return '';
  const parts = [];
  const dir = {
    increase: ['tăng', 'up'],
    decrease: ['giảm', 'down'],
  }[c.direction];
  if (typeof c.percent === 'number') parts.push(`${dir ? pick(dir) + ' ' : ''}${fmt(c.percent)}%`);
  else if (dir) parts.push(pick(dir));
  if (typeof c.times === 'number') parts.push(lang === 'en' ? `×${fmt(c.times)}` : `gấp ${fmt(c.times)} lần`);
  if (c.basis) parts.push(CHANGE_BASES[c.basis] ? pick(CHANGE_BASES[c.basis]) : c.basis);
  return parts.join(' ');
}

function formatPlan(m) {
  const parts = [];
  if (typeof m.planPercent === 'number') {
    parts.push(lang === 'en' ? `${fmt(m.planPercent)}% of plan` : `đạt ${fmt(m.planPercent)}% kế hoạch`);
  }
  if (typeof m.planValue === 'number') {
    parts.push(lang === 'en' ? `plan ${fmt(m.planValue)}` : `kế hoạch ${fmt(m.planValue)}`);
  }
  return parts.join(', ');
}

function label(m) {
  return lang === 'en' ? m.labelEn || m.labelVi || m.kind : m.labelVi || m.kind;
}

// ---------------------------------------------------------------- DOM helpers

/** createElement with class and text; never parses markup. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function applyLang() {
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  for (const node of document.querySelectorAll('[data-i18n-aria]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAria));
  }
  els.lang.textContent = t('langButton');
  els.lang.lang = lang === 'en' ? 'vi' : 'en';
  if (api) els.version.textContent = t('version')(api.version);
  if (els.status.dataset.key) els.status.textContent = t(els.status.dataset.key);
  if (last) render();
}

function setStatus(key) {
  if (!key) {
    els.status.hidden = true;
    delete els.status.dataset.key;
    return;
  }
  els.status.hidden = false;
  els.status.dataset.key = key;
  els.status.textContent = t(key);
}

function showError(message) {
  els.error.textContent = message;
  els.error.hidden = false;
}

function clearError() {
  els.error.hidden = true;
  els.error.textContent = '';
}

function updateSampleNote() {
  els.sampleNote.hidden = !(sampleText != null && els.input.value === sampleText);
}

// ---------------------------------------------------------------- analysis

function analyzeNow({ reveal = true } = {}) {
  if (!api) return;
  clearError();
  const text = els.input.value;
  const options = { format: els.format.value };
  if (els.published.value) options.published = els.published.value;
  const locality = els.locality.value.trim();
  if (locality) options.locality = locality;
  let report;
  try {
    report = api.analyze(text, options);
  } catch (e) {
    showError(t('analyzeFailed') + (e && e.message ? e.message : String(e)));
    return;
  }
  last = { report, text };
  runs += 1;
  render();
  els.results.dataset.run = String(runs);
  if (reveal) {
    const top = els.results.getBoundingClientRect().top;
    if (top > window.innerHeight * 0.6 || top < 0) {
      els.results.scrollIntoView({ block: 'start', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    }
  }
}

function render() {
  const { report, text } = last;
  const metrics = Array.isArray(report.metrics) ? report.metrics : [];
  const classified = metrics.filter((m) => m.kind !== 'other');
  const others = metrics.length - classified.length;
  metricById = new Map(metrics.map((m) => [m.id, m]));
  hideTip();

  els.results.hidden = false;
  const ms = report.stats && typeof report.stats.milliseconds === 'number' ? report.stats.milliseconds : 0;
  let summary = t('summary')(classified.length, others, fmt(Math.round(ms * 10) / 10));
  if (report.published) summary += ` · ${t('publishedOn')(report.published)}`;
  els.summary.textContent = summary;

  renderLegend(metrics);

  if (metrics.length === 0) {
    els.empty.textContent = text.trim() === '' ? t('emptyNoText') : t('emptyNoFigures');
    els.empty.hidden = false;
    els.body.hidden = true;
    els.reading.replaceChildren();
    els.tbody.replaceChildren();
    markById = new Map();
    return;
  }
  if (classified.length === 0) {
    els.empty.textContent = t('emptyOnlyOther')(others);
    els.empty.hidden = false;
  } else {
    els.empty.hidden = true;
  }
  els.body.hidden = false;
  renderReading(text, metrics);
  renderTable(metrics);
}

function renderLegend(metrics) {
  const counts = new Map(Object.keys(CATEGORIES).map((c) => [c, 0]));
  for (const m of metrics) counts.set(categoryOf(m.kind), counts.get(categoryOf(m.kind)) + 1);
  const items = [];
  for (const [cat, names] of Object.entries(CATEGORIES)) {
    const li = el('li', `legend-item cat-${cat}`);
    if (counts.get(cat) === 0) li.classList.add('is-zero');
    li.append(el('span', 'swatch'), el('span', 'legend-name', pick(names)), el('span', 'legend-count', String(counts.get(cat))));
    items.push(li);
  }
  els.legend.replaceChildren(...items);
}

/** Builds the reading view from text nodes and <mark>s; overlapping spans share a mark. */
function renderReading(text, metrics) {
  const valid = metrics
    .filter((m) => {
      const s = m.span;
      return s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length;
    })
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);

  const frag = document.createDocumentFragment();
  markById = new Map();
  let cursor = 0;
  let current = null;
  for (const m of valid) {
    if (current && m.span.start < cursor) {
      // Overlaps the previous highlight: attach it there.
      current.dataset.ids += ' ' + m.id;
      if (current.dataset.kind === 'other' && m.kind !== 'other') setMarkKind(current, m);
      markById.set(m.id, current);
      continue;
    }
    if (m.span.start > cursor) frag.append(document.createTextNode(text.slice(cursor, m.span.start)));
    const mark = el('mark', 'hl');
    mark.textContent = text.slice(m.span.start, m.span.end);
    mark.tabIndex = 0;
    mark.dataset.id = m.id;
    mark.dataset.ids = m.id;
    setMarkKind(mark, m);
    frag.append(mark);
    markById.set(m.id, mark);
    current = mark;
    cursor = m.span.end;
  }
  if (cursor < text.length) frag.append(document.createTextNode(text.slice(cursor)));
  els.reading.replaceChildren(frag);
}

function setMarkKind(mark, m) {
  const cat = categoryOf(m.kind);
  mark.className = `hl cat-${cat}`;
  mark.dataset.kind = m.kind;
  mark.dataset.category = cat;
}

function renderTable(metrics) {
  const showOther = els.showOther.checked;
  const rows = [];
  let hidden = 0;
  for (const m of metrics) {
    const isOther = m.kind === 'other';
    if (isOther && !showOther) {
      hidden += 1;
      continue;
    }
    const cat = categoryOf(m.kind);
    const tr = el('tr', isOther ? 'row row-other' : 'row');
    tr.dataset.id = m.id;
    tr.dataset.kind = m.kind;
    tr.tabIndex = 0;
    tr.title = t('rowHint');
    const kindCell = el('td', 'kind');
    kindCell.append(el('span', `swatch cat-${cat}`), el('span', null, label(m)));
    const valueCell = el('td', 'num value', formatValue(m));
    if (typeof m.value === 'number') valueCell.dataset.value = String(m.value);
    const unit = m.unit === 'percent' ? '%' : formatUnit(m);
    tr.append(
      kindCell,
      valueCell,
      el('td', 'unit', unit),
      el('td', 'qualifier', formatQualifier(m.qualifier)),
      el('td', 'period', formatPeriod(m.period)),
      el('td', 'quote', m.text ?? ''),
    );
    rows.push(tr);
  }
  els.tbody.replaceChildren(...rows);
  if (rows.length === 0 && hidden > 0) {
    els.tableEmpty.textContent = t('tableOnlyOther')(hidden);
    els.tableEmpty.hidden = false;
  } else {
    els.tableEmpty.hidden = true;
  }
}

// ---------------------------------------------------------------- tooltip

function tipRow(dl, key, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, t(key)), el('dd', null, String(value)));
}

function buildTipBlock(m) {
  const block = el('div', 'tip-block');
  const head = el('p', 'tip-title');
  head.append(el('span', `swatch cat-${categoryOf(m.kind)}`), el('span', null, label(m)));
  block.append(head);
  if (lang === 'en' && m.labelVi) block.append(el('p', 'tip-sub', m.labelVi));
  const dl = el('dl');
  let value = formatValueWithUnit(m);
  const full = formatValueWithUnit(m, { full: true });
  if (full !== value) value += ` (${full})`;
  tipRow(dl, 'tipValue', value);
  if (typeof m.of === 'number') tipRow(dl, 'tipOf', fmt(m.of));
  tipRow(dl, 'tipQualifier', formatQualifier(m.qualifier));
  tipRow(dl, 'tipPeriod', m.period ? formatPeriod(m.period, { withSource: true }) : '—');
  tipRow(dl, 'tipChange', formatChange(m.change));
  tipRow(dl, 'tipPlan', formatPlan(m));
  if (Array.isArray(m.partners) && m.partners.length) tipRow(dl, 'tipPartners', m.partners.join(', '));
  tipRow(dl, 'tipLocality', m.locality);
  if (typeof m.confidence === 'number') tipRow(dl, 'tipConfidence', `${fmt(Math.round(m.confidence * 100))}%`);
  tipRow(dl, 'tipRule', m.rule || t('noRule'));
  if (Array.isArray(m.flags) && m.flags.length) tipRow(dl, 'tipFlags', m.flags.join(', '));
  block.append(dl);
  return block;
}

function showTip(mark) {
  const ids = (mark.dataset.ids || '').split(' ').filter(Boolean);
  const blocks = ids.map((id) => metricById.get(id)).filter(Boolean).map(buildTipBlock);
  if (!blocks.length) return;
  if (tipOwner && tipOwner !== mark) tipOwner.removeAttribute('aria-describedby');
  tipOwner = mark;
  els.tip.replaceChildren(...blocks);
  els.tip.hidden = false;
  mark.setAttribute('aria-describedby', 'tip');
  positionTip(mark);
}

function positionTip(mark) {
  const tip = els.tip;
  const rect = mark.getBoundingClientRect();
  const margin = 8;
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const viewW = document.documentElement.clientWidth;
  let left = Math.min(Math.max(rect.left, margin), Math.max(margin, viewW - width - margin));
  let top = rect.bottom + 6;
  if (top + height > window.innerHeight - margin && rect.top - height - 6 > margin) top = rect.top - height - 6;
  // CSSOM property writes are allowed by the CSP (style attributes in markup are not).
  tip.style.left = `${Math.round(left + window.scrollX)}px`;
  tip.style.top = `${Math.round(top + window.scrollY)}px`;
}

function hideTip() {
  els.tip.hidden = true;
  if (tipOwner) tipOwner.removeAttribute('aria-describedby');
  tipOwner = null;
}

// ---------------------------------------------------------------- table → text

const flashTimers = new WeakMap();

function goToMetric(id) {
  const mark = markById.get(id);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
  clearTimeout(flashTimers.get(mark));
  flashTimers.set(mark, setTimeout(() => mark.classList.remove('flash'), 1600));
}

// ---------------------------------------------------------------- wiring

els.analyze.addEventListener('click', () => analyzeNow());
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyzeNow();
  } else if (e.key === 'Escape' && !els.tip.hidden) {
    hideTip();
  }
});
els.input.addEventListener('input', updateSampleNote);
els.loadSample.addEventListener('click', () => {
  if (sampleText == null) return;
  els.input.value = sampleText;
  updateSampleNote();
  analyzeNow();
});
els.clear.addEventListener('click', () => {
  els.input.value = '';
  updateSampleNote();
  els.input.focus();
});
els.showOther.addEventListener('change', () => {
  if (last && last.report.metrics.length) renderTable(last.report.metrics);
});
els.lang.addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  saveLang(lang);
  applyLang();
});

// Hover shows a tip only when the pointer really moved: Chromium also fires
// mouseover when content scrolls under a resting pointer (e.g. after focus
// jumps to a highlight), which would steal the tip from the focused mark.
let pointer = { x: NaN, y: NaN };
els.reading.addEventListener('mouseover', (e) => {
  const moved = e.clientX !== pointer.x || e.clientY !== pointer.y;
  const mark = e.target.closest && e.target.closest('mark.hl');
  if (moved && mark && mark !== tipOwner) showTip(mark);
});
document.addEventListener('mousemove', (e) => (pointer = { x: e.clientX, y: e.clientY }), { passive: true });
els.reading.addEventListener('mouseleave', () => {
  if (!els.reading.contains(document.activeElement)) hideTip();
});
els.reading.addEventListener('focusin', (e) => {
  if (e.target.matches('mark.hl')) showTip(e.target);
});
els.reading.addEventListener('focusout', (e) => {
  if (!els.reading.contains(e.relatedTarget)) hideTip();
});
window.addEventListener('resize', () => {
  if (tipOwner) positionTip(tipOwner);
});

els.tbody.addEventListener('click', (e) => {
  const row = e.target.closest('tr.row');
  if (row) goToMetric(row.dataset.id);
});
els.tbody.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const row = e.target.closest('tr.row');
  if (!row || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  goToMetric(row.dataset.id);
});

// ---------------------------------------------------------------- start

applyLang();
setStatus('loading');
document.body.dataset.state = 'loading';

const samplePromise = fetch(new URL('sample.txt', import.meta.url))
  .then((r) => (r.ok ? r.text() : null))
  .catch(() => null);

try {
  api = await import('../js/browser.js');
  kindUnits = new Map(api.kinds.map((k) => [k.kind, k.unit]));
} catch (e) {
  console.warn('ngoaivu: the analyzer failed to load', e);
  setStatus('loadFailed');
  els.status.classList.add('error');
  document.body.dataset.state = 'error';
}

if (api) {
  els.version.textContent = t('version')(api.version);
  sampleText = await samplePromise;
  if (sampleText != null) sampleText = sampleText.replace(/\r\n?/g, '\n');
  els.loadSample.disabled = sampleText == null;
  if (sampleText != null && els.input.value === '') els.input.value = sampleText;
  updateSampleNote();
  setStatus(null);
  els.analyze.disabled = false;
  if (els.input.value !== '') analyzeNow({ reveal: false });
  document.body.dataset.state = 'ready';
}
