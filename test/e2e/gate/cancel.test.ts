/**
 * Cancelling the gate the way CI does, during the browser wizard (a project exists on the target):
 * GitHub's sequence (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that) and a fast double signal
 * (SIGINT, SIGTERM 1 s later, SIGKILL 9 s after that). Each must leave a written, non-promote
 * verdict.json, exit 3 before the SIGKILL, and no synthetic project on the target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator } from '../../../simulator/index.ts';
import { describeChecks, gateEnv, junitSchemaErrors, readVerdict, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION, type SignalPlan } from '../../support/gate.ts';

const SEQUENCES: ReadonlyArray<{ name: string; signals: SignalPlan; hurried: boolean }> = [
  { name: "GitHub's cancel (SIGINT, SIGTERM +7.5 s, SIGKILL +2.5 s)", signals: [['SIGINT', 0], ['SIGTERM', 7500], ['SIGKILL', 10_000]], hurried: false },
  { name: 'a fast double signal (SIGINT, SIGTERM +1 s, SIGKILL +9 s)', signals: [['SIGINT', 0], ['SIGTERM', 1000], ['SIGKILL', 10_000]], hurried: true },
];

for (const seq of SEQUENCES) {
  test(`${seq.name} during the wizard: verdict written (not promote), exit 3, no project left`, { timeout: 150_000 }, async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-cancel-'));
    // Slow generation keeps the flow inside the wizard long enough to be cancelled there.
    const sim = await startSimulator({ port: 0, generationSeconds: 30, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
    t.after(async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    });
    let projectSeenAt = 0;
    const projectCreated = (async () => {
      const deadline = Date.now() + 100_000;
      while (sim.stats().projects.live === 0 && Date.now() < deadline) await sleep(100);
      projectSeenAt = Date.now();
    })();
    const run = await runBin('gate', ['--mode', 'post-deploy'], gateEnv(sim.url, dir), 140_000, seq.signals, projectCreated);
    const afterSignal = Date.now() - projectSeenAt;
    assert.ok(projectSeenAt > 0, 'the wizard created its project before the signals');
    const v = await readVerdict(dir);
    const context = `exit ${run.code} ${afterSignal} ms after the first signal\n${describeChecks(v)}\n${run.stderr.slice(-1500)}`;
    assert.equal(run.code, 3, `exited by itself before the SIGKILL, with the cancelled code: ${context}`);
    assert.notEqual(v.verdict, 'promote', context);
    assert.equal(v.verdict, 'inconclusive', context);
    assert.match(JSON.stringify((v as unknown as { reasons: string[] }).reasons), /cancelled by SIGINT/);
    assert.equal(sim.stats().projects.live, 0, `no synthetic project left on the target: ${context}`);
    // GitHub's SIGTERM comes 7.5 s after its SIGINT: the gate must be done before it has to hurry.
    if (!seq.hurried) assert.doesNotMatch(run.stderr, /hurrying/, context);
    assert.deepEqual(await junitSchemaErrors(await readFile(join(dir, 'junit.xml'), 'utf8')), []);
    t.diagnostic(`exit 3 about ${(afterSignal / 1000).toFixed(1)} s after the first signal`);
  });
}
