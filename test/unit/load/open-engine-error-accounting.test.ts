/** Error accounting of the open engine against the simulator's faults: exact counts, thresholds crossed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '../../../simulator/index.ts';
import { runLoad } from '../../../load/run.ts';
import { evaluateLoad } from '../../../load/evaluate.ts';
import { THRESHOLDS } from '../../../lib/runbook/thresholds.ts';
import type { RouteSpec } from '../../../lib/runbook/profiles.ts';

const route = (path: string, weight = 1): RouteSpec => ({ path, method: 'GET', weight, auth: false });
const base = { rateCap: 50, allowRateLimited: false, engine: 'open' as const };
const byTitle = (results: ReturnType<typeof evaluateLoad>, start: string) => {
  const r = results.find((x) => x.title.startsWith(start));
  assert.ok(r, `a result titled ${start}…`);
  return r;
};

test('5xx-burst: exact 5xx counts per route, RB-15 fails and the 5xx share is a critical rollback', { timeout: 30_000 }, async (t) => {
  const burstAfter = 20;
  const burstFraction = 0.2;
  const sim = await startSimulator({ port: 0, faults: ['5xx-burst'], burstAfter, burstFraction });
  t.after(() => sim.close());
  const r = await runLoad({ ...base, target: sim.url, routes: [route('/health', 2), route('/api/health/db', 1)], rate: 100, durationS: 3, name: 'burst' });
  // The schedule sends 300: smooth round-robin gives exactly 200 and 100.
  const health = r.perRoute['/health'];
  const db = r.perRoute['/api/health/db'];
  assert.ok(health && db);
  assert.equal(health.requests.sent, 200);
  assert.equal(db.requests.sent, 100);
  // After the first 20 per route, a deterministic fifth fail.
  const expect5xx = (n: number): number => Math.floor(Math.max(0, n - burstAfter) * burstFraction);
  assert.equal(health.requests.status5xx, expect5xx(200));
  assert.equal(db.requests.status5xx, expect5xx(100));
  const total5xx = expect5xx(200) + expect5xx(100);
  assert.deepEqual(
    { sent: r.requests.sent, completed: r.requests.completed, errors: r.requests.errors, non2xx: r.requests.non2xx, status5xx: r.requests.status5xx, timeouts: r.requests.timeouts, dropped: r.requests.dropped },
    { sent: 300, completed: 300, errors: total5xx, non2xx: total5xx, status5xx: total5xx, timeouts: 0, dropped: 0 },
  );
  assert.equal((r.statusCounts['500'] ?? 0) + (r.statusCounts['503'] ?? 0), total5xx);
  assert.equal(r.errorsByKind['http-5xx'], total5xx);
  assert.equal(r.errorRate, total5xx / 300);

  const results = evaluateLoad(r, THRESHOLDS);
  const rate = byTitle(results, 'RB-15 error rate under load (burst)');
  assert.equal(rate.status, 'fail');
  assert.equal(rate.severity, 'major', 'an error rate over 1 % holds the release');
  assert.equal(rate.measured, Math.round((total5xx / 300) * 100_000) / 1000);
  const share = byTitle(results, 'RB-15 5xx share under load (burst)');
  assert.equal(share.status, 'fail', 'over 10 % 5xx is a rollback trigger');
  assert.equal(share.severity, 'critical');
  assert.equal(new Set(results.map((x) => x.title)).size, results.length, 'titles are unique');
  assert.ok(results.every((x) => x.source === 'load' && x.title.startsWith(x.id)));
});

test('slow-api: p95 lands between target and alert (warn), then beyond alert (fail); RB-16 too', { timeout: 30_000 }, async (t) => {
  const sim = await startSimulator({ port: 0, faults: ['slow-api'], slowApiMs: 300 });
  t.after(() => sim.close());
  const r = await runLoad({ ...base, target: sim.url, routes: [route('/health'), route('/api/health/db')], rate: 20, durationS: 2, name: 'slow' });
  assert.equal(r.requests.errors, 0);
  const dbP95 = r.perRoute['/api/health/db']?.latencyMs.p95 ?? 0;
  // the upper bound is loose: on a busy shared box a descheduled process adds its pause to a few samples
  assert.ok(dbP95 >= 300 && dbP95 < 900, `db p95 ${dbP95} ms reflects the 300 ms delay`);
  assert.ok((r.perRoute['/health']?.latencyMs.p50 ?? 1000) < 100, '/health is not slowed');

  const warn = evaluateLoad(r, { ...THRESHOLDS, apiP95: { ...THRESHOLDS.apiP95, target: 250, alert: 1000 }, dbP95: { ...THRESHOLDS.dbP95, target: 250, alert: 1000 } });
  assert.equal(byTitle(warn, 'RB-14').status, 'warn');
  assert.equal(byTitle(warn, 'RB-16').status, 'warn');
  const fail = evaluateLoad(r, THRESHOLDS); // db alert 200 ms
  assert.equal(byTitle(fail, 'RB-16').status, 'fail');
  const failApi = evaluateLoad(r, { ...THRESHOLDS, apiP95: { ...THRESHOLDS.apiP95, target: 50, alert: 250 } });
  assert.equal(byTitle(failApi, 'RB-14').status, 'fail');
  assert.equal(byTitle(failApi, 'RB-14').severity, 'major');
  assert.match(byTitle(failApi, 'RB-14').message ?? '', /above alert/);
});

test('timeouts, drops at the in-flight cap and redirects are counted, never hidden', { timeout: 30_000 }, async (t) => {
  const sim = await startSimulator({ port: 0, faults: ['slow-api'], slowApiMs: 700 });
  t.after(() => sim.close());
  // 20 req/s against 700 ms answers needs ~14 in flight: a cap of 5 must drop, a 300 ms timeout must fire.
  const r = await runLoad({ ...base, target: sim.url, routes: [route('/api/health/db')], rate: 20, durationS: 2, maxInFlight: 5, timeoutMs: 300 });
  assert.equal(r.requests.sent + r.requests.dropped, 40, 'every intended send is either sent or dropped');
  assert.ok(r.requests.dropped > 0, 'drops counted');
  assert.equal(r.requests.timeouts, r.requests.sent, 'every sent request timed out');
  assert.equal(r.errorsByKind.timeout, r.requests.sent);
  assert.ok((r.latencyMs.min ?? 0) >= 300, 'a timed-out request is recorded at no less than the timeout');
  assert.equal(r.errorRate, 1);
  assert.ok(r.notes.some((n) => /dropped/.test(n)), 'the saturation is said');

  // FastAPI answers 307 for a collection without its slash: an error with its kind, not followed.
  const redirect = await runLoad({ ...base, target: sim.url, routes: [route('/api/runs')], rate: 10, durationS: 1 });
  assert.equal(redirect.requests.errors, 10);
  assert.equal(redirect.errorsByKind['redirect-3xx'], 10);
  assert.equal(redirect.statusCounts['307'], 10);
});

test('refused connections: errors by kind, zero latency samples → RB-14 is an error, not a pass; RB-16 fails on its route', { timeout: 15_000 }, async () => {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  const r = await runLoad({ ...base, target: `http://127.0.0.1:${port}`, routes: [route('/health'), route('/api/health/db')], rate: 10, durationS: 1, timeoutMs: 1000 });
  assert.equal(r.requests.completed, 0);
  assert.equal(r.requests.errors, 10);
  assert.equal(r.errorsByKind['connect-refused'], 10);
  const results = evaluateLoad(r, THRESHOLDS);
  assert.equal(byTitle(results, 'RB-14').status, 'error');
  assert.match(byTitle(results, 'RB-14').message ?? '', /no samples/);
  assert.equal(byTitle(results, 'RB-16').status, 'fail', 'the DB route answered nothing: it fails, with the reason');
  assert.match(byTitle(results, 'RB-16').message ?? '', /^GET \/api\/health\/db: 0 of 5 answered 2xx \(5 × connect-refused\)/);
  assert.match(byTitle(results, 'RB-15 error rate').message ?? '', /^100 % errors \(10 of 10 measured\): 5 × connect-refused GET \/health, 5 × connect-refused GET \/api\/health\/db/);
  assert.equal(byTitle(results, 'RB-15 error rate').status, 'fail');
});

test('Ctrl-C (AbortSignal) stops early and keeps partial results; a partial pass is not a pass', { timeout: 15_000 }, async (t) => {
  const sim = await startSimulator({ port: 0 });
  t.after(() => sim.close());
  const ac = new AbortController();
  const seen: number[] = [];
  const started = performance.now();
  const r = await runLoad({
    ...base, target: sim.url, routes: [route('/health')], rate: 20, durationS: 10, signal: ac.signal,
    onProgress: (p) => {
      seen.push(p.elapsedS);
      if (p.elapsedS >= 1) ac.abort();
    },
  });
  assert.ok(performance.now() - started < 4000, 'stopped well before the 10 s');
  assert.equal(r.partial, true);
  assert.ok(r.requests.sent >= 20 && r.requests.sent < 200, `partial counts kept (${r.requests.sent})`);
  assert.ok(seen.length >= 1, 'progress was reported');
  const results = evaluateLoad(r, THRESHOLDS);
  assert.ok(results.filter((x) => x.status !== 'skip').every((x) => x.status === 'error'), 'healthy but interrupted: errors, not passes');
});
