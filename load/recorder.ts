import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, encodeHistogram, latencyOf, recordMs } from './histogram.ts';
import { LATE_SEND_MS, errorRate, kindOfStatus, type ErrorKind } from './counts.ts';
import type { LoadProgress, LoadResult, RequestCounts, RouteSummary, TimelinePoint } from './types.ts';

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
  /**
   * `route`: index into the paths given to createRecorder (resolved once by the engine, not per request).
   * `atMs`: ms since t=0 that decides the timeline second (intended start, or completion for the closed engine).
   */
  send(route: number, atMs: number, lagMs: number | null): void;
  drop(route: number, atMs: number): void;
  response(route: number, atMs: number, latencyMs: number, status: number): void;
  /** A sent request that got no response. A timeout's latency (≥ the timeout) is still recorded: hiding it would flatter. */
  failure(route: number, atMs: number, kind: ErrorKind, latencyMs: number | null): void;
  cancel(route: number, atMs: number): void;
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

/**
 * The per-second tick both engines run: closes finished timeline seconds every 250 ms and reports progress
 * once per new second. Returns the stop function.
 */
export function startProgress(rec: Recorder, elapsedMs: () => number, inFlight: () => number, onProgress: ((p: LoadProgress) => void) | undefined): () => void {
  let last = 0;
  const timer = setInterval(() => {
    const s = Math.floor(elapsedMs() / 1000);
    rec.settle(s);
    if (s > last) onProgress?.(rec.progress(s, inFlight()));
    last = s;
  }, 250);
  return () => clearInterval(timer);
}

/**
 * The fold both engines feed: counts, our histograms (overall, per route, per second) and the lag.
 * Called once or twice per request, so it does no string work, no lookups by name and no allocation beyond
 * a new second's bucket.
 */
export function createRecorder(routes: readonly string[]): Recorder {
  const total = zeroCounts();
  const all = createHistogram();
  const lag = createHistogram();
  const states: RouteState[] = routes.map(() => ({ counts: zeroCounts(), hist: createHistogram() }));
  /** Indexed by second (dense from 0): no lookup by key, and the timeline comes out sorted. */
  const buckets: (Bucket | undefined)[] = [];
  /** Buckets whose percentiles are not final yet: settle() scans only these, not the whole soak. */
  const open = new Set<Bucket>();
  const errorsByKind: Record<string, number> = {};
  const statusCounts = new Map<number, number>();

  const state = (r: number): RouteState => {
    const s = states[r];
    if (!s) throw new Error(`recorder: unknown route #${r} (${routes.length} route(s))`);
    return s;
  };
  const bucket = (atMs: number): Bucket => {
    const second = Math.max(0, Math.floor(atMs / 1000));
    let b = buckets[second];
    if (!b) {
      b = { point: { second, sent: 0, completed: 0, errors: 0, dropped: 0, p50: null, p95: null, p99: null, max: null }, pending: 0, hist: createHistogram(2) };
      buckets[second] = b;
      open.add(b);
    }
    return b;
  };
  const close = (b: Bucket): void => {
    closeBucket(b);
    open.delete(b);
  };
  const error = (c: RequestCounts, b: Bucket, kind: ErrorKind): void => {
    total.errors += 1;
    c.errors += 1;
    b.point.errors += 1;
    errorsByKind[kind] = (errorsByKind[kind] ?? 0) + 1;
  };
  const latency = (s: RouteState, b: Bucket, ms: number): void => {
    recordMs(all, ms);
    recordMs(s.hist, ms);
    if (b.hist) recordMs(b.hist, ms);
  };

  return {
    send(r, atMs, lagMs) {
      const c = state(r).counts;
      const b = bucket(atMs);
      total.sent += 1;
      c.sent += 1;
      b.point.sent += 1;
      b.pending += 1;
      if (lagMs !== null) {
        recordMs(lag, Math.max(0, lagMs));
        if (lagMs > LATE_SEND_MS) {
          total.late += 1;
          c.late += 1;
        }
      }
    },
    drop(r, atMs) {
      total.dropped += 1;
      state(r).counts.dropped += 1;
      bucket(atMs).point.dropped += 1;
    },
    response(r, atMs, ms, status) {
      const s = state(r);
      const b = bucket(atMs);
      b.pending -= 1;
      b.point.completed += 1;
      total.completed += 1;
      s.counts.completed += 1;
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
      latency(s, b, ms);
      const kind = kindOfStatus(status);
      if (kind === null) return;
      total.non2xx += 1;
      s.counts.non2xx += 1;
      if (kind === 'http-5xx') {
        total.status5xx += 1;
        s.counts.status5xx += 1;
      }
      error(s.counts, b, kind);
    },
    failure(r, atMs, kind, ms) {
      const s = state(r);
      const b = bucket(atMs);
      b.pending -= 1;
      if (kind === 'timeout') {
        total.timeouts += 1;
        s.counts.timeouts += 1;
      }
      if (ms !== null) latency(s, b, ms);
      error(s.counts, b, kind);
    },
    cancel(r, atMs) {
      total.cancelled += 1;
      state(r).counts.cancelled += 1;
      bucket(atMs).pending -= 1;
    },
    settle(second) {
      for (const b of open) if (b.pending <= 0 && b.point.second < second) close(b);
    },
    progress(elapsedS, inFlight) {
      const p95 = all.totalCount === 0 ? null : Math.round(all.getValueAtPercentile(95)) / 1000;
      return { elapsedS, sent: total.sent, completed: total.completed, errors: total.errors, dropped: total.dropped, inFlight, p95 };
    },
    result(meta) {
      for (const b of open) close(b);
      const perRoute: Record<string, RouteSummary> = {};
      routes.forEach((path, r) => {
        const s = state(r);
        const spec = meta.routes.find((x) => x.path === path);
        perRoute[path] = { path, method: spec?.method ?? 'GET', requests: { ...s.counts }, errorRate: errorRate(s.counts), latencyMs: latencyOf(s.hist), histogram: encodeHistogram(s.hist) };
      });
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
        statusCounts: Object.fromEntries([...statusCounts].map(([k, v]) => [String(k), v])),
        errorRate: errorRate(total),
        status5xxRate: total.sent > 0 ? total.status5xx / total.sent : 0,
        latencyMs: latencyOf(all),
        schedulingLagMs: { p50: lagMs.p50, p99: lagMs.p99 },
        timeline: buckets.flatMap((b) => (b ? [b.point] : [])),
        perRoute,
        histogram: encodeHistogram(all),
        partial: meta.partial,
        notes: meta.notes,
      };
    },
  };
}
