import { catalogEntry } from '../lib/runbook/catalog.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { DB_ROUTE, PROFILES, type LoadProfile } from '../lib/runbook/profiles.ts';
import { evaluateMeasurements, type LoadThresholds } from './evaluate.ts';
import type { ErrorCause, LoadMeasurements, RouteMeasure } from './measurements.ts';

/** Metric names the k6 scripts (load/k6/) define or threshold; `{route:…}` ones are per-route sub-metrics. */
const K6_METRICS = {
  duration: 'http_req_duration',
  failed: 'http_req_failed',
  reqs: 'http_reqs',
  dropped: 'dropped_iterations',
  checks: 'checks',
  status5xx: 'status_5xx',
  /** Custom Counter: 429 answers (expected, so not in http_req_failed; not measured). */
  rateLimited: 'rate_limited',
  /** Custom Trend: duration of 2xx answers only (RB-16 judges these). */
  success: 'success_duration',
} as const;

/** A per-route sub-metric name, as k6 writes it in the summary. */
const routeMetric = (metric: string, path: string): string => `${metric}{route:${path}}`;

interface K6Metric {
  type?: string;
  values?: Record<string, number>;
  thresholds?: Record<string, { ok?: boolean }>;
}

/** The part of k6's handleSummary data (and of our summary file) that the conversion reads. */
export interface K6Summary {
  metrics?: Record<string, K6Metric>;
  state?: { testRunDurationMs?: number };
  /** Written by our handleSummary: which profile ran. */
  jumpstart?: { profile?: string };
}

export interface K6Conversion {
  results: CheckResult[];
  /** Lines worth printing (tool errors, inconsistencies). */
  notes: string[];
}

/** k6 exit codes: 99 = thresholds crossed (a verdict); 100+ and others = the tool failed (not a verdict). */
function describeK6Exit(code: number): { kind: 'ok' | 'thresholds' | 'tool'; text: string } {
  if (code === 0) return { kind: 'ok', text: 'k6 exited 0' };
  if (code === 99) return { kind: 'thresholds', text: 'k6 exited 99: thresholds were crossed' };
  return { kind: 'tool', text: `k6 exited ${code}: a tool error (setup/teardown failure, script error, config or timeout), not a verdict` };
}

