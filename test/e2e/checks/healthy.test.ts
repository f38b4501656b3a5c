import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSimulator } from '../../../simulator/index.ts';
import { assertNoSecrets, runChecks, scratch, simStats, summary, tokenRecordingProxy } from '../../support/checks.ts';

const EMAIL = 'operator@jumpstart.local';
// Distinctive, with characters that JSON escapes: it must not appear in any form in any report.
const PASSWORD = 'Gate-Secret-7Qx"9\\zK';
const IDS = Array.from({ length: 13 }, (_, i) => `RB-${String(i + 1).padStart(2, '0')}`);

test('healthy simulator: every check passes, within budget, nothing secret written, nothing left behind', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: EMAIL, password: PASSWORD });
  t.after(() => sim.close());
  const proxy = await tokenRecordingProxy(sim.url);
  t.after(() => proxy.close());
  const dir = scratch(t, 'checks-healthy-');

  const run = await runChecks({ dir, env: { CJ_BASE_URL: proxy.url, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD, CJ_EXPECTED_VERSION: '1.4.2' } });
  assert.equal(run.code, 0, summary(run));
  const results = run.checks?.results ?? [];
  assert.deepEqual(results.map((r) => r.id), IDS);
  for (const r of results) {
    assert.equal(r.status, 'pass', `${r.id}: ${r.message}`);
    assert.equal(r.source, 'checks');
    assert.ok(r.title.startsWith(r.id));
  }
  assert.match(run.checks?.browser ?? '', /Chromium at \//);
  assert.match(run.stdout, /checks: browser: .*Chromium/);
  assert.equal(run.byId('RB-09').unit, 's');
  assert.equal(run.byId('RB-09').threshold, 'target < 90 s, alert > 120 s');
  assert.ok((run.byId('RB-09').measured ?? 99) < 10, 'generation measured in seconds');
  assert.equal(run.byId('RB-05').unit, 'ms');
  assert.ok(Number.isFinite(run.byId('RB-05').measured), 'RB-05 records the db latency');
  assert.equal(run.byId('RB-12').threshold, 'target < 2000 ms, alert > 5000 ms');
  assert.match(run.byId('RB-02').message ?? '', /^Swagger UI rendered [1-9]\d* of \d+ operations$/, 'Chromium saw the operations');
  assert.match(run.byId('RB-08').message ?? '', /^project project-\w+ for new client "Jumpstart Gate Synthetic Client", at the Generate step$/);
  assert.equal(run.byId('RB-01').severity, 'critical');

  // JUnit: one testcase per check, named with its id, carrying the evidence as properties.
  const junit = readFileSync(join(run.outDir, 'checks-junit.xml'), 'utf8');
  for (const id of IDS) assert.match(junit, new RegExp(`<testcase name="${id} `), `${id} testcase`);
  assert.match(junit, /<property name="threshold" value="target &lt; 90 s, alert &gt; 120 s">/);
  assert.ok(existsSync(join(run.outDir, 'playwright-report', 'index.html')));
  const docx = readdirSync(run.outDir).filter((f) => /^rb-11-.*\.docx$/.test(f));
  assert.equal(docx.length, 1, 'the downloaded DOCX is kept as an artifact');

  // The browser flow RB-07 … RB-13 well under a minute.
  const flowMs = results.filter((r) => r.id >= 'RB-07').reduce((n, r) => n + (r.durationMs ?? 0), 0);
  console.log(`browser flow RB-07…RB-13: ${(flowMs / 1000).toFixed(1)} s; whole run ${(run.ms / 1000).toFixed(1)} s`);
  assert.ok(flowMs < 45_000, `browser flow took ${flowMs} ms`);

  // Budgets and cleanup on the target: ≤ 3 logins, ≤ 1 generation, no project left.
  const stats = await simStats(sim.url, sim.adminToken);
  assert.ok(stats.logins <= 3, `logins: ${stats.logins}`);
  assert.equal(stats.generations, 1);
  assert.equal(stats.projects.live, 0);
  assert.equal(run.checks?.cleanup.problems.length, 0);
  assert.equal(run.checks?.cleanup.deleted.length, 1);
  assert.equal(existsSync(run.authDir), false, 'the auth dir is deleted after the run');

  // No password, no issued token, in any file, trace entry or the HTML report's embedded data.
  assert.ok(proxy.tokens.size >= 2, `tokens seen by the proxy: ${proxy.tokens.size}`);
  assertNoSecrets(run.outDir, [PASSWORD, ...proxy.tokens]);
});

test('nightly mode: no generation, RB-09/10/11 skipped with a reason, project deleted, token kept for the gate', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1 });
  t.after(() => sim.close());
  const dir = scratch(t, 'checks-nightly-');
  const run = await runChecks({
    dir,
    env: { CJ_BASE_URL: sim.url, CJ_EMAIL: EMAIL, CJ_PASSWORD: 'jumpstart-sim-password', CJ_MODE: 'nightly', CJ_KEEP_TOKEN: '1' },
  });
  assert.equal(run.code, 0, summary(run));
  for (const id of ['RB-09', 'RB-10', 'RB-11']) {
    assert.equal(run.byId(id).status, 'skip', summary(run));
    assert.match(run.byId(id).message ?? '', /nightly mode: generation is not run .*CJ_WITH_GENERATION=1/);
  }
  for (const id of ['RB-01', 'RB-07', 'RB-08', 'RB-12', 'RB-13']) assert.equal(run.byId(id).status, 'pass', summary(run));
  const stats = await simStats(sim.url, sim.adminToken);
  assert.equal(stats.generations, 0);
  assert.equal(stats.projects.live, 0, 'the nightly project is deleted too');
  // CJ_KEEP_TOKEN=1: only token.json stays, private, for the gate's load phase.
  assert.deepEqual(readdirSync(run.authDir), ['token.json']);
  assert.equal(statSync(join(run.authDir, 'token.json')).mode & 0o777, 0o600);
  const token = JSON.parse(readFileSync(join(run.authDir, 'token.json'), 'utf8')) as { access_token?: string };
  assert.ok(token.access_token && token.access_token.length > 10);
  const res = await fetch(`${sim.url}/api/runs/`, { headers: { authorization: `Bearer ${token.access_token}` } });
  assert.equal(res.status, 200, 'the kept token works');
});
