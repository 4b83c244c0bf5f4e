// The JS API over the raw wasm-bindgen exports: options checked in JS with
// TypeError-style messages, reports parsed into plain objects, errors
// rethrown as Error objects with a `code`. Shared by the Node and browser
// entries, which differ only in how they load the WASM.

const now = () => (globalThis.performance ? globalThis.performance.now() : Date.now());

const OPTION_TYPES = {
  format: (v) => v === 'text' || v === 'html' || v === 'auto',
  published: (v) => v == null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)),
  locality: (v) => v == null || typeof v === 'string',
  maxInputBytes: (v) => Number.isInteger(v) && v > 0,
};

const OPTION_HINTS = {
  format: '"text", "html" or "auto"',
  published: 'a date string YYYY-MM-DD',
  locality: 'a string',
  maxInputBytes: 'a positive integer',
};

function codedError(ErrorType, message, code) {
  const e = new ErrorType(message);
  e.code = code;
  return e;
}

/** Checks options; throws a TypeError naming the bad option. */
export function checkOptions(options) {
  if (options == null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw codedError(TypeError, 'ngoaivu: options must be an object', 'bad_option');
  }
  for (const [key, value] of Object.entries(options)) {
    const ok = OPTION_TYPES[key];
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

/** Builds the public API from the raw wasm-bindgen module. */
export function makeApi(raw) {
  function run(text, options) {
    const opts = JSON.stringify(checkOptions(options));
    const t0 = now();
    let json;
    try {
      // The core measures nothing; the time is filled in from here.
      json = raw.analyzeJson(checkText(text), opts, 0);
    } catch (e) {
      rethrow(e);
    }
    const report = JSON.parse(json);
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

  const kinds = JSON.parse(raw.kindsJson());
  const version = raw.version();
  return { analyze, Analyzer, kinds, version };
}
