import type { CheckResult } from '../verdict/types.ts';
import type { VerdictDocument } from './document.ts';
import type { SummaryExtras } from './summary.ts';

/** What every output format renders from: the verdict document, the results with their timings, extras. */
export interface RunReport {
  doc: VerdictDocument;
  /** Every result in order, with `durationMs` (verdict.json leaves timings out; JUnit needs them). */
  results: readonly CheckResult[];
  extras: SummaryExtras;
  /** Choices of the run that change how a format is written (--junit strict). */
  options?: { junitStrict?: boolean };
}

/**
 * One report format: a file name in the out dir and a pure `render`. Each lives in its own module
 * under `outputs/` and exports `output`; the writer finds them there, so a new format is one file.
 */
export interface Output {
  file: string;
  render: (report: RunReport) => string;
  /** Also appended to $GITHUB_STEP_SUMMARY when that is set. */
  stepSummary?: boolean;
}
