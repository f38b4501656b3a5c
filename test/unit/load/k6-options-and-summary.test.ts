/** k6: options built from the same data, and summary → CheckResults/JUnit on fixtures shaped like k6's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBin } from '../../support/gate.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { k6Plan } from '../../../load/k6-options.ts';
import { k6SummaryToResults, type K6Summary } from '../../../load/k6-summary.ts';
import { PROFILES } from '../../../lib/runbook/profiles.ts';
import { THRESHOLDS } from '../../../lib/runbook/thresholds.ts';

/** handleSummary data as k6 documents it: trend values, rate passes/fails, thresholds { expr: { ok } }. */
function fixture(o: { p95: number; dbP95: number; failed: number; reqs: number; checks: number; s5xx: number; dropped?: number; ok?: boolean; dbFailed?: number; limited?: number }): K6Summary {
  const ok = o.ok ?? true;
  const trend = (p95: number, expr: string, thresholdOk: boolean) => ({
    type: 'trend', contains: 'time',
    values: { min: 1, med: p95 / 2, avg: p95 / 2, 'p(90)': p95 * 0.9, 'p(95)': p95, 'p(99)': p95 * 1.1, max: p95 * 2 },
    thresholds: { [expr]: { ok: thresholdOk } },
  });
  const metrics: K6Summary['metrics'] = {
    http_req_duration: trend(o.p95, 'p(95)<500', ok),
    'success_duration{route:/api/health/db}': { ...trend(o.dbP95, 'p(95)<200', o.dbP95 < 200), values: { ...trend(o.dbP95, '', true).values, count: o.reqs / 4 - (o.dbFailed ?? 0) } },
    'http_reqs{route:/api/health/db}': { type: 'counter', values: { count: o.reqs / 4, rate: 1 }, thresholds: { 'count>=0': { ok: true } } },
    'http_req_failed{route:/api/health/db}': { type: 'rate', values: { rate: (o.dbFailed ?? 0) / (o.reqs / 4), passes: o.dbFailed ?? 0, fails: o.reqs / 4 - (o.dbFailed ?? 0) }, thresholds: { 'rate<0.01': { ok: (o.dbFailed ?? 0) / (o.reqs / 4) < 0.01 } } },
    http_req_failed: { type: 'rate', values: { rate: o.failed / o.reqs, passes: o.failed, fails: o.reqs - o.failed }, thresholds: { 'rate<0.01': { ok } } },
    http_reqs: { type: 'counter', values: { count: o.reqs, rate: o.reqs / 20 } },
    checks: { type: 'rate', values: { rate: o.checks, passes: Math.round(o.checks * o.reqs), fails: o.reqs - Math.round(o.checks * o.reqs) }, thresholds: { 'rate>0.99': { ok: true } } },
    status_5xx: { type: 'rate', values: { rate: o.s5xx, passes: Math.round(o.s5xx * o.reqs), fails: 0 }, thresholds: { 'rate<=0.1': { ok: o.s5xx <= 0.1 } } },
  };
  if (o.limited !== undefined) metrics.rate_limited = { type: 'counter', values: { count: o.limited, rate: 0 } };
  if (o.dropped !== undefined) metrics.dropped_iterations = { type: 'counter', values: { count: o.dropped, rate: 0 }, thresholds: { 'count<1': { ok: o.dropped < 1 } } };
  return { metrics, state: { testRunDurationMs: 20_123 }, jumpstart: { profile: 'post-deploy' } };
}

const statuses = (s: K6Summary, exitCode?: number) => k6SummaryToResults(s, THRESHOLDS, exitCode === undefined ? {} : { exitCode }).results.map((r) => `${r.title.split(' (')[0]}=${r.status}`);

test('k6 options come from the profile and threshold data', () => {
  const plan = k6Plan(PROFILES['post-deploy'], {});
  assert.deepEqual(Object.keys(plan.scenarios), ['health', 'api_health_db', 'api_runs']);
  const health = plan.scenarios.health;
  assert.ok(health && health.executor === 'constant-arrival-rate');
  assert.equal(health.rate, 600, '20 req/s × ½ of the weight, per minute');
  assert.equal(health.tags.route, '/health');
  assert.deepEqual(plan.thresholds.http_req_duration, [`p(95)<${THRESHOLDS.apiP95.alert}`]);
  assert.deepEqual(plan.thresholds['success_duration{route:/api/health/db}'], [`p(95)<${THRESHOLDS.dbP95.alert}`], 'RB-16 on 2xx answers only');
  assert.deepEqual(plan.thresholds['http_req_failed{route:/api/health/db}'], [`rate<${THRESHOLDS.errorRate.alert / 100}`], 'the DB route failing fails RB-16');
  assert.deepEqual(plan.thresholds['http_req_failed{route:/health}'], ['rate>=0'], 'per-route failures reach the summary');
  assert.ok(plan.summaryTrendStats.includes('count'));
  assert.deepEqual(plan.thresholds.http_req_failed, [`rate<${THRESHOLDS.errorRate.alert / 100}`]);
  assert.deepEqual(plan.thresholds.dropped_iterations, ['count<1']);
  assert.ok(plan.thresholds.checks?.[0]?.startsWith('rate>0.99'));
  assert.deepEqual(k6Plan(PROFILES['post-deploy'], { CJ_API_P95_MS_ALERT: '800' }).thresholds.http_req_duration, ['p(95)<800'], 'same override variables as lib/config');
  assert.equal(k6Plan(PROFILES.stress).scenarios.health?.executor, 'constant-vus');
});

