/**
 * Pure: how long a route pauses after a 429. The target says so in Retry-After (delta-seconds or an HTTP
 * date, RFC 9110 §10.2.3); without one the real app's limiter (slowapi, hourly windows, contract §8)
 * gives no hint, so a default applies. Capped: one answer must not silence a route for the rest of a run,
 * and floored: "retry now" must not turn the engine into a hammer on a limiter.
 */
export const RATE_LIMIT_PAUSE = { defaultS: 10, minS: 1, maxS: 60 } as const;

export interface RetryPause {
  pauseMs: number;
  /** The header as received (first value), or null when absent. */
  raw: string | null;
}

export function retryAfterPause(header: string | string[] | undefined, nowEpochMs: number, limits = RATE_LIMIT_PAUSE): RetryPause {
  const raw = (Array.isArray(header) ? header[0] : header)?.trim() || null;
  const clamp = (s: number): number => Math.min(limits.maxS, Math.max(limits.minS, s)) * 1000;
  if (raw === null) return { pauseMs: clamp(limits.defaultS), raw };
  if (/^\d+$/.test(raw)) return { pauseMs: clamp(Number(raw)), raw };
  const date = Date.parse(raw);
  if (Number.isFinite(date)) return { pauseMs: clamp((date - nowEpochMs) / 1000), raw };
  return { pauseMs: clamp(limits.defaultS), raw };
}
