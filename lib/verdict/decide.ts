import type { CheckResult, Verdict } from './types.ts';

/** The verdict and the evidence behind it, so reports can say why. */
export interface Decision {
  verdict: Verdict;
  /** Checks with status fail, most severe first. */
  failed: CheckResult[];
  /** Checks that could not be evaluated. */
  errored: CheckResult[];
  /** Passed with a warning (between target and alert). */
  warned: CheckResult[];
  /** One line per reason, e.g. "RB-05 database connection (critical): fail — …". */
  reasons: string[];
}

const RANK = { critical: 0, major: 1, minor: 2 } as const;

type Reasoned = Pick<CheckResult, 'title' | 'severity' | 'status' | 'message'>;

/** How a reason names its check: "RB-05 database connection (critical)". */
export function reasonLabel(r: Pick<CheckResult, 'title' | 'severity'>): string {
  return `${r.title} (${r.severity})`;
}

/** What a reason says happened to its check (a blocking failure or an error). */
export function reasonWhat(status: CheckResult['status']): string {
  return status === 'error' ? 'could not be evaluated' : 'failed';
}

/** One reason of the verdict, e.g. "RB-05 database connection (critical) failed: HTTP 503". */
export function reasonOf(r: Reasoned): string {
  const detail = r.message ? `: ${r.message}` : '';
  return `${reasonLabel(r)} ${reasonWhat(r.status)}${detail}`;
}

/**
 * Pure: DESIGN.md "Verdict". rollback if a critical check failed, else hold if a major one failed,
 * else inconclusive if anything errored (or there is no evidence at all), else promote.
 * Minor failures and warnings never block; they are listed. Missing evidence must already be an
 * `error` result (see `requireEvidence`); an empty list is inconclusive, never a promote.
 */
export function decideVerdict(results: readonly CheckResult[]): Decision {
  const bySeverity = (a: CheckResult, b: CheckResult) => RANK[a.severity] - RANK[b.severity];
  const failed = results.filter((r) => r.status === 'fail').sort(bySeverity);
  const errored = results.filter((r) => r.status === 'error').sort(bySeverity);
  const warned = results.filter((r) => r.status === 'warn');
  const critical = failed.filter((r) => r.severity === 'critical');
  const major = failed.filter((r) => r.severity === 'major');
  let verdict: Verdict;
  let reasons: string[];
  if (critical.length > 0) {
    verdict = 'rollback';
    reasons = critical.map(reasonOf);
  } else if (major.length > 0) {
    verdict = 'hold';
    reasons = major.map(reasonOf);
  } else if (errored.length > 0) {
    verdict = 'inconclusive';
    reasons = errored.map(reasonOf);
  } else if (results.length === 0) {
    verdict = 'inconclusive';
    reasons = ['no check produced a result (missing evidence)'];
  } else {
    verdict = 'promote';
    reasons = [];
  }
  return { verdict, failed, errored, warned, reasons };
}

/** Failing = fail or error: what the fault matrix compares. */
export function failingIds(results: readonly CheckResult[]): string[] {
  return [...new Set(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.id))].sort();
}
