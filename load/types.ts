import type { HttpMethod, LoadEngine } from '../lib/runbook/profiles.ts';

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
  /** Requests put on the wire (dropped ones are not sent). */
  sent: number;
  /** Responses received in full, whatever their status. */
  completed: number;
  /** Sent requests that failed: non-2xx (3xx included), timeouts, network errors. */
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
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

export interface RouteSummary {
  path: string;
  method: HttpMethod;
  requests: RequestCounts;
  /** Share 0..1 of intended requests that failed or were dropped. */
  errorRate: number;
  latencyMs: LatencyMs;
  histogram: EncodedHistogram;
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
  /** Share 0..1: (errors + dropped) / (sent + dropped). */
  errorRate: number;
  /** Share 0..1 of sent requests answered 5xx. */
  status5xxRate: number;
  latencyMs: LatencyMs;
  /** Actual send − intended send; both null for the closed engine (it has no schedule). */
  schedulingLagMs: { p50: number | null; p99: number | null };
  timeline: TimelinePoint[];
  perRoute: Record<string, RouteSummary>;
  histogram: EncodedHistogram;
  /** True when the run was interrupted: what is here is real but incomplete. */
  partial: boolean;
  /** Things a reader must know (saturated generator, deadline hit, …). */
  notes: string[];
}

/** Once a second while a run is going. */
export interface LoadProgress {
  elapsedS: number;
  sent: number;
  completed: number;
  errors: number;
  dropped: number;
  inFlight: number;
  /** p95 so far over all routes, ms. */
  p95: number | null;
}
