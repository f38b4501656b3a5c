/**
 * The gate end to end on a healthy simulator: promote, every check passing, a JUnit file valid
 * against junit-10.xsd, the budget kept (≤ 3 logins, 1 generation, no project left), no secret in
 * any report — repeated, so a flaky check shows up as a false alarm here and not in production.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import { describeChecks, filesContaining, gateEnv, JWT_PATTERN, junitSchemaErrors, readVerdict, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION } from '../../support/gate.ts';

const RUNS = Math.max(1, Number(process.env.GATE_HEALTHY_RUNS ?? 2) || 2);
/** Healthy runs that promoted, over both tests (the nightly ones count too): printed at the end. */
const tally = { runs: 0, promoted: 0 };

after(() => {
  process.stdout.write(`# no false alarms: ${tally.promoted}/${tally.runs} healthy runs promoted (${RUNS} post-deploy, 2 nightly)\n`);
});

test(`no false alarms: ${RUNS} post-deploy runs on the healthy simulator all promote`, { timeout: RUNS * 120_000 }, async (t) => {
  for (let i = 1; i <= RUNS; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'gate-healthy-'));
    const outDir = join(dir, 'reports');
    const stepSummary = join(dir, 'step-summary.md');
    const sim = await startSimulator({ port: 0, generationSeconds: 1, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
    try {
      tally.runs++;
      const run = await runBin('gate', ['--target', sim.url, '--mode', 'post-deploy'], gateEnv(sim.url, outDir, { GITHUB_STEP_SUMMARY: stepSummary }), 150_000);
      const v = await readVerdict(outDir);
      const context = `run ${i}: exit ${run.code} in ${run.ms} ms\n${describeChecks(v)}\n${run.stderr.slice(-1500)}`;
      assert.equal(run.code, 0, context);
      assert.equal(v.verdict, 'promote', context);
      assert.equal(v.version, SIM_VERSION);
      const ids = new Set(v.checks.map((c) => c.id));
      for (let n = 1; n <= 16; n++) assert.ok(ids.has(`RB-${String(n).padStart(2, '0')}`), `RB-${n} present`);
      // A warning is a pass that shows (DESIGN.md); only timing can produce one on a busy machine.
      for (const c of v.checks) assert.ok(c.status === 'pass' || c.status === 'warn', `${c.title}: ${c.status} ${c.message ?? ''}`);
      const warned = v.checks.filter((c) => c.status === 'warn').map((c) => c.title);
      if (warned.length > 0) t.diagnostic(`run ${i} warnings: ${warned.join('; ')}`);

      const junit = await readFile(join(outDir, 'junit.xml'), 'utf8');
      assert.deepEqual(await junitSchemaErrors(junit), []);
      const names = [...junit.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(names.length, v.checks.length, 'one testcase per result');
      assert.equal(new Set(names).size, names.length, 'testcase names unique');
      assert.doesNotMatch(junit, /<failure|<error|<skipped/);

      const summary = await readFile(join(outDir, 'summary.md'), 'utf8');
      assert.match(summary, /Release gate: \*\*PROMOTE\*\*/);
      assert.equal(await readFile(stepSummary, 'utf8'), `${summary}\n`, 'summary appended to $GITHUB_STEP_SUMMARY');
      assert.ok((await stat(join(outDir, 'load/post-deploy.json'))).isFile(), 'load report written');

      const stats = sim.stats();
      assert.ok(stats.logins <= 3, `at most 3 logins, saw ${stats.logins}`);
      assert.equal(stats.generations, 1, 'exactly one generate-all');
      assert.equal(stats.projects.live, 0, 'no project left behind');

      assert.deepEqual(await filesContaining(outDir, [SIM_PASSWORD], [JWT_PATTERN]), [], 'no password or token in the reports');
      assert.doesNotMatch(run.stdout + run.stderr, new RegExp(SIM_PASSWORD.replace(/[^\w]/g, '\\$&')), 'no password in the output');
      tally.promoted++;
      t.diagnostic(`run ${i}: promote in ${(run.ms / 1000).toFixed(1)} s`);
    } finally {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
});

test('nightly: no generation, light load, the synthetic client reused, the project deleted', { timeout: 240_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'gate-nightly-'));
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });
  for (const night of [1, 2]) {
    const outDir = join(dir, `night-${night}`);
    tally.runs++;
    const run = await runBin('gate', ['--mode', 'nightly'], gateEnv(sim.url, outDir), 150_000);
    const v = await readVerdict(outDir);
    const context = `night ${night}: exit ${run.code}\n${describeChecks(v)}\n${run.stderr.slice(-1500)}`;
    assert.equal(run.code, 0, context);
    assert.equal(v.verdict, 'promote', context);
    tally.promoted++;
    for (const c of v.checks) assert.ok(c.status === 'pass' || c.status === 'warn' || ['RB-09', 'RB-10', 'RB-11'].includes(c.id), `${c.title}: ${c.status} ${c.message ?? ''}`);
    assert.deepEqual(await filesContaining(outDir, [SIM_PASSWORD], [JWT_PATTERN]), [], 'no password or token in the reports');
    for (const id of ['RB-09', 'RB-10', 'RB-11']) assert.equal(v.checks.find((c) => c.id === id)?.status, 'skip', `${id} skipped without --with-generation`);
    assert.ok((await stat(join(outDir, 'load/nightly.json'))).isFile(), 'the light nightly profile ran');
  }
  const stats = sim.stats();
  assert.equal(stats.generations, 0, 'nightly never generates without --with-generation');
  assert.equal(stats.projects.live, 0, 'the project is deleted');
  assert.equal(stats.clients, 1, 'one synthetic client, reused by the second night');
  assert.ok(stats.logins <= 6, `≤ 3 logins a night, saw ${stats.logins}`);
});