test('k6 summary → results: pass, threshold failed (exit 99), 5xx rollback', () => {
  assert.deepEqual(statuses(fixture({ p95: 120, dbP95: 20, failed: 0, reqs: 400, checks: 1, s5xx: 0, dropped: 0 }), 0), [
    'RB-14 API latency p95 under load=pass', 'RB-15 error rate under load=pass', 'RB-15 5xx share under load=pass', 'RB-16 database query latency p95 under load=pass',
  ]);
  const failed = k6SummaryToResults(fixture({ p95: 640, dbP95: 120, failed: 8, reqs: 400, checks: 0.98, s5xx: 0.02, ok: false }), THRESHOLDS, { exitCode: 99 });
  assert.deepEqual(failed.results.map((r) => r.status), ['fail', 'fail', 'pass', 'warn']);
  assert.equal(failed.results[0]?.measured, 640);
  assert.equal(failed.results[1]?.severity, 'major');
  assert.equal(failed.results[1]?.measured, 2);
  assert.ok(failed.notes.some((n) => /exited 99: thresholds/.test(n)));
  assert.equal(failed.results[0]?.durationMs, 20_123);
  const burst = statuses(fixture({ p95: 50, dbP95: 10, failed: 80, reqs: 400, checks: 0.8, s5xx: 0.2 }));
  assert.equal(burst[2], 'RB-15 5xx share under load=fail');
  // dropped iterations count against the error rate: a saturated k6 must not look healthy
  const dropped = k6SummaryToResults(fixture({ p95: 50, dbP95: 10, failed: 0, reqs: 400, checks: 1, s5xx: 0, dropped: 40 }), THRESHOLDS);
  assert.equal(dropped.results[1]?.status, 'fail');
});

test('k6 summary with no samples or missing metrics is an error; exit 100+ is a tool error, not a verdict', () => {
  const none = fixture({ p95: 0, dbP95: 0, failed: 0, reqs: 1, checks: 1, s5xx: 0 });
  (none.metrics ?? {}).http_reqs = { type: 'counter', values: { count: 0, rate: 0 } };
  assert.deepEqual(k6SummaryToResults(none, THRESHOLDS).results.map((r) => r.status), ['error', 'error', 'error', 'error']);
  const missing: K6Summary = { metrics: { http_reqs: { values: { count: 10 } } } };
  const m = k6SummaryToResults(missing, THRESHOLDS).results;
  assert.ok(m.every((r) => r.status === 'error'), m.map((r) => `${r.title}: ${r.status}`).join('; '));
  assert.match(m[0]?.message ?? '', /http_req_duration p\(95\) missing/);
  const tool = k6SummaryToResults(fixture({ p95: 10, dbP95: 5, failed: 0, reqs: 400, checks: 1, s5xx: 0 }), THRESHOLDS, { exitCode: 107 });
  assert.ok(tool.results.every((r) => r.status === 'error' && /k6 exited 107: a tool error/.test(r.message ?? '')));
  // 99 with a summary that shows nothing failed: the two disagree, which is itself an error
  const odd = k6SummaryToResults(fixture({ p95: 10, dbP95: 5, failed: 0, reqs: 400, checks: 1, s5xx: 0 }), THRESHOLDS, { exitCode: 99 });
  assert.equal(odd.results.at(-1)?.status, 'error');
});

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runBin(command, args, { PATH: process.env.PATH ?? '', ...env }, 30_000);
}

test('npm run k6:junit: usage errors → 64 listing all; a summary → JUnit + exit per verdict; a missing one → 3', { timeout: 60_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'k6-junit-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const usage = await run('k6:junit', ['--k6-exit-code', 'abc', '--profile', 'weekly', '--bogus']);
  assert.equal(usage.code, 64, usage.stderr);
  for (const want of [/--k6-exit-code: must be an integer/, /--profile: "weekly"/, /unknown flag --bogus/, /SUMMARY.json: the k6 summary file is required/]) assert.match(usage.stderr, want);

  const file = join(dir, 'summary.json');
  await writeFile(file, JSON.stringify(fixture({ p95: 640, dbP95: 20, failed: 0, reqs: 400, checks: 1, s5xx: 0, ok: false })));
  const hold = await run('k6:junit', [file, '--k6-exit-code', '99', '--out', dir]);
  assert.equal(hold.code, 1, hold.stdout + hold.stderr); // RB-14 (major) failed: hold
  const junit = await readFile(join(dir, 'load', 'k6-post-deploy.junit.xml'), 'utf8');
  assert.match(junit, /<testcase[^>]*name="RB-14 API latency p95 under load \(post-deploy, k6\)"/);
  assert.match(junit, /<failure/);
  assert.match(junit, /<property name="id" value="RB-14"/, 'the default keeps the per-testcase properties');
  const strict = await run('k6:junit', [file, '--k6-exit-code', '99', '--out', dir, '--junit', 'strict']);
  assert.equal(strict.code, 1, strict.stdout + strict.stderr);
  for (const f of [join(dir, 'junit.xml'), join(dir, 'load', 'k6-post-deploy.junit.xml')]) {
    const text = await readFile(f, 'utf8');
    assert.match(text, /<failure/, `${f} still reports the failure`);
    assert.doesNotMatch(text, /<propert/, `--junit strict: ${f} has no <properties>`);
  }
  const missing = await run('k6:junit', [join(dir, 'nope.json'), '--out', dir]);
  assert.equal(missing.code, 3, missing.stdout + missing.stderr);
  assert.match(missing.stdout, /cannot read k6 summary/);
});
