// The demo's Web Worker: loads the web build of the WASM, holds the corpus
// (www/engine.js) and answers {id, op, args} with {id, ok, result | error},
// so long reports and many files never freeze the page.
import init, * as raw from '../pkg/web/ngoaivu.js';
import { makeApi } from '../js/api.js';
import { createEngine, errorData } from './engine.js';

const ready = init({ module_or_path: new URL('../pkg/web/ngoaivu_bg.wasm', import.meta.url) }).then(() =>
  createEngine(makeApi(raw)),
);
ready.catch(() => {}); // reported to each request instead

self.addEventListener('message', async (event) => {
  const msg = event.data;
  if (!msg || typeof msg.id !== 'number') return;
  try {
    const engine = await ready;
    self.postMessage({ id: msg.id, ok: true, result: engine.run(msg.op, msg.args) });
  } catch (e) {
    self.postMessage({ id: msg.id, ok: false, error: errorData(e) });
  }
});