const value = (m: K6Metric | undefined, key: string): number | undefined => {
  const v = m?.values?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const k6Failed = (...ms: (K6Metric | undefined)[]): string[] => ms.flatMap((m) => Object.entries(m?.thresholds ?? {}).filter(([, t]) => t.ok === false).map(([k]) => k));
const missing = (metric: string, stat: string): string => `metric ${metric} ${stat} missing from the k6 summary`;

/** RB-16's route: its requests, failures and 2xx durations are per-route sub-metrics our k6 plan thresholds. */
function dbMeasure(m: Record<string, K6Metric>, noRequests: boolean): RouteMeasure {
  const label = `GET ${DB_ROUTE}`;
  const reqs = value(m[routeMetric(K6_METRICS.reqs, DB_ROUTE)], 'count');
  const failed = value(m[routeMetric(K6_METRICS.failed, DB_ROUTE)], 'passes');
  const success = m[routeMetric(K6_METRICS.success, DB_ROUTE)];
  const ok = value(success, 'count') ?? (reqs !== undefined && failed !== undefined ? reqs - failed : undefined);
  const p95 = value(success, 'p(95)');
  const why = noRequests ? 'k6 sent nothing' : reqs === undefined ? missing(routeMetric(K6_METRICS.reqs, DB_ROUTE), 'count') : ok !== 0 && p95 === undefined ? missing(routeMetric(K6_METRICS.success, DB_ROUTE), 'p(95)') : undefined;
  const causes: ErrorCause[] = failed ? [{ count: failed, what: 'failed', route: label }] : [];
  return {
    label, measured: reqs ?? null, ok: ok ?? null, failed: failed ?? null, causes,
    success: { p95: p95 ?? null, serviceP95: p95 ?? null, vetoes: k6Failed(success, m[routeMetric(K6_METRICS.failed, DB_ROUTE)]) },
    ...(why ? { missing: why } : {}),
  };
}

/**
 * Pure: a k6 summary as the one measurements shape. k6 measures from the send (http_req_duration), so its
 * latency is a service time and it has no scheduling lag to report; failures are broken down by route
 * (k6's summary has no per-status counts).
 */
export function fromK6Summary(summary: K6Summary, name: string, profile: LoadProfile | undefined): LoadMeasurements {
  const m = summary.metrics ?? {};
  const reqs = value(m[K6_METRICS.reqs], 'count');
  const noRequests = reqs === undefined || reqs === 0;
  const dur = m[K6_METRICS.duration];
  const p95 = noRequests ? undefined : value(dur, 'p(95)');
  const failures = value(m[K6_METRICS.failed], 'passes'); // a Rate counts `true` as a pass: here, a failed request
  const dropped = value(m[K6_METRICS.dropped], 'count') ?? 0; // k6 only emits it when something was dropped
  const limited = value(m[K6_METRICS.rateLimited], 'count') ?? 0; // likewise only when a 429 came
  const checksRate = value(m[K6_METRICS.checks], 'rate');
  const routes = profile?.routes ?? [];
  const causes: ErrorCause[] = routes.flatMap((r) => {
    const n = value(m[routeMetric(K6_METRICS.failed, r.path)], 'passes');
    return n ? [{ count: n, what: 'failed', route: `${r.method} ${r.path}` }] : [];
  });
  if (dropped > 0) causes.push({ count: dropped, what: 'dropped iterations', route: '' });
  const s5 = value(m[K6_METRICS.status5xx], 'rate');
  const errorsMissing = noRequests ? 'k6 sent nothing' : failures === undefined ? missing(K6_METRICS.failed, 'passes') : checksRate === undefined ? `metric ${K6_METRICS.checks} missing: the script's checks never ran, so responses were not verified` : undefined;
  return {
    name, source: 'k6',
    latency: { p95: p95 ?? null, serviceP95: p95 ?? null, vetoes: k6Failed(dur), ...(noRequests ? { missing: 'k6 sent nothing' } : p95 === undefined ? { missing: missing(K6_METRICS.duration, 'p(95)') } : {}) },
    lagP99: null,
    errors: {
      measured: reqs === undefined ? null : reqs + dropped - limited, failed: failures === undefined ? null : failures + dropped, causes,
      vetoes: k6Failed(m[K6_METRICS.failed], m[K6_METRICS.dropped], m[K6_METRICS.checks]),
      extra: `; ${failures ?? 0} failed of ${reqs ?? 0} requests, ${dropped} dropped iterations, checks ${checksRate === undefined ? '—' : `${Math.round(checksRate * 100_000) / 1000} %`} passed`,
      ...(errorsMissing ? { missing: errorsMissing } : {}),
    },
    rateLimit: { intended: (reqs ?? 0) + dropped, responses: limited, skipped: 0, paths: [] },
    share5xx: { count: null, of: null, pct: s5 === undefined || noRequests ? null : s5 * 100, vetoes: [], ...(s5 === undefined || noRequests ? { missing: `metric ${K6_METRICS.status5xx} missing or no requests` } : {}) },
    db: profile && !routes.some((r) => r.path === DB_ROUTE) ? 'absent' : dbMeasure(m, noRequests),
    partial: false,
    context: `k6: ${reqs ?? 0} requests, ${failures ?? 0} failed, ${dropped} dropped iterations${limited > 0 ? `, ${limited} × 429` : ''}`,
  };
}

/**
 * Pure: a k6 summary (handleSummary data or our summary file) → the same CheckResults as evaluateLoad, by
 * the same evaluation. Missing metrics and zero requests are errors; a tool exit (100+) turns every result
 * into an error.
 */
export function k6SummaryToResults(summary: K6Summary, thresholds: LoadThresholds, opts: { exitCode?: number; profile?: string } = {}): K6Conversion {
  const name = opts.profile ?? summary.jumpstart?.profile ?? 'k6';
  const profile = (PROFILES as Record<string, LoadProfile>)[name];
  const notes: string[] = [];
  const durationMs = summary.state?.testRunDurationMs;
  const reqs = value(summary.metrics?.[K6_METRICS.reqs], 'count');
  if (reqs === undefined || reqs === 0) notes.push(`${K6_METRICS.reqs} is ${reqs === undefined ? 'missing' : '0'}: k6 sent nothing`);
  const results = evaluateMeasurements(fromK6Summary(summary, name, profile), thresholds).map((r) => (durationMs === undefined ? r : { ...r, durationMs }));
  if (opts.exitCode === undefined) return { results, notes };
  const exit = describeK6Exit(opts.exitCode);
  notes.push(exit.text);
  if (exit.kind === 'tool') return { results: results.map((r) => ({ ...r, status: 'error' as const, message: `${exit.text}; ${r.message ?? ''}` })), notes };
  if (exit.kind === 'thresholds' && !results.some((r) => r.status === 'fail')) {
    results.push({ id: 'RB-15', title: `RB-15 k6 thresholds consistent with the summary (${name}, k6)`, severity: catalogEntry('RB-15').severity, source: 'load', status: 'error', message: 'k6 exited 99 (thresholds crossed) but no threshold in the summary failed: the summary does not match the run' });
  }
  return { results, notes };
}
