/**
 * Load profiles, once, as data (DESIGN.md "Load testing").
 * Dependency-free on purpose: k6 scripts (load/k6/) import this file too, so no Node APIs here.
 * Thresholds are not repeated: a profile names which ones apply; their values live in ./thresholds.ts.
 */

export type LoadEngine = 'open' | 'closed';
export type HttpMethod = 'GET' | 'HEAD';

/** One route a profile sends to. Paths are same-origin, with the trailing slash the app expects. */
export interface RouteSpec {
  path: string;
  method: HttpMethod;
  /** Relative share of the requests (smooth weighted round-robin, so counts are exact). */
  weight: number;
  /** Needs `Authorization: Bearer <token>` (one login per run). */
  auth: boolean;
}

export interface LoadProfile {
  name: string;
  description: string;
  /** Default engine: open = constant arrival rate (the gate's), closed = capacity (a closed loop of N workers). */
  engine: LoadEngine;
  durationS: number;
  /** Requests per second (open engine). The closed engine uses `connections` instead. */
  rate: number;
  /** Connection budget: a cap for the open engine's pool, the concurrency of the closed engine. */
  connections: number;
  routes: readonly RouteSpec[];
}

/** RB-16 is the p95 of this route (runbook "Database Queries"). */
export const DB_ROUTE = '/api/health/db';

/**
 * Routes the real app does not rate-limit (contract §8 "unlimited"). Loading any other route needs
 * an explicit opt-in: the app's buckets are per IP, hourly, and shared with the nightly UI run.
 */
const UNLIMITED_ROUTE_PREFIXES: readonly string[] = [
  '/health',
  '/api/health',
  '/api/runs',
  '/api/admin/',
  '/api/database/',
  '/assets/',
  '/docs',
  '/openapi.json',
];

/** True when the app does not rate-limit this path (the root page `/` included). */
export function isUnlimitedRoute(path: string): boolean {
  const clean = path.split('?')[0] ?? path;
  if (clean === '/') return true;
  return UNLIMITED_ROUTE_PREFIXES.some((p) => {
    const base = p.replace(/\/$/, '');
    return clean === base || clean.startsWith(`${base}/`);
  });
}

const HEALTH: RouteSpec = { path: '/health', method: 'GET', weight: 2, auth: false };
const DB: RouteSpec = { path: DB_ROUTE, method: 'GET', weight: 1, auth: false };
const RUNS: RouteSpec = { path: '/api/runs/', method: 'GET', weight: 1, auth: true };

export const PROFILES = {
  smoke: {
    name: 'smoke',
    description: 'a few seconds at a trickle: proves the routes answer under concurrent load',
    engine: 'open',
    durationS: 5,
    rate: 5,
    connections: 16,
    routes: [HEALTH, DB],
  },
  'post-deploy': {
    name: 'post-deploy',
    description: 'the gate: modest constant arrival rate on the unlimited routes (RB-14/15/16)',
    engine: 'open',
    durationS: 20,
    rate: 20,
    connections: 64,
    routes: [HEALTH, DB, RUNS],
  },
  nightly: {
    name: 'nightly',
    description: 'production smoke: light, short, one login',
    engine: 'open',
    durationS: 10,
    rate: 5,
    connections: 16,
    routes: [HEALTH, DB, RUNS],
  },
  soak: {
    name: 'soak',
    description: 'ten minutes at a steady rate: leaks, pool exhaustion, slow drift',
    engine: 'open',
    durationS: 600,
    rate: 10,
    connections: 64,
    routes: [HEALTH, DB, RUNS],
  },
  stress: {
    name: 'stress',
    description: 'closed-loop capacity: maximum sustained throughput (loopback or staging only)',
    engine: 'closed',
    durationS: 30,
    rate: 0,
    connections: 20,
    routes: [HEALTH, DB],
  },
} as const satisfies Record<string, LoadProfile>;

export type ProfileName = keyof typeof PROFILES;
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];
