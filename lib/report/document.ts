import { EXIT } from '../errors.ts';
import type { Decision } from '../verdict/decide.ts';
import type { CheckResult, Verdict } from '../verdict/types.ts';

/** One check as verdict.json carries it (DESIGN.md "Outputs"): a CheckResult without its timing. */
export type VerdictCheck = Omit<CheckResult, 'durationMs'>;

/**
 * verdict.json: read by Argo Rollouts / Flagger web metrics (jsonPath `{$.verdict}`) and scripts.
 * The fields DESIGN.md names come first; the rest explain the run.
 */
export interface VerdictDocument {
  verdict: Verdict;
  target: string;
  /** The version the target reported on /health, else the expected one, else null. */
  version: string | null;
  startedAt: string;
  durationMs: number;
  checks: VerdictCheck[];
  exitCode: number;
  mode: string;
  /** The command that produced it: every gating command writes the same document. */
  command: 'gate' | 'watch' | 'load' | 'k6:junit';
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
  if (r.threshold !== undefined) c.threshold = r.threshold;
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
  if (input.expectedVersion !== undefined) doc.expectedVersion = input.expectedVersion;
  if (input.browser !== undefined) doc.browser = input.browser;
  if (input.cancelled !== undefined) doc.cancelled = input.cancelled;
  return doc;
}
