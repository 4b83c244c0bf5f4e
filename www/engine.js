// The demo's analysis engine: one ngoaivu Corpus behind a small message
// protocol ({op, args} → result). www/worker.js runs it in a Web Worker; the
// page runs the same code on the main thread when no module worker can start
// (a single-file build opened from file://).

/** Wraps the public API (`makeApi(raw)` or `import('ngoaivu')`) in a corpus engine. */
export function createEngine(api) {
  let corpus = new api.Corpus();
  const now = () => (globalThis.performance ? performance.now() : Date.now());

  const ops = {
    info: () => ({ version: api.version, kinds: api.kinds }),
    /** Adds one document; returns its corpus id and report (with the time it took). */
    add: ({ text, name, published, locality, format }) => {
      const doc = { name: name || undefined, format: format || 'auto' };
      if (published) doc.published = published;
      if (locality) doc.locality = locality;
      const t0 = now();
      const id = corpus.add(text, doc);
      const report = corpus.report(id);
      report.stats.milliseconds = now() - t0;
      return { id, report };
    },
    remove: ({ id }) => corpus.remove(id),
    clear: () => {
      corpus.free();
      corpus = new api.Corpus();
      return true;
    },
    summary: () => corpus.summary(),
    metricsCsv: ({ bom }) => corpus.metricsCsv({ bom: Boolean(bom) }),
    factsCsv: ({ bom }) => corpus.factsCsv({ bom: Boolean(bom) }),
  };

  return {
    /** Runs one operation; throws what the API throws. */
    run(op, args) {
      const f = ops[op];
      if (!f) throw Object.assign(new Error(`unknown operation ${JSON.stringify(op)}`), { code: 'internal' });
      return f(args || {});
    },
  };
}

/** An Error as plain data that survives postMessage. */
export function errorData(e) {
  if (e && typeof e === 'object') {
    return { name: String(e.name || 'Error'), message: String(e.message ?? e), code: typeof e.code === 'string' ? e.code : 'internal' };
  }
  return { name: 'Error', message: String(e), code: 'internal' };
}
