/** Load results built through the real recorder, without a network: what the pure tests judge. */
import { createRecorder } from '../../../load/recorder.ts';
import type { LoadResult } from '../../../load/types.ts';

export const DB = '/api/health/db';
export const ROUTES = [{ path: '/health', method: 'GET' as const, weight: 1 }, { path: DB, method: 'GET' as const, weight: 1 }];

/** One request: which route (0 /health, 1 the DB route), its latency, service time, lag and status. */
export interface Req {
  route?: number;
  ms: number;
  serviceMs?: number;
  lagMs?: number;
  status?: number;
}

export function resultOf(reqs: readonly Req[], o: { name?: string; target?: string; partial?: boolean; skipped?: number } = {}): LoadResult {
  const rec = createRecorder(ROUTES.map((r) => r.path));
  reqs.forEach((q, i) => {
    const route = q.route ?? i % 2;
    rec.send(route, i * 10, q.lagMs ?? 0.1);
    rec.response(route, i * 10, q.ms, q.serviceMs ?? q.ms, q.status ?? 200);
  });
  for (let i = 0; i < (o.skipped ?? 0); i++) rec.skip(1, i);
  return rec.result({
    name: o.name ?? 'unit', engine: 'open', target: o.target ?? 'http://127.0.0.1:1', routes: ROUTES, startedAtEpochMs: Date.UTC(2026, 0, 1),
    plannedDurationS: 1, targetRate: 10, durationS: 1, connections: 4, partial: o.partial ?? false, notes: [],
  });
}

/** n requests alternating between the two routes, each with latency `ms(i)`. */
export const many = (n: number, ms: (i: number) => number, extra: Omit<Req, 'ms'> = {}): Req[] => Array.from({ length: n }, (_, i) => ({ ...extra, ms: ms(i) }));
