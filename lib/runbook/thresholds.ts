/**
 * Every threshold of the runbook, once, as data (DESIGN.md "Runbook items → checks").
 * Dependency-free on purpose: k6 scripts import this file too.
 * Between `target` and `alert` a value is a warning; beyond `alert` it fails.
 * Each can be overridden by config through the env variable named in `env` (lib/config).
 */
export interface Threshold {
  /** Runbook id that owns this threshold. */
  id: string;
  /** What is measured, in `unit`. */
  metric: string;
  unit: 'ms' | 's' | '%' | '×';
  /** Good below this (strictly), or up to and including it when `inclusiveTarget` is set. */
  target: number;
  /**
   * The runbook states some targets as "≤" (a ratio of exactly 1.2 is within target): then a value equal to
   * the target passes, and the description says "≤". The alert stays strict ("fails above").
   */
  inclusiveTarget?: boolean;
  /** Fails above this (strictly). */
  alert: number;
  /** Env variable prefix for overrides: `<env>_TARGET` and `<env>_ALERT`. */
  env: string;
}

export const THRESHOLDS = {
  generation: { id: 'RB-09', metric: 'generation time for 30 posts', unit: 's', target: 90, alert: 120, env: 'CJ_GENERATION_S' },
  pageLoad: { id: 'RB-12', metric: 'dashboard page load', unit: 'ms', target: 2000, alert: 5000, env: 'CJ_PAGE_LOAD_MS' },
  apiP95: { id: 'RB-14', metric: 'API latency p95', unit: 'ms', target: 200, alert: 500, env: 'CJ_API_P95_MS' },
  errorRate: { id: 'RB-15', metric: 'error rate', unit: '%', target: 0.1, alert: 1, env: 'CJ_ERROR_RATE_PCT' },
  dbP95: { id: 'RB-16', metric: 'database query latency p95', unit: 'ms', target: 50, alert: 200, env: 'CJ_DB_P95_MS' },
  /** Candidate vs live (blue-green): the candidate's p95 as a multiple of live's, judged only when significant. */
  liveP95Ratio: { id: 'RB-14', metric: 'API latency p95, candidate / live', unit: '×', target: 1.2, alert: 1.5, inclusiveTarget: true, env: 'CJ_LIVE_P95_RATIO' },
  /** Candidate vs live: how far the candidate's error rate is above live's, in percentage points. */
  liveErrorRateDelta: { id: 'RB-15', metric: 'error rate above live', unit: '%', target: 0.1, alert: 1, env: 'CJ_LIVE_ERROR_RATE_PCT' },
} as const satisfies Record<string, Threshold>;

export type ThresholdName = keyof typeof THRESHOLDS;
export type ThresholdSet = Record<ThresholdName, Threshold>;

/** Rollback triggers that are a single limit, not a target/alert pair. */
export const TRIGGERS = {
  /** RB-15: 5xx above this share of requests is a rollback trigger (runbook "Immediate Rollback"). */
  status5xxRollbackPct: 10,
  /** RB-17: consecutive failed health polls that trigger a rollback. */
  consecutiveHealthFailures: 3,
  /** RB-17: more than this many 5xx in any window of `window5xxS` seconds triggers a rollback. */
  max5xxInWindow: 10,
  window5xxS: 300,
} as const;

export type ThresholdOutcome = 'pass' | 'warn' | 'fail';

/**
 * A load generator that fell behind its schedule puts its own delay into open-model latencies. When its
 * scheduling lag p99 exceeds this share of a latency target, the latency results say so with the figure.
 */
export const GENERATOR_LAG_SHARE = 0.1;

/** Significance a candidate-vs-live difference needs before it may warn or fail (Mann–Whitney / Fisher). */
export const LIVE_ALPHA = 0.01;

/** Pure: where a measured value falls against a threshold. NaN or a non-finite value is never a pass. */
export function evaluateThreshold(value: number, t: Pick<Threshold, 'target' | 'alert' | 'inclusiveTarget'>): ThresholdOutcome {
  if (!Number.isFinite(value)) return 'fail';
  if (value > t.alert) return 'fail';
  if (t.inclusiveTarget ? value > t.target : value >= t.target) return 'warn';
  return 'pass';
}

/** "target < 200 ms, alert > 500 ms"; an inclusive target reads "target ≤ 1.2×". */
export function describeThreshold(t: Pick<Threshold, 'target' | 'alert' | 'unit' | 'inclusiveTarget'>): string {
  const u = t.unit === '%' ? ' %' : t.unit === '×' ? '×' : ` ${t.unit}`;
  return `target ${t.inclusiveTarget ? '≤' : '<'} ${t.target}${u}, alert > ${t.alert}${u}`;
}
