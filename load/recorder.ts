import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, encodeHistogram, latencyOf, recordMs } from './histogram.ts';
import { LATE_SEND_MS, errorRate, kindOfStatus, type ErrorKind } from './counts.ts';
import type { LoadProgress, LoadResult, RequestCounts, RouteSummary, TimelinePoint } from './types.ts';

export { LATE_SEND_MS, errorRate, kindOfStatus, type ErrorKind };

const zeroCounts = (): RequestCounts => ({ sent: 0, completed: 0, errors: 0, timeouts: 0, non2xx: 0, status5xx: 0, dropped: 0, late: 0, cancelled: 0 });

interface Bucket {
  point: TimelinePoint;
  pending: number;
  hist: Histogram | null;
}

interface RouteState {
  counts: RequestCounts;
  hist: Histogram;
}

export interface Recorder {
  /** `atMs`: ms since t=0 that decides the timeline second (intended start, or completion for the closed engine). */
  send(route: string, atMs: number, lagMs: number | null): void;
  drop(route: string, atMs: number): void;
  response(route: string, atMs: number, latencyMs: number, status: number): void;
  /** A sent request that got no response. A timeout's latency (≥ the timeout) is still recorded: hiding it would flatter. */
  failure(route: string, atMs: number, kind: ErrorKind, latencyMs: number | null): void;
  cancel(route: string, atMs: number): void;
  /** Closes the timeline seconds before `second` that have nothing pending. */
  settle(second: number): void;
  progress(elapsedS: number, inFlight: number): LoadProgress;
  result(meta: ResultMeta): LoadResult;
}

export type ResultMeta = Pick<LoadResult, 'name' | 'engine' | 'target' | 'routes' | 'startedAtEpochMs' | 'plannedDurationS' | 'targetRate' | 'durationS' | 'connections' | 'partial' | 'notes'> & {
  maxSustainedRate?: number | null;
};

function closeBucket(b: Bucket): void {
  if (!b.hist) return;
  const l = latencyOf(b.hist);
  b.point.p50 = l.p50;
  b.point.p95 = l.p95;
  b.point.p99 = l.p99;
  b.point.max = l.max;
  b.hist = null; // percentiles are final; free the memory (a soak has thousands of seconds)
}

/** The fold both engines feed: counts, our histograms (overall, per route, per second) and the lag. */
export function createRecorder(routes: readonly string[]): Recorder {
  const total = zeroCounts();
  const all = createHistogram();
  const lag = createHistogram();
  const byRoute = new Map<string, RouteState>(routes.map((r) => [r, { counts: zeroCounts(), hist: createHistogram() }]));
  const buckets = new Map<number, Bucket>();
  const errorsByKind: Record<string, number> = {};
  const statusCounts: Record<string, number> = {};

  const route = (r: string): RouteState => {
    const s = byRoute.get(r);
    if (!s) throw new Error(`recorder: unknown route ${r}`);
    return s;
  };
  const bucket = (atMs: number): Bucket => {
    const second = Math.max(0, Math.floor(atMs / 1000));
    let b = buckets.get(second);
    if (!b) {
      b = { point: { second, sent: 0, completed: 0, errors: 0, dropped: 0, p50: null, p95: null, p99: null, max: null }, pending: 0, hist: createHistogram(2) };
      buckets.set(second, b);
    }
    return b;
  };
  const both = (r: string, f: (c: RequestCounts) => void): void => {
    f(total);
    f(route(r).counts);
  };
  const error = (r: string, b: Bucket, kind: ErrorKind): void => {
    both(r, (c) => (c.errors += 1));
    b.point.errors += 1;
    errorsByKind[kind] = (errorsByKind[kind] ?? 0) + 1;
  };
  const latency = (r: string, b: Bucket, ms: number): void => {
    recordMs(all, ms);
    recordMs(route(r).hist, ms);
    if (b.hist) recordMs(b.hist, ms);
  };

  return {
    send(r, atMs, lagMs) {
      const b = bucket(atMs);
      both(r, (c) => (c.sent += 1));
      b.point.sent += 1;
      b.pending += 1;
      if (lagMs !== null) {
        recordMs(lag, Math.max(0, lagMs));
        if (lagMs > LATE_SEND_MS) both(r, (c) => (c.late += 1));
      }
    },
    drop(r, atMs) {
      both(r, (c) => (c.dropped += 1));
      bucket(atMs).point.dropped += 1;
    },
    response(r, atMs, ms, status) {
      const b = bucket(atMs);
      b.pending -= 1;
      b.point.completed += 1;
      both(r, (c) => (c.completed += 1));
      statusCounts[String(status)] = (statusCounts[String(status)] ?? 0) + 1;
      latency(r, b, ms);
      const kind = kindOfStatus(status);
      if (kind === null) return;
      both(r, (c) => (c.non2xx += 1));
      if (status >= 500 && status < 600) both(r, (c) => (c.status5xx += 1));
      error(r, b, kind);
    },
    failure(r, atMs, kind, ms) {
      const b = bucket(atMs);
      b.pending -= 1;
      if (kind === 'timeout') both(r, (c) => (c.timeouts += 1));
      if (ms !== null) latency(r, b, ms);
      error(r, b, kind);
    },
    cancel(r, atMs) {
      const b = bucket(atMs);
      b.pending -= 1;
      both(r, (c) => (c.cancelled += 1));
    },
    settle(second) {
      for (const b of buckets.values()) if (b.hist && b.pending <= 0 && b.point.second < second) closeBucket(b);
    },
    progress(elapsedS, inFlight) {
      return { elapsedS, sent: total.sent, completed: total.completed, errors: total.errors, dropped: total.dropped, inFlight, p95: latencyOf(all).p95 };
    },
    result(meta) {
      for (const b of buckets.values()) closeBucket(b);
      const perRoute: Record<string, RouteSummary> = {};
      for (const [path, s] of byRoute) {
        const spec = meta.routes.find((x) => x.path === path);
        perRoute[path] = { path, method: spec?.method ?? 'GET', requests: { ...s.counts }, errorRate: errorRate(s.counts), latencyMs: latencyOf(s.hist), histogram: encodeHistogram(s.hist) };
      }
      const lagMs = latencyOf(lag);
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
        statusCounts,
        errorRate: errorRate(total),
        status5xxRate: total.sent > 0 ? total.status5xx / total.sent : 0,
        latencyMs: latencyOf(all),
        schedulingLagMs: { p50: lagMs.p50, p99: lagMs.p99 },
        timeline: [...buckets.values()].map((b) => b.point).sort((a, b) => a.second - b.second),
        perRoute,
        histogram: encodeHistogram(all),
        partial: meta.partial,
        notes: meta.notes,
      };
    },
  };
}
