// Node entry: loads the nodejs build of the WASM synchronously.
import { createRequire } from 'node:module';
import { makeApi } from './api.js';

const require = createRequire(import.meta.url);
const raw = require('../pkg/nodejs/ngoaivu.js');

export const { analyze, Analyzer, Corpus, kinds, version } = makeApi(raw);
