import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { startSimulator, type SimulatorOptions } from '../../../simulator/index.ts';
import { allTexts, assertNoSecrets, runChecks, scratch, simStats, summary, tokenRecordingProxy } from '../../support/checks.ts';

const CREDENTIALS = { CJ_EMAIL: 'operator@jumpstart.local', CJ_PASSWORD: 'jumpstart-sim-password' };

async function fullRun(t: TestContext, name: string, sim: SimulatorOptions, env: Record<string, string> = {}) {
  const s = await startSimulator({ port: 0, generationSeconds: 1, ...sim });
  t.after(() => s.close());
  const run = await runChecks({ dir: scratch(t, `checks-${name}-`), env: { CJ_BASE_URL: s.url, ...CREDENTIALS, ...env } });
  const stats = await simStats(s.url, s.adminToken);
  assert.equal(stats.projects.live, 0, `the project is deleted even though a check failed\n${summary(run)}`);
  assert.ok(stats.logins <= 3 && stats.generations <= 1, `budget: ${stats.logins} logins, ${stats.generations} generations`);
  return run;
}

function passExcept(run: Awaited<ReturnType<typeof fullRun>>, except: string[]): void {
  for (const r of run.checks?.results ?? []) {
    if (!except.includes(r.id)) assert.equal(r.status, 'pass', `${r.id} must pass\n${summary(run)}`);
  }
}

test('qa-flags-missing: RB-10 fails naming the missing chip and badges; RB-11 still runs and passes; the kept trace holds no secret', async (t) => {
  // A journey with a failed check keeps its trace (requests with the Bearer header): prove it was scrubbed.
  const password = 'Flow-Secret-3k"Z\\p';
  const s = await startSimulator({ port: 0, generationSeconds: 1, faults: ['qa-flags-missing'], password });
  t.after(() => s.close());
  const proxy = await tokenRecordingProxy(s.url);
  t.after(() => proxy.close());
  const run = await runChecks({ dir: scratch(t, 'checks-qa-'), env: { CJ_BASE_URL: proxy.url, CJ_EMAIL: 'operator@jumpstart.local', CJ_PASSWORD: password } });
  assert.equal(run.code, 1);
  const traces = allTexts(run.outDir).filter((x) => /trace\.zip!.*\.network$/.test(x.where));
  assert.ok(traces.some((x) => x.text.includes('Bearer ***')), 'the journey trace recorded the (scrubbed) Authorization header');
  assertNoSecrets(run.outDir, [password, ...proxy.tokens]);
  assert.equal((await simStats(s.url, s.adminToken)).projects.live, 0);
  assert.equal(run.byId('RB-10').status, 'fail', summary(run));
  assert.match(run.byId('RB-10').message ?? '', /no "Flagged: N" chip although the API has \d+ flagged posts/);
  assert.match(run.byId('RB-10').message ?? '', /flagged post post-\w+ shows no "(missing_cta|too_short)" badge/);
  // Export does not depend on the review's verdict: the flagged posts were fixed through Edit, export went on.
  assert.equal(run.byId('RB-11').status, 'pass', summary(run));
  assert.doesNotMatch(run.byId('RB-11').message ?? '', /through the API/);
  passExcept(run, ['RB-10']);
});

test('docx-corrupt: RB-11 fails because the download is not a valid zip, and the file is kept', async (t) => {
  const run = await fullRun(t, 'docx', { faults: ['docx-corrupt'] });
  assert.equal(run.code, 1);
  assert.equal(run.byId('RB-11').status, 'fail', summary(run));
  assert.match(run.byId('RB-11').message ?? '', /the download rb-11-.*\.docx \(\d+ bytes, application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\) is not a valid zip/);
  assert.equal(readdirSync(run.outDir).filter((f) => f.startsWith('rb-11-')).length, 1);
  passExcept(run, ['RB-11']);
});

test('slow-generation with shrunk thresholds: RB-09 fails with measured vs alert; RB-10 and RB-11 still judge the posts', async (t) => {
  const run = await fullRun(t, 'slow', { faults: ['slow-generation'], generationSeconds: 0.5, slowGenerationSeconds: 3 }, {
    CJ_GENERATION_S_TARGET: '1',
    CJ_GENERATION_S_ALERT: '2',
  });
  assert.equal(run.code, 1);
  const r = run.byId('RB-09');
  assert.equal(r.status, 'fail', summary(run));
  assert.equal(r.threshold, 'target < 1 s, alert > 2 s');
  assert.ok((r.measured ?? 0) > 2 && (r.measured ?? 99) < 6, `measured ${r.measured}`);
  assert.match(r.message ?? '', /generation of 30 posts took 3\.\d+ s exceeds the alert threshold \(target < 1 s, alert > 2 s\)/);
  assert.match(run.stdout, /RB-09: run run-\w+ succeeded after 3\.\d+ s/);
  passExcept(run, ['RB-09']);
});

test('login-broken: RB-04 and RB-07 fail, the checks needing the session error naming the setup login', async (t) => {
  const run = await fullRun(t, 'login', { faults: ['login-broken'] });
  assert.equal(run.code, 1);
  assert.equal(run.byId('RB-04').status, 'fail');
  assert.equal(run.byId('RB-07').status, 'fail');
  assert.match(run.byId('RB-07').message ?? '', /POST \/api\/auth\/login answered 500/);
  for (const id of ['RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12']) {
    assert.equal(run.byId(id).status, 'error', `${id}\n${summary(run)}`);
    assert.match(run.byId(id).message ?? '', /setup \(API login\) failed: POST \/api\/auth\/login answered 500/);
  }
  // The 500s the dashboard saw during RB-07 are unexpected errors.
  assert.equal(run.byId('RB-13').status, 'fail');
  assert.match(run.byId('RB-13').message ?? '', /\[RB-07 at \/login\] 5xx response: 500 POST \/api\/auth\/login/);
  passExcept(run, ['RB-04', 'RB-07', 'RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12', 'RB-13']);
});

test('download-broken + console-error: RB-11 fails on the 404, RB-13 lists the console error, page error and the alert', async (t) => {
  const run = await fullRun(t, 'errors', { faults: ['download-broken', 'console-error'] });
  assert.equal(run.code, 1);
  assert.equal(run.byId('RB-11').status, 'fail', summary(run));
  assert.match(run.byId('RB-11').message ?? '', /GET \/api\/deliverables\/del-\w+\/download answered 404, expected 200: .*File not found/);
  const rb13 = run.byId('RB-13');
  assert.equal(rb13.status, 'fail');
  assert.ok((rb13.measured ?? 0) >= 3, `errors counted: ${rb13.measured}`);
  assert.match(rb13.message ?? '', /\] console error: /);
  assert.match(rb13.message ?? '', /\] page error: /);
  assert.match(rb13.message ?? '', /\[RB-11 at \/dashboard\/deliverables\] dialog: alert: Failed to download file\. Please try again\./);
  assert.match(rb13.message ?? '', /\[RB-08 at \/dashboard\/wizard, [^\]]*RB-07 at \/login[^\]]*\] console error: Simulated console error/, 'repeated errors are listed once, with each check and page');
  passExcept(run, ['RB-11', 'RB-13']);
});
