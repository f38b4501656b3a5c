/**
 * `gate --compare-to` through the bin: a candidate 25 ms slower on /api/* (slow-api at 25 ms) against a healthy
 * live deployment fails "RB-14 latency vs live" with p < 0.01 and holds the release (exit 1), while its absolute
 * p95 stays under 200 ms and RB-14's absolute threshold passes: the regression only the comparison sees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import type { LoadResult } from '../../../load/types.ts';
import { cleanEnv, describeChecks, readVerdict, runBin } from '../../support/gate.ts';

test('a candidate 25 ms slower fails the comparison (p < 0.01, exit 1) while its absolute p95 stays under 200 ms', { timeout: 90_000 }, async (t) => {
  const [candidate, live] = await Promise.all([startSimulator({ port: 0, faults: ['slow-api'], slowApiMs: 25 }), startSimulator({ port: 0 })]);
  t.after(() => Promise.all([candidate.close(), live.close()]));
  const out = await mkdtemp(join(tmpdir(), 'compare-slow-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const env = cleanEnv({ CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '4', CJ_LOAD_RATE: '40' });
  const r = await runBin('gate', ['--mode', 'investigate', '--profile', 'post-deploy', '--target', candidate.url, '--compare-to', live.url], env, 60_000);
  const verdict = await readVerdict(out);
  assert.equal(r.code, 1, `${r.stdout}${r.stderr}\n${describeChecks(verdict)}`);
  assert.equal(verdict.verdict, 'hold');

  const result = JSON.parse(await readFile(join(out, 'load', 'post-deploy.json'), 'utf8')) as LoadResult;
  const c = result.comparison;
  assert.ok(c);
  t.diagnostic(`${c.summary}; candidate service p95 ${result.serviceTimeMs.p95} ms, lag p99 ${result.schedulingLagMs.p99} ms`);
  assert.equal(c.status, 'fail');
  assert.ok((c.overall.latency?.pValue ?? 1) < 0.01, `p = ${c.overall.latency?.pValue}`);
  assert.ok((result.latencyMs.p95 ?? Infinity) < 200, `absolute p95 ${result.latencyMs.p95} ms`);
  assert.ok((result.perRoute['/api/health/db']?.serviceTimeMs.p95 ?? 0) >= 25, 'the 25 ms are the target\'s: they show in its service time');

  const byTitle = (start: string) => verdict.checks.find((x) => x.title.startsWith(start));
  assert.equal(byTitle('RB-14 API latency p95 under load')?.status, 'pass', 'the absolute threshold is blind to it');
  const vsLive = byTitle('RB-14 latency vs live');
  assert.equal(vsLive?.status, 'fail');
  assert.equal(vsLive?.severity, 'major');
  assert.match(vsLive?.message ?? '', /Mann–Whitney p = /);
  assert.equal(byTitle('RB-15 error rate vs live')?.status, 'pass');
  assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /^- post-deploy: vs live http:\/\/127\.0\.0\.1:\d+: fail · p95 [\d.]+ ms vs [\d.]+ ms \([\d.]+×, p = /m);
  assert.match(r.stdout, /RB-14 latency vs live \(post-deploy\) +major +FAIL/);
});
