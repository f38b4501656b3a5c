import type { RequestCounts } from './types.ts';

/** A send leaving later than this after its intended time counts as late (the generator fell behind). */
export const LATE_SEND_MS = 10;

/** Why a sent request failed. HTTP kinds come from the status; the rest from the transport. */
export type ErrorKind = 'timeout' | 'connect-refused' | 'socket' | 'network' | 'redirect-3xx' | 'http-4xx' | 'http-5xx' | 'http-other';

/** 429 is the target declining to serve us: neither a success nor a server error (see `rateLimited`). */
export const RATE_LIMITED = 429;

/** The error kind of a status; null for 2xx and for 429 (not an error, counted apart). */
export function kindOfStatus(status: number): ErrorKind | null {
  if (status >= 200 && status < 300) return null;
  if (status === RATE_LIMITED) return null;
  if (status >= 300 && status < 400) return 'redirect-3xx'; // never followed silently
  if (status >= 400 && status < 500) return 'http-4xx';
  if (status >= 500 && status < 600) return 'http-5xx';
  return 'http-other';
}

/** Requests the schedule meant to make: sent (less those cancelled by Ctrl-C), dropped at the cap, skipped while paused. */
export function intendedSends(c: RequestCounts): number {
  return c.sent - c.cancelled + c.dropped + c.rateLimitSkipped;
}

/** Intended sends whose outcome says something about the target: all but 429s and the sends their pauses skipped. */
export function measuredSends(c: RequestCounts): number {
  return intendedSends(c) - c.rateLimited - c.rateLimitSkipped;
}

/** Dropped sends count against the error rate: a request the user would have made was not served. */
export function errorRate(c: RequestCounts): number {
  const measured = measuredSends(c);
  return measured > 0 ? (c.errors + c.dropped) / measured : 0;
}
