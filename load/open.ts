import { Pool, type Dispatcher } from 'undici';
import { LATE_SEND_MS, createRecorder, type ErrorKind } from './recorder.ts';
import { createPicker } from './schedule.ts';
import type { EngineOptions, EngineRoute } from './engine.ts';
import type { LoadResult } from './types.ts';

/** Extra time after the last send for stragglers, on top of the per-request timeout. */
const DRAIN_GRACE_MS = 2000;
interface InFlight {
  route: EngineRoute;
  intendedMs: number;
  sentMs: number;
  status: number;
  /** Set once undici hands the request to a connection; a request still queued in the pool has none yet. */
  controller: Dispatcher.DispatchController | null;
}

function transportKind(err: unknown): ErrorKind {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'connect-refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'socket';
  return 'network';
}

/**
 * Open model, constant arrival rate (the gate's engine). Send i is *intended* at i/rate; its latency is
 * completion − intended start, so a stalled server (or a late generator) shows in the percentiles instead of
 * silently slowing the sender (no coordinated omission). Sends beyond the in-flight cap are dropped and counted.
 */
export async function runOpen(o: EngineOptions): Promise<LoadResult> {
  const rate = o.rate;
  const total = Math.floor(rate * o.durationS);
  const intervalMs = 1000 / rate;
  const pool = new Pool(o.origin, { connections: o.connections, pipelining: 1, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, connectTimeout: o.timeoutMs });
  const rec = createRecorder(o.routes.map((r) => r.path));
  // Warm-up sends share the pool and the schedule but are booked in a recorder that is thrown away.
  const warm = createRecorder(o.routes.map((r) => r.path));
  const warmupMs = Math.max(0, o.warmupS ?? 0) * 1000;
  const pick = createPicker(o.routes);
  const inFlight = new Map<number, InFlight>();
  const notes: string[] = [];
  const t0 = performance.now() + warmupMs;
  const startedAtEpochMs = performance.timeOrigin + t0;
  const now = (): number => performance.now() - t0;
  let next = -Math.floor((warmupMs / 1000) * rate);
  let stopped = false;
  let interrupted = false;
  let timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));

  const settleIfDone = (): void => {
    if (next < 0 && !stopped) return; // still warming up
    if ((next >= total || stopped) && inFlight.size === 0) finish();
  };

  const book = (intendedMs: number): typeof rec => (intendedMs < 0 ? warm : rec);

  const fire = (i: number, intendedMs: number): void => {
    const route = pick();
    const rec = book(intendedMs);
    if (inFlight.size >= o.maxInFlight) return rec.drop(route.path, intendedMs);
    const sentMs = now();
    rec.send(route.path, intendedMs, sentMs - intendedMs);
    const f: InFlight = { route, intendedMs, sentMs, status: 0, controller: null };
    inFlight.set(i, f);
    // The dispatch API (no promise, no body stream, no AbortController per request): about 1.5× the
    // throughput of pool.request() here. Latency includes the whole body (onResponseEnd).
    pool.dispatch(
      { origin: o.origin, path: route.path, method: route.method, headers: route.headers },
      {
        onRequestStart(controller) {
          if (!inFlight.has(i)) controller.abort(new Error('already given up')); // timed out while queued in the pool
          else f.controller = controller;
        },
        onResponseStart(_c, statusCode) {
          f.status = statusCode;
        },
        onResponseData() {},
        onResponseEnd() {
          if (!inFlight.delete(i)) return;
          rec.response(route.path, intendedMs, now() - intendedMs, f.status);
          settleIfDone();
        },
        onResponseError(_c, err) {
          if (!inFlight.delete(i)) return; // already booked as a timeout or a cancel
          const kind = transportKind(err);
          rec.failure(route.path, intendedMs, kind, kind === 'timeout' ? now() - intendedMs : null);
          settleIfDone();
        },
      },
    );
  };

  /** Books a request as given up (timeout or Ctrl-C) now; its later callbacks find nothing to book. */
  const giveUp = (i: number, f: InFlight, how: 'timeout' | 'cancel'): void => {
    inFlight.delete(i);
    const rec = book(f.intendedMs);
    if (how === 'timeout') rec.failure(f.route.path, f.intendedMs, 'timeout', now() - f.intendedMs);
    else rec.cancel(f.route.path, f.intendedMs);
    f.controller?.abort(new Error(how === 'timeout' ? 'load: request timed out' : 'load: run interrupted'));
  };

  const tick = (): void => {
    timer = undefined;
    if (stopped) return;
    const t = now();
    while (next < total && next * intervalMs <= t) fire(next, next * intervalMs), (next += 1);
    if (next >= total) return settleIfDone();
    const wait = next * intervalMs - now();
    // setTimeout has ~1 ms granularity: batch what is due rather than spin (the server shares the cores)
    timer = wait <= 0 ? setImmediate(tick) : setTimeout(tick, Math.max(1, Math.floor(wait)));
  };

  // One sweep enforces every per-request timeout (insertion order = send order, so it stops early).
  const sweep = setInterval(() => {
    const limit = now() - o.timeoutMs;
    for (const [i, f] of inFlight) {
      if (f.sentMs > limit) break;
      giveUp(i, f, 'timeout');
    }
    settleIfDone();
  }, Math.min(100, o.timeoutMs / 4));
  let lastProgress = 0;
  const progress = setInterval(() => {
    const s = Math.floor(now() / 1000);
    rec.settle(s);
    if (s > lastProgress) o.onProgress?.(rec.progress(s, inFlight.size));
    lastProgress = s;
  }, 250);
  const deadlineMs = warmupMs + o.durationS * 1000 + o.timeoutMs + DRAIN_GRACE_MS;
  const deadline = setTimeout(() => {
    notes.push(`run deadline (${Math.round(deadlineMs)} ms) reached with ${inFlight.size} request(s) still in flight; they count as timeouts`);
    stopped = true;
    for (const [i, f] of inFlight) giveUp(i, f, 'timeout');
    settleIfDone();
  }, deadlineMs);
  const onAbort = (): void => {
    interrupted = true;
    stopped = true;
    for (const [i, f] of inFlight) giveUp(i, f, 'cancel');
    settleIfDone();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();

  tick();
  await done;
  clearInterval(sweep);
  clearInterval(progress);
  clearTimeout(deadline);
  if (timer) {
    clearTimeout(timer as NodeJS.Timeout);
    clearImmediate(timer as NodeJS.Immediate);
  }
  o.signal?.removeEventListener('abort', onAbort);
  await pool.destroy().catch(() => undefined);

  const sendingMs = Math.min(now(), o.durationS * 1000);
  const counts = rec.progress(0, 0);
  if (counts.dropped > 0) notes.push(`${counts.dropped} send(s) dropped: ${o.maxInFlight} requests were already in flight (generator or server saturated)`);
  if (warmupMs > 0) notes.push(`${warmupMs / 1000} s of warm-up at the same rate before t=0, not recorded`);
  if (interrupted) notes.push(`interrupted after ${(now() / 1000).toFixed(1)} s: partial results`);
  const result = rec.result({
    name: o.name, engine: 'open', target: o.origin, routes: o.routes.map(({ path, method, weight }) => ({ path, method, weight })),
    startedAtEpochMs, plannedDurationS: o.durationS, targetRate: rate, durationS: Math.round(Math.max(sendingMs, 1) / 10) / 100,
    connections: o.connections, partial: interrupted, notes,
  });
  const late = result.requests.late;
  if (late > 0) result.notes.push(`${late} send(s) left more than ${LATE_SEND_MS} ms late (generator behind schedule); their latency still counts from the intended time`);
  return result;
}
