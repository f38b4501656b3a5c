/** The result shape of candidate-vs-live compare mode (`runLoad({ compareTo })`), written as `comparison`. */

export type LiveStatus = 'pass' | 'warn' | 'fail' | 'error';

/** One side's figures (candidate or live) for one route or overall. */
export interface SideFigures {
  /** Latency (intended start → done) of every measured answer, ms; null without samples. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Service time (sent → done) p95, ms. */
  serviceP95: number | null;
  /** Measured intended requests: the error-rate denominator (429s and paused sends are not measured). */
  measured: number;
  /** Errors + dropped sends. */
  failed: number;
  /** failed / measured, 0..1. */
  errorRate: number;
}

export interface LiveDifference {
  candidate: SideFigures;
  live: SideFigures;
  /** candidate p95 / live p95; null when either side has no latency sample. */
  p95Ratio: number | null;
  /** Mann–Whitney U of the candidate's latencies against live's (two-sided); null when a side has no sample. */
  latency: { u: number; z: number; pValue: number; effectSize: number } | null;
  /** Candidate minus live error rate in percentage points, and Fisher's exact p that the candidate's is higher. */
  errorRate: { differencePct: number; pValue: number };
  /** The worse of the latency and error-rate judgements. */
  status: LiveStatus;
  latencyStatus: LiveStatus;
  errorRateStatus: LiveStatus;
  /** Why the status is what it is, one clause per judgement. */
  reasons: string[];
}

export interface LiveComparison {
  /** Origins (no path, no credentials). */
  candidate: string;
  live: string;
  /** Significance level of the overall tests; each route is tested at alpha / routes (Bonferroni). */
  alpha: number;
  /** Human form of the thresholds used. */
  thresholds: { p95Ratio: string; errorRateDelta: string };
  overall: LiveDifference;
  perRoute: Record<string, LiveDifference>;
  /** Worst of overall and every route. */
  status: LiveStatus;
  summary: string;
}
