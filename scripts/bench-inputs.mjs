// The inputs of the benchmarks (scripts/bench.mjs, scripts/bench-browser.mjs):
// the dev corpus read from ../shared/corpus/dev (never copied into the repo),
// the corpus repeated to a given size, the 3 KB "keystroke" article, and the
// hostile shapes of tests/adversarial.rs at full size. Sizes are UTF-8 bytes;
// MB means 10^6 bytes.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = process.env.NGOAIVU_CORPUS || path.resolve(ROOT, '../shared/corpus/dev');
export const MB = 1e6;

export const bytes = (s) => Buffer.byteLength(s, 'utf8');

/** The dev corpus: the `.txt` files only (not the gold), in name order. */
export function loadCorpus(dir = CORPUS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** The corpus joined by blank lines and repeated, cut to `size` bytes (less up to 3 if a character would be split). */
export function repeatTo(texts, size) {
  const unit = texts.join('\n\n') + '\n\n';
  const times = Math.ceil(size / bytes(unit));
  // A character cut in two at the end decodes as U+FFFD: drop it.
  return Buffer.from(unit.repeat(times), 'utf8').subarray(0, size).toString('utf8').replace(/\uFFFD+$/, '');
}

/**
 * The keystroke case: the start of a real report (the first document longer
 * than 4 KB), cut at the first sentence end at or after `size` bytes.
 */
export function keystrokeArticle(texts, size = 3000) {
  const doc = texts.find((t) => bytes(t) > 4096) ?? texts[0];
  const start = Buffer.from(doc, 'utf8').subarray(0, size).toString('utf8').replace(/\uFFFD+$/, '').length;
  const m = /[.!?](\s|$)/g;
  m.lastIndex = start;
  const end = m.exec(doc);
  return end ? doc.slice(0, end.index + 1) : doc.slice(0, start);
}

/**
 * The hostile shapes (the list of tests/adversarial.rs) at full size;
 * `scale` < 1 shrinks them for a quick run. Each is {name, what, text, format}.
 */
export function shapes(scale = 1) {
  const n = (x) => Math.max(1, Math.round(x * scale));
  const rep = (unit, size) => unit.repeat(Math.ceil(n(size) / bytes(unit)));
  const depth = n(100_000); // nested tags: <div><span> pairs make `depth` open tags
  return [
    { name: 'digits', what: '1 MB of digits', text: rep('1234567890', MB), format: 'text' },
    { name: 'dotted_ones', what: '"1.1.1.1…", 1 MB', text: rep('1.', MB), format: 'text' },
    { name: 'scale_words', what: '"tỷ " × 100k', text: 'tỷ '.repeat(n(100_000)), format: 'text' },
    { name: 'one_long_line', what: 'one 5 MB line of a repeated clause', text: rep('Năm 2023 tỉnh cử 40 đoàn ra nước ngoài, ', 5 * MB), format: 'text' },
    { name: 'nested_tags', what: '100k nested tags (HTML)', text: `${'<div><span>'.repeat(depth / 2)}Đón 52 đoàn khách.${'</span></div>'.repeat(depth / 2)}`, format: 'html' },
    { name: 'unclosed_tags', what: '"<div <p <a href=\'" repeated, 1 MB (HTML)', text: rep("<div <p <a href='", MB), format: 'html' },
    { name: 'whitespace', what: '10 MB of whitespace (space, tab, NBSP, newline, ZWSP)', text: rep(' \t\u00a0\n\u200b', 10 * MB), format: 'text' },
    { name: 'stacked_marks', what: '1 MB of combining marks on one letter', text: `Đón 5${'\u0301\u0323\u0309'.repeat(n(MB) / 6)} đoàn`, format: 'text' },
    { name: 'invisible_between_digits', what: 'RTL/LRI/zero-width marks between digits, 1 MB', text: rep('1\u200f2\u200b3\u202e4\u20665 đoàn; ', MB), format: 'text' },
    { name: 'entities', what: 'HTML entities, valid and bogus, 1 MB', text: rep('&amp;&#7889;&#x1F600;&#99999999;&nbsp;&bogus;', MB), format: 'html' },
    { name: 'brackets', what: '"(((([" repeated, 1 MB', text: rep('(((([', MB), format: 'text' },
    { name: 'percents', what: '"5%–7% " repeated, 1 MB', text: rep('5%–7% ', MB), format: 'text' },
  ];
}
