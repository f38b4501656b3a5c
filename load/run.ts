import { GateError } from '../lib/errors.ts';
import { PROFILES, PROFILE_NAMES, type LoadEngine, type LoadProfile, type RouteSpec } from '../lib/runbook/profiles.ts';
import { closedRateBound, safetyProblems, targetProblems } from './safety.ts';
import { runClosed } from './closed.ts';
import { runOpen } from './open.ts';
import { compareLive, DEFAULT_LIVE_THRESHOLDS, type LiveThresholds } from './live.ts';
import type { EngineOptions, EngineRoute } from './engine.ts';
import type { LoadProgress, LoadResult } from './types.ts';

/** A named profile with the config's overrides applied (CJ_LOAD_DURATION_S / CJ_LOAD_RATE shrink self-tests). */
export function resolveProfile(name: string, overrides: { durationS?: number | undefined; rate?: number | undefined } = {}): LoadProfile {
  const base = (PROFILES as Record<string, LoadProfile>)[name];
  if (!base) throw new GateError('CONFIG', `unknown load profile ${JSON.stringify(name)}`, [`profile: ${JSON.stringify(name)} is not one of ${PROFILE_NAMES.join(', ')}`]);
  return {
    ...base,
    routes: base.routes.map((r) => ({ ...r })),
    durationS: overrides.durationS ?? base.durationS,
    rate: overrides.rate ?? base.rate,
  };
}

export interface RunLoadOptions {
  /** Base URL of the deployment; only its origin is used. */
  target: string;
  /** A profile, or an ad hoc list of routes (then `rate` and `durationS` are needed). */
  profile?: LoadProfile;
  routes?: RouteSpec[];
  name?: string;
  engine?: LoadEngine;
  rate?: number;
  durationS?: number;
  connections?: number;
  /** Bearer token for routes with `auth` on the target; kept in memory only, sent to the target's origin only. */
  token?: string | undefined;
  /**
   * Compare mode (open engine): the live deployment, only its origin is used. The same schedule goes to
   * both, interleaved send by send, each over its own pool; the result gets `live` and `comparison`.
   */
  compareTo?: string | undefined;
  /** Bearer token for routes with `auth` on the live deployment: its own login, never the target's token. */
  compareToken?: string | undefined;
  /** Thresholds the comparison is judged with (default: the runbook data; pass lib/config's to honour overrides). */
  thresholds?: LiveThresholds | undefined;
  /** Non-loopback rate cap (req/s). */
  rateCap: number;
  allowRateLimited: boolean;
  timeoutMs?: number;
  maxInFlight?: number;
  /** Open engine: unrecorded seconds at the same rate first (benchmarks; the gate records everything). */
  warmupS?: number;
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

/**
 * Validates everything (GateError 'CONFIG' with every problem), then runs the engine. The result never
 * holds the token: headers exist only in the engine's memory.
 */
export async function runLoad(o: RunLoadOptions): Promise<LoadResult> {
  const routes = o.profile?.routes ?? o.routes ?? [];
  const engine = o.engine ?? o.profile?.engine ?? 'open';
  const rate = o.rate ?? o.profile?.rate ?? Number.NaN;
  const durationS = o.durationS ?? o.profile?.durationS ?? Number.NaN;
  const problems = safetyProblems({ target: o.target, routes, engine, rate, durationS, rateCap: o.rateCap, allowRateLimited: o.allowRateLimited, hasToken: Boolean(o.token) });
  if (o.profile && o.routes) problems.push('give a profile or routes, not both');
  if (o.compareTo !== undefined) problems.push(...compareProblems(o, { routes, engine, rate }));
  if (problems.length > 0) throw new GateError('CONFIG', `load refused (${problems.length} problem(s))`, problems);

  const connections = o.connections ?? o.profile?.connections ?? (engine === 'open' ? 64 : 10);
  const engineOptions: EngineOptions = {
    name: o.name ?? o.profile?.name ?? 'adhoc',
    origin: new URL(o.target).origin,
    routes: withHeaders(routes, o.token),
    compare: o.compareTo === undefined ? undefined : { origin: new URL(o.compareTo).origin, routes: withHeaders(routes, o.compareToken) },
    rate: engine === 'open' ? rate : closedRateBound(o.target, o.rateCap),
    durationS,
    connections,
    // enough for a 1 s stall at the planned rate, never below the pool size
    maxInFlight: o.maxInFlight ?? Math.max(connections, Number.isFinite(rate) ? Math.ceil(rate * 2) : 0, 100),
    timeoutMs: o.timeoutMs ?? 10_000,
    warmupS: o.warmupS,
    signal: o.signal,
    onProgress: o.onProgress,
  };
  const result = engine === 'open' ? await runOpen(engineOptions) : await runClosed(engineOptions);
  if (result.live) result.comparison = compareLive(result, result.live, o.thresholds ?? DEFAULT_LIVE_THRESHOLDS);
  return result;
}

/** Each target gets only its own token: credentials never go to an origin other than the one that issued them. */
function withHeaders(routes: readonly RouteSpec[], token: string | undefined): EngineRoute[] {
  return routes.map((r): EngineRoute => {
    const headers: Record<string, string> = r.auth && token ? { authorization: `Bearer ${token}` } : {};
    return { path: r.path, method: r.method, weight: r.weight, headers };
  });
}

/** The per-target safety rules again for the live deployment, plus what compare mode itself needs. */
function compareProblems(o: RunLoadOptions, s: { routes: readonly RouteSpec[]; engine: LoadEngine; rate: number }): string[] {
  const target = o.compareTo ?? '';
  const problems = targetProblems(target, { engine: s.engine, rate: s.rate, rateCap: o.rateCap }).map((p) => `compare-to: ${p.replace(/^target: /, '')}`);
  for (const r of s.routes) {
    if (r.auth && !o.compareToken) problems.push(`compare-to: route ${r.path} needs a bearer token of the live deployment (its own login: the target's token never goes to another origin)`);
  }
  if (s.engine !== 'open') problems.push('compare-to: only with the open engine (a closed loop has no schedule to share)');
  try {
    if (new URL(target).origin === new URL(o.target).origin) problems.push(`compare-to: ${new URL(target).origin} is the target itself: nothing to compare`);
  } catch {
    // an invalid URL is already named above
  }
  return problems;
}
