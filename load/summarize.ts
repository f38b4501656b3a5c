import type { Histogram } from 'hdr-histogram-js';
import { encodeHistogram, latencyOf } from './histogram.ts';
import { errorRate } from './counts.ts';
import type { LoadResult, RateLimitPause, RequestCounts, RouteSummary, TimelinePoint } from './types.ts';

/** What the recorder keeps per route. */
export interface RouteState {
  counts: RequestCounts;
  /** Latency of every measured answer (and of timeouts). */
  hist: Histogram;
  service: Histogram;
  /** 2xx answers only. */
  okHist: Histogram;
  okService: Histogram;
  statuses: Map<number, number>;
  kinds: Record<string, number>;
}

export type ResultMeta = Pick<LoadResult, 'name' | 'engine' | 'target' | 'routes' | 'startedAtEpochMs' | 'plannedDurationS' | 'targetRate' | 'durationS' | 'connections' | 'partial' | 'notes'> & {
  maxSustainedRate?: number | null;
};

export interface Folded {
  paths: readonly string[];
  states: readonly RouteState[];
  total: RequestCounts;
  all: Histogram;
  service: Histogram;
  lag: Histogram;
  timeline: TimelinePoint[];
  pauses: RateLimitPause[];
}

const byCode = (m: Map<number, number>): Record<string, number> => Object.fromEntries([...m].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]));

function routeSummary(path: string, s: RouteState, meta: ResultMeta): RouteSummary {
  const spec = meta.routes.find((x) => x.path === path);
  return {
    path,
    method: spec?.method ?? 'GET',
    requests: { ...s.counts },
    errorRate: errorRate(s.counts),
    latencyMs: latencyOf(s.hist),
    serviceTimeMs: latencyOf(s.service),
    success: { responses: s.okHist.totalCount, latencyMs: latencyOf(s.okHist), serviceTimeMs: latencyOf(s.okService) },
    statusCounts: byCode(s.statuses),
    errorsByKind: { ...s.kinds },
    histogram: encodeHistogram(s.hist),
  };
}

/** Pure apart from encoding: the recorder's fold as the one result shape. */
export function buildResult(meta: ResultMeta, f: Folded): LoadResult {
  const perRoute: Record<string, RouteSummary> = {};
  const statuses = new Map<number, number>();
  const errorsByKind: Record<string, number> = {};
  f.paths.forEach((path, r) => {
    const s = f.states[r];
    if (!s) return;
    perRoute[path] = routeSummary(path, s, meta);
    for (const [code, n] of s.statuses) statuses.set(code, (statuses.get(code) ?? 0) + n);
    for (const [kind, n] of Object.entries(s.kinds)) errorsByKind[kind] = (errorsByKind[kind] ?? 0) + n;
  });
  const lagMs = latencyOf(f.lag);
  const total = f.total;
  return {
    schema: 'jumpstart-gate/load-result@1',
    name: meta.name,
    engine: meta.engine,
    target: meta.target,
    routes: meta.routes,
    startedAt: new Date(meta.startedAtEpochMs).toISOString(),
    startedAtEpochMs: meta.startedAtEpochMs,
    plannedDurationS: meta.plannedDurationS,
    targetRate: meta.targetRate,
    achievedRate: meta.durationS > 0 ? Math.round((total.completed / meta.durationS) * 100) / 100 : 0,
    maxSustainedRate: meta.maxSustainedRate ?? null,
    durationS: meta.durationS,
    connections: meta.connections,
    requests: { ...total },
    errorsByKind,
    statusCounts: byCode(statuses),
    errorRate: errorRate(total),
    status5xxRate: total.sent > 0 ? total.status5xx / total.sent : 0,
    latencyMs: latencyOf(f.all),
    serviceTimeMs: latencyOf(f.service),
    schedulingLagMs: { p50: lagMs.p50, p99: lagMs.p99 },
    rateLimitPauses: [...f.pauses],
    timeline: f.timeline,
    perRoute,
    histogram: encodeHistogram(f.all),
    partial: meta.partial,
    notes: meta.notes,
  };
}
