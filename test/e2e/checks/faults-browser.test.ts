/**
 * The browser checks (RB-07 … RB-13) on every simulator fault that names them in `catches`: each such
 * check must FAIL (not merely error, which the gate's fault matrix would also count) with a message that
 * names the cause. Faults proven in faults-flow.test.ts or real-head.test.ts are listed, not run again.
 * `--project=browser` (setup + browser): the API checks are faults-api.test.ts's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULTS, startSimulator, type SimulatorOptions } from '../../../simulator/index.ts';
import { runChecks, scratch, simStats, summary } from '../../support/checks.ts';

const BROWSER_IDS = ['RB-07', 'RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12', 'RB-13'];
const SYNTHETIC_CLIENT = 'Browser Faults Synthetic Client';

interface Row {
  /** nightly (no generation) is enough for faults before the Generate step. */
  mode?: 'nightly';
  sim?: SimulatorOptions;
  env?: Record<string, string>;
  /** Each browser check the fault catches, with what its failure message must name. */
  fail: Record<string, RegExp>;
}

const TABLE: Record<string, Row> = {
  'frontend-down': { mode: 'nightly', fail: { 'RB-07': /GET \/login answered 404/ } },
  // Only the existing-client path crashes: the synthetic client must exist already.
  'existing-client-crash': {
    mode: 'nightly',
    sim: { seedClients: [SYNTHETIC_CLIENT] },
    fail: { 'RB-08': /error screen "Something Went Wrong"/ },
  },
  'project-create-fails': { mode: 'nightly', fail: { 'RB-08': /project creation failed/ } },
  'generation-fails': { fail: { 'RB-09': /generation run run-\w+ failed after .*the wizard shows "Generation failed:/ } },
  'wrong-post-count': { fail: { 'RB-09': /the run created 27 posts, expected exactly 30/ } },
  'runs-500': { fail: { 'RB-09': /POST \/api\/generator\/generate-all answered 500/ } },
  'posts-list-500': { fail: { 'RB-09': /GET \/api\/posts\/\?.* answered 500/, 'RB-10': /show the Quality Gate failed|the Quality Gate shows \S+ posts but the API cannot list them/ } },
  'review-first-page-only': { fail: { 'RB-10': /Total chip shows 20, the API lists 30 posts/ } },
  'export-writes-no-file': { fail: { 'RB-11': /GET \/api\/deliverables\/del-\w+\/download answered 404/ } },
  // Every asset is delayed: a small delay, and the thresholds below it (as the gate's fault matrix does).
  'slow-page': {
    mode: 'nightly',
    sim: { slowPageMs: 400 },
    env: { CJ_PAGE_LOAD_MS_TARGET: '800', CJ_PAGE_LOAD_MS_ALERT: '1200' },
    fail: { 'RB-12': /dashboard page load \d+(\.\d+)? ms exceeds the alert threshold \(target < 800 ms, alert > 1200 ms\)/ },
  },
};

/** Faults whose browser checks another file already proves failing, naming the cause. */
const PROVEN_ELSEWHERE: Record<string, string> = {
  'login-broken': 'faults-flow.test.ts',
  'qa-flags-missing': 'faults-flow.test.ts',
  'docx-corrupt': 'faults-flow.test.ts',
  'slow-generation': 'faults-flow.test.ts',
  'download-broken': 'faults-flow.test.ts',
  'console-error': 'faults-flow.test.ts',
  'generate-needs-project-id': 'real-head.test.ts',
};

test('the table covers exactly the simulator faults that the browser checks must catch', () => {
  const fromSim = Object.entries(FAULTS)
    .filter(([, spec]) => spec.catches.some((id) => BROWSER_IDS.includes(id)))
    .map(([name]) => name)
    .sort();
  assert.deepEqual([...Object.keys(TABLE), ...Object.keys(PROVEN_ELSEWHERE)].sort(), fromSim);
  for (const [name, row] of Object.entries(TABLE)) {
    const browserCatches = (FAULTS[name]?.catches ?? []).filter((id) => BROWSER_IDS.includes(id));
    assert.deepEqual(Object.keys(row.fail).sort(), [...browserCatches].sort(), name);
  }
});

for (const [fault, row] of Object.entries(TABLE)) {
  test(`browser checks on fault ${fault}: ${Object.keys(row.fail).join(', ')} fail naming the cause`, async (t) => {
    const sim = await startSimulator({ port: 0, generationSeconds: 1, ...row.sim, faults: [fault] });
    t.after(() => sim.close());
    const run = await runChecks({
      dir: scratch(t, `checks-${fault}-`),
      args: ['--project=browser'],
      env: {
        CJ_BASE_URL: sim.url,
        CJ_EMAIL: 'operator@jumpstart.local',
        CJ_PASSWORD: 'jumpstart-sim-password',
        CJ_SYNTHETIC_CLIENT: SYNTHETIC_CLIENT,
        ...(row.mode ? { CJ_MODE: row.mode } : {}),
        ...row.env,
      },
      timeoutMs: 120_000,
    });
    assert.equal(run.code, 1, `playwright exits 1 when a check fails\n${summary(run)}`);
    for (const [id, message] of Object.entries(row.fail)) {
      assert.equal(run.byId(id).status, 'fail', `${id} must fail (not error) on ${fault}\n${summary(run)}`);
      assert.match(run.byId(id).message ?? '', message, id);
    }
    assert.equal((await simStats(sim.url, sim.adminToken)).projects.live, 0, `no project left behind\n${summary(run)}`);
  });
}
