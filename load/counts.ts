import type { RequestCounts } from './types.ts';

/** A send leaving later than this after its intended time counts as late (the generator fell behind). */
export const LATE_SEND_MS = 10;

/** Why a sent request failed. HTTP kinds come from the status; the rest from the transport. */
export type ErrorKind = 'timeout' | 'connect-refused' | 'socket' | 'network' | 'redirect-3xx' | 'rate-limited-429' | 'http-4xx' | 'http-5xx' | 'http-other';

export function kindOfStatus(status: number): ErrorKind | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return 'redirect-3xx'; // never followed silently
  if (status === 429) return 'rate-limited-429';
  if (status >= 400 && status < 500) return 'http-4xx';
  if (status >= 500 && status < 600) return 'http-5xx';
  return 'http-other';
}

/** Requests the schedule meant to make: sent (less those cancelled by Ctrl-C) plus those dropped at the cap. */
export function intendedSends(c: RequestCounts): number {
  return c.sent - c.cancelled + c.dropped;
}

/** Dropped sends count against the error rate: a request the user would have made was not served. */
export function errorRate(c: RequestCounts): number {
  const intended = intendedSends(c);
  return intended > 0 ? (c.errors + c.dropped) / intended : 0;
}
