/**
 * Pure: a profile + thresholds → k6 `options` (scenarios and thresholds). Dependency-free so both the
 * k6 scripts (load/k6/) and Node tests import it; no threshold literal here, only ./thresholds.ts data.
 */
import { DB_ROUTE, type LoadProfile } from '../lib/runbook/profiles.ts';
import { THRESHOLDS, TRIGGERS, type Threshold } from '../lib/runbook/thresholds.ts';

interface ScenarioBase {
  duration: string;
  tags: Record<string, string>;
  env: Record<string, string>;
}

/** Structurally what @types/k6 calls ConstantArrivalRateScenario / ConstantVUsScenario. */
type K6Scenario =
  | (ScenarioBase & { executor: 'constant-arrival-rate'; rate: number; timeUnit: string; preAllocatedVUs: number; maxVUs: number })
  | (ScenarioBase & { executor: 'constant-vus'; vus: number });

export interface K6Plan {
  scenarios: Record<string, K6Scenario>;
  thresholds: Record<string, string[]>;
  summaryTrendStats: string[];
}

type Env = Record<string, string | undefined>;
type Overridable = Pick<Threshold, 'target' | 'alert' | 'env'>;

/** The same override variables as lib/config (`<env>_ALERT`), read from k6's __ENV. */
function alertOf(t: Overridable, env: Env): number {
  const raw = env[`${t.env}_ALERT`];
  const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : t.alert;
}

const scenarioName = (path: string): string => path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'root';

/**
 * One scenario per route so each carries a `route` tag (per-route sub-metrics: RB-16 is the p95 of
 * /api/health/db). Open profiles use constant-arrival-rate, the rate split by weight per minute (k6
 * rates are integers); closed profiles use constant-vus. No `exec`: each runs the script's default export,
 * the function k6 also runs when `--vus`/`--duration` replace the scenarios. Thresholds fail at the alert value; the
 * target/alert grading is redone by `npm run k6:junit` from the summary's values.
 */
export function k6Plan(profile: LoadProfile, env: Env = {}): K6Plan {
  const total = profile.routes.reduce((a, r) => a + r.weight, 0);
  const scenarios: Record<string, K6Scenario> = {};
  for (const r of profile.routes) {
    const share = r.weight / total;
    const common = { duration: `${profile.durationS}s`, tags: { route: r.path }, env: { ROUTE: r.path, AUTH: r.auth ? '1' : '' } };
    scenarios[scenarioName(r.path)] =
      profile.engine === 'open'
        ? { executor: 'constant-arrival-rate', rate: Math.max(1, Math.round(profile.rate * 60 * share)), timeUnit: '1m', preAllocatedVUs: Math.max(2, Math.ceil(profile.connections * share)), maxVUs: Math.max(4, Math.ceil(profile.connections * share * 4)), ...common }
        : { executor: 'constant-vus', vus: Math.max(1, Math.round(profile.connections * share)), ...common };
  }
  const errorAlert = alertOf(THRESHOLDS.errorRate, env) / 100;
  const thresholds: Record<string, string[]> = {
    http_req_duration: [`p(95)<${alertOf(THRESHOLDS.apiP95, env)}`],
    http_req_failed: [`rate<${errorAlert}`],
    // an open model that runs out of VUs drops iterations instead of showing latency: gate on it
    dropped_iterations: ['count<1'],
    // check() failures do not fail a run without a threshold on `checks`
    checks: [`rate>${1 - errorAlert}`],
    status_5xx: [`rate<=${TRIGGERS.status5xxRollbackPct / 100}`],
  };
  // k6 writes a sub-metric into the summary only when a threshold names it: the always-true ones are
  // there so the conversion can break failures down by route (k6 has no per-status counts).
  for (const r of profile.routes) {
    thresholds[`http_reqs{route:${r.path}}`] = ['count>=0'];
    thresholds[`http_req_failed{route:${r.path}}`] = ['rate>=0'];
  }
  if (profile.routes.some((r) => r.path === DB_ROUTE)) {
    // RB-16 judges the DB route's 2xx answers only, and fails when the route itself fails
    thresholds[`success_duration{route:${DB_ROUTE}}`] = [`p(95)<${alertOf(THRESHOLDS.dbP95, env)}`];
    thresholds[`http_req_failed{route:${DB_ROUTE}}`] = [`rate<${errorAlert}`];
  }
  return { scenarios, thresholds, summaryTrendStats: ['count', 'min', 'med', 'avg', 'p(90)', 'p(95)', 'p(99)', 'max'] };
}
