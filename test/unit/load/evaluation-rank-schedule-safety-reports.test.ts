/** The pure core of load/: evaluation, rank test, scheduling, safety, reports. No network. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecorder } from '../../../load/recorder.ts';
import { evaluateLoad } from '../../../load/evaluate.ts';
import { compareHistograms, compareResults } from '../../../load/compare.ts';
import { createHistogram, recordMs } from '../../../load/histogram.ts';
import { createPicker, cycle, isLoopbackHost } from '../../../load/schedule.ts';
import { safetyProblems } from '../../../load/safety.ts';
import { isUnlimitedRoute, PROFILES } from '../../../lib/runbook/profiles.ts';
import { resolveProfile } from '../../../load/run.ts';
import { readLoadResult, writeLoadReports } from '../../../load/report.ts';
import { THRESHOLDS } from '../../../lib/runbook/thresholds.ts';
import { GateError } from '../../../lib/errors.ts';
import type { LoadResult } from '../../../load/types.ts';

const ROUTES = [{ path: '/health', method: 'GET' as const, weight: 1 }, { path: '/api/health/db', method: 'GET' as const, weight: 1 }];
const meta = { name: 'unit', engine: 'open' as const, target: 'http://127.0.0.1:1', routes: ROUTES, startedAtEpochMs: Date.UTC(2026, 0, 1), plannedDurationS: 1, targetRate: 10, durationS: 1, connections: 4, partial: false, notes: [] };

/** A result with the given latencies (ms) on both routes. */
function resultWith(latencies: number[], status = 200): LoadResult {
  const rec = createRecorder(ROUTES.map((r) => r.path));
  latencies.forEach((ms, i) => {
    rec.send(i % 2, i * 10, 0.1);
    rec.response(i % 2, i * 10, ms, ms, status);
  });
  return rec.result(meta);
}

test('zero samples is an error for every threshold, never a pass', () => {
  const empty = createRecorder(ROUTES.map((r) => r.path)).result(meta);
  const results = evaluateLoad(empty, THRESHOLDS);
  assert.equal(results.length, 4);
  for (const r of results) {
    assert.equal(r.status, 'error', `${r.title} is an error`);
    assert.match(r.message ?? '', /no samples|nothing was measured/);
  }
  assert.deepEqual(results.map((r) => r.severity), ['major', 'major', 'critical', 'minor']);
});

test('evaluation: measured vs threshold, pass/warn/fail at the boundaries, one result per threshold', () => {
  const fast = evaluateLoad(resultWith(Array.from({ length: 100 }, () => 10)), THRESHOLDS);
  assert.deepEqual(fast.map((r) => r.status), ['pass', 'pass', 'pass', 'pass']);
  assert.deepEqual(fast.map((r) => r.title), [
    'RB-14 API latency p95 under load (unit)', 'RB-15 error rate under load (unit)', 'RB-15 5xx share under load (unit)', 'RB-16 database query latency p95 under load (unit)',
  ]);
  const slow = evaluateLoad(resultWith(Array.from({ length: 100 }, () => 300)), THRESHOLDS);
  assert.equal(slow[0]?.status, 'warn');
  assert.equal(slow[0]?.measured, 300.031); // HDR bucket of 300 ms at 3 significant digits
  assert.equal(slow[0]?.threshold, 'target < 200 ms, alert > 500 ms');
  assert.equal(slow[3]?.status, 'fail');
  const errors = evaluateLoad(resultWith(Array.from({ length: 100 }, () => 5), 503), THRESHOLDS);
  assert.equal(errors[1]?.status, 'fail');
  assert.equal(errors[1]?.measured, 100);
  assert.equal(errors[2]?.status, 'fail');
});

test('Mann–Whitney on histograms: no change, regression, improvement; U matches a brute-force count', () => {
  const a = createHistogram();
  const b = createHistogram();
  const c = createHistogram();
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 400; i++) {
    const x = 5 + ((i * 37) % 100) / 10; // 5..15 ms
    xs.push(x);
    recordMs(a, x);
    recordMs(c, x + 0.01);
    const y = x * 1.6;
    ys.push(y);
    recordMs(b, y);
  }
  assert.equal(compareHistograms(a, c).change, 'no change');
  const worse = compareHistograms(a, b);
  assert.equal(worse.change, 'regression');
  assert.ok(worse.effectSize > 0.3 && worse.pValue < 1e-6, worse.summary);
  assert.equal(compareHistograms(b, a).change, 'improvement');
  // U of the current sample = #(y > x) + ½ #(y = x): compare with a direct count on the same values
  let brute = 0;
  for (const y of ys) for (const x of xs) brute += y > x ? 1 : y === x ? 0.5 : 0;
  assert.ok(Math.abs(worse.u - brute) / brute < 0.01, `U ${worse.u} vs brute force ${brute}`);
  assert.throws(() => compareHistograms(createHistogram(), a), /no latency samples/);
});

