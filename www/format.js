// Labels and number formatting for the demo, in Vietnamese and English:
// the interface strings, metric categories and colours, entity and activity
// types, units, qualifiers, periods and changes. Pure functions of the
// current language (`ui.lang`); no DOM.

export const ui = { lang: 'vi', kindUnits: new Map() };

export const t = (key) => STRINGS[ui.lang][key] ?? STRINGS.vi[key] ?? key;
export const pick = (pair) => (pair ? pair[ui.lang === 'en' ? 1 : 0] : '');

export const QUALIFIERS = {
  exact: ['chính xác', 'exact'],
  about: ['khoảng', 'about'],
  estimate: ['ước tính', 'estimated'],
  over: ['hơn', 'over'],
  under: ['dưới', 'under'],
  nearly: ['gần', 'nearly'],
  at_least: ['ít nhất', 'at least'],
};

export const UNITS = {
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

export const PERIOD_SOURCES = {
  clause: ['cùng mệnh đề', 'same clause'],
  sentence: ['cùng câu', 'same sentence'],
  paragraph: ['cùng đoạn', 'same paragraph'],
  section: ['cùng mục', 'same section'],
  document: ['văn bản', 'document'],
  heading: ['tiêu đề', 'heading'],
  published: ['ngày ban hành', 'publication date'],
};

export const CHANGE_BASES = {
  yoy: ['so với cùng kỳ', 'year on year'],
  plan: ['so với kế hoạch', 'against plan'],
  previous: ['so với kỳ trước', 'on the previous period'],
};

// Colour categories, in legend order.
export const CATEGORIES = {
  delegation: ['Đoàn ra, đoàn vào', 'Delegations'],
  cooperation: ['Thỏa thuận, sự kiện', 'Agreements & events'],
  investment: ['Đầu tư, kinh tế', 'Investment & economy'],
  aid: ['Viện trợ', 'Aid'],
  trade: ['Thương mại', 'Trade'],
  border: ['Biên giới', 'Border'],
  tourism: ['Du lịch', 'Tourism'],
  other: ['Số liệu khác', 'Other figures'],
};

export const KIND_CATEGORY = {
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

export function categoryOf(kind) {
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

// ---------------------------------------------------------------- formatting

export const numberFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};
export const compactFormats = {
  vi: new Intl.NumberFormat('vi-VN', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }),
};

export const fmt = (n) => numberFormats[ui.lang].format(n);
export const isMoney = (m) => ui.kindUnits.get(m.kind) === 'money';

/** Value (or range) with a compact form for large money amounts. */
export function formatValue(m, { full = false } = {}) {
  if (typeof m.value !== 'number') return m.valueText || '—';
  const km = inKm(m);
  const one = (n) => {
    if (km) return fmt(n / 1000);
    if (!full && isMoney(m) && Math.abs(n) >= 1e6) return compactFormats[ui.lang].format(n);
    return fmt(n);
  };
  let s = one(m.value);
  if (typeof m.valueTo === 'number') s += '–' + one(m.valueTo);
  return s;
}

/** Lengths are normalized to metres; long ones read better in km. */
export const inKm = (m) => m.unit === 'm' && typeof m.value === 'number' && Math.abs(m.value) >= 1000;

export function formatUnit(m) {
  if (inKm(m)) return 'km';
  if (UNITS[m.unit]) return pick(UNITS[m.unit]);
  return m.unit || '';
}

export function formatValueWithUnit(m, opts) {
  const v = formatValue(m, opts);
  const u = formatUnit(m);
  if (!u) return v;
  return m.unit === 'percent' ? `${v}%` : `${v} ${u}`;
}

export function formatQualifier(q) {
  return QUALIFIERS[q] ? pick(QUALIFIERS[q]) : q || '';
}

export function formatPeriod(p, { withSource = false } = {}) {
  if (!p) return '—';
  let s;
  if (p.from && p.to && p.from !== p.to) s = `${p.from}–${p.to}`;
  else s = p.from || p.to || '?';
  if (p.cumulative) s = ui.lang === 'en' ? `cumulative to ${p.to || s}` : `lũy kế đến ${p.to || s}`;
  if (withSource && p.source) s += ` (${PERIOD_SOURCES[p.source] ? pick(PERIOD_SOURCES[p.source]) : p.source})`;
  return s;
}

export function formatChange(c) {
  if (!c) return '';
  const parts = [];
  const dir = {
    increase: ['tăng', 'up'],
    decrease: ['giảm', 'down'],
  }[c.direction];
  if (typeof c.percent === 'number') parts.push(`${dir ? pick(dir) + ' ' : ''}${fmt(c.percent)}%`);
  else if (dir) parts.push(pick(dir));
  if (typeof c.times === 'number') parts.push(ui.lang === 'en' ? `×${fmt(c.times)}` : `gấp ${fmt(c.times)} lần`);
  if (c.basis) parts.push(CHANGE_BASES[c.basis] ? pick(CHANGE_BASES[c.basis]) : c.basis);
  return parts.join(' ');
}

export function formatPlan(m) {
  const parts = [];
  if (typeof m.planPercent === 'number') {
    parts.push(ui.lang === 'en' ? `${fmt(m.planPercent)}% of plan` : `đạt ${fmt(m.planPercent)}% kế hoạch`);
  }
  if (typeof m.planValue === 'number') {
    parts.push(ui.lang === 'en' ? `plan ${fmt(m.planValue)}` : `kế hoạch ${fmt(m.planValue)}`);
  }
  return parts.join(', ');
}

export function label(m) {
  return ui.lang === 'en' ? m.labelEn || m.labelVi || m.kind : m.labelVi || m.kind;
}

// ---------------------------------------------------------------- DOM helpers


/** Unit label for a series or a fact (unit only, no metric). */
export function unitLabel(unit) {
  if (UNITS[unit]) return pick(UNITS[unit]);
  if (unit === 'm') return 'm';
  return unit || '';
}

/** A value with its unit, for facts and chart points. */
export function valueWithUnit(value, unit) {
  if (unit === 'percent') return `${fmt(value)}%`;
  if (unit === 'm' && Math.abs(value) >= 1000) return `${fmt(value / 1000)} km`;
  const u = unitLabel(unit);
  return u ? `${fmt(value)} ${u}` : fmt(value);
}

export const compact = (n) => compactFormats[ui.lang].format(n);

export const ENTITY_TYPES = {
  country: ['Quốc gia', 'Countries'],
  foreign_locality: ['Địa phương nước ngoài', 'Foreign localities'],
  province: ['Tỉnh, thành trong nước', 'Vietnamese provinces'],
  organization: ['Tổ chức', 'Organizations'],
  agreement: ['Hiệp định', 'Trade agreements'],
  person: ['Nhân vật', 'People'],
  document: ['Văn bản được dẫn', 'Cited documents'],
};

export const SEVERITIES = {
  error: ['Lỗi', 'Error'],
  warning: ['Cảnh báo', 'Warning'],
  info: ['Lưu ý', 'Note'],
};

export const STRINGS = {
  vi: {
    pageTitle: 'ngoaivu — bàn phân tích số liệu đối ngoại',
    title: 'bàn phân tích số liệu đối ngoại',
    tagline: 'Đưa vào các báo cáo đối ngoại tiếng Việt: số liệu, quốc gia, tổ chức và hoạt động được nhận diện, đánh dấu và tổng hợp ngay trong trình duyệt. Văn bản không rời khỏi máy của bạn.',
    langButton: 'English',
    langHint: 'Chuyển giao diện sang tiếng Anh',
    navDocs: 'Tài liệu', navReading: 'Đọc', navTable: 'Bảng số liệu', navDashboard: 'Tổng hợp', navExport: 'Xuất',
    docsHeading: 'Tài liệu',
    inputLabel: 'Dán hoặc gõ một văn bản',
    placeholder: 'Dán hoặc gõ nội dung báo cáo vào đây…',
    nameLabel: 'Tên tài liệu',
    namePlaceholder: 'ví dụ: bao-cao-2024.txt',
    add: 'Thêm vào kho',
    chooseFiles: 'Chọn tệp…',
    dropHint: 'hoặc kéo thả nhiều tệp .txt, .md, .html, .docx vào đây',
    kbdHint: 'để thêm.',
    loading: 'Đang tải bộ phân tích…',
    loadFailed: 'Không tải được bộ phân tích (WebAssembly). Hãy chạy “npm run build” rồi tải lại trang.',
    modeWorker: 'Phân tích chạy trong Web Worker: trang không bị treo khi đọc văn bản dài.',
    modeMain: 'Trang mở từ tệp (file://) nên không dùng được Web Worker: phân tích chạy trên luồng chính, văn bản rất dài có thể làm trang khựng trong giây lát.',
    progress: (done, total) => `Đang phân tích ${done}/${total} tài liệu…`,
    progressDone: (n, ms) => `Đã phân tích ${n} tài liệu trong ${ms} ms.`,
    emptyCorpus: 'Kho chưa có tài liệu nào. Dán một văn bản hoặc chọn tệp để bắt đầu.',
    emptyPaste: 'Ô văn bản đang trống: hãy dán hoặc gõ nội dung trước khi thêm.',
    notText: (name, why) => `“${name}” không được đưa vào: ${why}`,
    whyType: 'không phải tệp văn bản (.txt, .md, .html).',
    whyBinary: 'nội dung không phải văn bản UTF-8.',
    whyEmpty: 'tệp rỗng.',
    whyFailed: 'phân tích thất bại — ',
    whyDocx: (reason) =>
      ({
        encrypted: 'tệp Word (.docx) có mật khẩu.',
        too_large: 'tệp Word (.docx) quá lớn.',
        unsupported: 'tệp Word (.docx) nén theo cách chưa hỗ trợ; hãy lưu lại thành .txt hoặc .html.',
      })[reason] ?? 'không đọc được tệp Word (.docx) này; hãy lưu lại thành .txt hoặc .html.',
    sampleNote: 'Hai văn bản mẫu là báo cáo hư cấu do ngoaivu tự soạn (tỉnh Bình Lâm không có thật); mọi con số chỉ để minh họa.',
    loadSamples: 'Nạp văn bản mẫu',
    clearCorpus: 'Xóa hết',
    colDoc: 'Tài liệu', colPublished: 'Ngày ban hành', colLocality: 'Địa phương', colMetrics: 'Số liệu', colFindings: 'Kiểm tra', colActions: 'Thao tác',
    view: 'Đọc', remove: 'Xóa',
    removeLabel: (n) => `Xóa “${n}”`,
    viewLabel: (n) => `Đọc “${n}”`,
    publishedFor: (n) => `Ngày ban hành của “${n}”`,
    localityFor: (n) => `Địa phương của “${n}”`,
    corpusCounts: (d, m, e, f) => `${d} tài liệu · ${m} số liệu đối ngoại · ${e} thực thể · ${f} cảnh báo kiểm tra`,
    readingHeading: 'Đọc tài liệu',
    readingEmpty: 'Chọn một tài liệu trong kho để đọc.',
    readingHint: 'Di chuột, chạm hoặc dùng phím Tab để xem chi tiết từng số liệu và thực thể.',
    docSummary: (n, o, ms) => `${n} số liệu đối ngoại · ${o} số liệu khác · ${ms} ms`,
    publishedOn: (d) => `ban hành ${d}`,
    noFigures: 'Không tìm thấy con số nào trong văn bản này.',
    legendLabel: 'Chú giải màu',
    entitiesHeading: 'Thực thể',
    entitiesNone: 'Không nhận diện được quốc gia, tổ chức hay văn bản nào.',
    entityChip: (name, n) => `${name} (${n})`,
    activitiesHeading: 'Hoạt động',
    activitiesNone: 'Không nhận diện được hoạt động đối ngoại nào.',
    marginHeading: 'Kiểm tra',
    marginNone: 'Không có cảnh báo nào cho văn bản này.',
    tableHeading: 'Bảng số liệu',
    filterDoc: 'Tài liệu', filterKind: 'Loại', filterLocality: 'Địa phương', filterYear: 'Năm', filterPartner: 'Đối tác', filterQualifier: 'Mức độ', filterSearch: 'Tìm',
    searchPlaceholder: 'chữ trong trích đoạn…',
    all: 'Tất cả',
    none: '(không có)',
    showOther: 'Hiện cả số liệu khác',
    resetFilters: 'Bỏ lọc',
    tableCount: (shown, total) => `${shown} / ${total} số liệu`,
    tableTruncated: (n) => `Chỉ hiện ${n} dòng đầu; hãy lọc để thu hẹp.`,
    tableEmpty: 'Không có số liệu nào khớp bộ lọc.',
    colKind: 'Loại', colValue: 'Giá trị', colUnit: 'Đơn vị', colQualifier: 'Mức độ', colPeriod: 'Thời kỳ', colPartners: 'Đối tác', colText: 'Trích đoạn',
    sortBy: (c) => `Sắp xếp theo ${c}`,
    rowHint: 'Bấm để tới vị trí trong văn bản',
    dashboardHeading: 'Tổng hợp kho tài liệu',
    chartYear: 'Theo năm và loại',
    chartSeries: 'Chuỗi số liệu',
    chartLocality: 'Theo địa phương',
    chartPartner: 'Theo đối tác',
    chartNone: 'Chưa đủ dữ liệu để vẽ biểu đồ.',
    axisYear: 'Năm',
    axisFigures: 'số liệu',
    figuresUnit: 'số liệu',
    documentsShort: 'tài liệu',
    noLocality: '(chưa rõ địa phương)',
    seriesTotal: (v) => `Tổng các năm: ${v}`,
    seriesNoTotal: 'Không cộng dồn (số lũy kế, tỷ lệ hoặc xếp hạng).',
    conflictsHeading: 'Số liệu mâu thuẫn',
    conflictsNone: 'Không có mâu thuẫn giữa các tài liệu.',
    findingsHeading: 'Kết quả kiểm tra',
    findingsNone: 'Các phép kiểm tra không phát hiện vấn đề.',
    factsHeading: 'Dữ kiện và nguồn',
    factsCount: (n) => `${n} dữ kiện (một con số được nêu ở nhiều nơi là một dữ kiện).`,
    factsMore: (n) => `và ${n} dữ kiện khác — xem đầy đủ trong tệp CSV.`,
    sources: (n) => `${n} nguồn`,
    exportHeading: 'Xuất dữ liệu',
    exportMetrics: 'Số liệu (CSV)',
    exportFacts: 'Dữ kiện (CSV)',
    exportJson: 'Toàn bộ (JSON)',
    bom: 'Thêm BOM cho Excel',
    xlsxNote: 'Tệp XLSX chỉ có ở công cụ dòng lệnh (ngoaivu corpus … --format xlsx); CSV có BOM mở được trong Excel với tiếng Việt nguyên vẹn.',
    exportEmpty: 'Kho trống: chưa có gì để xuất.',
    exported: (f) => `Đã tạo ${f}.`,
    copy: 'Sao chép câu trích dẫn',
    copied: 'Đã sao chép.',
    copyFailed: 'Trình duyệt không cho sao chép; hãy chọn và sao chép câu dưới đây.',
    sourceWord: 'Nguồn',
    charsWord: 'ký tự',
    inYear: (p) => `năm ${p}`,
    tipValue: 'Giá trị', tipOf: 'Trên tổng số', tipQualifier: 'Mức độ', tipPeriod: 'Thời kỳ', tipChange: 'Thay đổi', tipPlan: 'Kế hoạch', tipPartners: 'Đối tác', tipLocality: 'Địa phương', tipConfidence: 'Độ tin cậy', tipRule: 'Quy tắc', tipFlags: 'Ghi chú', tipActivity: 'Hoạt động', tipMentions: 'Lần nhắc', tipCode: 'Mã',
    noRule: '(không áp dụng quy tắc nào)',
    footer: 'Chạy hoàn toàn trong trình duyệt bằng WebAssembly; không gửi gì ra ngoài.',
    version: (v) => `Phiên bản ${v}.`,
  },
  en: {
    pageTitle: 'ngoaivu — foreign-affairs analysis desk',
    title: 'foreign-affairs analysis desk',
    tagline: 'Bring in Vietnamese foreign-affairs reports: figures, countries, organizations and activities are found, highlighted and summed up right in your browser. The text never leaves your machine.',
    langButton: 'Tiếng Việt',
    langHint: 'Switch the interface to Vietnamese',
    navDocs: 'Documents', navReading: 'Read', navTable: 'Metrics', navDashboard: 'Dashboard', navExport: 'Export',
    docsHeading: 'Documents',
    inputLabel: 'Paste or type a document',
    placeholder: 'Paste or type a report here…',
    nameLabel: 'Document name',
    namePlaceholder: 'e.g. report-2024.txt',
    add: 'Add to corpus',
    chooseFiles: 'Choose files…',
    dropHint: 'or drop several .txt, .md, .html, .docx files here',
    kbdHint: 'to add.',
    loading: 'Loading the analyzer…',
    loadFailed: 'The analyzer (WebAssembly) failed to load. Run “npm run build” and reload the page.',
    modeWorker: 'Analysis runs in a Web Worker: the page stays responsive on long documents.',
    modeMain: 'Opened from a file (file://), where no Web Worker can start: analysis runs on the main thread, so a very long document may pause the page briefly.',
    progress: (done, total) => `Analyzing ${done}/${total} documents…`,
    progressDone: (n, ms) => `Analyzed ${n} ${n === 1 ? 'document' : 'documents'} in ${ms} ms.`,
    emptyCorpus: 'The corpus is empty. Paste a text or choose files to start.',
    emptyPaste: 'The text box is empty: paste or type something before adding.',
    notText: (name, why) => `“${name}” was not added: ${why}`,
    whyType: 'not a text file (.txt, .md, .html).',
    whyBinary: 'its content is not UTF-8 text.',
    whyEmpty: 'the file is empty.',
    whyFailed: 'analysis failed — ',
    whyDocx: (reason) =>
      ({
        encrypted: 'the Word file (.docx) is password-protected.',
        too_large: 'the Word file (.docx) is too large.',
        unsupported: 'the Word file (.docx) uses a compression not supported; save it as .txt or .html.',
      })[reason] ?? 'this Word file (.docx) could not be read; save it as .txt or .html.',
    sampleNote: 'The two samples are invented reports written for ngoaivu (Bình Lâm province does not exist); every figure is illustrative.',
    loadSamples: 'Load the samples',
    clearCorpus: 'Remove all',
    colDoc: 'Document', colPublished: 'Published', colLocality: 'Locality', colMetrics: 'Metrics', colFindings: 'Checks', colActions: 'Actions',
    view: 'Read', remove: 'Remove',
    removeLabel: (n) => `Remove “${n}”`,
    viewLabel: (n) => `Read “${n}”`,
    publishedFor: (n) => `Publication date of “${n}”`,
    localityFor: (n) => `Locality of “${n}”`,
    corpusCounts: (d, m, e, f) => `${d} ${d === 1 ? 'document' : 'documents'} · ${m} foreign-affairs metrics · ${e} entities · ${f} check warnings`,
    readingHeading: 'Reading',
    readingEmpty: 'Choose a document in the corpus to read it.',
    readingHint: 'Hover, tap or Tab to a figure or a name to see its details.',
    docSummary: (n, o, ms) => `${n} foreign-affairs ${n === 1 ? 'metric' : 'metrics'} · ${o} other ${o === 1 ? 'figure' : 'figures'} · ${ms} ms`,
    publishedOn: (d) => `published ${d}`,
    noFigures: 'No figures were found in this text.',
    legendLabel: 'Colour key',
    entitiesHeading: 'Entities',
    entitiesNone: 'No country, organization or document was recognized.',
    entityChip: (name, n) => `${name} (${n})`,
    activitiesHeading: 'Activities',
    activitiesNone: 'No foreign-affairs activity was recognized.',
    marginHeading: 'Checks',
    marginNone: 'No warnings for this document.',
    tableHeading: 'Metrics',
    filterDoc: 'Document', filterKind: 'Kind', filterLocality: 'Locality', filterYear: 'Year', filterPartner: 'Partner', filterQualifier: 'Qualifier', filterSearch: 'Search',
    searchPlaceholder: 'words in the quote…',
    all: 'All',
    none: '(none)',
    showOther: 'Also show other figures',
    resetFilters: 'Clear filters',
    tableCount: (shown, total) => `${shown} / ${total} metrics`,
    tableTruncated: (n) => `Only the first ${n} rows are shown; filter to narrow down.`,
    tableEmpty: 'No metric matches the filters.',
    colKind: 'Kind', colValue: 'Value', colUnit: 'Unit', colQualifier: 'Qualifier', colPeriod: 'Period', colPartners: 'Partners', colText: 'Quote',
    sortBy: (c) => `Sort by ${c}`,
    rowHint: 'Click to jump to it in the text',
    dashboardHeading: 'Corpus dashboard',
    chartYear: 'By year and kind',
    chartSeries: 'Series',
    chartLocality: 'By locality',
    chartPartner: 'By partner',
    chartNone: 'Not enough data for a chart yet.',
    axisYear: 'Year',
    axisFigures: 'figures',
    figuresUnit: 'figures',
    documentsShort: 'documents',
    noLocality: '(locality unknown)',
    seriesTotal: (v) => `Total over the years: ${v}`,
    seriesNoTotal: 'Not summed (a stock, a share or a rank).',
    conflictsHeading: 'Conflicting figures',
    conflictsNone: 'No conflicts between documents.',
    findingsHeading: 'Checks',
    findingsNone: 'The checks found nothing to report.',
    factsHeading: 'Facts and sources',
    factsCount: (n) => `${n} facts (a figure stated in several places is one fact).`,
    factsMore: (n) => `and ${n} more — the CSV has them all.`,
    sources: (n) => `${n} ${n === 1 ? 'source' : 'sources'}`,
    exportHeading: 'Export',
    exportMetrics: 'Metrics (CSV)',
    exportFacts: 'Facts (CSV)',
    exportJson: 'Everything (JSON)',
    bom: 'Add a BOM for Excel',
    xlsxNote: 'XLSX comes only from the command line (ngoaivu corpus … --format xlsx); CSV with a BOM opens in Excel with Vietnamese intact.',
    exportEmpty: 'The corpus is empty: nothing to export.',
    exported: (f) => `Created ${f}.`,
    copy: 'Copy as a quotation',
    copied: 'Copied.',
    copyFailed: 'The browser refused to copy; select and copy the sentence below.',
    sourceWord: 'Source',
    charsWord: 'characters',
    inYear: (p) => `in ${p}`,
    tipValue: 'Value', tipOf: 'Out of', tipQualifier: 'Qualifier', tipPeriod: 'Period', tipChange: 'Change', tipPlan: 'Plan', tipPartners: 'Partners', tipLocality: 'Locality', tipConfidence: 'Confidence', tipRule: 'Rule', tipFlags: 'Flags', tipActivity: 'Activity', tipMentions: 'Mentions', tipCode: 'Code',
    noRule: '(no rule applied)',
    footer: 'Runs entirely in the browser with WebAssembly; nothing is sent anywhere.',
    version: (v) => `Version ${v}.`,
  },
};
