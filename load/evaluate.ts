import { catalogEntry } from '../lib/runbook/catalog.ts';
import type { CheckResult, CheckStatus } from '../lib/verdict/types.ts';
import { DB_ROUTE } from '../lib/runbook/profiles.ts';
import { TRIGGERS, describeThreshold, evaluateThreshold, type Threshold, type ThresholdSet } from '../lib/runbook/thresholds.ts';
import { fromLoadResult, type LoadMeasurements, type RouteMeasure } from './measurements.ts';
import { causesText, generatorCheck, pct, rateLimitCheck } from './judgement.ts';
import { liveResults } from './evaluate-live.ts';
import type { LiveThresholds } from './live.ts';
import type { LoadResult } from './types.ts';

/** The thresholds the load checks use (a full ThresholdSet from lib/config fits); the live ones default to the data. */
export type LoadThresholds = Pick<ThresholdSet, 'apiP95' | 'errorRate' | 'dbP95'> & Partial<LiveThresholds>;

type Base = Pick<CheckResult, 'id' | 'title' | 'severity' | 'source'>;

function titled(id: string, what: string, m: Pick<LoadMeasurements, 'name' | 'source'>, severity = catalogEntry(id).severity): Base {
  return { id, title: `${id} ${what} (${m.name}${m.source === 'k6' ? ', k6' : ''})`, severity, source: 'load' };
}

/** An interrupted run: a failure it saw is still a failure, anything else is not evidence of a pass. */
const judge = (status: CheckStatus, m: LoadMeasurements): CheckStatus => (m.partial && status !== 'fail' ? 'error' : status);
const verbOf = (s: CheckStatus): string => (s === 'pass' ? 'within target' : s === 'warn' ? 'above target, within alert' : 'above alert');
const vetoed = (vetoes: readonly string[]): string => (vetoes.length > 0 ? `; k6 threshold(s) ${vetoes.join(', ')} failed` : '');

/** One latency figure against its threshold, with the generator's share checked (RB-14 and RB-16). */
function latencyResult(base: Base, m: LoadMeasurements, t: Threshold, f: { p95: number | null; serviceP95: number | null; vetoes: string[]; missing?: string | undefined }, what: string): CheckResult {
  const threshold = describeThreshold(t);
  const common = { ...base, unit: t.unit, threshold };
  if (f.missing) return { ...common, status: 'error', message: `${f.missing}: no samples is never a pass (${m.context})` };
  if (f.p95 === null) return { ...common, status: 'error', message: `no samples for ${what}: nothing was measured, which is never a pass (${m.context})` };
  const measured = Math.round(f.p95 * 1000) / 1000;
  let status: CheckStatus = f.vetoes.length > 0 ? 'fail' : evaluateThreshold(f.p95, t);
  const gen = generatorCheck(status, f.p95, f.serviceP95, m.lagP99, t);
  if (gen.error) status = 'error';
  status = judge(status, m);
  const head = status === 'error' && !gen.error ? 'interrupted run, not judged: ' : '';
  const verdict = gen.error ?? `${verbOf(evaluateThreshold(f.p95, t))} (${threshold})`;
  return { ...common, status, measured, message: `${head}${what} ${measured} ${t.unit}: ${verdict}${vetoed(f.vetoes)}${gen.note ? `; ${gen.note}` : ''}; ${m.context}` };
}

function errorRateResult(m: LoadMeasurements, t: Threshold): CheckResult {
  // RB-15 is critical in the catalog because of its 5xx trigger; the error rate itself holds (runbook: alert > 1 %).
  const base = { ...titled('RB-15', 'error rate under load', m, 'major'), unit: '%', threshold: describeThreshold(t) };
  const e = m.errors;
  if (e.missing) return { ...base, status: 'error', message: `${e.missing}: no samples is never a pass (${m.context})` };
  if (e.measured === null || e.failed === null || e.measured === 0) {
    const why = m.rateLimit.responses + m.rateLimit.skipped > 0 ? 'every planned request was rate limited (429)' : 'no request was measured';
    return { ...base, status: 'error', message: `${why}: nothing was measured, which is never a pass (${m.context})` };
  }
  const measured = pct(e.failed / e.measured);
  let status: CheckStatus = e.vetoes.length > 0 ? 'fail' : evaluateThreshold(measured, t);
  const limited = rateLimitCheck(status, m.rateLimit, t);
  status = judge(limited.status, m);
  const head = m.partial && status === 'error' ? 'interrupted run, not judged: ' : '';
  const why = e.failed > 0 ? `: ${causesText(e.causes)}` : '';
  const message = `${head}${measured} % errors (${e.failed} of ${e.measured} measured)${why}: ${verbOf(evaluateThreshold(measured, t))} (${base.threshold})${limited.note ? `; ${limited.note}` : ''}${e.extra ?? ''}${vetoed(e.vetoes)}; ${m.context}`;
  return { ...base, status, measured, message };
}

