// Reads a report's tape (src/tape.rs) into the objects JSON.parse makes of
// the report's JSON: the same keys in the same order, the same values. The
// WASM writes the values in order, tagged, as Float64Arrays, with the text
// of every string in strings beside them; the readers below know each
// struct's fields (src/report.rs) and build it as one object literal, which
// V8 does several times faster than JSON.parse builds the same objects
// (BENCHMARKS.md). No code is generated at run time (no eval), so a strict
// Content-Security-Policy is no obstacle.
//
// Each struct ends with an END tag: a reader that finds anything else is
// out of step with the Rust types, and throws rather than return a wrong
// report. tests/js/tape.test.mjs checks the reader against JSON.parse of
// the same reports.

// The tags of src/tape.rs.
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const MAP = 6;
const STRUCT = 7;
const SKIPPED = 8;
const END = 9;
const KEPT = 10;
const AGAIN = 11;

function outOfStep(at, what) {
  return new Error(`ngoaivu: the report's tape is out of step with its reader (${what} at ${at})`);
}

class TapeReader {
  constructor(numbers, text) {
    this.n = numbers;
    this.t = text;
    this.i = 0;
    this.s = 0;
    // The strings tagged KEPT, in order: AGAIN names one by its number.
    this.kept = [];
  }

  /** A value of no struct: null, a boolean, a number, a string, an array or a map of them. */
  value() {
    const n = this.n;
    switch (n[this.i++]) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return n[this.i++];
      case STRING:
        return this.text(n[this.i++]);
      case KEPT: {
        const kept = this.text(n[this.i++]);
        this.kept.push(kept);
        return kept;
      }
      case AGAIN: {
        const kept = this.kept[n[this.i++]];
        if (kept === undefined) throw outOfStep(this.i - 1, 'a kept string');
        return kept;
      }
      case ARRAY: {
        const a = [];
        while (n[this.i] !== END) a.push(this.value());
        this.i++;
        return a;
      }
      case MAP: {
        const o = {};
        while (n[this.i] !== END) {
          const key = this.value();
          o[key] = this.value();
        }
        this.i++;
        return o;
      }
      default:
        throw outOfStep(this.i - 1, 'a value');
    }
  }

  /** The next `len` UTF-16 units of the strings' text. */
  text(len) {
    const s = this.s;
    this.s = s + len;
    return this.t.slice(s, s + len);
  }

  open() {
    if (this.n[this.i++] !== STRUCT) throw outOfStep(this.i - 1, 'a struct');
  }

  close(o) {
    if (this.n[this.i++] !== END) throw outOfStep(this.i - 1, 'the end of a struct');
    return o;
  }

  /** null, or what `read` reads. */
  optional(read) {
    if (this.n[this.i] === NULL) {
      this.i++;
      return null;
    }
    return read.call(this);
  }

  /** An array of what `read` reads. */
  list(read) {
    const n = this.n;
    if (n[this.i++] !== ARRAY) throw outOfStep(this.i - 1, 'an array');
    const a = [];
    while (n[this.i] !== END) a.push(read.call(this));
    this.i++;
    return a;
  }

  /** A field `skip_serializing_if` may leave out: set on `o` when written. */
  maybe(o, key, read) {
    if (this.n[this.i] === SKIPPED) {
      this.i++;
    } else {
      o[key] = read.call(this);
    }
  }

  report() {
    this.open();
    return this.close({
      schema: this.value(),
      offsets: this.value(),
      stats: this.stats(),
      published: this.value(),
      document: this.document(),
      metrics: this.list(this.metric),
      findings: this.list(this.finding),
      entities: this.list(this.entity),
      pillars: this.list(this.pillar),
      activities: this.list(this.activity),
    });
  }

  span() {
    this.open();
    return this.close({ start: this.value(), end: this.value() });
  }

  stats() {
    this.open();
    return this.close({ chars: this.value(), sentences: this.value(), milliseconds: this.value(), html: this.value() });
  }

  document() {
    this.open();
    return this.close({
      title: this.value(),
      locality: this.value(),
      paragraphs: this.value(),
      sections: this.list(this.section),
      repeatedParagraphs: this.list(this.span),
    });
  }

  section() {
    this.open();
    return this.close({ heading: this.value(), span: this.span(), locality: this.value() });
  }

  metric() {
    this.open();
    return this.close({
      id: this.value(),
      kind: this.value(),
      labelVi: this.value(),
      labelEn: this.value(),
      value: this.value(),
      valueText: this.value(),
      valueTo: this.value(),
      of: this.value(),
      unit: this.value(),
      qualifier: this.value(),
      period: this.optional(this.period),
      locality: this.value(),
      partners: this.list(this.partner),
      change: this.optional(this.change),
      planPercent: this.value(),
      planValue: this.value(),
      span: this.span(),
      text: this.value(),
      sentence: this.span(),
      confidence: this.value(),
      rule: this.value(),
      flags: this.value(),
      repeat: this.value(),
      relation: this.optional(this.relation),
      activity: this.value(),
    });
  }

  period() {
    this.open();
    return this.close({ from: this.value(), to: this.value(), cumulative: this.value(), source: this.value() });
  }

  partner() {
    this.open();
    return this.close({ name: this.value(), code: this.value(), type: this.value() });
  }

  change() {
    this.open();
    return this.close({ direction: this.value(), percent: this.value(), amount: this.value(), basis: this.value(), times: this.value() });
  }

  relation() {
    this.open();
    return this.close({ type: this.value(), metric: this.value() });
  }

  finding() {
    this.open();
    const o = {
      code: this.value(),
      severity: this.value(),
      messageVi: this.value(),
      messageEn: this.value(),
      spans: this.list(this.span),
      metrics: this.value(),
    };
    this.maybe(o, 'document', this.value);
    this.maybe(o, 'sources', function () {
      return this.list(this.source);
    });
    return this.close(o);
  }

  source() {
    this.open();
    return this.close({ document: this.value(), metric: this.value(), span: this.span(), text: this.value(), restatement: this.value() });
  }

  /** An entity is a map: its document's or person's fields are flattened into it. */
  entity() {
    const n = this.n;
    if (n[this.i++] !== MAP) throw outOfStep(this.i - 1, 'an entity');
    const o = {};
    while (n[this.i] !== END) {
      const key = this.value();
      o[key] = key === 'mentions' ? this.list(this.mention) : this.value();
    }
    this.i++;
    return o;
  }

  mention() {
    this.open();
    return this.close({ span: this.span(), text: this.value() });
  }

  pillar() {
    this.open();
    return this.close({
      key: this.value(),
      labelVi: this.value(),
      labelEn: this.value(),
      share: this.value(),
      evidence: this.list(this.mention),
    });
  }

  activity() {
    this.open();
    return this.close({
      id: this.value(),
      type: this.value(),
      labelVi: this.value(),
      labelEn: this.value(),
      cameo: this.value(),
      locality: this.value(),
      counterparts: this.list(this.counterpart),
      period: this.optional(this.period),
      trigger: this.mention(),
      sentence: this.span(),
      metrics: this.value(),
    });
  }

  counterpart() {
    this.open();
    return this.close({ entity: this.value(), name: this.value(), code: this.value(), type: this.value() });
  }
}

/**
 * The report a raw `analyzeTapePieces` call writes: `write(sink)` makes the
 * call, the sink gathers the pieces (so the tape is never whole in the WASM
 * memory), and the joined tape is read.
 */
export function readReportTape(write) {
  const numbers = [];
  const texts = [];
  write((piece, text) => {
    numbers.push(piece);
    texts.push(text);
  });
  let all = numbers.length === 1 ? numbers[0] : null;
  if (all === null) {
    let length = 0;
    for (const piece of numbers) length += piece.length;
    all = new Float64Array(length);
    let at = 0;
    for (const piece of numbers) {
      all.set(piece, at);
      at += piece.length;
    }
  }
  const reader = new TapeReader(all, texts.join(''));
  const report = reader.report();
  if (reader.i !== all.length) throw outOfStep(reader.i, 'the end of the report');
  return report;
}
