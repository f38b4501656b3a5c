import { Pool, type Dispatcher } from 'undici';
import { LATE_SEND_MS, type ErrorKind } from './counts.ts';
import { createRecorder, startProgress, type Recorder } from './recorder.ts';
import { createPicker } from './schedule.ts';
import type { EngineOptions, EngineRoute } from './engine.ts';
import type { LoadResult } from './types.ts';

/** Extra time after the last send for stragglers, on top of the per-request timeout. */
const DRAIN_GRACE_MS = 2000;
/** One request in flight; it is also its own undici handler (the methods are shared, set once per run). */
interface InFlight extends Dispatcher.DispatchHandler {
  i: number;
  route: SendRoute;
  rec: Recorder;
  intendedMs: number;
  sentMs: number;
  status: number;
  /** Set once undici hands the request to a connection; a request still queued in the pool has none yet. */
  controller: Dispatcher.DispatchController | null;
}

/** A route with everything a send needs resolved once per run: its recorder index and undici's options. */
interface SendRoute {
  index: number;
  weight: number;
  dispatch: Dispatcher.DispatchOptions;
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
  const paths = o.routes.map((r) => r.path);
  const rec = createRecorder(paths);
  // Warm-up sends share the pool and the schedule but are booked in a recorder that is thrown away.
  const warm = createRecorder(paths);
  const warmupMs = Math.max(0, o.warmupS ?? 0) * 1000;
  const pick = createPicker(o.routes.map((r, index): SendRoute => ({ index, weight: r.weight, dispatch: { origin: o.origin, path: r.path, method: r.method, headers: r.headers } })));
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

  // undici calls these as methods of the handler, so `this` is the request: no closures per send.
  function onRequestStart(this: InFlight, controller: Dispatcher.DispatchController): void {
    if (!inFlight.has(this.i)) controller.abort(new Error('already given up')); // timed out while queued in the pool
    else this.controller = controller;
  }
  function onResponseStart(this: InFlight, _c: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }
  function onResponseData(): void {}
  function onResponseEnd(this: InFlight): void {
    if (!inFlight.delete(this.i)) return; // already booked as a timeout or a cancel
    this.rec.response(this.route.index, this.intendedMs, now() - this.intendedMs, this.status);
    settleIfDone();
  }
  function onResponseError(this: InFlight, _c: Dispatcher.DispatchController, err: Error): void {
    if (!inFlight.delete(this.i)) return; // already booked as a timeout or a cancel
    const kind = transportKind(err);
    this.rec.failure(this.route.index, this.intendedMs, kind, kind === 'timeout' ? now() - this.intendedMs : null);
    settleIfDone();
  }

  const fire = (i: number, intendedMs: number): void => {
    const route = pick();
    const rec = book(intendedMs);
    if (inFlight.size >= o.maxInFlight) return rec.drop(route.index, intendedMs);
    const sentMs = now();
    rec.send(route.index, intendedMs, sentMs - intendedMs);
    const f: InFlight = { i, route, rec, intendedMs, sentMs, status: 0, controller: null, onRequestStart, onResponseStart, onResponseData, onResponseEnd, onResponseError };
    inFlight.set(i, f);
    // The dispatch API (no promise, no body stream, no AbortController per request): about 1.5× the
    // throughput of pool.request() here. Latency includes the whole body (onResponseEnd).
    pool.dispatch(route.dispatch, f);
  };

  /** Books a request as given up (timeout or Ctrl-C) now; its later callbacks find nothing to book. */
  const giveUp = (f: InFlight, how: 'timeout' | 'cancel'): void => {
    inFlight.delete(f.i);
    if (how === 'timeout') f.rec.failure(f.route.index, f.intendedMs, 'timeout', now() - f.intendedMs);
    else f.rec.cancel(f.route.index, f.intendedMs);
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
    for (const f of inFlight.values()) {
      if (f.sentMs > limit) break;
      giveUp(f, 'timeout');
    }
    settleIfDone();
  }, Math.min(100, o.timeoutMs / 4));
  const stopProgress = startProgress(rec, now, () => inFlight.size, o.onProgress);
  const deadlineMs = warmupMs + o.durationS * 1000 + o.timeoutMs + DRAIN_GRACE_MS;
  const deadline = setTimeout(() => {
    notes.push(`run deadline (${Math.round(deadlineMs)} ms) reached with ${inFlight.size} request(s) still in flight; they count as timeouts`);
    stopped = true;
    for (const f of inFlight.values()) giveUp(f, 'timeout');
    settleIfDone();
  }, deadlineMs);
  const onAbort = (): void => {
    interrupted = true;
    stopped = true;
    for (const f of inFlight.values()) giveUp(f, 'cancel');
    settleIfDone();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();

  tick();
  await done;
  clearInterval(sweep);
  stopProgress();
  clearTimeout(deadline);
  if (timer) {
    clearTimeout(timer as NodeJS.Timeout);
    clearImmediate(timer as NodeJS.Immediate);
  }
  o.signal?.removeEventListener('abort', onAbort);
  await pool.destroy().catch(() => undefined);

  const sendingMs = Math.min(now(), o.durationS * 1000);
  if (warmupMs > 0) notes.push(`${warmupMs / 1000} s of warm-up at the same rate before t=0, not recorded`);
  if (interrupted) notes.push(`interrupted after ${(now() / 1000).toFixed(1)} s: partial results`);
  const result = rec.result({
    name: o.name, engine: 'open', target: o.origin, routes: o.routes.map(({ path, method, weight }) => ({ path, method, weight })),
    startedAtEpochMs, plannedDurationS: o.durationS, targetRate: rate, durationS: Math.round(Math.max(sendingMs, 1) / 10) / 100,
    connections: o.connections, partial: interrupted, notes,
  });
  const { dropped, late } = result.requests;
  if (dropped > 0) result.notes.push(`${dropped} send(s) dropped: ${o.maxInFlight} requests were already in flight (generator or server saturated)`);
  if (late > 0) result.notes.push(`${late} send(s) left more than ${LATE_SEND_MS} ms late (generator behind schedule); their latency still counts from the intended time`);
  return result;
}
