// The Web Worker side of `ngoaivu/worker`: loads the web build of the WASM
// (without top-level await, so bundlers may emit the worker in any format),
// holds one Analyzer, and answers {id, op, …} messages with {id, ok, result}
// or {id, ok: false, error: {name, message, code}}.
import init, * as raw from '../pkg/web/ngoaivu.js';
import { makeApi } from './api.js';

let analyzer = null;
let api = null;
const ready = init({ module_or_path: new URL('../pkg/web/ngoaivu_bg.wasm', import.meta.url) }).then(() => {
  api = makeApi(raw);
}, (e) => {
  const err = new Error(`ngoaivu worker: the WASM did not load: ${e && e.message ? e.message : e}`);
  err.code = 'load_failed';
  throw err;
});
ready.catch(() => {}); // reported to each request instead

function errorData(e) {
  if (e && typeof e === 'object') {
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: String(e.message ?? e),
      code: typeof e.code === 'string' ? e.code : 'internal',
    };
  }
  return { name: 'Error', message: String(e), code: 'internal' };
}

async function handle(msg) {
  await ready;
  switch (msg.op) {
    case 'init':
      analyzer = new api.Analyzer(msg.options ?? undefined);
      return { version: api.version, kinds: api.kinds };
    case 'analyze':
      if (!analyzer) analyzer = new api.Analyzer();
      return analyzer.analyze(msg.text, msg.options ?? undefined);
    default:
      throw Object.assign(new Error(`ngoaivu worker: unknown operation ${JSON.stringify(msg.op)}`), { code: 'internal' });
  }
}

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
  handle(msg).then(
    (result) => self.postMessage({ id: msg.id, ok: true, result }),
    (e) => self.postMessage({ id: msg.id, ok: false, error: errorData(e) }),
  );
});
