// Node entry: instantiates the same web build of the WASM that browsers
// use, synchronously from the file next to it (so the package ships one
// .wasm, not one per target).
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/web/ngoaivu.js';
import * as raw from '../pkg/web/ngoaivu.js';
import { makeApi } from './api.js';

initSync({ module: readFileSync(new URL('../pkg/web/ngoaivu_bg.wasm', import.meta.url)) });

export const { analyze, Analyzer, Corpus, kinds, version } = makeApi(raw);
