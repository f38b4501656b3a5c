/**
 * Robust spread for small, noisy samples (a few nights of one figure): the median and the median
 * absolute deviation ignore the one bad night that a mean and standard deviation would chase.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

/** 1.4826 × MAD estimates the standard deviation of normal data (Iglewicz & Hoaglin). */
const MAD_TO_SIGMA = 1.4826;
/** √(π/2) × mean absolute deviation estimates it too, for when more than half the values are equal. */
const MEAN_AD_TO_SIGMA = 1.2533;

export interface RobustScale {
  median: number;
  /** The spread a value is measured against, in the values' unit; 0 only when nothing varies and no floor applies. */
  scale: number;
  /** Which estimate gave `scale`. */
  basis: 'mad' | 'mean-ad' | 'floor' | 'none';
}

/**
 * The median and a robust spread of `values`. MAD is 0 whenever more than half the values are equal
 * (a steady 0 % error rate, a latency rounded to the same figure), which would make any change
 * infinitely unusual; then the mean absolute deviation stands in. `floor` is the smallest spread
 * worth telling apart (the caller's resolution), so a figure that never moved is not flagged for
 * jitter far below anything that matters.
 */
export function robustScale(values: readonly number[], floor = 0): RobustScale {
  const m = median(values);
  const deviations = values.map((v) => Math.abs(v - m));
  const mad = MAD_TO_SIGMA * median(deviations);
  if (mad > 0 && mad >= floor) return { median: m, scale: mad, basis: 'mad' };
  const meanAd = deviations.length === 0 ? 0 : (MEAN_AD_TO_SIGMA * deviations.reduce((a, b) => a + b, 0)) / deviations.length;
  if (mad === 0 && meanAd >= floor && meanAd > 0) return { median: m, scale: meanAd, basis: 'mean-ad' };
  if (floor > 0) return { median: m, scale: floor, basis: 'floor' };
  return { median: m, scale: 0, basis: 'none' };
}

/** (x − median) / scale; ±Infinity for any change against a spread of 0, 0 for no change. */
export function robustZ(x: number, s: RobustScale): number {
  const d = x - s.median;
  if (s.scale > 0) return d / s.scale;
  return d === 0 ? 0 : d > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
