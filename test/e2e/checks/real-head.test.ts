import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from '../../../simulator/index.ts';
import { runChecks, scratch, simStats, summary } from '../../support/checks.ts';

const EMAIL = 'operator@jumpstart.local';
const PASSWORD = 'jumpstart-sim-password';
const CLIENT = 'Jumpstart Gate Synthetic Client';
const REAL_UI = ['existing-client-crash', 'review-first-page-only', 'export-writes-no-file'];

/** The simulator's clients named like the synthetic one (one API login). */
async function syntheticClients(url: string): Promise<number> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const res = await fetch(`${url}/api/clients/`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Array<{ name?: string }> | { items: Array<{ name?: string }> };
  return (Array.isArray(body) ? body : body.items).filter((c) => c.name === CLIENT).length;
}

test('two runs on the real dashboard\'s bugs: the second meets the crash in RB-08, RB-09 … RB-11 still judge a project made another way', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, faults: REAL_UI });
  t.after(() => sim.close());
  const env = { CJ_BASE_URL: sim.url, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD };
  const first = await runChecks({ dir: scratch(t, 'checks-realui-1-'), env, args: ['--project=browser'] });
  assert.equal(first.byId('RB-08').status, 'pass', `a fresh target: the new-client path\n${summary(first)}`);
  assert.match(first.byId('RB-08').message ?? '', /for new client/);

  const second = await runChecks({ dir: scratch(t, 'checks-realui-2-'), env, args: ['--project=browser'] });
  const rb = (id: string) => second.byId(id);
  assert.equal(rb('RB-08').status, 'fail', summary(second));
  assert.match(rb('RB-08').message ?? '', /select the existing client .* the page shows the app's error screen "Something Went Wrong"/);
  assert.equal(rb('RB-09').status, 'pass', summary(second));
  assert.match(rb('RB-09').message ?? '', /made through the wizard's new-client path, reusing the synthetic client/);
  assert.equal(rb('RB-10').status, 'fail', summary(second));
  assert.match(rb('RB-10').message ?? '', /Total chip shows 20, the API lists 30 posts/);
  assert.equal(rb('RB-11').status, 'fail', summary(second));
  assert.match(rb('RB-11').message ?? '', /GET \/api\/deliverables\/del-\w+\/download answered 404, expected 200: .*File not found/);
  assert.equal(await syntheticClients(sim.url), 1, 'the synthetic client was created once and reused');
  assert.equal((await simStats(sim.url, sim.adminToken)).projects.live, 0, 'every project of both runs is deleted');
});

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
