/**
 * Upper bounds of every number the suite accepts. Each one keeps a value inside what the code can
 * honour: Node's timers overflow above 2^31 ms (a larger timeout fires at once), a loopback engine
 * wedges long before 100,000 req/s, and a plan of more than ten million requests is never a gate.
 */
export const LIMITS = {
  /** Any timeout or time threshold, in ms: 10 min. */
  timeoutMs: 600_000,
  /** A load duration, in seconds: 24 h. */
  durationS: 86_400,
  /** A load rate or rate cap, in requests per second. */
  rate: 100_000,
  /** Planned requests of one load: rate × duration. */
  plannedRequests: 10_000_000,
} as const;

/** What a number may be: its upper bound and how to say it. */
export interface NumberRule {
  max: number;
  /** The bound for humans, e.g. "600000 ms (10 min)". */
  maxLabel: string;
}

export const RULES = {
  timeoutMs: { max: LIMITS.timeoutMs, maxLabel: `${LIMITS.timeoutMs} ms (10 min)` },
  timeoutS: { max: LIMITS.timeoutMs / 1000, maxLabel: `${LIMITS.timeoutMs / 1000} s (10 min)` },
  durationS: { max: LIMITS.durationS, maxLabel: `${LIMITS.durationS} s (24 h)` },
  rate: { max: LIMITS.rate, maxLabel: `${LIMITS.rate} requests/s` },
  percent: { max: 100, maxLabel: '100 %' },
  /** A candidate/live ratio: beyond 100× the comparison says nothing a smaller bound would not. */
  ratio: { max: 100, maxLabel: '100×' },
} as const satisfies Record<string, NumberRule>;

/**
 * A plain decimal literal: digits with an optional fraction. Number() alone would also take "0x10",
 * "1e8", "Infinity", " 12 " and "" (as 0); none of them is what a person means by a rate or a timeout.
 */
const DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;

/**
 * Pure: the value of `raw` under `rule`, or the problem with it (without the variable's name, which
 * the caller prefixes). Positive, plain decimal, at most the rule's bound.
 */
export function parseBounded(raw: string, rule: NumberRule): { value: number } | { problem: string } {
  if (!DECIMAL.test(raw)) {
    return { problem: `must be a plain decimal number such as 2000 or 0.5, got ${JSON.stringify(raw)} (no exponent, hex, sign, spaces or units)` };
  }
  const value = Number(raw);
  if (!(value > 0)) return { problem: `must be greater than 0, got ${raw}` };
  if (value > rule.max) return { problem: `must be at most ${rule.maxLabel}, got ${raw}` };
  return { value };
}

/** Pure: the planned-requests bound of a constant-rate load, or undefined when it holds. */
export function plannedRequestsProblem(rate: number, durationS: number): string | undefined {
  const planned = rate * durationS;
  if (!(planned > LIMITS.plannedRequests)) return undefined;
  return `rate × duration plans ${Math.round(planned).toLocaleString('en-US')} requests, more than the ${LIMITS.plannedRequests.toLocaleString('en-US')} one run may send; lower --rate or --duration`;
}
