import { LATE_SEND_MS } from './counts.ts';
import type { LoadResult } from './types.ts';

export interface NoteInput {
  warmupS: number;
  interrupted: boolean;
  elapsedMs: number;
  /** Open engine's in-flight cap (per target). */
  maxInFlight: number;
}

/** Pure: what a reader of the result must know about how this run went (beyond its figures). */
export function engineNotes(r: LoadResult, n: NoteInput): string[] {
  const notes: string[] = [];
  const q = r.requests;
  if (n.warmupS > 0) notes.push(`${n.warmupS} s of warm-up at the same rate before t=0, not recorded`);
  if (n.interrupted) notes.push(`interrupted after ${(n.elapsedMs / 1000).toFixed(1)} s: partial results`);
  if (q.dropped > 0) notes.push(`${q.dropped} send(s) dropped: ${n.maxInFlight} requests were already in flight (generator or server saturated)`);
  if (q.late > 0) notes.push(`${q.late} send(s) left more than ${LATE_SEND_MS} ms late (generator behind schedule); their latency still counts from the intended time`);
  if (q.rateLimited > 0) {
    const paths = [...new Set(r.rateLimitPauses.map((p) => p.path))].join(', ');
    const skipped = q.rateLimitSkipped > 0 ? `, ${q.rateLimitSkipped} send(s) skipped while paused` : '';
    notes.push(`rate limited: ${q.rateLimited} × 429 on ${paths || 'the target'}${skipped}; the load measured less than planned`);
  }
  return notes;
}
