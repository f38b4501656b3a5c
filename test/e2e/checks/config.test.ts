import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { startSimulator } from '../../../simulator/index.ts';
import { runChecks, scratch } from '../../support/checks.ts';

test('npm run checks with a bad config prints every problem, naming the variables, and runs nothing', async (t) => {
  const run = await runChecks({ dir: scratch(t, 'checks-config-'), env: { CJ_EMAIL: 'not-an-email', CJ_GENERATION_S_TARGET: 'fast' }, timeoutMs: 60_000 });
  assert.notEqual(run.code, 0);
  const out = run.stdout + run.stderr;
  assert.match(out, /invalid configuration for the checks \(4 problem\(s\)\)/);
  for (const v of ['CJ_BASE_URL', 'CJ_EMAIL', 'CJ_PASSWORD', 'CJ_GENERATION_S_TARGET']) assert.match(out, new RegExp(`- ${v}`));
  assert.doesNotMatch(out, /Running \d+ test/);
  assert.equal(existsSync(run.outDir), false, 'nothing ran, nothing was written');
});

test('no usable browser: every browser check is an error naming where it looked; the API checks still run', async (t) => {
  const sim = await startSimulator({ port: 0 });
  t.after(() => sim.close());
  const run = await runChecks({
    dir: scratch(t, 'checks-nobrowser-'),
    env: { CJ_BASE_URL: sim.url, CJ_EMAIL: 'operator@jumpstart.local', CJ_PASSWORD: 'jumpstart-sim-password', CHROMIUM_PATH: '/nonexistent/chromium' },
    timeoutMs: 60_000,
  });
  assert.equal(run.code, 1);
  assert.match(run.checks?.browser ?? '', /^none: CHROMIUM_PATH points to \/nonexistent\/chromium, which does not exist/);
  for (const id of ['RB-01', 'RB-03', 'RB-04', 'RB-05', 'RB-06']) assert.equal(run.byId(id).status, 'pass', id);
  // RB-02 checks the docs' HTML and /openapi.json, then needs a browser to see Swagger UI render.
  assert.equal(run.byId('RB-02').status, 'error');
  assert.match(run.byId('RB-02').message ?? '', /no browser could render \/docs: CHROMIUM_PATH points to \/nonexistent\/chromium/);
  for (const id of ['RB-07', 'RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12', 'RB-13']) {
    assert.equal(run.byId(id).status, 'error', id);
    assert.match(run.byId(id).message ?? '', /no browser: CHROMIUM_PATH points to \/nonexistent\/chromium/);
  }
});
