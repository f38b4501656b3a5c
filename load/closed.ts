import { createRecorder } from './recorder.ts';
import { startProgress } from './progress.ts';
import { createSender } from './sender.ts';
import { cycle } from './schedule.ts';
import { engineNotes } from './notes.ts';
import type { EngineOptions } from './engine.ts';
import type { LoadResult, TimelinePoint } from './types.ts';

/** Past duration + timeout, whatever is still in flight is booked as a timeout and the run ends. */
const DEADLINE_GRACE_MS = 1000;

/** Median of the full seconds' completions: the throughput the server sustained, not its best burst. */
function sustainedRate(timeline: readonly TimelinePoint[]): number | null {
  const inner = timeline.slice(1, -1).map((p) => p.completed).sort((a, b) => a - b);
  if (inner.length === 0) return null;
  const mid = Math.floor(inner.length / 2);
  return inner.length % 2 ? (inner[mid] ?? 0) : ((inner[mid - 1] ?? 0) + (inner[mid] ?? 0)) / 2;
}

/**
 * Closed model (capacity, stress): `connections` workers, each sending its next request when the previous
 * one is booked, routes in the weighted cycle. Latency is from the send, so a stall hides (coordinated
 * omission): use the open engine for the gate. Every request is booked on its own route, a silent target
 * as timeouts, and the run ends by duration + timeout whatever the network does. With `rate` > 0
 * (off loopback) the workers share a per-second budget.
 */
export async function runClosed(o: EngineOptions): Promise<LoadResult> {
  const paths = o.routes.map((r) => r.path);
  const rec = createRecorder(paths);
  const order = cycle(o.routes.map((r, index) => ({ weight: r.weight, index }))).map((r) => r.index);
  const t0 = performance.now();
  const now = (): number => performance.now() - t0;
  const durationMs = o.durationS * 1000;
  const waits = new Set<NodeJS.Timeout>();
  let position = 0;
  /** The per-second send budget (off loopback): the second it counts, and sends made in it. */
  let budgetSecond = -1;
  let budgetUsed = 0;
  let stopped = false;
  let interrupted = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));

  const later = (ms: number, worker: number): void => {
    const t = setTimeout(() => (waits.delete(t), step(worker)), Math.max(1, Math.ceil(ms)));
    waits.add(t);
  };
  /** The next route of the cycle that is not paused after a 429, or -1 when every route is. */
  const nextRoute = (t: number): number => {
    for (let k = 0; k < order.length; k++) {
      const route = order[(position + k) % order.length] ?? 0;
      if (sender.pausedUntil(route) <= t) return (position = (position + k + 1) % order.length), route;
    }
    return -1;
  };
  function step(worker: number): void {
    const t = now();
    if (stopped || t >= durationMs) return void (stopped = true, sender.inFlight() === 0 && waits.size === 0 && finish());
    // the budget first: a worker that waits for the next second must not use up a route of the cycle
    const second = Math.floor(t / 1000);
    if (second !== budgetSecond) (budgetSecond = second), (budgetUsed = 0);
    if (o.rate > 0 && budgetUsed >= o.rate) return later((second + 1) * 1000 - t, worker);
    const route = nextRoute(t);
    if (route < 0) return later(Math.min(...o.routes.map((_, r) => sender.pausedUntil(r))) - t, worker);
    budgetUsed += 1;
    sender.send(route, t, rec, worker);
  }
  // a request finishing synchronously inside dispatch must not recurse into the next send
  const sender = createSender({ origin: o.origin, routes: o.routes, connections: o.connections, timeoutMs: o.timeoutMs, maxInFlight: o.connections, now, scheduled: false, onDone: (w) => void setImmediate(step, w) });

  const stopAll = (how: 'timeout' | 'cancel'): void => {
    stopped = true;
    for (const t of waits) clearTimeout(t);
    waits.clear();
    sender.giveUpAll(how);
    finish();
  };
  const sweep = setInterval(() => sender.sweep(), Math.min(100, o.timeoutMs / 4));
  const stopProgress = startProgress([rec], now, () => sender.inFlight(), o.onProgress);
  const end = setTimeout(() => {
    stopped = true;
    for (const t of waits) clearTimeout(t);
    waits.clear();
    if (sender.inFlight() === 0) finish();
  }, durationMs);
  const deadline = setTimeout(() => stopAll('timeout'), durationMs + o.timeoutMs + DEADLINE_GRACE_MS);
  const onAbort = (): void => {
    interrupted = true;
    stopAll('cancel');
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  for (let w = 0; w < o.connections && !stopped; w++) step(w);

  await done;
  for (const t of [sweep, end, deadline]) clearTimeout(t);
  stopProgress();
  o.signal?.removeEventListener('abort', onAbort);
  await sender.close();

  const elapsedMs = now();
  const result = rec.result({
    name: o.name, engine: 'closed', target: o.origin, routes: o.routes.map(({ path, method, weight }) => ({ path, method, weight })),
    startedAtEpochMs: performance.timeOrigin + t0, plannedDurationS: o.durationS, targetRate: null,
    durationS: Math.round(Math.min(elapsedMs, durationMs) / 10) / 100, connections: o.connections, partial: interrupted,
    notes: ['closed loop: latency is measured from the send, so server stalls are under-represented (coordinated omission); gate on the open engine'],
  });
  result.maxSustainedRate = sustainedRate(result.timeline);
  result.notes.push(...engineNotes(result, { warmupS: 0, interrupted, elapsedMs, maxInFlight: o.connections }));
  return result;
}
