/**
 * k6 script for any load profile, built from the same data as the Node engine (lib/runbook/profiles.ts,
 * lib/runbook/thresholds.ts): constant arrival rate per route, thresholds on p(95), http_req_failed,
 * dropped_iterations and checks, a setup() health probe, and a summary JSON that
 * `npm run k6:junit -- FILE` converts to the suite's JUnit and CheckResults.
 *
 *   k6 run -e BASE_URL=https://staging.example.com -e PROFILE=post-deploy load/k6/profile.ts
 *
 * Env: BASE_URL (required), PROFILE (default post-deploy), CJ_EMAIL / CJ_PASSWORD (routes that need a
 * session; one login in setup()), SUMMARY (summary file, default reports/load/k6-<profile>.summary.json),
 * CJ_API_P95_MS_ALERT / CJ_ERROR_RATE_PCT_ALERT / CJ_DB_P95_MS_ALERT (threshold overrides),
 * CJ_LOAD_DURATION_S / CJ_LOAD_RATE (shrink or grow the profile).
 */
import http from 'k6/http';
import { check, fail } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { k6Plan } from '../k6-options.ts';
import { PROFILES, type LoadProfile } from '../../lib/runbook/profiles.ts';

const profileName = __ENV.PROFILE || 'post-deploy';
const chosen: LoadProfile | undefined = (PROFILES as Record<string, LoadProfile>)[profileName];
if (!chosen) throw new Error(`PROFILE ${profileName} is not one of ${Object.keys(PROFILES).join(', ')}`);
const num = (raw: string | undefined, fallback: number): number => (raw && Number(raw) > 0 ? Number(raw) : fallback);
const profile: LoadProfile = { ...chosen, durationS: num(__ENV.CJ_LOAD_DURATION_S, chosen.durationS), rate: num(__ENV.CJ_LOAD_RATE, chosen.rate) };
const base = (__ENV.BASE_URL || '').replace(/\/+$/, '');
const plan = k6Plan(profile, __ENV);

/** The 5xx share (RB-15 rollback trigger): k6 has no built-in metric for it. */
const status5xx = new Rate('status_5xx');
/** Durations of 2xx answers only: RB-16 judges these (an error answers fast and says nothing about the database). */
const successDuration = new Trend('success_duration', true);
/**
 * 429 answers: the target declined to serve us, which is neither a success nor a server error. They are
 * "expected" (not in http_req_failed) and counted here; the conversion reports them apart. Unlike the
 * Node engine, k6 cannot pause a route across VUs for its Retry-After: the run goes on and says so.
 */
const rateLimited = new Counter('rate_limited');

// 2xx is success; 3xx (never followed) and every other status fails, except 429 (counted apart)
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 429));

export const options: Options = {
  scenarios: plan.scenarios,
  thresholds: plan.thresholds,
  summaryTrendStats: plan.summaryTrendStats,
  discardResponseBodies: true,
  // redirects are never followed silently: a 3xx is an error with its status
  maxRedirects: 0,
};

interface SetupData {
  token: string;
}

/** Fail fast before any load: a dead target is a tool error (exit 100+), not a latency figure. */
export function setup(): SetupData {
  if (!base) fail('BASE_URL is required');
  const health = http.get(`${base}/health`, { tags: { route: 'setup' }, responseType: 'text', timeout: '10s' });
  if (health.status !== 200) exec.test.abort(`health probe: GET /health answered ${health.status}`);
  if (!profile.routes.some((r) => r.auth)) return { token: '' };
  if (!__ENV.CJ_EMAIL || !__ENV.CJ_PASSWORD) exec.test.abort('CJ_EMAIL and CJ_PASSWORD are needed for the authenticated routes');
  // one login per run: the app allows 10 per hour
  const login = http.post(`${base}/api/auth/login`, JSON.stringify({ email: __ENV.CJ_EMAIL, password: __ENV.CJ_PASSWORD }), {
    headers: { 'content-type': 'application/json' }, tags: { route: 'setup' }, responseType: 'text', timeout: '10s',
  });
  const token = login.status === 200 ? (login.json('access_token') as string | undefined) : undefined;
  if (!token) exec.test.abort(`login answered ${login.status}`);
  return { token: token ?? '' };
}

/** The VU function of every scenario (a scenario without `exec` runs the default export, as `k6 run --vus` does). */
export default function hit(data: SetupData): void {
  const path = __ENV.ROUTE || '/health';
  const headers: Record<string, string> = __ENV.AUTH && data.token ? { authorization: `Bearer ${data.token}` } : {};
  const res = http.get(`${base}${path}`, { headers, timeout: '10s' });
  const tags = { route: path };
  if (res.status !== 429) status5xx.add(res.status >= 500 && res.status < 600, tags);
  if (res.status >= 200 && res.status < 300) successDuration.add(res.timings.duration, tags);
  if (res.status === 429) rateLimited.add(1, tags);
  check(res, { 'status is 2xx (429 counted apart)': (r) => (r.status >= 200 && r.status < 300) || r.status === 429 });
}

export function handleSummary(data: Record<string, unknown>): Record<string, string> {
  const file = __ENV.SUMMARY || `reports/load/k6-${profile.name}.summary.json`;
  const summary = { ...data, jumpstart: { profile: profile.name, target: base, durationS: profile.durationS, rate: profile.rate } };
  return { [file]: JSON.stringify(summary, null, 2), stdout: `k6 summary for ${profile.name} written to ${file}; convert it with: npm run k6:junit -- ${file}\n` };
}