test('smooth weighted round-robin is exact and interleaved; the closed engine cycle is reduced', () => {
  const pick = createPicker([{ weight: 2, n: 'a' }, { weight: 1, n: 'b' }, { weight: 1, n: 'c' }]);
  const seq = Array.from({ length: 8 }, () => pick().n).join('');
  assert.equal(seq, 'abcaabca');
  assert.equal([...seq].filter((x) => x === 'a').length, 4);
  assert.equal([...seq].filter((x) => x === 'b').length, 2);
  assert.ok(!seq.includes('aaa'), `interleaved: ${seq}`);
  assert.deepEqual(cycle([{ weight: 4, n: 'x' }, { weight: 2, n: 'y' }]).map((i) => i.n).sort(), ['x', 'x', 'y']);
});

test('safety: rate-limited routes, rate cap off loopback, tokens and bad input, all at once', () => {
  const problems = safetyProblems({
    target: 'https://app.example.com', engine: 'open', rate: 80, durationS: 0, rateCap: 50, allowRateLimited: false, hasToken: false,
    routes: [{ path: '/api/clients/', method: 'GET', weight: 1, auth: true }, { path: 'health', method: 'GET', weight: 0, auth: false }],
  });
  const text = problems.join('\n');
  for (const want of [/\/api\/clients\/.*rate-limits.*--allow-rate-limited/, /needs a bearer token/, /must be a path/, /weight must be a positive integer/, /duration/, /80 req\/s.*cap of 50.*--rate-cap/]) {
    assert.match(text, want);
  }
  assert.deepEqual(safetyProblems({ target: 'http://127.0.0.1:9', engine: 'open', rate: 5000, durationS: 1, rateCap: 50, allowRateLimited: false, hasToken: false, routes: [{ path: '/health', method: 'GET', weight: 1, auth: false }] }), [], 'loopback is not capped');
  assert.ok(isLoopbackHost('localhost') && isLoopbackHost('127.3.2.1') && isLoopbackHost('[::1]') && !isLoopbackHost('10.0.0.1') && !isLoopbackHost('127.example.com'));
  assert.ok(isUnlimitedRoute('/api/health/db') && isUnlimitedRoute('/api/runs/') && isUnlimitedRoute('/') && !isUnlimitedRoute('/healthz') && !isUnlimitedRoute('/api/projects/'));
});

test('profiles are data: defaults only on unlimited routes; overrides apply; unknown names are named', () => {
  for (const p of Object.values(PROFILES)) assert.ok(p.routes.every((r) => isUnlimitedRoute(r.path)), `${p.name} stays on unlimited routes`);
  assert.equal(PROFILES['post-deploy'].rate * PROFILES['post-deploy'].durationS <= 400, true, 'post-deploy is modest');
  const shrunk = resolveProfile('post-deploy', { durationS: 2, rate: 5 });
  assert.deepEqual([shrunk.durationS, shrunk.rate], [2, 5]);
  assert.equal(PROFILES['post-deploy'].durationS, 20, 'the data itself is untouched');
  assert.throws(() => resolveProfile('weekly'), (e: unknown) => e instanceof GateError && e.code === 'CONFIG' && /smoke, post-deploy, nightly, soak, stress/.test(e.problems.join()));
});

test('reports: JSON round-trips with its histogram; the HTML is self-contained', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'load-report-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const r = resultWith(Array.from({ length: 200 }, (_, i) => 1 + (i % 50)));
  const files = await writeLoadReports(r, dir, 'a/../b c');
  assert.equal(files.json, join(dir, 'load', 'a-..-b-c.json'), 'a name is never a path: it stays under <out>/load');
  const back = await readLoadResult(files.json);
  assert.deepEqual(back.latencyMs, r.latencyMs);
  assert.equal(compareResults(back, r).change, 'no change');
  const html = await readFile(files.html, 'utf8');
  assert.match(html, /<svg[^>]*aria-label="Latency over time/);
  assert.match(html, /Latency by percentile/);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!127\.0\.0\.1)/, 'no external resources');
  await assert.rejects(readLoadResult(join(dir, 'missing.json')), /cannot read/);
});
