/** Pure numerical helpers of the comparisons: no dependencies, no I/O. */

/** Complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const lnChoose = (n: number, k: number): number => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);

/**
 * Fisher's exact test, one-sided: the probability of seeing at least `failedA` failures in sample A (of
 * `nA`) when A and B (`failedB` of `nB`) fail at the same rate, given the margins. Exact for small counts,
 * where a normal approximation of two proportions is wrong (3 errors against 0 is the usual case).
 */
export function fisherGreater(failedA: number, nA: number, failedB: number, nB: number): number {
  const total = nA + nB;
  const failed = failedA + failedB;
  if (nA <= 0 || nB <= 0 || failed === 0 || failed === total) return 1;
  const denominator = lnChoose(total, nA);
  let p = 0;
  for (let x = failedA; x <= Math.min(failed, nA); x++) {
    if (nA - x > total - failed) continue;
    p += Math.exp(lnChoose(failed, x) + lnChoose(total - failed, nA - x) - denominator);
  }
  return Math.min(1, p);
}
