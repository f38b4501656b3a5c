/**
 * `gate --compare-to` through the bin: a candidate 25 ms slower on /api/* (slow-api at 25 ms) against a healthy
 * live deployment fails "RB-14 latency vs live" with p < 0.01 and holds the release (exit 1), while its absolute
 * p95 stays under 200 ms and RB-14's absolute threshold passes: the regression only the comparison sees.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import type { LoadResult } from '../../../load/types.ts';
import { cleanEnv, describeChecks, readVerdict, runBin } from '../../support/gate.ts';

test('a candidate 25 ms slower fails the comparison (p < 0.01, exit 1) while its absolute p95 stays under 200 ms', { timeout: 150_000 }, async (t) => {
  const [candidate, live] = await Promise.all([startSimulator({ port: 0, faults: ['slow-api'], slowApiMs: 25 }), startSimulator({ port: 0 })]);
  t.after(() => Promise.all([candidate.close(), live.close()]));
  // The rule is a ratio: +25 ms exceeds the 1.5× alert only while live answers in well under 50 ms. On a
  // machine busy enough to slow live's own answers that far, the same regression is (rightly) a significant
  // warning. Each attempt is judged as it measured; up to three, and one must show the failure.
  let failed = false;
  for (let attempt = 1; attempt <= 3 && !failed; attempt++) failed = await attemptOnce(t, candidate.url, live.url, attempt);
  assert.ok(failed, 'in three runs the machine never was quiet enough for +25 ms to exceed 1.5× live (see the diagnostics)');
});

/** One gate run; every claim but the size of the ratio holds in each. True when the comparison failed. */
async function attemptOnce(t: TestContext, candidate: string, live: string, attempt: number): Promise<boolean> {
  const out = await mkdtemp(join(tmpdir(), 'compare-slow-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const env = cleanEnv({ CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '4', CJ_LOAD_RATE: '40' });
  const r = await runBin('gate', ['--mode', 'investigate', '--profile', 'post-deploy', '--target', candidate, '--compare-to', live], env, 60_000);
  const verdict = await readVerdict(out);
  const result = JSON.parse(await readFile(join(out, 'load', 'post-deploy.json'), 'utf8')) as LoadResult;
  const c = result.comparison;
  assert.ok(c, `${r.stdout}${r.stderr}`);
  t.diagnostic(`attempt ${attempt}: ${c.summary}; candidate service p95 ${result.serviceTimeMs.p95} ms, lag p99 ${result.schedulingLagMs.p99} ms`);
  assert.ok((c.overall.latency?.pValue ?? 1) < 0.01, `p = ${c.overall.latency?.pValue}`);
  assert.ok((result.latencyMs.p95 ?? Infinity) < 200, `absolute p95 ${result.latencyMs.p95} ms`);
  assert.ok((result.perRoute['/api/health/db']?.serviceTimeMs.p95 ?? 0) >= 25, 'the 25 ms are the target\'s: they show in its service time');

  const byTitle = (start: string) => verdict.checks.find((x) => x.title.startsWith(start));
  assert.equal(byTitle('RB-14 API latency p95 under load')?.status, 'pass', 'the absolute threshold is blind to it');
  assert.equal(byTitle('RB-15 error rate vs live')?.status, 'pass');
  const vsLive = byTitle('RB-14 latency vs live');
  assert.ok(vsLive?.status === 'fail' || vsLive?.status === 'warn', `the regression is always flagged: ${vsLive?.status}`);
  assert.match(vsLive?.message ?? '', /Mann–Whitney p = /);
  if (vsLive?.status !== 'fail') {
    assert.equal(r.code, 0, 'a warning does not block');
    return false;
  }
  assert.equal(r.code, 1, `${r.stdout}${r.stderr}\n${describeChecks(verdict)}`);
  assert.equal(verdict.verdict, 'hold');
  assert.equal(vsLive.severity, 'major');
  assert.equal(c.status, 'fail');
  assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /^- post-deploy: vs live http:\/\/127\.0\.0\.1:\d+: fail · p95 [\d.]+ ms vs [\d.]+ ms \([\d.]+×, p = /m);
  assert.match(r.stdout, /RB-14 latency vs live \(post-deploy\) +major +FAIL/);
  return true;
}
