import { LIVE_ALPHA, THRESHOLDS, describeThreshold, evaluateThreshold, type Threshold } from '../lib/runbook/thresholds.ts';
import { compareHistograms } from './compare.ts';
import { errorRate, measuredSends } from './counts.ts';
import { decodeHistogram } from './histogram.ts';
import { fisherGreater } from './stats.ts';
import type { LiveComparison, LiveDifference, LiveStatus, SideFigures } from './live-types.ts';
import type { EncodedHistogram, LatencyMs, LoadResult, RequestCounts } from './types.ts';

/** The two thresholds of candidate vs live (a full ThresholdSet from lib/config fits). */
export interface LiveThresholds {
  liveP95Ratio: Threshold;
  liveErrorRateDelta: Threshold;
}

export const DEFAULT_LIVE_THRESHOLDS: LiveThresholds = { liveP95Ratio: THRESHOLDS.liveP95Ratio, liveErrorRateDelta: THRESHOLDS.liveErrorRateDelta };

const RANK: Record<LiveStatus, number> = { pass: 0, warn: 1, fail: 2, error: 3 };
export const worst = (statuses: readonly LiveStatus[]): LiveStatus => statuses.reduce<LiveStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');

/** What one side measured on one route (or overall). */
interface Measured {
  latencyMs: LatencyMs;
  serviceTimeMs: LatencyMs;
  requests: RequestCounts;
  histogram: EncodedHistogram;
}

function figures(m: Measured): SideFigures {
  const q = m.requests;
  return { p50: m.latencyMs.p50, p95: m.latencyMs.p95, p99: m.latencyMs.p99, serviceP95: m.serviceTimeMs.p95, measured: measuredSends(q), failed: q.errors + q.dropped, errorRate: errorRate(q) };
}

const ratio3 = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
/** A p-value for a reader: "6.6e-12" below 0.001, else "0.042" (the console line, the report and the reasons). */
export const pValueText = (p: number): string => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

function latencyJudgement(d: Pick<LiveDifference, 'p95Ratio' | 'latency'>, t: Threshold, alpha: number): { status: LiveStatus; reason: string } {
  if (!d.latency || d.p95Ratio === null) return { status: 'error', reason: 'latency: a side has no latency sample, nothing to compare' };
  const what = `p95 ratio ${d.p95Ratio}× (Mann–Whitney p = ${pValueText(d.latency.pValue)}, Cliff's δ ${d.latency.effectSize.toFixed(3)})`;
  if (d.latency.pValue >= alpha) return { status: 'pass', reason: `latency: ${what}, not significant at p < ${alpha}` };
  return { status: evaluateThreshold(d.p95Ratio, t), reason: `latency: ${what} (${describeThreshold(t)})` };
}

function errorJudgement(c: SideFigures, l: SideFigures, e: LiveDifference['errorRate'], t: Threshold, alpha: number): { status: LiveStatus; reason: string } {
  if (c.measured === 0 || l.measured === 0) return { status: 'error', reason: 'error rate: a side measured no request' };
  const what = `error rate ${(c.errorRate * 100).toFixed(3)} % vs live ${(l.errorRate * 100).toFixed(3)} % (Fisher p = ${pValueText(e.pValue)})`;
  if (e.pValue >= alpha) return { status: 'pass', reason: `error rate: ${what}, not significantly above live at p < ${alpha}` };
  return { status: evaluateThreshold(e.differencePct, t), reason: `error rate: ${what}, ${e.differencePct} points above (${describeThreshold(t)})` };
}

/** Pure apart from histogram decoding: one route's (or the overall) difference, judged at `alpha`. */
function liveDifference(candidate: Measured, live: Measured, t: LiveThresholds, alpha: number): LiveDifference {
  const c = figures(candidate);
  const l = figures(live);
  const hc = decodeHistogram(candidate.histogram);
  const hl = decodeHistogram(live.histogram);
  const latency = hc.totalCount > 0 && hl.totalCount > 0 ? (({ u, z, pValue, effectSize }) => ({ u, z, pValue, effectSize }))(compareHistograms(hl, hc, { alpha })) : null;
  const errorRate = { differencePct: Math.round((c.errorRate - l.errorRate) * 100_000) / 1000, pValue: fisherGreater(c.failed, c.measured, l.failed, l.measured) };
  const base = { candidate: c, live: l, p95Ratio: ratio3(c.p95, l.p95), latency, errorRate };
  const lat = latencyJudgement(base, t.liveP95Ratio, alpha);
  const err = errorJudgement(c, l, errorRate, t.liveErrorRateDelta, alpha);
  return { ...base, latencyStatus: lat.status, errorRateStatus: err.status, status: worst([lat.status, err.status]), reasons: [lat.reason, err.reason] };
}

/**
 * Pure: candidate against live on the same schedule, overall and per route. Only a difference significant
 * at `alpha` can warn or fail; routes are tested at alpha / routes (Bonferroni), so looking at every route
 * does not multiply the false alarms.
 */
export function compareLive(candidate: LoadResult, live: LoadResult, t: LiveThresholds = DEFAULT_LIVE_THRESHOLDS, alpha = LIVE_ALPHA): LiveComparison {
  const overall = liveDifference(candidate, live, t, alpha);
  const paths = Object.keys(candidate.perRoute);
  const routeAlpha = alpha / Math.max(1, paths.length);
  const perRoute: Record<string, LiveDifference> = {};
  for (const path of paths) {
    const c = candidate.perRoute[path];
    const l = live.perRoute[path];
    if (c && l) perRoute[path] = liveDifference(c, l, t, routeAlpha);
  }
  const status = worst([overall.status, ...Object.values(perRoute).map((d) => d.status)]);
  const summary = `${status}: p95 ${overall.candidate.p95 ?? '—'} ms vs live ${overall.live.p95 ?? '—'} ms; ${overall.reasons.join('; ')}`;
  return {
    candidate: candidate.target, live: live.target, alpha, perRoute, overall, status, summary,
    thresholds: { p95Ratio: describeThreshold(t.liveP95Ratio), errorRateDelta: describeThreshold(t.liveErrorRateDelta) },
  };
}
