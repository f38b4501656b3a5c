/** The one evaluation (pure): RB-16 on 2xx only, RB-15's causes, rate limiting, the generator's own delay. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateLoad, evaluateMeasurements } from '../../../load/evaluate.ts';
import { fromLoadResult } from '../../../load/measurements.ts';
import { fromK6Summary } from '../../../load/k6-summary.ts';
import { THRESHOLDS } from '../../../lib/runbook/thresholds.ts';
import { PROFILES } from '../../../lib/runbook/profiles.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';
import { DB, many, resultOf, type Req } from './fixtures.ts';

const byTitle = (results: CheckResult[], start: string): CheckResult => {
  const r = results.find((x) => x.title.startsWith(start));
  assert.ok(r, `a result titled ${start}…`);
  return r;
};
const healthOk = (n: number, ms = 2): Req[] => many(n, () => ms, { route: 0 });

test('RB-16: a DB route answering only 404 fails with the reason, and no latency figure from the errors', () => {
  const r = resultOf([...healthOk(300), ...many(100, () => 1.5, { route: 1, status: 404 })]);
  const rb16 = byTitle(evaluateLoad(r, THRESHOLDS), 'RB-16');
  assert.equal(rb16.status, 'fail');
  assert.equal(rb16.measured, undefined, 'a 404 is not a database latency');
  assert.match(rb16.message ?? '', /^GET \/api\/health\/db: 0 of 100 answered 2xx \(100 × 404\): the route fails/);
});

test('RB-16: a route failing beyond the error-rate alert fails; a few errors leave the 2xx p95 to judge', () => {
  const down = resultOf([...many(70, () => 5, { route: 1 }), ...many(30, () => 1, { route: 1, status: 503 })]);
  assert.match(byTitle(evaluateLoad(down, THRESHOLDS), 'RB-16').message ?? '', /30 of 100 failed \(30 %\) \(30 × 503\), more than the error-rate alert \(1 %\)/);
  // 1 fast 404 in 200 (0.5 %): judged on the 199 slow 2xx, which the 404 must not pull down
  const slow = resultOf([...many(199, () => 120, { route: 1 }), { route: 1, ms: 1, status: 404 }]);
  const rb16 = byTitle(evaluateLoad(slow, THRESHOLDS), 'RB-16');
  assert.equal(rb16.status, 'warn');
  assert.ok((rb16.measured ?? 0) >= 119, `p95 of 2xx answers: ${rb16.measured}`);
  assert.match(rb16.message ?? '', /p95 of GET \/api\/health\/db \(2xx answers only\)/);
});

test('RB-15 names the top three causes by route and status, largest first', () => {
  const r = resultOf([
    ...healthOk(300),
    ...many(100, () => 1, { route: 1, status: 404 }),
    ...many(5, () => 1, { route: 0, status: 503 }),
    ...many(3, () => 1, { route: 0, status: 500 }),
    ...many(2, () => 1, { route: 0, status: 404 }),
  ]);
  const rb15 = byTitle(evaluateLoad(r, THRESHOLDS), 'RB-15 error rate');
  assert.equal(rb15.status, 'fail');
  assert.equal(rb15.measured, 26.829);
  assert.match(rb15.message ?? '', /^26\.829 % errors \(110 of 410 measured\): 100 × 404 GET \/api\/health\/db, 5 × 503 GET \/health, 3 × 500 GET \/health and 1 more cause\(s\): above alert/);
});

test('429s are not errors and not latency, but a rate-limited run never passes silently', () => {
  const few = resultOf([...healthOk(398), { route: 1, ms: 1, status: 429 }, { route: 1, ms: 1, status: 429 }]);
  assert.equal(few.requests.rateLimited, 2);
  assert.equal(few.requests.errors, 0);
  assert.equal(few.statusCounts['429'], 2);
  assert.equal(few.perRoute[DB]?.success.responses, 0);
  const rb15 = byTitle(evaluateLoad(few, THRESHOLDS), 'RB-15 error rate');
  assert.equal(rb15.status, 'warn', '0.5 % not measured: a warning that says so');
  assert.equal(rb15.measured, 0);
  assert.match(rb15.message ?? '', /rate limited: 2 × 429: 0\.5 % of the planned requests were not measured/);
  assert.equal(byTitle(evaluateLoad(few, THRESHOLDS), 'RB-15 5xx share').status, 'pass');
  // 2 answers and 40 paused sends of 440 intended: more than the alert → no evidence
  const many429 = resultOf([...healthOk(398), { route: 1, ms: 1, status: 429 }, { route: 1, ms: 1, status: 429 }], { skipped: 40 });
  const limited = byTitle(evaluateLoad(many429, THRESHOLDS), 'RB-15 error rate');
  assert.equal(limited.status, 'error');
  assert.match(limited.message ?? '', /2 × 429, 40 send\(s\) skipped while paused: 9\.545 % .*no evidence of the error rate/);
  // a failure it saw stays a failure
  const failing = resultOf([...healthOk(300), ...many(20, () => 1, { route: 1, status: 500 }), { route: 1, ms: 1, status: 429 }]);
  assert.equal(byTitle(evaluateLoad(failing, THRESHOLDS), 'RB-15 error rate').status, 'fail');
});

test('a breach only the generator lag explains is an error, not a fail; a real one stays a fail with the lag noted', () => {
  const t = { ...THRESHOLDS, apiP95: { ...THRESHOLDS.apiP95, target: 20, alert: 40 } };
  const starved = resultOf(many(200, (i) => 2 + (i % 60), { serviceMs: 2, lagMs: 58 }));
  const rb14 = byTitle(evaluateLoad(starved, t), 'RB-14');
  assert.equal(rb14.status, 'error');
  assert.match(rb14.message ?? '', /the load generator fell behind by 58\.\d+ ms \(scheduling lag p99\); its own delay is in these figures: the service time p95 2 ms \(sent → done\) is within target/);
  assert.match(rb14.message ?? '', /scheduling lag p99 was 58\.\d+ ms, more than 10 % of the 20 ms target/);
  // the target itself slow: its own service time breaches too → a fail, with the lag said
  const slow = resultOf(many(200, () => 60, { serviceMs: 55, lagMs: 5 }));
  const real = byTitle(evaluateLoad(slow, t), 'RB-14');
  assert.equal(real.status, 'fail');
  assert.match(real.message ?? '', /above alert.*scheduling lag p99 was 5(\.\d+)? ms, more than 10 % of the 20 ms target/);
  // a small lag against the 200 ms target says nothing
  assert.doesNotMatch(byTitle(evaluateLoad(slow, THRESHOLDS), 'RB-14').message ?? '', /scheduling lag/);
});

test('one evaluation: a native result and a k6 summary of the same figures get the same judgements', () => {
  const native = resultOf([...healthOk(300, 250), ...many(100, () => 30, { route: 1 })]);
  const n = fromLoadResult(native);
  const k6 = fromK6Summary({
    metrics: {
      http_req_duration: { values: { 'p(95)': native.latencyMs.p95 ?? 0 } },
      http_reqs: { values: { count: 400 } },
      http_req_failed: { values: { passes: 0, rate: 0 } },
      checks: { values: { rate: 1 } },
      status_5xx: { values: { rate: 0 } },
      [`http_reqs{route:${DB}}`]: { values: { count: 100 } },
      [`http_req_failed{route:${DB}}`]: { values: { passes: 0 } },
      [`success_duration{route:${DB}}`]: { values: { count: 100, 'p(95)': native.perRoute[DB]?.success.latencyMs.p95 ?? 0 } },
    },
  }, 'unit', PROFILES.smoke);
  const a = evaluateMeasurements(n, THRESHOLDS);
  const b = evaluateMeasurements(k6, THRESHOLDS);
  assert.deepEqual(b.map((r) => [r.id, r.status, r.measured, r.severity]), a.map((r) => [r.id, r.status, r.measured, r.severity]));
  assert.deepEqual(a.map((r) => r.status), ['warn', 'pass', 'pass', 'pass']);
  assert.ok(b.every((r) => r.title.endsWith('(unit, k6)')));
});

test('an interrupted run: a failure stays, anything else is an error', () => {
  const r = resultOf(healthOk(100), { partial: true });
  assert.ok(evaluateLoad(r, THRESHOLDS).filter((x) => x.status !== 'skip').every((x) => x.status === 'error'));
  const failing = resultOf(many(100, () => 1, { route: 1, status: 503 }), { partial: true });
  assert.equal(byTitle(evaluateLoad(failing, THRESHOLDS), 'RB-15 5xx share').status, 'fail');
});

test('a warning only the generator lag explains stays a warning (not blocking) and says whose delay it is', () => {
  const t = { ...THRESHOLDS, apiP95: { ...THRESHOLDS.apiP95, target: 20, alert: 80 } };
  const r = resultOf(many(200, (i) => 2 + (i % 40), { serviceMs: 2, lagMs: 38 }));
  const rb14 = byTitle(evaluateLoad(r, t), 'RB-14');
  assert.equal(rb14.status, 'warn');
  assert.match(rb14.message ?? '', /above target, within alert.*the load generator fell behind by 38(\.\d+)? ms.*so the [\d.]+ ms warning is not the target's/);
});
