import type { Histogram } from 'hdr-histogram-js';
import type { CheckResult } from '../lib/verdict/types.ts';
import { binsOf, decodeHistogram, latencyOf } from './histogram.ts';
import { erfc } from './stats.ts';
import type { LoadResult } from './types.ts';

type Change = 'regression' | 'no change' | 'improvement';

export interface Comparison {
  change: Change;
  /** Samples in the baseline and in this run. */
  nBaseline: number;
  nCurrent: number;
  /** Mann–Whitney U of the current run against the baseline. */
  u: number;
  z: number;
  /** Two-sided p-value (normal approximation with tie correction). */
  pValue: number;
  /** Cliff's delta = P(current > baseline) − P(current < baseline), −1..1; > 0 means slower now. */
  effectSize: number;
  /** Current / baseline, for a human. */
  p50Ratio: number | null;
  p95Ratio: number | null;
  summary: string;
}

/** Significance and the smallest effect that matters (Romano et al.: |δ| < 0.147 is negligible). */
const COMPARE_DEFAULTS = { alpha: 0.01, minEffect: 0.147 } as const;

/**
 * Pure rank test on two histograms: values in one HDR bucket are ties. O(buckets), not O(samples), so a
 * million-sample run compares in milliseconds. As automated canary analysis (Kayenta) does: a significant
 * difference alone is not a regression; it must also be large enough to matter.
 */
export function compareHistograms(baseline: Histogram, current: Histogram, opts: { alpha?: number; minEffect?: number } = {}): Comparison {
  const alpha = opts.alpha ?? COMPARE_DEFAULTS.alpha;
  const minEffect = opts.minEffect ?? COMPARE_DEFAULTS.minEffect;
  const nA = baseline.totalCount;
  const nB = current.totalCount;
  if (nA === 0 || nB === 0) throw new Error(`cannot compare: ${nA === 0 ? 'the baseline' : 'this run'} has no latency samples`);
  const merged = new Map<number, { a: number; b: number }>();
  for (const bin of binsOf(baseline)) merged.set(bin.value, { a: bin.count, b: merged.get(bin.value)?.b ?? 0 });
  for (const bin of binsOf(current)) merged.set(bin.value, { a: merged.get(bin.value)?.a ?? 0, b: bin.count });
  const values = [...merged.keys()].sort((x, y) => x - y);
  let rank = 0;
  let rankSumB = 0;
  let tieTerm = 0;
  for (const v of values) {
    const g = merged.get(v) ?? { a: 0, b: 0 };
    const t = g.a + g.b;
    const midRank = rank + (t + 1) / 2;
    rankSumB += g.b * midRank;
    tieTerm += t * t * t - t;
    rank += t;
  }
  const n = nA + nB;
  const u = rankSumB - (nB * (nB + 1)) / 2;
  const mean = (nA * nB) / 2;
  const variance = ((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const z = variance > 0 ? (u - mean) / Math.sqrt(variance) : 0;
  const pValue = variance > 0 ? Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) : 1;
  const effectSize = (2 * u) / (nA * nB) - 1;
  const significant = pValue < alpha && Math.abs(effectSize) >= minEffect;
  const change: Change = !significant ? 'no change' : effectSize > 0 ? 'regression' : 'improvement';
  const la = latencyOf(baseline);
  const lb = latencyOf(current);
  const ratio = (x: number | null, y: number | null): number | null => (x && y ? Math.round((y / x) * 1000) / 1000 : null);
  const p50Ratio = ratio(la.p50, lb.p50);
  const p95Ratio = ratio(la.p95, lb.p95);
  const summary = `${change}: Cliff's delta ${effectSize.toFixed(3)}, p = ${pValue.toExponential(2)} (Mann–Whitney U, n = ${nA} vs ${nB}); p50 ${la.p50} → ${lb.p50} ms, p95 ${la.p95} → ${lb.p95} ms`;
  return { change, nBaseline: nA, nCurrent: nB, u, z, pValue, effectSize, p50Ratio, p95Ratio, summary };
}

/** Compares two saved results (their overall histograms). */
export function compareResults(baseline: LoadResult, current: LoadResult, opts?: { alpha?: number; minEffect?: number }): Comparison {
  return compareHistograms(decodeHistogram(baseline.histogram), decodeHistogram(current.histogram), opts);
}

/**
 * The comparison as evidence: a regression warns (the absolute thresholds decide the verdict; a baseline
 * drift alone must not block a deploy), anything else passes. Minor, so it never holds a release.
 */
export function comparisonCheck(c: Comparison, name: string): CheckResult {
  return {
    id: 'RB-14',
    title: `RB-14 latency vs baseline (${name})`,
    severity: 'minor',
    status: c.change === 'regression' ? 'warn' : 'pass',
    measured: Math.round(c.effectSize * 1000) / 1000,
    unit: "Cliff's delta",
    threshold: `regression when Mann–Whitney p < ${COMPARE_DEFAULTS.alpha} and delta ≥ ${COMPARE_DEFAULTS.minEffect}`,
    message: c.summary,
    source: 'load',
  };
}
