import type { Recorder } from './recorder.ts';
import type { LoadProgress } from './types.ts';

/**
 * The per-second tick both engines run: closes finished timeline seconds of every recorder (compare mode:
 * both deployments', so neither keeps a histogram per second for the whole run) every 250 ms, and reports
 * the first recorder's progress once per new second. Returns the stop function.
 */
export function startProgress(recs: readonly Recorder[], elapsedMs: () => number, inFlight: () => number, onProgress: ((p: LoadProgress) => void) | undefined): () => void {
  let last = 0;
  const timer = setInterval(() => {
    const s = Math.floor(elapsedMs() / 1000);
    for (const rec of recs) rec.settle(s);
    const first = recs[0];
    if (s > last && first) onProgress?.(first.progress(s, inFlight()));
    last = s;
  }, 250);
  return () => clearInterval(timer);
}
