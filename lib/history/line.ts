import type { VerdictDocument } from '../report/document.ts';
import type { CheckStatus, Severity, Verdict } from '../verdict/types.ts';

/**
 * Written in every line, so a reader can tell our lines from anything else in the file and a later
 * format from this one. Bump the number when a field changes meaning or disappears.
 */
export const HISTORY_FORMAT = 'jumpstart-gate/history@1';

/** One result of a run, as the history keeps it: enough to chart and judge it, no message text. */
interface HistoryResult {
  id: string;
  title: string;
  severity: Severity;
  status: CheckStatus;
  /** Absent when nothing was measured; a non-finite measurement is kept as absent too. */
  measured?: number;
  unit?: string;
  /** The threshold as the check described it. */
  threshold?: string;
  /** The same threshold as numbers, in `unit`, when the description states them. */
  target?: number;
  alert?: number;
}

/** One line of the history file: one run, whatever its verdict. */
export interface HistoryLine {
  format: typeof HISTORY_FORMAT;
  /** When the run finished (ISO 8601): the time the run is filed under. */
  time: string;
  startedAt: string;
  target: string;
  /** The version the target reported on /health; null when it reported none (never the expected one). */
  version: string | null;
  /** The version the run expected, when it was given one. */
  expectedVersion?: string;
  mode: string;
  command: string;
  verdict: Verdict;
  exitCode: number;
  durationMs: number;
  results: HistoryResult[];
}

function toResult(c: VerdictDocument['checks'][number]): HistoryResult {
  const r: HistoryResult = { id: c.id, title: c.title, severity: c.severity, status: c.status };
  if (c.measured !== undefined && Number.isFinite(c.measured)) r.measured = c.measured;
  if (c.unit !== undefined) r.unit = c.unit;
  if (c.threshold !== undefined) r.threshold = c.threshold;
  if (c.target !== undefined) r.target = c.target;
  if (c.alert !== undefined) r.alert = c.alert;
  return r;
}

/** Pure: the history line of a run. */
export function toHistoryLine(doc: VerdictDocument): HistoryLine {
  return {
    format: HISTORY_FORMAT,
    time: doc.finishedAt,
    startedAt: doc.startedAt,
    target: doc.target,
    version: doc.reportedVersion ?? null,
    ...(doc.expectedVersion !== undefined ? { expectedVersion: doc.expectedVersion } : {}),
    mode: doc.mode,
    command: doc.command,
    verdict: doc.verdict,
    exitCode: doc.exitCode,
    durationMs: doc.durationMs,
    results: doc.checks.map(toResult),
  };
}
