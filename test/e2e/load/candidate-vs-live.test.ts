/**
 * Candidate vs live on real simulators (issue's done-when): two healthy deployments compare as equal; a
 * candidate 25 ms slower on /api/* fails the comparison with p < 0.01 while every absolute threshold passes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index.ts';
import { resolveProfile, runLoad } from '../../../load/run.ts';
import { evaluateLoad } from '../../../load/evaluate.ts';
import { writeLoadReports } from '../../../load/report.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import { THRESHOLDS } from '../../../lib/runbook/thresholds.ts';
import type { LoadResult } from '../../../load/types.ts';

/** One login per deployment: each side's token stays with its own origin. */
async function login(sim: SimulatorHandle): Promise<string> {
  const res = await fetch(`${sim.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'operator@jumpstart.local', password: 'jumpstart-sim-password' }) });
  const body = (await res.json()) as { access_token?: string };
  assert.ok(body.access_token, `login on ${sim.url}`);
  return body.access_token;
}

/** The gate's post-deploy profile (/health, /api/health/db, /api/runs/), shortened. */
async function compare(candidate: SimulatorHandle, live: SimulatorHandle): Promise<LoadResult> {
  const profile = resolveProfile('post-deploy', { durationS: 5, rate: 40 });
  return runLoad({ target: candidate.url, compareTo: live.url, profile, token: await login(candidate), compareToken: await login(live), rateCap: 50, allowRateLimited: false });
}

const titled = (r: LoadResult, start: string) => evaluateLoad(r, THRESHOLDS).find((x) => x.title.startsWith(start));

test('two healthy simulators compare as equal: pass, p95 ratio near 1, promote', { timeout: 60_000 }, async (t) => {
  const [a, b] = await Promise.all([startSimulator({ port: 0 }), startSimulator({ port: 0 })]);
  t.after(() => Promise.all([a.close(), b.close()]));
  const r = await compare(a, b);
  const c = r.comparison;
  assert.ok(c && r.live);
  t.diagnostic(`healthy pair: ${c.summary}; lag p99 ${r.schedulingLagMs.p99} ms`);
  assert.equal(r.requests.sent, 200);
  assert.equal(r.live.requests.sent, 200);
  assert.equal(c.status, 'pass');
  assert.ok(c.overall.p95Ratio !== null && c.overall.p95Ratio > 0.67 && c.overall.p95Ratio < 1.5, `p95 ratio ${c.overall.p95Ratio}`);
  assert.equal(titled(r, 'RB-14 latency vs live')?.status, 'pass');
  assert.equal(titled(r, 'RB-15 error rate vs live')?.status, 'pass');
  assert.equal(decideVerdict(evaluateLoad(r, THRESHOLDS)).verdict, 'promote');
});

test('a candidate with slow-api at 25 ms fails against healthy live (p < 0.01) while its absolute p95 stays under 200 ms', { timeout: 60_000 }, async (t) => {
  const [slow, live] = await Promise.all([startSimulator({ port: 0, faults: ['slow-api'], slowApiMs: 25 }), startSimulator({ port: 0 })]);
  t.after(() => Promise.all([slow.close(), live.close()]));
  const r = await compare(slow, live);
  const c = r.comparison;
  assert.ok(c);
  t.diagnostic(`slow candidate: ${c.summary}`);
  assert.equal(c.status, 'fail');
  assert.ok((c.overall.latency?.pValue ?? 1) < 0.01, `p = ${c.overall.latency?.pValue}`);
  assert.ok((r.latencyMs.p95 ?? Infinity) < 200, `absolute p95 ${r.latencyMs.p95} ms`);
  assert.ok((r.perRoute['/api/health/db']?.serviceTimeMs.p95 ?? 0) >= 25, 'the 25 ms are the target\'s: they show in its service time');
  assert.equal(c.perRoute['/health']?.latencyStatus, 'pass', '/health is not slowed and not blamed');
  assert.equal(titled(r, 'RB-14 API latency p95')?.status, 'pass', 'the absolute threshold is blind to it');
  const rb14 = titled(r, 'RB-14 latency vs live');
  assert.equal(rb14?.status, 'fail');
  assert.equal(rb14?.severity, 'major');
  assert.equal(decideVerdict(evaluateLoad(r, THRESHOLDS)).verdict, 'hold', 'a relative regression holds the release (exit 1)');

  const dir = await mkdtemp(join(tmpdir(), 'load-live-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const files = await writeLoadReports(r, dir);
  const json = JSON.parse(await readFile(files.json, 'utf8')) as LoadResult;
  assert.equal(json.comparison?.status, 'fail');
  assert.ok(json.comparison?.perRoute['/api/runs/'], 'per route in the JSON');
  assert.ok(json.perRoute['/health']?.serviceTimeMs.p95 !== undefined && json.serviceTimeMs.p95 !== null, 'serviceTimeMs in the JSON');
  assert.equal(json.live?.target, live.url);
  const html = await readFile(files.html, 'utf8');
  assert.match(html, /Candidate vs live: fail/);
  assert.match(html, /live p95/);
});
