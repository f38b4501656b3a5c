import type { IncomingMessage } from 'node:http';
import type { Fault } from './fault-hooks.ts';
import type { Reply } from './http.ts';
import type { ResolvedOptions } from './options.ts';
import type { RateLimiter } from './ratelimit.ts';
import type { Store, User } from './store.ts';
import type { ServedSite } from './spa.ts';

/** Counters behind /__sim/stats. */
export interface Stats {
  /** "GET /api/runs/{id}" → { "200": n, … } */
  requests: Map<string, Map<number, number>>;
  logins: number;
  generations: number;
}

/** Cancels background work (generation timers) on close. */
export interface Timers {
  add(t: NodeJS.Timeout): void;
  remove(t: NodeJS.Timeout): void;
  clearAll(): void;
}

/** Everything a handler may touch. One per simulator instance: no module-level mutable state. */
export interface SimState {
  opts: ResolvedOptions;
  store: Store;
  /** The active faults, in table order (replaced as a whole when they change). */
  active: readonly Fault[];
  /** Per-instance memory of the active faults (see faultMemory in fault-hooks.ts). */
  faultMemory: Map<string, unknown>;
  limiter: RateLimiter;
  stats: Stats;
  jwtKey: Buffer;
  seededUser: User;
  site: ServedSite | undefined;
  timers: Timers;
  /** The debug option, or a fault that switches debug mode on. */
  debug(): boolean;
}

export interface Ctx {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  ip: string;
  state: SimState;
  /** Parsed JSON body; throws ValidationError (422) or HttpError (413). */
  body(): Promise<unknown>;
}

type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** FastAPI-style template, e.g. "/api/runs/{id}". Collections keep their trailing slash. */
  path: string;
  handler: Handler;
  summary: string;
  tag: string;
  /** Needs a Bearer token (documented in /openapi.json). */
  auth?: boolean;
}

export function createTimers(): Timers {
  const live = new Set<NodeJS.Timeout>();
  return {
    add: (t) => void live.add(t),
    remove: (t) => void live.delete(t),
    clearAll: () => {
      for (const t of live) clearTimeout(t);
      live.clear();
    },
  };
}
