import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, latencyOf } from './histogram.ts';
import type { TimelinePoint } from './types.ts';

/** One second of the run while it is open: its point, requests still pending, and its own histogram. */
export interface Bucket {
  point: TimelinePoint;
  pending: number;
  /** Null once the second is closed (its percentiles are final). */
  hist: Histogram | null;
}

export interface Timeline {
  /** The bucket of the second `atMs` (ms since t=0) falls in, created on first use. */
  at(atMs: number): Bucket;
  /** Closes the seconds before `second` that have nothing pending. */
  settle(second: number): void;
  /** Closes every second and returns the points, in order. */
  points(): TimelinePoint[];
}

function close(b: Bucket): void {
  if (!b.hist) return;
  const l = latencyOf(b.hist);
  b.point.p50 = l.p50;
  b.point.p95 = l.p95;
  b.point.p99 = l.p99;
  b.point.max = l.max;
  b.hist = null; // percentiles are final; free the memory (a soak has thousands of seconds)
}

/** Per-second buckets, dense from 0: no lookup by key, and the timeline comes out sorted. */
export function createTimeline(): Timeline {
  const buckets: (Bucket | undefined)[] = [];
  /** Buckets whose percentiles are not final yet: settle() scans only these, not the whole soak. */
  const open = new Set<Bucket>();
  return {
    at(atMs) {
      const second = Math.max(0, Math.floor(atMs / 1000));
      let b = buckets[second];
      if (!b) {
        b = { point: { second, sent: 0, completed: 0, errors: 0, dropped: 0, rateLimited: 0, p50: null, p95: null, p99: null, max: null }, pending: 0, hist: createHistogram(2) };
        buckets[second] = b;
        open.add(b);
      }
      return b;
    },
    settle(second) {
      for (const b of open) {
        if (b.pending > 0 || b.point.second >= second) continue;
        close(b);
        open.delete(b);
      }
    },
    points() {
      for (const b of open) close(b);
      open.clear();
      return buckets.flatMap((b) => (b ? [b.point] : []));
    },
  };
}
