import autocannon from 'autocannon';
import { createRecorder } from './recorder.ts';
import { cycle } from './schedule.ts';
import type { EngineOptions } from './engine.ts';
import type { LoadResult, TimelinePoint } from './types.ts';

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
  let answered = paths[0] ?? UNATTRIBUTED;
  // onResponse runs synchronously just before autocannon's 'response' event for the same request
  const requests = cycle(o.routes).map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.headers,
    onResponse: () => void (answered = r.path),
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
    rec.send(UNATTRIBUTED, at, null);
    rec.failure(UNATTRIBUTED, at, timedOut ? 'timeout' : 'network', timedOut ? o.timeoutMs : null);
  });
  let last = 0;
  const progress = setInterval(() => {
    const s = Math.floor(now() / 1000);
    rec.settle(s);
    if (s > last) o.onProgress?.(rec.progress(s, o.connections));
    last = s;
  }, 250);
  const onAbort = (): void => {
    interrupted = true;
    instance.stop();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  // autocannon stops itself after `duration`; the extra deadline covers a wedged run
  const deadline = setTimeout(() => instance.stop(), o.durationS * 1000 + o.timeoutMs + 2000);
  await finished.finally(() => {
    clearInterval(progress);
    clearTimeout(deadline);
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
  const unattributed = result.perRoute[UNATTRIBUTED];
  if (unattributed && unattributed.requests.sent === 0) delete result.perRoute[UNATTRIBUTED];
  return result;
}
