import type { HttpMethod, LoadEngine } from '../lib/runbook/profiles.ts';
import type { LiveComparison } from './live-types.ts';

/** Percentiles in milliseconds; `null` when there was no sample (never a made-up 0). */
export interface LatencyMs {
  min: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

export interface RequestCounts {
  /** Requests put on the wire (dropped and rate-limit-skipped ones are not sent). */
  sent: number;
  /** Responses received in full, whatever their status (429 included). */
  completed: number;
  /** Sent requests that failed: an error status (any non-2xx but 429; 3xx included), timeouts, network errors. */
  errors: number;
  timeouts: number;
  /** Error responses: non-2xx other than 429. */
  non2xx: number;
  status5xx: number;
  /**
   * 429 answers: the target refused to serve us, so nothing about its service was measured. Neither an error
   * nor a latency sample; the route pauses for its Retry-After (see `rateLimitPauses`).
   */
  rateLimited: number;
  /** Intended sends not made because their route was paused after a 429 (open engine). */
  rateLimitSkipped: number;
  /** Intended sends skipped because the in-flight cap was reached: the generator (or server) could not keep up. */
  dropped: number;
  /** Sends that left more than LATE_SEND_MS after their intended time. */
  late: number;
  /** In flight when the run was interrupted (Ctrl-C): neither success nor error. */
  cancelled: number;
}

/** One second of the run, by intended start (open engine) or completion (closed engine). */
export interface TimelinePoint {
  /** Seconds since the start of the run. */
  second: number;
  sent: number;
  completed: number;
  errors: number;
  dropped: number;
  /** 429 answers and sends skipped while paused. */
  rateLimited: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface EncodedHistogram {
  /** HdrHistogram's compressed base64 (V2) form; decode with hdr-histogram-js `decodeFromCompressedBase64`. */
  encoding: 'hdr-compressed-base64';
  unit: 'us';
  data: string;
}

/** Responses answered 2xx only: what RB-16 judges (an error answers fast and says nothing about the database). */
interface SuccessSummary {
  responses: number;
  latencyMs: LatencyMs;
  serviceTimeMs: LatencyMs;
}

export interface RouteSummary {
  path: string;
  method: HttpMethod;
  requests: RequestCounts;
  /** Share 0..1 of the measured intended requests that failed or were dropped (see `errorRate` in counts.ts). */
  errorRate: number;
  /** Intended start → done (open engine); sent → done (closed engine). Every answer but 429, timeouts at their wait. */
  latencyMs: LatencyMs;
  /** Sent → done: the target's (and the network's) share, without the generator's own scheduling delay. */
  serviceTimeMs: LatencyMs;
  success: SuccessSummary;
  /** Every status received on this route, by code ("404": 100). */
  statusCounts: Record<string, number>;
  /** Failures by kind (http-4xx, timeout, connect-refused, …) on this route. */
  errorsByKind: Record<string, number>;
  histogram: EncodedHistogram;
}

/** A route paused after a 429: when, for how long, and what the target said. */
export interface RateLimitPause {
  path: string;
  /** Seconds since t=0 when the 429 arrived. */
  atS: number;
  pauseS: number;
  /** The Retry-After header as received; null when the target sent none (a default pause applies). */
  retryAfter: string | null;
}

/** The one result shape of both engines, written to `<outDir>/load/<name>.json`. */
export interface LoadResult {
  schema: 'jumpstart-gate/load-result@1';
  name: string;
  engine: LoadEngine;
  /** Origin only (no credentials, no path). */
  target: string;
  routes: { path: string; method: HttpMethod; weight: number }[];
  startedAt: string;
  /** Epoch ms of t=0 of the schedule (the first intended send). */
  startedAtEpochMs: number;
  plannedDurationS: number;
  /** Requests per second asked for; null for the closed engine (it has no schedule). */
  targetRate: number | null;
  /** Completed responses per second of measured time. */
  achievedRate: number;
  /** Closed engine: median of the full seconds' completion rates (max sustained throughput). */
  maxSustainedRate: number | null;
  durationS: number;
  connections: number;
  requests: RequestCounts;
  errorsByKind: Record<string, number>;
  statusCounts: Record<string, number>;
  /** Share 0..1: (errors + dropped) / measured intended sends (429s and paused sends are not measured). */
  errorRate: number;
  /** Share 0..1 of sent requests answered 5xx. */
  status5xxRate: number;
  latencyMs: LatencyMs;
  /** Sent → done over all routes: compare with `latencyMs` to see the generator's own share. */
  serviceTimeMs: LatencyMs;
  /** Actual send − intended send; both null for the closed engine (it has no schedule). */
  schedulingLagMs: { p50: number | null; p99: number | null };
  /** Every pause a 429 caused (the first 50); counts are in `requests.rateLimited` / `rateLimitSkipped`. */
  rateLimitPauses: RateLimitPause[];
  timeline: TimelinePoint[];
  perRoute: Record<string, RouteSummary>;
  histogram: EncodedHistogram;
  /** True when the run was interrupted: what is here is real but incomplete. */
  partial: boolean;
  /** Things a reader must know (saturated generator, deadline hit, …). */
  notes: string[];
  /** Compare mode (`runLoad({ compareTo })`): the live deployment's result, measured on the same schedule. */
  live?: LoadResult;
  /** Compare mode: candidate (this result) against `live`, per route and overall. */
  comparison?: LiveComparison;
}

/** Once a second while a run is going. */
export interface LoadProgress {
  elapsedS: number;
  sent: number;
  completed: number;
  errors: number;
  dropped: number;
  rateLimited: number;
  inFlight: number;
  /** p95 so far over all routes, ms. */
  p95: number | null;
}
