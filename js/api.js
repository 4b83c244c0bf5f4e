// The JS API over the raw wasm-bindgen exports: options checked in JS with
// TypeError-style messages, reports read into plain objects, errors
// rethrown as Error objects with a `code`. Shared by the Node and browser
// entries, which differ only in how they load the WASM.

import { readReportTape } from './tape.js';

const now = () => (globalThis.performance ? globalThis.performance.now() : Date.now());

const OPTION_TYPES = {
  format: (v) => v === 'text' || v === 'html' || v === 'auto',
  published: (v) => v == null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)),
  locality: (v) => v == null || typeof v === 'string',
  maxInputBytes: (v) => Number.isInteger(v) && v > 0,
  exchangeRates: (v) => v != null && typeof v === 'object' && !Array.isArray(v),
};

const CORPUS_OPTION_TYPES = {
  ...OPTION_TYPES,
  maxCorpusBytes: (v) => Number.isInteger(v) && v > 0,
};

const DOCUMENT_OPTION_TYPES = {
  name: (v) => v == null || typeof v === 'string',
  format: OPTION_TYPES.format,
  published: OPTION_TYPES.published,
  locality: OPTION_TYPES.locality,
};

const OPTION_HINTS = {
  format: '"text", "html" or "auto"',
  published: 'a date string YYYY-MM-DD',
  locality: 'a string',
  maxInputBytes: 'a positive integer',
  maxCorpusBytes: 'a positive integer',
  exchangeRates: 'an object {"YYYY": {"USD": dong per dollar, …}}',
  name: 'a string',
};

function codedError(ErrorType, message, code) {
  const e = new ErrorType(message);
  e.code = code;
  return e;
}

/** Checks options; throws a TypeError naming the bad option. */
export function checkOptions(options, types = OPTION_TYPES) {
  if (options == null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw codedError(TypeError, 'ngoaivu: options must be an object', 'bad_option');
  }
  for (const [key, value] of Object.entries(options)) {
    const ok = types[key];
    if (!ok) throw codedError(TypeError, `ngoaivu: unknown option \`${key}\``, 'bad_option');
    if (!ok(value)) {
      throw codedError(TypeError, `ngoaivu: option \`${key}\` must be ${OPTION_HINTS[key]}`, 'bad_option');
    }
  }
  return options;
}

function checkText(text) {
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : typeof text;
    throw codedError(TypeError, `ngoaivu: text must be a string, got ${got}`, 'bad_input');
  }
  return text;
}

function rethrow(e) {
  if (e instanceof Error) throw e;
  throw codedError(Error, String(e), 'internal');
}

/**
 * The JSON a raw `…Pieces` function hands to its sink a piece at a time (so
 * it is never whole in the WASM memory), joined.
 */
function joined(write) {
  const pieces = [];
  write((piece) => {
    pieces.push(piece);
  });
  return pieces.join('');
}

/** Builds the public API from the raw wasm-bindgen module. */
export function makeApi(raw) {
  function run(text, options) {
    const opts = JSON.stringify(checkOptions(options));
    const t0 = now();
    let report;
    try {
      // The core measures nothing; the time is filled in from here. The
      // report crosses as a tape, read into the objects its JSON would give
      // (js/tape.js): several times faster than JSON.parse.
      report = readReportTape((sink) => raw.analyzeTapePieces(checkText(text), opts, 0, sink));
    } catch (e) {
      rethrow(e);
    }
    report.stats.milliseconds = now() - t0;
    return report;
  }

  /** Analyzes one document and returns its report. */
  function analyze(text, options) {
    return run(text, options);
  }

  /** Holds options (and the compiled tables, which load once per module). */
  class Analyzer {
    constructor(options) {
      this.options = { ...checkOptions(options) };
    }
    analyze(text, options) {
      return run(text, { ...this.options, ...checkOptions(options) });
    }
  }

  function call(f) {
    try {
      return f();
    } catch (e) {
      return rethrow(e);
    }
  }

  /**
   * Many documents: add, remove, and ask for the summary at any time
   * (facts with their sources, series, conflicts, partners, findings).
   */
  class Corpus {
    constructor(options) {
      const opts = JSON.stringify(checkOptions(options, CORPUS_OPTION_TYPES));
      this._raw = call(() => new raw.RawCorpus(opts));
    }
    /** Analyzes and adds a document; returns its id ("d1", "d2", …). */
    add(text, doc) {
      const d = JSON.stringify(checkOptions(doc, DOCUMENT_OPTION_TYPES));
      return call(() => this._raw.add(checkText(text), d));
    }
    /** Removes a document; false when the id is unknown. */
    remove(id) {
      return this._raw.remove(String(id));
    }
    get size() {
      return this._raw.size();
    }
    documents() {
      return JSON.parse(call(() => joined((sink) => this._raw.documentsJsonPieces(sink))));
    }
    /** A document's report, or undefined. */
    report(id) {
      try {
        return readReportTape((sink) => this._raw.reportTapePieces(String(id), sink));
      } catch (e) {
        if (e && e.code === 'no_such_document') return undefined;
        return rethrow(e);
      }
    }
    summary() {
      return JSON.parse(call(() => joined((sink) => this._raw.summaryJsonPieces(sink))));
    }
    /** Every metric of every document as CSV; `bom: true` for Excel. */
    metricsCsv({ bom = false } = {}) {
      return this._raw.metricsCsv(Boolean(bom));
    }
    /** Every fact with its sources as CSV. */
    factsCsv({ bom = false } = {}) {
      return this._raw.factsCsv(Boolean(bom));
    }
    /** Frees the WASM memory now rather than at garbage collection. */
    free() {
      this._raw.free();
    }
  }

  const kinds = JSON.parse(raw.kindsJson());
  const version = raw.version();
  return { analyze, Analyzer, Corpus, kinds, version };
}
