/** Severity from the runbook: critical = rollback trigger, major = blocks promotion, minor = reported. */
export type Severity = 'critical' | 'major' | 'minor';

/** pass/warn/fail from thresholds; skip = not run in this mode; error = could not be evaluated. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip' | 'error';

export type Verdict = 'promote' | 'hold' | 'rollback' | 'inconclusive';

/** One evaluated check: the unit of evidence every producer (checks, load, gate, watch) emits. */
export interface CheckResult {
  /** Runbook id, e.g. "RB-09". Several results may share an id (load: one per profile). */
  id: string;
  /** Unique, human title; starts with the id. Becomes the JUnit testcase name. */
  title: string;
  severity: Severity;
  status: CheckStatus;
  /** Measured value, as a number in `unit`, when the check measures something. */
  measured?: number;
  unit?: string;
  /** Human form of the threshold, e.g. "target < 90 s, alert > 120 s". */
  threshold?: string;
  /** Why it failed/warned/errored, naming the cause. Never contains secrets. */
  message?: string;
  durationMs?: number;
  /** Which producer made it. */
  source: 'checks' | 'load' | 'gate' | 'watch';
}
