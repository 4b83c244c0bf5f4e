// Hostile input through the npm package: lone surrogates, non-strings,
// wrong option types and oversize input give clear errors or exact spans,
// and the same Analyzer and Corpus keep working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, Analyzer, Corpus } from 'ngoaivu';

const SENTENCE = 'Năm 2023, tỉnh đón 52 đoàn khách quốc tế.';

test('lone surrogates keep every span exact', () => {
  for (const junk of ['\uD800', '\uDC00', '\uDBFF\uDBFF', 'a\uDFFFb']) {
    const text = `${junk} ${SENTENCE} ${junk}`;
    const r = analyze(text);
    assert.equal(r.metrics.length, 1, JSON.stringify(junk));
    for (const m of r.metrics) assert.equal(text.slice(m.span.start, m.span.end), m.text);
    assert.equal(r.metrics[0].value, 52);
  }
});

test('anything but a string as text is a TypeError with code bad_input', () => {
  for (const bad of [null, undefined, 42, {}, [], Symbol('x'), 10n, () => 'x', new String('x')]) {
    assert.throws(() => analyze(bad), (e) => e instanceof TypeError && e.code === 'bad_input' && /text must be a string/.test(e.message), String(typeof bad));
  }
  const c = new Corpus();
  assert.throws(() => c.add(null), (e) => e.code === 'bad_input');
  assert.equal(c.size, 0);
});

test('wrong option types name the option', () => {
  const cases = [
    [{ format: 1 }, 'format'],
    [{ format: 'pdf' }, 'format'],
    [{ published: '2024/01/01' }, 'published'],
    [{ published: 20240101 }, 'published'],
    [{ locality: 7 }, 'locality'],
    [{ maxInputBytes: -1 }, 'maxInputBytes'],
    [{ maxInputBytes: 1.5 }, 'maxInputBytes'],
    [{ maxInputBytes: '10' }, 'maxInputBytes'],
    [{ exchangeRates: [] }, 'exchangeRates'],
    [{ nope: true }, 'nope'],
  ];
  for (const [opts, name] of cases) {
    assert.throws(() => analyze(SENTENCE, opts), (e) => e instanceof TypeError && e.code === 'bad_option' && e.message.includes(name), JSON.stringify(opts));
    assert.throws(() => new Analyzer(opts), (e) => e.code === 'bad_option', JSON.stringify(opts));
  }
  assert.throws(() => analyze(SENTENCE, 'html'), (e) => e.code === 'bad_option');
  assert.throws(() => analyze(SENTENCE, { exchangeRates: { 2023: { USD: 'cheap' } } }), (e) => e instanceof Error && e.code === 'bad_option');
});

test('input beyond maxInputBytes is an input_too_large Error; the analyzer goes on', () => {
  const a = new Analyzer({ maxInputBytes: 100 });
  // 60 characters of "đ" are 120 UTF-8 bytes: the limit counts bytes.
  assert.throws(() => a.analyze('đ'.repeat(60)), (e) => e instanceof Error && e.code === 'input_too_large' && /100/.test(e.message));
  assert.equal(a.analyze(SENTENCE).metrics[0].value, 52);
  const c = new Corpus({ maxCorpusBytes: 200 });
  c.add(SENTENCE);
  assert.throws(() => c.add('x'.repeat(300)), (e) => e.code === 'corpus_too_large');
  c.add(SENTENCE);
  assert.equal(c.size, 2);
});

test('hostile shapes answer with a report', () => {
  const shapes = {
    digits: '1234567890'.repeat(5000),
    dotted: '1.'.repeat(20000),
    scales: 'tỷ '.repeat(20000),
    nestedTags: '<div>'.repeat(10000) + SENTENCE + '</div>'.repeat(10000),
    marks: 'Đón 5' + '\u0301'.repeat(20000) + ' đoàn',
    invisible: '1\u200F2\u200B3\u202E4 đoàn; '.repeat(2000),
  };
  for (const [name, text] of Object.entries(shapes)) {
    const r = analyze(text, { format: name === 'nestedTags' ? 'html' : 'text' });
    for (const m of r.metrics) assert.equal(text.slice(m.span.start, m.span.end), m.text, name);
    if (name === 'nestedTags') assert.deepEqual(r.metrics.map((m) => m.value), [52]);
    if (name === 'scales') assert.equal(r.metrics.length, 0);
  }
});
