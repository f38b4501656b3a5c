import type { VerdictCheck, VerdictDocument } from '../report/document.ts';
import type { Verdict } from '../verdict/types.ts';

/**
 * Written in every line, so a reader can tell our lines from anything else in the file and a later
 * format from this one. Bump the number when a field changes meaning or disappears.
 */
export const HISTORY_FORMAT = 'jumpstart-gate/history@1';

/**
 * One result of a run, as the history keeps it: the check as verdict.json carries it (threshold
 * numbers included), without its message text or producer. A non-finite measurement is kept as absent.
 */
type HistoryResult = Omit<VerdictCheck, 'message' | 'source'>;

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

function toResult({ message: _message, source: _source, ...result }: VerdictCheck): HistoryResult {
  if (result.measured !== undefined && !Number.isFinite(result.measured)) delete result.measured;
  return result;
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
