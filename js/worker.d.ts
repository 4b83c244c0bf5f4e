// TypeScript declarations for `ngoaivu/worker`: the analyzer in a Web
// Worker behind promises. Reports and options are those of `ngoaivu`.
import type { KindInfo, Options, Report } from './index.js';

export type { KindInfo, Options, Report } from './index.js';

/** An analyzer running in its own Web Worker. */
export interface WorkerAnalyzer {
  /** The package version, as the worker reports it. */
  readonly version: string;
  /** Every metric kind with its labels. */
  readonly kinds: readonly KindInfo[];
  /**
   * Analyzes `text` off the main thread. Rejects with an Error whose `code`
   * is that of the synchronous API (`bad_option`, `bad_input`,
   * `input_too_large` …), `terminated` after `terminate()`, or
   * `worker_error` when the worker broke.
   */
  analyze(text: string, options?: Options): Promise<Report>;
  /** Stops the worker; pending and later calls reject with code `terminated`. */
  terminate(): void;
}

export interface WorkerAnalyzerSettings {
  /** Where the worker script is served, when not next to this module. */
  workerUrl?: string | URL;
}

/**
 * Starts a worker; resolves once the WASM is loaded and `options` are
 * accepted (a bad option rejects with a TypeError, code `bad_option`).
 */
export function createWorkerAnalyzer(options?: Options, settings?: WorkerAnalyzerSettings): Promise<WorkerAnalyzer>;
