// Hand-written SVG charts for the demo dashboard: a column chart (values by
// year) and a horizontal bar chart (figures by locality or partner), each
// with axes, tick labels, value labels and its unit. Labels are text nodes;
// nothing is parsed as markup.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

/** Round tick values from 0 to at least `max`. */
export function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

function frame(width, height, label) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': label });
  root.append(svg('title', {}, label));
  return root;
}

/**
 * Columns for points [{label, value, title}], a y axis in `unit`
 * (`fmtTick` for tick labels, `fmtValue` above each column).
 */
export function columnChart({ points, unit, xLabel, label, fmtTick, fmtValue }) {
  const W = 560;
  const H = 260;
  const m = { top: 28, right: 12, bottom: 44, left: 64 };
  const root = frame(W, H, label);
  const ticks = niceTicks(Math.max(...points.map((p) => p.value), 0));
  const top = ticks[ticks.length - 1];
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const y = (v) => m.top + plotH - (v / top) * plotH;
  const axis = svg('g', { class: 'axis' });
  for (const tv of ticks) {
    axis.append(
      svg('line', { x1: m.left, x2: W - m.right, y1: y(tv), y2: y(tv), class: tv === 0 ? 'baseline' : 'grid' }),
      svg('text', { x: m.left - 6, y: y(tv) + 4, 'text-anchor': 'end', class: 'tick' }, fmtTick(tv)),
    );
  }
  axis.append(svg('text', { x: 4, y: 14, class: 'unit' }, unit));
  axis.append(svg('text', { x: m.left + plotW / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' }, xLabel));
  root.append(axis);
  const band = plotW / Math.max(points.length, 1);
  const barW = Math.min(56, band * 0.6);
  const bars = svg('g', { class: 'bars' });
  points.forEach((p, i) => {
    const cx = m.left + band * i + band / 2;
    const g = svg('g', { class: 'bar', 'data-label': p.label });
    g.append(svg('title', {}, p.title));
    g.append(svg('rect', { x: cx - barW / 2, y: y(p.value), width: barW, height: Math.max(0, y(0) - y(p.value)) }));
    g.append(svg('text', { x: cx, y: y(p.value) - 5, 'text-anchor': 'middle', class: 'value' }, fmtValue(p.value)));
    g.append(svg('text', { x: cx, y: y(0) + 16, 'text-anchor': 'middle', class: 'tick' }, p.label));
    bars.append(g);
  });
  root.append(bars);
  return root;
}

/** Horizontal bars for rows [{label, value, title}], an x axis in `unit`. */
export function barChart({ rows, unit, label, fmtTick, fmtValue }) {
  const W = 560;
  const rowH = 26;
  const m = { top: 24, right: 56, bottom: 30, left: 170 };
  const H = m.top + m.bottom + rowH * rows.length;
  const root = frame(W, H, label);
  const ticks = niceTicks(Math.max(...rows.map((r) => r.value), 0));
  const top = ticks[ticks.length - 1];
  const plotW = W - m.left - m.right;
  const x = (v) => m.left + (v / top) * plotW;
  const axis = svg('g', { class: 'axis' });
  for (const tv of ticks) {
    axis.append(
      svg('line', { x1: x(tv), x2: x(tv), y1: m.top - 4, y2: H - m.bottom, class: tv === 0 ? 'baseline' : 'grid' }),
      svg('text', { x: x(tv), y: H - m.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, fmtTick(tv)),
    );
  }
  axis.append(svg('text', { x: W - m.right, y: 14, 'text-anchor': 'end', class: 'unit' }, unit));
  root.append(axis);
  const bars = svg('g', { class: 'bars' });
  rows.forEach((r, i) => {
    const yy = m.top + i * rowH;
    const g = svg('g', { class: 'bar', 'data-label': r.label });
    g.append(svg('title', {}, r.title));
    const name = r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label;
    g.append(svg('text', { x: m.left - 8, y: yy + rowH / 2 + 4, 'text-anchor': 'end', class: 'tick name' }, name));
    g.append(svg('rect', { x: m.left, y: yy + 4, width: Math.max(1, x(r.value) - m.left), height: rowH - 8 }));
    g.append(svg('text', { x: x(r.value) + 5, y: yy + rowH / 2 + 4, class: 'value' }, fmtValue(r.value)));
    bars.append(g);
  });
  root.append(bars);
  return root;
}