function share5xxResult(m: LoadMeasurements): CheckResult {
  // The 5xx share is a rollback trigger, not a target/alert pair: critical.
  const base = { ...titled('RB-15', '5xx share under load', m, 'critical'), unit: '%', threshold: `rollback > ${TRIGGERS.status5xxRollbackPct} %` };
  const s = m.share5xx;
  if (s.missing || s.pct === null) return { ...base, status: 'error', message: `${s.missing ?? 'no request was sent'}: nothing was measured (${m.context})` };
  const share = pct(s.pct / 100);
  const over = share > TRIGGERS.status5xxRollbackPct || s.vetoes.length > 0;
  const status = judge(over ? 'fail' : 'pass', m);
  const counted = s.count !== null && s.of !== null ? `${s.count} of ${s.of} requests answered 5xx (${share} %)` : `${share} % of requests answered 5xx`;
  return { ...base, status, measured: share, message: `${status === 'error' ? 'interrupted run, not judged: ' : ''}${counted}: ${over ? 'rollback trigger' : 'below the rollback trigger'}${vetoed(s.vetoes)}; ${m.context}` };
}

/** RB-16 judges the DB route's 2xx answers only; a route that fails has no database latency to judge. */
function dbResult(m: LoadMeasurements, t: LoadThresholds): CheckResult {
  const base = titled('RB-16', 'database query latency p95 under load', m);
  const db: RouteMeasure | 'absent' = m.db;
  if (db === 'absent') return { ...base, status: 'skip', unit: 'ms', threshold: describeThreshold(t.dbP95), message: `${DB_ROUTE} is not among this load's routes` };
  const failing = db.missing ? null : routeFailure(db, t.errorRate);
  if (failing) return { ...base, status: judge('fail', m), unit: 'ms', threshold: describeThreshold(t.dbP95), message: `${failing}; ${m.context}` };
  return latencyResult(base, m, t.dbP95, { ...db.success, missing: db.missing }, `p95 of ${db.label} (2xx answers only)`);
}

/** Why the DB route itself failed under load (no 2xx, or more failures than the error-rate alert), or null. */
function routeFailure(db: RouteMeasure, errorRate: Threshold): string | null {
  if (db.measured === null || db.measured === 0 || db.ok === null || db.failed === null) return null;
  const why = db.causes.length > 0 ? ` (${causesText(db.causes, false)})` : '';
  if (db.ok === 0) return `${db.label}: 0 of ${db.measured} answered 2xx${why}: the route fails, there is no database latency to judge`;
  const share = pct(db.failed / db.measured);
  if (share > errorRate.alert) return `${db.label}: ${db.failed} of ${db.measured} failed (${share} %)${why}, more than the error-rate alert (${errorRate.alert} %): the route fails, its latency is not judged`;
  return null;
}

/**
 * Pure: the one evaluation of RB-14, RB-15 (twice) and RB-16, for native results and k6 summaries alike.
 * Zero samples is an error, never a pass.
 */
export function evaluateMeasurements(m: LoadMeasurements, t: LoadThresholds): CheckResult[] {
  return [
    latencyResult(titled('RB-14', 'API latency p95 under load', m), m, t.apiP95, { ...m.latency }, 'p95 over all routes'),
    errorRateResult(m, t.errorRate),
    share5xxResult(m),
    dbResult(m, t),
  ];
}

/** Pure: a native result's checks; in compare mode also "RB-14 latency vs live" and "RB-15 error rate vs live". */
export function evaluateLoad(r: LoadResult, t: LoadThresholds): CheckResult[] {
  const out = evaluateMeasurements(fromLoadResult(r), t);
  if (r.comparison) out.push(...liveResults(r, t));
  return out;
}
