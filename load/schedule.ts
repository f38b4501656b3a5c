/**
 * Pure scheduling helpers of the open engine: which route each send goes to.
 * Smooth weighted round-robin (as nginx does): deterministic, interleaved, and exact over every full cycle,
 * so a test can predict per-route counts.
 */
export function createPicker<T extends { weight: number }>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('picker: no routes');
  const weights = items.map((i) => i.weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  const current = weights.map(() => 0);
  return () => {
    let best = 0;
    for (let i = 0; i < items.length; i++) {
      current[i] = (current[i] ?? 0) + (weights[i] ?? 0);
      if ((current[i] ?? 0) > (current[best] ?? 0)) best = i;
    }
    current[best] = (current[best] ?? 0) - sum;
    return items[best] as T;
  };
}

/** One full cycle of the picker, reduced by the weights' gcd (the closed engine's request list). */
export function cycle<T extends { weight: number }>(items: readonly T[]): T[] {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = items.reduce((acc, i) => gcd(acc, i.weight), 0) || 1;
  const n = items.reduce((a, i) => a + i.weight / g, 0);
  const pick = createPicker(items.map((i) => ({ ...i, weight: i.weight / g, item: i })));
  return Array.from({ length: n }, () => pick().item);
}

/** Loopback only, by name or address: the hosts where safety caps do not apply. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
