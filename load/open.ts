import { createRecorder, type Recorder } from './recorder.ts';
import { startProgress } from './progress.ts';
import { createSender, type Sender } from './sender.ts';
import { createPicker } from './schedule.ts';
import { engineNotes } from './notes.ts';
import type { EngineOptions, EngineRoute } from './engine.ts';
import type { LoadResult } from './types.ts';

/** Extra time after the last send for stragglers, on top of the per-request timeout. */
const DRAIN_GRACE_MS = 2000;

/** One deployment under the schedule: its own pool and recorders. */
interface Side {
  origin: string;
  routes: EngineRoute[];
  sender: Sender;
  rec: Recorder;
  /** Warm-up sends share the pool and the schedule but are booked here and thrown away. */
  warm: Recorder;
}

/**
 * Open model, constant arrival rate (the gate's engine). Send i is *intended* at i/rate; its latency is
 * completion − intended start, so a stalled server (or a late generator) shows in the percentiles instead of
 * silently slowing the sender (no coordinated omission). Sends beyond the in-flight cap are dropped and
 * counted; sends of a route paused after a 429 are skipped and counted.
 *
 * Compare mode (`o.compare`): every intended instant serves both deployments, each over its own pool, the
 * one sent first alternating, so both see the same moment's network and generator noise.
 */
export async function runOpen(o: EngineOptions): Promise<LoadResult> {
  const total = Math.floor(o.rate * o.durationS);
  const intervalMs = 1000 / o.rate;
  const warmupMs = Math.max(0, o.warmupS ?? 0) * 1000;
  const t0 = performance.now() + warmupMs;
  const now = (): number => performance.now() - t0;
  let next = -Math.floor((warmupMs / 1000) * o.rate);
  let stopped = false;
  let interrupted = false;
  let timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const inFlight = (): number => sides.reduce((n, s) => n + s.sender.inFlight(), 0);
  const settleIfDone = (): void => {
    if (next < 0 && !stopped) return; // still warming up
    if ((next >= total || stopped) && inFlight() === 0) finish();
  };
  const paths = o.routes.map((r) => r.path);
  const side = (origin: string, routes: EngineRoute[]): Side => ({
    origin, routes, rec: createRecorder(paths), warm: createRecorder(paths),
    sender: createSender({ origin, routes, connections: o.connections, timeoutMs: o.timeoutMs, maxInFlight: o.maxInFlight, now, onDone: settleIfDone }),
  });
  const sides: Side[] = [side(o.origin, o.routes), ...(o.compare ? [side(o.compare.origin, o.compare.routes)] : [])];
  const pick = createPicker(o.routes.map((r, index) => ({ index, weight: r.weight })));

  const fire = (i: number, intendedMs: number, t: number): void => {
    const route = pick().index;
    for (let k = 0; k < sides.length; k++) {
      // the deployment sent first alternates, so neither always gets the earlier send
      const s = sides[(((i + k) % sides.length) + sides.length) % sides.length] as Side;
      const rec = intendedMs < 0 ? s.warm : s.rec;
      if (s.sender.pausedUntil(route) > t) rec.skip(route, intendedMs);
      else s.sender.send(route, intendedMs, rec);
    }
  };

  const tick = (): void => {
    timer = undefined;
    if (stopped) return;
    const t = now();
    while (next < total && next * intervalMs <= t) fire(next, next * intervalMs, t), (next += 1);
    if (next >= total) return settleIfDone();
    const wait = next * intervalMs - now();
    // setTimeout has ~1 ms granularity: batch what is due rather than spin (the server may share the cores)
    timer = wait <= 0 ? setImmediate(tick) : setTimeout(tick, Math.max(1, Math.floor(wait)));
  };

  // One sweep enforces every per-request timeout.
  const sweep = setInterval(() => {
    for (const s of sides) s.sender.sweep();
    settleIfDone();
  }, Math.min(100, o.timeoutMs / 4));
  const stopProgress = startProgress(sides.map((s) => s.rec), now, inFlight, o.onProgress);
  const deadlineMs = warmupMs + o.durationS * 1000 + o.timeoutMs + DRAIN_GRACE_MS;
  const notes: string[] = [];
  const giveUpAll = (how: 'timeout' | 'cancel'): void => {
    stopped = true;
    for (const s of sides) s.sender.giveUpAll(how);
    settleIfDone();
  };
  const deadline = setTimeout(() => {
    notes.push(`run deadline (${Math.round(deadlineMs)} ms) reached with ${inFlight()} request(s) still in flight; they count as timeouts`);
    giveUpAll('timeout');
  }, deadlineMs);
  const onAbort = (): void => {
    interrupted = true;
    giveUpAll('cancel');
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();

  tick();
  await done;
  clearInterval(sweep);
  stopProgress();
  clearTimeout(deadline);
  clearTimeout(timer as NodeJS.Timeout);
  clearImmediate(timer as NodeJS.Immediate);
  o.signal?.removeEventListener('abort', onAbort);
  await Promise.all(sides.map((s) => s.sender.close()));

  return assemble(sides, o, { t0, warmupMs, interrupted, elapsedMs: now(), notes });
}

/** The candidate's result, with the live side's attached in compare mode; both on one t=0. */
function assemble(sides: readonly Side[], o: EngineOptions, run: { t0: number; warmupMs: number; interrupted: boolean; elapsedMs: number; notes: string[] }): LoadResult {
  const [candidate, live] = sides.map((s) => {
    const r = s.rec.result({
      name: o.name, engine: 'open', target: s.origin, routes: s.routes.map(({ path, method, weight }) => ({ path, method, weight })),
      startedAtEpochMs: performance.timeOrigin + run.t0, plannedDurationS: o.durationS, targetRate: o.rate,
      durationS: Math.round(Math.max(Math.min(run.elapsedMs, o.durationS * 1000), 1) / 10) / 100, connections: o.connections, partial: run.interrupted, notes: [...run.notes],
    });
    r.notes.push(...engineNotes(r, { warmupS: run.warmupMs / 1000, interrupted: run.interrupted, elapsedMs: run.elapsedMs, maxInFlight: o.maxInFlight }));
    return r;
  }) as [LoadResult, LoadResult | undefined];
  if (live) candidate.live = live;
  return candidate;
}
