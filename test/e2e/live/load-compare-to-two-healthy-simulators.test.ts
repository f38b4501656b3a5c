/**
 * `load --compare-to` through the bin, two healthy simulators: they compare as equal (pass, p95 ratio near 1,
 * exit 0), and the two "vs live" results reach verdict.json, JUnit and summary.md like every result, with
 * service time beside response time. The route that needs a session is left out on both sides and said so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import type { LoadResult } from '../../../load/types.ts';
import { SIM_EMAIL, SIM_PASSWORD, cleanEnv, junitSchemaErrors, readVerdict, runBin } from '../../support/gate.ts';

test('two healthy simulators compare as equal: pass, p95 ratio near 1, exit 0; every output carries the comparison', { timeout: 90_000 }, async (t) => {
  const [candidate, live] = await Promise.all([startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD }), startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD })]);
  t.after(() => Promise.all([candidate.close(), live.close()]));
  const out = await mkdtemp(join(tmpdir(), 'compare-healthy-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  // Credentials are set, as in CI: compare mode must still never log in anywhere. Overridden thresholds
  // must reach the comparison in the JSON and the HTML chart's lines, not only the verdict.
  const overrides = { CJ_API_P95_MS_TARGET: '150', CJ_API_P95_MS_ALERT: '400', CJ_LIVE_P95_RATIO_TARGET: '1.3', CJ_LIVE_P95_RATIO_ALERT: '1.6' };
  const env = cleanEnv({ CJ_EMAIL: SIM_EMAIL, CJ_PASSWORD: SIM_PASSWORD, CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '4', CJ_LOAD_RATE: '40', CJ_COMPARE_TO: live.url, ...overrides });
  const r = await runBin('load', ['--target', candidate.url, '--profile', 'post-deploy'], env, 60_000);
  assert.equal(r.code, 0, r.stdout + r.stderr);

  const result = JSON.parse(await readFile(join(out, 'load', 'post-deploy.json'), 'utf8')) as LoadResult;
  const c = result.comparison;
  assert.ok(c && result.live, 'compare mode: the live side and the comparison in the result JSON');
  t.diagnostic(`${c.summary}; lag p99 ${result.schedulingLagMs.p99} ms`);
  assert.equal(result.requests.sent, 160);
  assert.equal(result.live.requests.sent, 160, 'the same schedule to both');
  assert.equal(c.status, 'pass');
  assert.ok(c.overall.p95Ratio !== null && c.overall.p95Ratio > 0.67 && c.overall.p95Ratio < 1.5, `p95 ratio ${c.overall.p95Ratio}`);
  assert.match(c.thresholds.p95Ratio, /1\.3.*1\.6/, 'judged with the configured thresholds');
  assert.ok(result.serviceTimeMs.p95 !== null && result.perRoute['/health']?.serviceTimeMs.p95 !== null, 'serviceTimeMs overall and per route');

  const verdict = await readVerdict(out);
  assert.equal(verdict.verdict, 'promote');
  const vsLive = verdict.checks.filter((x) => x.title.includes('vs live'));
  assert.deepEqual(vsLive.map((x) => [x.title, x.status]), [['RB-14 latency vs live (post-deploy)', 'pass'], ['RB-15 error rate vs live (post-deploy)', 'pass']]);
  assert.equal(vsLive[0]?.measured, c.overall.p95Ratio);
  assert.match(vsLive[0]?.threshold ?? '', /1\.3.*1\.6/);

  const junit = await readFile(join(out, 'junit.xml'), 'utf8');
  assert.match(junit, /<testcase [^>]*name="RB-14 latency vs live \(post-deploy\)"/);
  assert.match(junit, /<testcase [^>]*name="RB-15 error rate vs live \(post-deploy\)"/);
  assert.deepEqual(await junitSchemaErrors(junit), []);

  const summary = await readFile(join(out, 'summary.md'), 'utf8');
  assert.match(summary, /\| RB-14 latency vs live \(post-deploy\) \| major \| ✅ pass \|/);
  assert.match(summary, /^- post-deploy: latency p95 [\d.]+ ms \(intended start → done\) · service time p95 [\d.]+ ms \(sent → done\) · generator lag p99 [\d.]+ ms$/m);
  assert.ok(summary.includes(`- post-deploy: vs live ${live.url}: pass · p95 `), 'the vs-live line');
  assert.ok(summary.includes(`- post-deploy: /api/runs/ left out of the comparison (on both sides): it needs a session, and credentials never go to ${live.url}`));
  assert.ok(result.notes.some((n) => n.startsWith('/api/runs/ left out of the comparison')), 'the result says so too');
  assert.match(r.stdout, /load post-deploy: vs live http:\/\/127\.0\.0\.1:\d+: pass/, 'and the console');
  const html = await readFile(join(out, 'load', 'post-deploy.html'), 'utf8');
  assert.match(html, /Candidate vs live: pass/);
  assert.ok(html.includes('RB-14 target 150 ms') && html.includes('RB-14 alert 400 ms'), 'the chart draws the configured RB-14 lines');
  assert.ok(!html.includes('RB-14 target 200 ms'), 'not the default ones');

  for (const [side, sim] of [['candidate', candidate], ['live', live]] as const) {
    const s = sim.stats();
    assert.equal(s.logins, 0, `no login on the ${side}`);
    assert.deepEqual(Object.keys(s.requests).sort(), ['GET /api/health/db', 'GET /health'], `only the routes without a session on the ${side}`);
  }
});
