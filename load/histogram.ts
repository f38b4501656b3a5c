import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { EncodedHistogram, LatencyMs } from './types.ts';

/**
 * Our percentiles (STYLE "Percentiles are ours"): every latency in µs in an HDR histogram.
 * 3 significant digits = 0.1 % resolution; autoResize so a 60 s stall still fits.
 */
export function createHistogram(significantDigits: 2 | 3 = 3): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: significantDigits, autoResize: true });
}

/** Records a latency given in ms (sub-ms kept: µs precision). */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

const round = (us: number): number => Math.round(us) / 1000;

/** Percentiles in ms, rounded to µs; all null when empty (zero samples are not a 0 ms latency). */
export function latencyOf(h: Histogram): LatencyMs {
  if (h.totalCount === 0) return { min: null, p50: null, p90: null, p95: null, p99: null, max: null, mean: null };
  return {
    min: round(h.minNonZeroValue),
    p50: round(h.getValueAtPercentile(50)),
    p90: round(h.getValueAtPercentile(90)),
    p95: round(h.getValueAtPercentile(95)),
    p99: round(h.getValueAtPercentile(99)),
    max: round(h.maxValue),
    mean: round(h.mean),
  };
}

export function encodeHistogram(h: Histogram): EncodedHistogram {
  return { encoding: 'hdr-compressed-base64', unit: 'us', data: encodeIntoCompressedBase64(h) };
}

export function decodeHistogram(e: EncodedHistogram): Histogram {
  return decodeFromCompressedBase64(e.data);
}

/** One bucket of recorded values: every value in it is treated as equal (a tie). */
export interface Bin {
  /** Representative value in µs. */
  value: number;
  count: number;
}

interface Iterable {
  recordedValuesIterator: { reset(): void; hasNext(): boolean; next(): { valueIteratedTo: number; countAtValueIteratedTo: number } };
}

/** Every non-empty bucket, ascending. The public Histogram type hides the iterator that JsHistogram has. */
export function binsOf(h: Histogram): Bin[] {
  const it = (h as unknown as Iterable).recordedValuesIterator;
  if (!it) throw new Error('histogram has no recorded-values iterator');
  it.reset();
  const out: Bin[] = [];
  while (it.hasNext()) {
    const v = it.next();
    if (v.countAtValueIteratedTo > 0) out.push({ value: v.valueIteratedTo, count: v.countAtValueIteratedTo });
  }
  return out;
}

/** Value (ms) at each percentile, for the distribution chart. */
export function percentileCurve(h: Histogram, percentiles: readonly number[]): { percentile: number; ms: number }[] {
  if (h.totalCount === 0) return [];
  return percentiles.map((p) => ({ percentile: p, ms: round(h.getValueAtPercentile(p)) }));
}
