import { DB_ROUTE } from '../lib/runbook/profiles.ts';
import { intendedSends, measuredSends } from './counts.ts';
import type { LoadResult, RouteSummary } from './types.ts';

/**
 * The one shape RB-14/15/16 are judged on, whatever measured it: the native engines (`fromLoadResult`) or a
 * k6 summary (`fromK6Summary` in k6-summary.ts). A figure a source cannot give is null with a `missing`
 * reason (an error, never a pass); `vetoes` name an outside judge's failures (k6's own thresholds) that
 * the evaluation must never overrule.
 */
export interface LoadMeasurements {
  name: string;
  source: 'native' | 'k6';
  /** RB-14: p95 over every measured answer (and timeouts at their wait), all routes. */
  latency: Figure & { serviceP95: number | null };
  /** The generator's scheduling lag p99 (ms); null where there is no schedule or no figure (closed loop, k6). */
  lagP99: number | null;
  /** RB-15: failed (errors + dropped) of measured intended requests, and what failed where. */
  errors: { measured: number | null; failed: number | null; causes: ErrorCause[]; missing?: string; vetoes: string[]; extra?: string };
  /** Requests rate limiting kept from being measured (429 answers, sends skipped while paused). */
  rateLimit: { intended: number; responses: number; skipped: number; paths: string[] };
  /** RB-15 rollback trigger: 5xx share of the requests sent (less those cancelled and the 429s), %. */
  share5xx: { count: number | null; of: number | null; pct: number | null; missing?: string; vetoes: string[] };
  /** RB-16: the DB route judged on its 2xx answers only; 'absent' when it is not among the routes. */
  db: RouteMeasure | 'absent';
  /** Interrupted run: what is here is real but incomplete. */
  partial: boolean;
  /** One line of counts for every message. */
  context: string;
}

interface Figure {
  p95: number | null;
  missing?: string;
  vetoes: string[];
}

/** One cause of failed requests: how many, what (a status, "timeout", "dropped"), on which route. */
export interface ErrorCause {
  count: number;
  what: string;
  route: string;
}

export interface RouteMeasure {
  /** "GET /api/health/db" */
  label: string;
  /** Measured intended requests of the route (429s and paused sends excluded). */
  measured: number | null;
  /** Answered 2xx. */
  ok: number | null;
  failed: number | null;
  causes: ErrorCause[];
  /** p95 over the 2xx answers only: an error answers fast and says nothing about the database. */
  success: Figure & { serviceP95: number | null };
  missing?: string;
}

/** Causes of one route's failures, largest first: each error status, each transport kind, the drops. */
function routeCauses(s: RouteSummary): ErrorCause[] {
  const route = `${s.method} ${s.path}`;
  const out: ErrorCause[] = [];
  for (const [code, count] of Object.entries(s.statusCounts)) {
    const n = Number(code);
    if (!(n >= 200 && n < 300) && n !== 429) out.push({ count, what: code, route });
  }
  for (const [kind, count] of Object.entries(s.errorsByKind)) if (!kind.startsWith('http-') && kind !== 'redirect-3xx') out.push({ count, what: kind, route });
  if (s.requests.dropped > 0) out.push({ count: s.requests.dropped, what: 'dropped', route });
  return out.sort((a, b) => b.count - a.count);
}

function context(r: LoadResult): string {
  const q = r.requests;
  const bits = [`${q.sent} sent, ${q.completed} completed, ${q.errors} errors, ${q.dropped} dropped`];
  if (q.rateLimited + q.rateLimitSkipped > 0) bits.push(`${q.rateLimited} × 429, ${q.rateLimitSkipped} skipped while rate limited`);
  if (q.late > 0) bits.push(`${q.late} late sends`);
  if (r.partial) bits.push('run interrupted: partial results');
  return bits.join('; ');
}

function dbMeasure(s: RouteSummary | undefined): RouteMeasure | 'absent' {
  if (!s) return 'absent';
  return {
    label: `${s.method} ${s.path}`,
    measured: measuredSends(s.requests),
    ok: s.success.responses,
    failed: s.requests.errors + s.requests.dropped,
    causes: routeCauses(s),
    success: { p95: s.success.latencyMs.p95, serviceP95: s.success.serviceTimeMs.p95, vetoes: [] },
  };
}

/** Pure: a native result as measurements. */
export function fromLoadResult(r: LoadResult): LoadMeasurements {
  const q = r.requests;
  const sent = q.sent - q.cancelled - q.rateLimited;
  return {
    name: r.name,
    source: 'native',
    latency: { p95: r.latencyMs.p95, serviceP95: r.serviceTimeMs.p95, vetoes: [] },
    lagP99: r.engine === 'open' ? r.schedulingLagMs.p99 : null,
    errors: { measured: measuredSends(q), failed: q.errors + q.dropped, causes: Object.values(r.perRoute).flatMap(routeCauses).sort((a, b) => b.count - a.count), vetoes: [] },
    rateLimit: { intended: intendedSends(q), responses: q.rateLimited, skipped: q.rateLimitSkipped, paths: [...new Set(r.rateLimitPauses.map((p) => p.path))] },
    share5xx: { count: q.status5xx, of: sent, pct: sent > 0 ? (q.status5xx / sent) * 100 : null, vetoes: [] },
    db: dbMeasure(r.perRoute[DB_ROUTE]),
    partial: r.partial,
    context: context(r),
  };
}
