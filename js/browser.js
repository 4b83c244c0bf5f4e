// Browser and bundler entry: instantiates the web build of the WASM once
// (top-level await), so `import { analyze } from 'ngoaivu'` works as in Node.
import init, * as raw from '../pkg/web/ngoaivu.js';
import { makeApi } from './api.js';

await init({ module_or_path: new URL('../pkg/web/ngoaivu_bg.wasm', import.meta.url) });

export const { analyze, Analyzer, Corpus, kinds, version } = makeApi(raw);
