import { Pool, type Dispatcher } from 'undici';
import { RATE_LIMITED, type ErrorKind } from './counts.ts';
import { retryAfterPause } from './retry-after.ts';
import type { EngineRoute } from './engine.ts';
import type { Recorder } from './recorder.ts';

/** How long closing the pool may take before the run goes on without it (a wedged socket must not hold the result). */
const CLOSE_GRACE_MS = 1000;

/** One request in flight; it is also its own undici handler (the methods are shared, set once per sender). */
interface InFlight extends Dispatcher.DispatchHandler {
  id: number;
  route: number;
  rec: Recorder;
  intendedMs: number;
  sentMs: number;
  status: number;
  retryAfter: string | string[] | undefined;
  /** The engine's own tag (the closed engine's worker); handed back in onDone. */
  tag: number;
  /** Set once undici hands the request to a connection; a request still queued in the pool has none yet. */
  controller: Dispatcher.DispatchController | null;
}

export interface SenderOptions {
  /** Origin only: each target gets its own sender, so its own pool (no connection is shared between targets). */
  origin: string;
  routes: readonly EngineRoute[];
  connections: number;
  timeoutMs: number;
  /** Sends beyond this many in flight are dropped (and counted). */
  maxInFlight: number;
  /** ms since t=0 of the run. */
  now: () => number;
  /** False for the closed engine: a send has no intended time to lag behind (its lag is not recorded). */
  scheduled?: boolean;
  /** Called once per sent request after it is booked (answer, failure, timeout or cancel). */
  onDone: (tag: number) => void;
}

export interface Sender {
  /** Sends `route` now for the send intended at `intendedMs`; a full in-flight cap books a drop instead. */
  send(route: number, intendedMs: number, rec: Recorder, tag?: number): void;
  /** ms since t=0 until which `route` is paused after a 429 (0 = not paused). */
  pausedUntil(route: number): number;
  inFlight(): number;
  /** Books every request sent longer than the timeout ago as a timeout (call often). */
  sweep(): void;
  /** Books every request still in flight as a timeout (deadline) or a cancel (Ctrl-C). */
  giveUpAll(how: 'timeout' | 'cancel'): void;
  close(): Promise<void>;
}

function transportKind(err: unknown): ErrorKind {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'connect-refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'socket';
  return 'network';
}

/**
 * The dispatch core both engines share: one undici pool, the in-flight table, per-request timeouts, and the
 * 429 pause per route. Latency is booked from the intended start, service time from the send; every request
 * is booked exactly once, on its own route, whatever the network does.
 */
export function createSender(o: SenderOptions): Sender {
  const pool = new Pool(o.origin, { connections: o.connections, pipelining: 1, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, connectTimeout: o.timeoutMs });
  const dispatch = o.routes.map((r): Dispatcher.DispatchOptions => ({ origin: o.origin, path: r.path, method: r.method, headers: r.headers }));
  const paused = new Float64Array(o.routes.length);
  const inFlight = new Map<number, InFlight>();
  const scheduled = o.scheduled ?? true;
  let ids = 0;

  const pauseFor = (f: InFlight, t: number): void => {
    const { pauseMs, raw } = retryAfterPause(f.retryAfter, performance.timeOrigin + performance.now());
    const until = t + pauseMs;
    if (t >= (paused[f.route] ?? 0)) f.rec.pause({ path: o.routes[f.route]?.path ?? '?', atS: Math.round(t) / 1000, pauseS: pauseMs / 1000, retryAfter: raw });
    paused[f.route] = Math.max(paused[f.route] ?? 0, until);
  };

  // undici calls these as methods of the handler, so `this` is the request: no closures per send.
  function onRequestStart(this: InFlight, controller: Dispatcher.DispatchController): void {
    if (!inFlight.has(this.id)) controller.abort(new Error('already given up')); // timed out while queued in the pool
    else this.controller = controller;
  }
  function onResponseStart(this: InFlight, _c: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    if (statusCode === RATE_LIMITED) this.retryAfter = headers['retry-after'];
  }
  function onResponseData(): void {}
  function onResponseEnd(this: InFlight): void {
    if (!inFlight.delete(this.id)) return; // already booked as a timeout or a cancel
    const t = o.now();
    this.rec.response(this.route, this.intendedMs, t - this.intendedMs, t - this.sentMs, this.status);
    if (this.status === RATE_LIMITED) pauseFor(this, t);
    o.onDone(this.tag);
  }
  function onResponseError(this: InFlight, _c: Dispatcher.DispatchController, err: Error): void {
    if (!inFlight.delete(this.id)) return; // already booked as a timeout or a cancel
    const kind = transportKind(err);
    const t = o.now();
    this.rec.failure(this.route, this.intendedMs, kind, kind === 'timeout' ? t - this.intendedMs : null, kind === 'timeout' ? t - this.sentMs : null);
    o.onDone(this.tag);
  }

  /** Books a request as given up now; its later callbacks find nothing to book. */
  const giveUp = (f: InFlight, how: 'timeout' | 'cancel'): void => {
    inFlight.delete(f.id);
    const t = o.now();
    if (how === 'timeout') f.rec.failure(f.route, f.intendedMs, 'timeout', t - f.intendedMs, t - f.sentMs);
    else f.rec.cancel(f.route, f.intendedMs);
    f.controller?.abort(new Error(how === 'timeout' ? 'load: request timed out' : 'load: run interrupted'));
    o.onDone(f.tag);
  };

  return {
    send(route, intendedMs, rec, tag = 0) {
      if (inFlight.size >= o.maxInFlight) return rec.drop(route, intendedMs);
      // unscheduled (closed loop): the send is its own intended time, so latency and service time are one
      const sentMs = scheduled ? o.now() : intendedMs;
      rec.send(route, intendedMs, scheduled ? sentMs - intendedMs : null);
      const f: InFlight = { id: ids++, route, rec, intendedMs, sentMs, status: 0, retryAfter: undefined, tag, controller: null, onRequestStart, onResponseStart, onResponseData, onResponseEnd, onResponseError };
      inFlight.set(f.id, f);
      // The dispatch API (no promise, no body stream, no AbortController per request): about 1.5× the
      // throughput of pool.request() here. Latency includes the whole body (onResponseEnd).
      pool.dispatch(dispatch[route] as Dispatcher.DispatchOptions, f);
    },
    pausedUntil: (route) => paused[route] ?? 0,
    inFlight: () => inFlight.size,
    sweep() {
      const limit = o.now() - o.timeoutMs;
      // insertion order = send order, so the first young request ends the scan
      for (const f of inFlight.values()) {
        if (f.sentMs > limit) break;
        giveUp(f, 'timeout');
      }
    },
    giveUpAll(how) {
      for (const f of [...inFlight.values()]) giveUp(f, how);
    },
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
      await Promise.race([pool.destroy().catch(() => undefined), grace]);
      clearTimeout(timer);
    },
  };
}
