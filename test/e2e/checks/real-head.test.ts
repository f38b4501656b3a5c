import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from '../../../simulator/index.ts';
import { runChecks, scratch, simStats, summary } from '../../support/checks.ts';

const EMAIL = 'operator@jumpstart.local';
const PASSWORD = 'jumpstart-sim-password';

test('real-head preset: the checks name each real HEAD bug they meet', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, faults: ['real-head'] });
  t.after(() => sim.close());
  const run = await runChecks({ dir: scratch(t, 'checks-realhead-'), env: { CJ_BASE_URL: sim.url, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD } });
  const expect = (id: string, status: string, message?: RegExp): void => {
    assert.equal(run.byId(id).status, status, `${id}\n${summary(run)}`);
    if (message) assert.match(run.byId(id).message ?? '', message, id);
  };
  expect('RB-02', 'fail', /Swagger UI rendered no operation in Chromium .*Content Security Policy/);
  expect('RB-05', 'fail', /GET \/api\/health\/db answered 404.*GET \/api\/health\/database answered 200 with connection-pool statistics/);
  expect('RB-06', 'fail', /SPA deep link \/dashboard\/wizard \(200\) lacks Content-Security-Policy/);
  expect('RB-08', 'pass');
  expect('RB-09', 'fail', /POST \/api\/generator\/generate-all answered 422.*"loc":\["query","project_id"\]/);
  for (const id of ['RB-10', 'RB-11']) expect(id, 'error', /no posts: generation did not start/);
  for (const id of ['RB-01', 'RB-03', 'RB-04', 'RB-07', 'RB-12']) expect(id, 'pass');
  assert.equal((await simStats(sim.url, sim.adminToken)).projects.live, 0);
});
