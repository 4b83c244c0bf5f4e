// TypeScript declarations for `ngoaivu/panel`: the <ngoaivu-panel> custom
// element, its events and its place in HTMLElementTagNameMap.
import type { Report } from './index.js';

export type { Report } from './index.js';

/** The editors a panel reads. */
export type PanelTarget = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/**
 * `<ngoaivu-panel for="editor-id" lang="en" debounce="300" locality="…"
 * published="YYYY-MM-DD" format="text|html|auto">`: analyzes its editor as
 * the user types (in a Web Worker) and lists the figures and findings.
 * Fires `ngoaivu-report` after each analysis and `ngoaivu-error` on failure;
 * `data-state` is `analyzing`, `ready` or `error`, `data-run` counts analyses.
 */
export class NgoaivuPanel extends HTMLElement {
  static readonly observedAttributes: string[];
  /** `vi` (default) or `en`, from the `lang` attribute. */
  readonly language: 'vi' | 'en';
  /** The last report, or null before the first analysis. */
  readonly report: Report | null;
  /** The element being read, or null. */
  readonly target: PanelTarget | null;
  /** Debounce delay in milliseconds (attribute `debounce`, default 300). */
  readonly debounce: number;
  /** Where the worker script is served, when not next to the module. */
  workerUrl: string | URL | undefined;
  /**
   * Reads `element` from now on; throws a TypeError (code `bad_target`)
   * unless it is a textarea, a text input or contenteditable.
   */
  attach(element: PanelTarget): this;
  /** Stops reading the editor. */
  detach(): void;
  /** Analyzes the editor's text now (after programmatic edits). */
  refresh(): Promise<Report | null>;
}

export interface NgoaivuReportEventDetail {
  report: Report;
  /** The text analyzed: spans index into it. */
  text: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'ngoaivu-panel': NgoaivuPanel;
  }
  interface HTMLElementEventMap {
    'ngoaivu-report': CustomEvent<NgoaivuReportEventDetail>;
    'ngoaivu-error': CustomEvent<{ error: Error & { code?: string } }>;
  }
}
