import { catalogEntry } from '../lib/runbook/catalog.ts';
import type { CheckResult, CheckStatus } from '../lib/verdict/types.ts';
import { intendedSends } from './counts.ts';
import { DB_ROUTE } from '../lib/runbook/profiles.ts';
import { TRIGGERS, describeThreshold, evaluateThreshold, type Threshold, type ThresholdSet } from '../lib/runbook/thresholds.ts';
import type { LoadResult } from './types.ts';

/** The thresholds the load checks use (a full ThresholdSet from lib/config fits). */
export type LoadThresholds = Pick<ThresholdSet, 'apiP95' | 'errorRate' | 'dbP95'>;

const pct = (share: number): number => Math.round(share * 100_000) / 1000; // % with 3 decimals

function titled(id: string, what: string, name: string): Pick<CheckResult, 'id' | 'title' | 'severity' | 'source'> {
  return { id, title: `${id} ${what} (${name})`, severity: catalogEntry(id).severity, source: 'load' };
}

/** An interrupted run: a failure it saw is still a failure, anything else is not evidence of a pass. */
function judge(status: CheckStatus, r: LoadResult): CheckStatus {
  return r.partial && status !== 'fail' ? 'error' : status;
}

function context(r: LoadResult): string {
  const q = r.requests;
  const bits = [`${q.sent} sent, ${q.completed} completed, ${q.errors} errors, ${q.dropped} dropped`];
  if (q.late > 0) bits.push(`${q.late} late sends`);
  if (r.partial) bits.push('run interrupted: partial results');
  return bits.join('; ');
}

function against(base: Pick<CheckResult, 'id' | 'title' | 'severity' | 'source'>, r: LoadResult, t: Threshold, measured: number | null, what: string, samples: number): CheckResult {
  const threshold = describeThreshold(t);
  if (measured === null || samples === 0) {
    return { ...base, status: 'error', unit: t.unit, threshold, message: `no samples for ${what}: nothing was measured, which is never a pass (${context(r)})` };
  }
  const outcome = evaluateThreshold(measured, t);
  const verb = outcome === 'pass' ? 'within target' : outcome === 'warn' ? 'above target, within alert' : 'above alert';
  const status = judge(outcome, r);
  const prefix = status === 'error' ? 'interrupted run, not judged: ' : '';
  return { ...base, status, measured, unit: t.unit, threshold, message: `${prefix}${what} ${measured} ${t.unit}: ${verb} (${threshold}); ${context(r)}` };
}

/**
 * Pure: thresholds → one CheckResult per threshold for this run (RB-14, RB-15 twice, RB-16).
 * Zero samples is an error, never a pass.
 */
export function evaluateLoad(r: LoadResult, thresholds: LoadThresholds): CheckResult[] {
  const name = r.name;
  const out: CheckResult[] = [];
  out.push(against(titled('RB-14', 'API latency p95 under load', name), r, thresholds.apiP95, r.latencyMs.p95, 'p95 over all routes', r.requests.completed));

  const intended = intendedSends(r.requests);
  // RB-15 is critical in the catalog because of its 5xx trigger; the error rate itself holds (runbook: alert > 1 %).
  const rateBase = { ...titled('RB-15', 'error rate under load', name), severity: 'major' as const };
  out.push(against(rateBase, r, thresholds.errorRate, intended > 0 ? pct(r.errorRate) : null, 'error rate (errors + dropped sends)', intended));
  // The 5xx share is a rollback trigger, not a target/alert pair: critical.
  const base5xx = { ...titled('RB-15', '5xx share under load', name), severity: 'critical' as const };
  const limit = `rollback > ${TRIGGERS.status5xxRollbackPct} %`;
  if (r.requests.sent === 0) {
    out.push({ ...base5xx, status: 'error', unit: '%', threshold: limit, message: `no requests were sent: nothing was measured (${context(r)})` });
  } else {
    const share = pct(r.status5xxRate);
    const over = share > TRIGGERS.status5xxRollbackPct;
    const status = judge(over ? 'fail' : 'pass', r);
    out.push({ ...base5xx, status, measured: share, unit: '%', threshold: limit, message: `${status === 'error' ? 'interrupted run, not judged: ' : ''}${r.requests.status5xx} of ${r.requests.sent} responses were 5xx (${share} %): ${over ? 'rollback trigger' : 'below the rollback trigger'}; ${context(r)}` });
  }

  const dbBase = titled('RB-16', 'database query latency p95 under load', name);
  const db = r.perRoute[DB_ROUTE];
  if (!db) {
    out.push({ ...dbBase, status: 'skip', unit: 'ms', threshold: describeThreshold(thresholds.dbP95), message: `${DB_ROUTE} is not among this load's routes` });
  } else {
    out.push(against(dbBase, r, thresholds.dbP95, db.latencyMs.p95, `p95 of ${DB_ROUTE}`, db.requests.completed));
  }
  return out;
}
