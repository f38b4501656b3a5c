/**
 * Two gate runs on one simulator that replays three bugs of the real dashboard at HEAD: the
 * existing-client picker crashing to the error screen, the Quality Gate counting only the first page of
 * posts, and an export that writes no file. The first run takes the new-client path; the second reuses
 * the synthetic client and meets the crash. Each check must be judged on what exists, never "not
 * evaluated" because a sibling failed, and the gate must create one client and leave no project.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../../simulator/index.ts';
import { scratch } from '../../support/checks.ts';
import { describeChecks, gateEnv, readVerdict, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION, type VerdictJson } from '../../support/gate.ts';

const FAULTS = ['existing-client-crash', 'review-first-page-only', 'export-writes-no-file'];

function check(v: VerdictJson, id: string): VerdictJson['checks'][number] {
  const c = v.checks.find((x) => x.id === id);
  assert.ok(c, `${id} missing\n${describeChecks(v)}`);
  return c;
}

test('two gate runs: the second RB-08 names the error screen, RB-09 passes on a project made another way, RB-10 names 20 of 30, RB-11 fails on the 404', { timeout: 300_000 }, async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION, faults: FAULTS });
  t.after(() => sim.close());
  const env = (outDir: string) => gateEnv(sim.url, outDir, { CJ_LOAD_DURATION_S: '1' });

  const firstDir = scratch(t, 'gate-realui-1-');
  const first = await runBin('gate', ['--mode', 'post-deploy'], env(firstDir), 180_000);
  const v1 = await readVerdict(firstDir);
  const ctx1 = `first run: exit ${first.code}\n${describeChecks(v1)}\n${first.stderr.slice(-1500)}`;
  assert.equal(check(v1, 'RB-08').status, 'pass', `a fresh target takes the new-client path\n${ctx1}`);
  assert.equal(check(v1, 'RB-10').status, 'fail', ctx1);
  assert.equal(check(v1, 'RB-11').status, 'fail', ctx1);

  const secondDir = scratch(t, 'gate-realui-2-');
  const second = await runBin('gate', ['--mode', 'post-deploy'], env(secondDir), 180_000);
  const v2 = await readVerdict(secondDir);
  const ctx2 = `second run: exit ${second.code}\n${describeChecks(v2)}\n${second.stderr.slice(-1500)}`;
  assert.equal(check(v2, 'RB-08').status, 'fail', ctx2);
  assert.match(check(v2, 'RB-08').message ?? '', /existing client .*error screen "Something Went Wrong"/, ctx2);
  assert.equal(check(v2, 'RB-09').status, 'pass', ctx2);
  assert.match(check(v2, 'RB-09').message ?? '', /reusing the synthetic client/, 'says how the project was made');
  assert.equal(check(v2, 'RB-10').status, 'fail', ctx2);
  assert.match(check(v2, 'RB-10').message ?? '', /Total chip shows 20, the API lists 30 posts/, ctx2);
  assert.equal(check(v2, 'RB-11').status, 'fail', ctx2);
  assert.match(check(v2, 'RB-11').message ?? '', /download answered 404.*File not found/, ctx2);
  // Every failure here is major: hold, not rollback.
  assert.equal(v2.verdict, 'hold', ctx2);
  assert.equal(second.code, 1, ctx2);

  const stats = sim.stats();
  assert.equal(stats.clients, 1, 'the synthetic client is created once and reused (clients cannot be deleted)');
  assert.equal(stats.projects.live, 0, 'every project of both runs is deleted');
  assert.ok(stats.logins <= 6 && stats.generations <= 2, `budget: ${stats.logins} logins, ${stats.generations} generations in two runs`);
});
