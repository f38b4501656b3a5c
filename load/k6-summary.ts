import { catalogEntry } from '../lib/runbook/catalog.ts';
import type { CheckResult, CheckStatus } from '../lib/verdict/types.ts';
import { DB_ROUTE, PROFILES, type LoadProfile } from '../lib/runbook/profiles.ts';
import { TRIGGERS, describeThreshold, evaluateThreshold, type Threshold } from '../lib/runbook/thresholds.ts';
import type { LoadThresholds } from './evaluate.ts';

/** Metric names the k6 scripts (load/k6/) define; the 5xx share is a custom Rate metric. */
export const K6_METRICS = {
  duration: 'http_req_duration',
  failed: 'http_req_failed',
  reqs: 'http_reqs',
  dropped: 'dropped_iterations',
  checks: 'checks',
  status5xx: 'status_5xx',
  db: `http_req_duration{route:${DB_ROUTE}}`,
} as const;

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
export function describeK6Exit(code: number): { kind: 'ok' | 'thresholds' | 'tool'; text: string } {
  if (code === 0) return { kind: 'ok', text: 'k6 exited 0' };
  if (code === 99) return { kind: 'thresholds', text: 'k6 exited 99: thresholds were crossed' };
  return { kind: 'tool', text: `k6 exited ${code}: a tool error (setup/teardown failure, script error, config or timeout), not a verdict` };
}

const value = (m: K6Metric | undefined, key: string): number | undefined => {
  const v = m?.values?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const k6Failed = (m: K6Metric | undefined): string[] => Object.entries(m?.thresholds ?? {}).filter(([, t]) => t.ok === false).map(([k]) => k);
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function base(id: string, what: string, name: string, severity = catalogEntry(id).severity): Pick<CheckResult, 'id' | 'title' | 'severity' | 'source'> {
  return { id, title: `${id} ${what} (${name}, k6)`, severity, source: 'load' };
}

function graded(b: ReturnType<typeof base>, t: Threshold, measured: number | undefined, metric: string, k6Fails: string[], extra = ''): CheckResult {
  const threshold = describeThreshold(t);
  if (measured === undefined) return { ...b, status: 'error', unit: t.unit, threshold, message: `metric ${metric} missing from the k6 summary: no samples is never a pass` };
  let status: CheckStatus = evaluateThreshold(measured, t);
  const disagree = k6Fails.length > 0 && status !== 'fail';
  if (disagree) status = 'fail'; // k6 saw a crossed threshold: never overrule a failure
  const why = disagree ? `; k6 threshold(s) ${k6Fails.join(', ')} failed` : '';
  return { ...b, status, measured: round3(measured), unit: t.unit, threshold, message: `${metric} = ${round3(measured)} ${t.unit} (${threshold})${extra}${why}` };
}

/**
 * Pure: a k6 summary (handleSummary data or our summary file) → the same CheckResults as evaluateLoad.
 * Missing metrics and zero requests are errors; a tool exit (100+) turns every result into an error.
 */
export function k6SummaryToResults(summary: K6Summary, thresholds: LoadThresholds, opts: { exitCode?: number; profile?: string } = {}): K6Conversion {
  const m = summary.metrics ?? {};
  const name = opts.profile ?? summary.jumpstart?.profile ?? 'k6';
  const profile = (PROFILES as Record<string, LoadProfile>)[name];
  const notes: string[] = [];
  const durationMs = summary.state?.testRunDurationMs;
  const reqs = value(m[K6_METRICS.reqs], 'count');
  const noRequests = reqs === undefined || reqs === 0;
  const results: CheckResult[] = [];

  const dur = m[K6_METRICS.duration];
  results.push(graded(base('RB-14', 'API latency p95 under load', name), thresholds.apiP95, noRequests ? undefined : value(dur, 'p(95)'), `${K6_METRICS.duration} p(95)`, k6Failed(dur)));

  const failed = m[K6_METRICS.failed];
  const checks = m[K6_METRICS.checks];
  const dropped = value(m[K6_METRICS.dropped], 'count') ?? 0; // k6 only emits it when something was dropped
  const failures = value(failed, 'passes'); // a Rate counts `true` as a pass: here, a failed request
  let errorPct: number | undefined;
  if (!noRequests && failures !== undefined && reqs !== undefined) errorPct = ((failures + dropped) / (reqs + dropped)) * 100;
  const checksRate = value(checks, 'rate');
  const errBase = base('RB-15', 'error rate under load', name, 'major'); // as evaluateLoad: the error rate holds, 5xx rolls back
  if (checksRate === undefined && errorPct !== undefined) {
    results.push({ ...errBase, status: 'error', unit: '%', threshold: describeThreshold(thresholds.errorRate), message: `metric ${K6_METRICS.checks} missing: the script's checks never ran, so responses were not verified` });
  } else {
    const extra = `; ${failures ?? 0} failed of ${reqs ?? 0} requests, ${dropped} dropped iterations, checks ${checksRate === undefined ? '—' : `${round3(checksRate * 100)} %`} passed`;
    results.push(graded(errBase, thresholds.errorRate, errorPct, `${K6_METRICS.failed} + ${K6_METRICS.dropped}`, [...k6Failed(failed), ...k6Failed(m[K6_METRICS.dropped]), ...k6Failed(checks)], extra));
  }

  const s5 = value(m[K6_METRICS.status5xx], 'rate');
  const b5 = base('RB-15', '5xx share under load', name, 'critical');
  const limit = `rollback > ${TRIGGERS.status5xxRollbackPct} %`;
  if (s5 === undefined || noRequests) results.push({ ...b5, status: 'error', unit: '%', threshold: limit, message: `metric ${K6_METRICS.status5xx} missing or no requests: nothing was measured` });
  else {
    const share = round3(s5 * 100);
    results.push({ ...b5, status: share > TRIGGERS.status5xxRollbackPct ? 'fail' : 'pass', measured: share, unit: '%', threshold: limit, message: `${share} % of responses were 5xx` });
  }

  const dbBase = base('RB-16', 'database query latency p95 under load', name);
  if (profile && !profile.routes.some((r) => r.path === DB_ROUTE)) {
    results.push({ ...dbBase, status: 'skip', unit: 'ms', threshold: describeThreshold(thresholds.dbP95), message: `${DB_ROUTE} is not among ${name}'s routes` });
  } else {
    const db = m[K6_METRICS.db];
    results.push(graded(dbBase, thresholds.dbP95, noRequests ? undefined : value(db, 'p(95)'), `${K6_METRICS.db} p(95)`, k6Failed(db)));
  }

  if (noRequests) notes.push(`${K6_METRICS.reqs} is ${reqs === undefined ? 'missing' : '0'}: k6 sent nothing`);
  const withDuration = results.map((r) => (durationMs === undefined ? r : { ...r, durationMs }));
  if (opts.exitCode === undefined) return { results: withDuration, notes };
  const exit = describeK6Exit(opts.exitCode);
  notes.push(exit.text);
  if (exit.kind === 'tool') return { results: withDuration.map((r) => ({ ...r, status: 'error' as const, message: `${exit.text}; ${r.message ?? ''}` })), notes };
  if (exit.kind === 'thresholds' && !withDuration.some((r) => r.status === 'fail')) {
    withDuration.push({ ...base('RB-15', 'k6 thresholds consistent with the summary', name), status: 'error', message: 'k6 exited 99 (thresholds crossed) but no threshold in the summary failed: the summary does not match the run' });
  }
  return { results: withDuration, notes };
}
