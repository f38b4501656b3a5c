import { EXIT } from '../errors.ts';
import { parseLimits } from '../runbook/limits.ts';
import type { Decision } from '../verdict/decide.ts';
import type { CheckResult, Verdict } from '../verdict/types.ts';

/**
 * One check as verdict.json carries it (DESIGN.md "Outputs"): a CheckResult without its timing, and
 * its threshold also as numbers, in `unit`, when the threshold text states them.
 */
export interface VerdictCheck extends Omit<CheckResult, 'durationMs'> {
  /** Good strictly below this (up to and including it for an inclusive "target ≤"). */
  target?: number;
  /** Fails strictly above this. */
  alert?: number;
}

/**
 * verdict.json: read by Argo Rollouts / Flagger web metrics (jsonPath `{$.verdict}`) and scripts.
 * The fields DESIGN.md names come first; the rest explain the run.
 */
export interface VerdictDocument {
  verdict: Verdict;
  target: string;
  /**
   * The version the target reported on /health, else the expected one, else null. Kept for readers
   * of earlier documents; `reportedVersion` says what the target itself reported.
   */
  version: string | null;
  startedAt: string;
  durationMs: number;
  checks: VerdictCheck[];
  exitCode: number;
  mode: string;
  /** The command that produced it: every gating command writes the same document. */
  command: 'gate' | 'watch' | 'load' | 'k6:junit';
  /** What the target reported on /health; absent when it reported none (then nothing is known). */
  reportedVersion?: string;
  expectedVersion?: string;
  /** Set when a signal stopped the run: the verdict is then inconclusive whatever was seen before. */
  cancelled?: string;
  finishedAt: string;
  reasons: string[];
  /** Which browser ran the checks, when they ran. */
  browser?: string;
}

export interface DocumentInput {
  command: VerdictDocument['command'];
  results: readonly CheckResult[];
  decision: Decision;
  target: string;
  mode: string;
  reportedVersion?: string;
  expectedVersion?: string;
  startedAt: Date;
  finishedAt: Date;
  browser?: string;
  cancelled?: string;
}

function toCheck(r: CheckResult): VerdictCheck {
  const c: VerdictCheck = { id: r.id, title: r.title, severity: r.severity, status: r.status, source: r.source };
  // NaN or Infinity serialise as null in JSON: still visible as "no usable value".
  if (r.measured !== undefined) c.measured = r.measured;
  if (r.unit !== undefined) c.unit = r.unit;
  if (r.threshold !== undefined) {
    c.threshold = r.threshold;
    // The text is what the check was judged against (overrides included): its numbers are read back
    // once, here, for every reader of the document (history, metrics, scripts).
    Object.assign(c, parseLimits(r.threshold));
  }
  if (r.message !== undefined) c.message = r.message;
  return c;
}

/** Pure: the verdict document of a run. */
export function buildVerdictDocument(input: DocumentInput): VerdictDocument {
  const doc: VerdictDocument = {
    verdict: input.decision.verdict,
    target: input.target,
    version: input.reportedVersion ?? input.expectedVersion ?? null,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.max(0, Math.round(input.finishedAt.getTime() - input.startedAt.getTime())),
    checks: input.results.map(toCheck),
    exitCode: EXIT[input.decision.verdict],
    mode: input.mode,
    command: input.command,
    finishedAt: input.finishedAt.toISOString(),
    reasons: input.decision.reasons,
  };
  if (input.reportedVersion !== undefined) doc.reportedVersion = input.reportedVersion;
  if (input.expectedVersion !== undefined) doc.expectedVersion = input.expectedVersion;
  if (input.browser !== undefined) doc.browser = input.browser;
  if (input.cancelled !== undefined) doc.cancelled = input.cancelled;
  return doc;
}
