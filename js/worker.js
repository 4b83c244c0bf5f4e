// `ngoaivu/worker`: runs the analyzer in a Web Worker behind a promise API,
// so a long report never freezes the page:
//
//   const a = await createWorkerAnalyzer({ locality: 'Lạng Sơn' });
//   const report = await a.analyze(text);
//   a.terminate();
//
// Errors come back as Error objects (TypeError for bad options) with the
// same `code` as the synchronous API.

function codedError(name, message, code) {
  const e = name === 'TypeError' ? new TypeError(message) : new Error(message);
  e.code = code;
  return e;
}

class WorkerAnalyzer {
  constructor(worker) {
    this._worker = worker;
    this._pending = new Map();
    this._next = 1;
    this._closed = null; // the error later calls get once terminated or broken
    this.version = undefined;
    this.kinds = undefined;
    worker.addEventListener('message', (event) => {
      const msg = event.data;
      const p = msg && this._pending.get(msg.id);
      if (!p) return;
      this._pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(codedError(msg.error.name, msg.error.message, msg.error.code));
    });
    const broken = (what) => {
      this._fail(codedError('Error', `ngoaivu worker: ${what}`, 'worker_error'));
      worker.terminate();
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      broken(event.message || 'the worker script failed to load or threw');
    });
    worker.addEventListener('messageerror', () => broken('a message could not be read'));
  }

  _fail(error) {
    if (!this._closed) this._closed = error;
    for (const p of this._pending.values()) p.reject(error);
    this._pending.clear();
  }

  _call(message) {
    if (this._closed) return Promise.reject(this._closed);
    const id = this._next++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      try {
        this._worker.postMessage({ ...message, id });
      } catch (e) {
        this._pending.delete(id);
        reject(codedError('TypeError', `ngoaivu: options cannot be sent to the worker (${e.message})`, 'bad_option'));
      }
    });
  }

  /** Analyzes `text` in the worker; resolves to the report. */
  analyze(text, options) {
    if (typeof text !== 'string') {
      const got = text === null ? 'null' : typeof text;
      return Promise.reject(codedError('TypeError', `ngoaivu: text must be a string, got ${got}`, 'bad_input'));
    }
    return this._call({ op: 'analyze', text, options: options ?? null });
  }

  /** Stops the worker; pending and later calls reject with code `terminated`. */
  terminate() {
    this._fail(codedError('Error', 'ngoaivu worker: terminated', 'terminated'));
    this._worker.terminate();
  }
}

/**
 * Starts a worker and resolves once its WASM is loaded and `options` are
 * accepted (a bad option rejects with a TypeError, code `bad_option`).
 * `workerUrl` replaces the bundled worker script when a CMS serves it
 * from elsewhere.
 */
export async function createWorkerAnalyzer(options, { workerUrl } = {}) {
  const worker = workerUrl
    ? new Worker(workerUrl, { type: 'module', name: 'ngoaivu' })
    : new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module', name: 'ngoaivu' });
  const analyzer = new WorkerAnalyzer(worker);
  try {
    const info = await analyzer._call({ op: 'init', options: options ?? null });
    analyzer.version = info.version;
    analyzer.kinds = info.kinds;
  } catch (e) {
    analyzer.terminate();
    throw e;
  }
  return analyzer;
}
