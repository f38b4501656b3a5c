import type { Recorder } from './recorder.ts';
import type { LoadProgress } from './types.ts';

/**
 * The per-second tick both engines run: closes finished timeline seconds every 250 ms and reports progress
 * once per new second. Returns the stop function.
 */
export function startProgress(rec: Recorder, elapsedMs: () => number, inFlight: () => number, onProgress: ((p: LoadProgress) => void) | undefined): () => void {
  let last = 0;
  const timer = setInterval(() => {
    const s = Math.floor(elapsedMs() / 1000);
    rec.settle(s);
    if (s > last) onProgress?.(rec.progress(s, inFlight()));
    last = s;
  }, 250);
  return () => clearInterval(timer);
}
