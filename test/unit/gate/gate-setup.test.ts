import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgv } from '../../../app/args.ts';
import { planWatch } from '../../../app/commands/watch.ts';
import { GATE_FLAGS, planGate } from '../../../app/gate/setup.ts';
import { watchCommand } from '../../../app/commands/watch.ts';

const CREDS = { CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw' };
const gate = (argv: string[], env: Record<string, string> = {}) => planGate(parseArgv(argv, GATE_FLAGS), env);
const watch = (argv: string[], env: Record<string, string> = {}) => planWatch(parseArgv(argv, watchCommand.flags), env);

test('planGate: a valid post-deploy setup uses the post-deploy profile with overrides', () => {
  const { plan, problems } = gate(['--target', 'http://127.0.0.1:9/'], { ...CREDS, CJ_LOAD_DURATION_S: '3', CJ_LOAD_RATE: '20' });
  assert.deepEqual(problems, []);
  assert.equal(plan?.config.baseUrl, 'http://127.0.0.1:9');
  assert.equal(plan?.plan.runChecks, true);
  assert.equal(plan?.load.profile.name, 'post-deploy');
  assert.equal(plan?.load.profile.durationS, 3);
  assert.equal(plan?.load.profile.rate, 20);
});

test('planGate lists every problem at once: URL, credentials, threshold, mode', () => {
  const p = gate(['--target', 'not a url', '--mode', 'weekly'], { CJ_API_P95_MS_ALERT: '-1', CJ_GENERATION_S_TARGET: 'abc' }).problems.join('\n');
  for (const needle of ['CJ_BASE_URL', 'CJ_MODE', 'CJ_EMAIL', 'CJ_PASSWORD', 'CJ_API_P95_MS_ALERT', 'CJ_GENERATION_S_TARGET']) assert.ok(p.includes(needle), `names ${needle}:\n${p}`);
});

test('investigate: needs a profile or a route; a rate-limited route needs the explicit flag; --route only there', () => {
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate']).problems.join(), /needs --profile NAME or --route PATH/);
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/api/projects/', '--rate', '1', '--duration', '1'], CREDS).problems.join(), /rate-limits it/);
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--route', '/health'], CREDS).problems.join(), /--route: only with --mode investigate/);
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--profile', 'nope']).problems.join(), /"nope" is not one of/);
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/health']).problems.join('\n'), /--rate.*required with --route[\s\S]*--duration.*required with --route/);
  const { plan } = gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/api/health/db', '--rate', '7', '--duration', '2']);
  assert.deepEqual(plan?.load.profile.routes.map((r) => [r.path, r.auth]), [['/api/health/db', false]]);
  assert.equal(plan?.load.profile.rate, 7);
  assert.equal(plan?.plan.runChecks, false);
});

test('investigate needs credentials only for a route that needs a session; post-deploy and nightly always do', () => {
  assert.deepEqual(gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--profile', 'smoke']).problems, []);
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/api/runs/', '--rate', '1', '--duration', '1']).problems.join(), /CJ_EMAIL and CJ_PASSWORD: required to log in once for \/api\/runs\//);
  assert.match(gate(['--target', 'http://127.0.0.1:9', '--mode', 'nightly']).problems.join(), /CJ_EMAIL.*CJ_PASSWORD|CJ_PASSWORD.*CJ_EMAIL/s);
});

test('planWatch validates minutes, interval and the API route with the config', () => {
  const p = watch(['--minutes', '-2', '--interval', 'x', '--api-route', 'health']).problems.join('\n');
  for (const needle of ['--minutes', '--interval', '--api-route', 'CJ_BASE_URL']) assert.ok(p.includes(needle), `names ${needle}:\n${p}`);
  const { plan } = watch(['--target', 'http://127.0.0.1:9', '--minutes', '0.1', '--interval', '0.5']);
  assert.equal(plan?.minutes, 0.1);
  assert.equal(plan?.intervalS, 0.5);
  assert.equal(plan?.apiPath, '/api/health/db');
});
