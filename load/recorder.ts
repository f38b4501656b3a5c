import { createHistogram, recordMs } from './histogram.ts';
import { LATE_SEND_MS, RATE_LIMITED, kindOfStatus, type ErrorKind } from './counts.ts';
import { buildResult, type RouteState, type ResultMeta } from './summarize.ts';
import { createTimeline, type Bucket } from './timeline.ts';
import type { LoadProgress, LoadResult, RateLimitPause, RequestCounts } from './types.ts';


const zeroCounts = (): RequestCounts => ({ sent: 0, completed: 0, errors: 0, timeouts: 0, non2xx: 0, status5xx: 0, rateLimited: 0, rateLimitSkipped: 0, dropped: 0, late: 0, cancelled: 0 });

/** Pauses kept in the result: enough to see the pattern, bounded for a soak that is rate-limited all night. */
const MAX_PAUSES = 50;

export interface Recorder {
  /**
   * `route`: index into the paths given to createRecorder (resolved once by the engine, not per request).
   * `atMs`: ms since t=0 that decides the timeline second (intended start, or the send for the closed engine).
   */
  send(route: number, atMs: number, lagMs: number | null): void;
  drop(route: number, atMs: number): void;
  /** An intended send not made: its route is paused after a 429. */
  skip(route: number, atMs: number): void;
  /** A full answer. `latencyMs` from the intended start, `serviceMs` from the send. A 429 is booked apart. */
  response(route: number, atMs: number, latencyMs: number, serviceMs: number, status: number): void;
  /** A sent request that got no response. A timeout's latency (≥ the timeout) is still recorded: hiding it would flatter. */
  failure(route: number, atMs: number, kind: ErrorKind, latencyMs: number | null, serviceMs: number | null): void;
  cancel(route: number, atMs: number): void;
  pause(p: RateLimitPause): void;
  /** Closes the timeline seconds before `second` that have nothing pending. */
  settle(second: number): void;
  progress(elapsedS: number, inFlight: number): LoadProgress;
  result(meta: ResultMeta): LoadResult;
}

const newRouteState = (): RouteState => ({
  counts: zeroCounts(), hist: createHistogram(), service: createHistogram(), okHist: createHistogram(), okService: createHistogram(), statuses: new Map(), kinds: {},
});

/**
 * The fold both engines feed: counts, our histograms (overall, per route, per second), the lag and the
 * service time. Called once or twice per request, so it does no string work, no lookups by name and no
 * allocation beyond a new second's bucket.
 */
export function createRecorder(routes: readonly string[]): Recorder {
  const total = zeroCounts();
  const all = createHistogram();
  const service = createHistogram();
  const lag = createHistogram();
  const states: RouteState[] = routes.map(newRouteState);
  const timeline = createTimeline();
  const bucket = timeline.at;
  const pauses: RateLimitPause[] = [];

  const state = (r: number): RouteState => {
    const s = states[r];
    if (!s) throw new Error(`recorder: unknown route #${r} (${routes.length} route(s))`);
    return s;
  };
  const error = (s: RouteState, b: Bucket, kind: ErrorKind): void => {
    total.errors += 1;
    s.counts.errors += 1;
    b.point.errors += 1;
    s.kinds[kind] = (s.kinds[kind] ?? 0) + 1;
  };
  const latency = (s: RouteState, b: Bucket, ms: number, serviceMs: number | null): void => {
    recordMs(all, ms);
    recordMs(s.hist, ms);
    if (b.hist) recordMs(b.hist, ms);
    if (serviceMs === null) return;
    recordMs(service, serviceMs);
    recordMs(s.service, serviceMs);
  };
  const answered = (s: RouteState, b: Bucket, status: number): void => {
    b.pending -= 1;
    b.point.completed += 1;
    total.completed += 1;
    s.counts.completed += 1;
    s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
  };

  return {
    send(r, atMs, lagMs) {
      const c = state(r).counts;
      const b = bucket(atMs);
      total.sent += 1;
      c.sent += 1;
      b.point.sent += 1;
      b.pending += 1;
      if (lagMs === null) return;
      recordMs(lag, Math.max(0, lagMs));
      if (lagMs > LATE_SEND_MS) {
        total.late += 1;
        c.late += 1;
      }
    },
    drop(r, atMs) {
      total.dropped += 1;
      state(r).counts.dropped += 1;
      bucket(atMs).point.dropped += 1;
    },
    skip(r, atMs) {
      total.rateLimitSkipped += 1;
      state(r).counts.rateLimitSkipped += 1;
      bucket(atMs).point.rateLimited += 1;
    },
    response(r, atMs, ms, serviceMs, status) {
      const s = state(r);
      const b = bucket(atMs);
      answered(s, b, status);
      if (status === RATE_LIMITED) {
        total.rateLimited += 1;
        s.counts.rateLimited += 1;
        b.point.rateLimited += 1;
        return; // refused, not served: no latency sample, no error
      }
      latency(s, b, ms, serviceMs);
      const kind = kindOfStatus(status);
      if (kind === null) {
        recordMs(s.okHist, ms);
        recordMs(s.okService, serviceMs);
        return;
      }
      total.non2xx += 1;
      s.counts.non2xx += 1;
      if (kind === 'http-5xx') {
        total.status5xx += 1;
        s.counts.status5xx += 1;
      }
      error(s, b, kind);
    },
    failure(r, atMs, kind, ms, serviceMs) {
      const s = state(r);
      const b = bucket(atMs);
      b.pending -= 1;
      if (kind === 'timeout') {
        total.timeouts += 1;
        s.counts.timeouts += 1;
      }
      if (ms !== null) latency(s, b, ms, serviceMs);
      error(s, b, kind);
    },
    cancel(r, atMs) {
      total.cancelled += 1;
      state(r).counts.cancelled += 1;
      bucket(atMs).pending -= 1;
    },
    pause(p) {
      if (pauses.length < MAX_PAUSES) pauses.push(p);
    },
    settle: timeline.settle,
    progress(elapsedS, inFlight) {
      const p95 = all.totalCount === 0 ? null : Math.round(all.getValueAtPercentile(95)) / 1000;
      return { elapsedS, sent: total.sent, completed: total.completed, errors: total.errors, dropped: total.dropped, rateLimited: total.rateLimited + total.rateLimitSkipped, inFlight, p95 };
    },
    result(meta) {
      return buildResult(meta, { paths: routes, states, total, all, service, lag, timeline: timeline.points(), pauses });
    },
  };
}
