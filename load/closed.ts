import autocannon from 'autocannon';
import { createRecorder, startProgress } from './recorder.ts';
import { cycle } from './schedule.ts';
import type { EngineOptions } from './engine.ts';
import type { LoadResult, TimelinePoint } from './types.ts';
import { GateError } from '../lib/errors.ts';

/** How long autocannon may take to call back after stop() before the run fails as a timeout. */
const STOP_GRACE_MS = 5000;

/** autocannon's transport errors carry no request; they are booked under this pseudo-route. */
export const UNATTRIBUTED = '(transport)';

/** Median of the full seconds' completions: the throughput the server sustained, not its best burst. */
export function sustainedRate(timeline: readonly TimelinePoint[]): number | null {
  const inner = timeline.slice(1, -1).map((p) => p.completed).sort((a, b) => a - b);
  if (inner.length === 0) return null;
  const mid = Math.floor(inner.length / 2);
  return inner.length % 2 ? (inner[mid] ?? 0) : ((inner[mid - 1] ?? 0) + (inner[mid] ?? 0)) / 2;
}

/**
 * Closed model (capacity, stress): each connection sends when its previous response arrives.
 * autocannon drives the sockets; every latency is recorded by us from its per-response event (its own
 * result has no p95 and whole-ms values). Latency here is from the write, so a stall hides: use the open
 * engine for the gate.
 */
export async function runClosed(o: EngineOptions): Promise<LoadResult> {
  const paths = o.routes.map((r) => r.path);
  const rec = createRecorder([...paths, UNATTRIBUTED]);
  const unattributed = paths.length; // recorder index of UNATTRIBUTED
  let answered = 0;
  // onResponse runs synchronously just before autocannon's 'response' event for the same request
  const requests = cycle(o.routes.map((r, index) => ({ ...r, index }))).map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.headers,
    onResponse: () => void (answered = r.index),
  }));
  const t0 = performance.now();
  const startedAtEpochMs = performance.timeOrigin + t0;
  const now = (): number => performance.now() - t0;
  let interrupted = false;

  let settle: (err: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve());
  });
  // The callback form returns the instance (events, stop); the promise form would not.
  const instance = autocannon({
    url: o.origin,
    connections: o.connections,
    pipelining: 1,
    duration: o.durationS,
    timeout: Math.max(1, Math.ceil(o.timeoutMs / 1000)),
    requests,
    ...(o.rate > 0 ? { overallRate: o.rate } : {}),
  }, (err: unknown) => settle(err));
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTimeMs: number) => {
    const at = now();
    rec.send(answered, at, null);
    rec.response(answered, at, responseTimeMs, status);
  });
  instance.on('reqError', (err: unknown) => {
    const at = now();
    const timedOut = err instanceof Error && /timed out/i.test(err.message);
    rec.send(unattributed, at, null);
    rec.failure(unattributed, at, timedOut ? 'timeout' : 'network', timedOut ? o.timeoutMs : null);
  });
  const stopProgress = startProgress(rec, now, () => o.connections, o.onProgress);
  // stop() asks autocannon to finish; if it never calls back, give up after a grace period so no
  // wait is unbounded.
  let hardStop: NodeJS.Timeout | undefined;
  const stop = (): void => {
    instance.stop();
    hardStop ??= setTimeout(() => settle(new GateError('TIMEOUT', `autocannon did not finish within ${STOP_GRACE_MS} ms of being stopped`)), STOP_GRACE_MS);
  };
  const onAbort = (): void => {
    interrupted = true;
    stop();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  // autocannon stops itself after `duration`; the extra deadline covers a wedged run
  const deadline = setTimeout(stop, o.durationS * 1000 + o.timeoutMs + 2000);
  await finished.finally(() => {
    stopProgress();
    clearTimeout(deadline);
    clearTimeout(hardStop);
    o.signal?.removeEventListener('abort', onAbort);
  });

  const notes = ['closed loop: latency is measured from the write, so server stalls are under-represented (coordinated omission); gate on the open engine'];
  if (interrupted) notes.push(`interrupted after ${(now() / 1000).toFixed(1)} s: partial results`);
  const routes = o.routes.map(({ path, method, weight }) => ({ path, method, weight }));
  const meta = {
    name: o.name, engine: 'closed' as const, target: o.origin, routes, startedAtEpochMs, plannedDurationS: o.durationS,
    targetRate: null, durationS: Math.round(Math.min(now(), o.durationS * 1000) / 10) / 100, connections: o.connections,
    partial: interrupted, notes,
  };
  const result = rec.result(meta);
  result.maxSustainedRate = sustainedRate(result.timeline);
  if (result.perRoute[UNATTRIBUTED]?.requests.sent === 0) delete result.perRoute[UNATTRIBUTED];
  return result;
}
