import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GateError } from '../../../lib/errors.ts';
import { parseArgs } from '../../../app/args.ts';
import { setupGate } from '../../../app/gate/setup.ts';
import { setupWatch } from '../../../watch/setup.ts';

const CREDS = { CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw' };

function problems(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GateError && e.code === 'CONFIG', String(e));
    return e.problems;
  }
  assert.fail('expected a CONFIG error');
}

test('parseArgs: --flag value, --flag=value, booleans, unknown flags, missing values', () => {
  const a = parseArgs(['--target', 'http://x.example', '--mode=nightly', '--with-generation', '--route', '/health', '--bogus', '--out'], { route: { takesValue: true, help: '' } });
  assert.deepEqual(a.flags, { baseUrl: 'http://x.example', mode: 'nightly', withGeneration: true });
  assert.deepEqual(a.extra, { route: '/health' });
  assert.deepEqual(a.problems, ['unknown flag --bogus (see --help)', '--out: needs a value']);
});

test('setupGate: a valid post-deploy setup uses the post-deploy profile with overrides', () => {
  const s = setupGate(['--target', 'http://127.0.0.1:9/'], { ...CREDS, CJ_LOAD_DURATION_S: '3', CJ_LOAD_RATE: '20' });
  if (!('config' in s)) assert.fail('expected a setup');
  assert.equal(s.config.baseUrl, 'http://127.0.0.1:9');
  assert.equal(s.plan.runChecks, true);
  assert.equal(s.load.profile.name, 'post-deploy');
  assert.equal(s.load.profile.durationS, 3);
  assert.equal(s.load.profile.rate, 20);
});

test('setupGate lists every problem at once: URL, credentials, threshold, mode, flags', () => {
  const p = problems(() => setupGate(['--target', 'not a url', '--mode', 'weekly', '--frobnicate'], { CJ_API_P95_MS_ALERT: '-1', CJ_GENERATION_S_TARGET: 'abc' })).join('\n');
  for (const needle of ['--frobnicate', 'CJ_BASE_URL', 'CJ_MODE', 'CJ_EMAIL', 'CJ_PASSWORD', 'CJ_API_P95_MS_ALERT', 'CJ_GENERATION_S_TARGET']) assert.ok(p.includes(needle), `names ${needle}:\n${p}`);
});

test('investigate: needs a profile or a route; a rate-limited route needs the explicit flag; --route only there', () => {
  assert.match(problems(() => setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate'], {})).join(), /needs --profile NAME or --route PATH/);
  assert.match(problems(() => setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/api/projects/'], CREDS)).join(), /rate-limits it/);
  assert.match(problems(() => setupGate(['--target', 'http://127.0.0.1:9', '--route', '/health'], CREDS)).join(), /--route: only with --mode investigate/);
  assert.match(problems(() => setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--profile', 'nope'], {})).join(), /"nope" is not one of/);
  const s = setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/api/health/db', '--rate', '7', '--duration', '2'], {});
  if (!('config' in s)) assert.fail('expected a setup');
  assert.deepEqual(s.load.profile.routes.map((r) => [r.path, r.auth]), [['/api/health/db', false]]);
  assert.equal(s.load.profile.rate, 7);
  assert.equal(s.plan.runChecks, false);
});

test('investigate needs no credentials; post-deploy and nightly do', () => {
  assert.doesNotThrow(() => setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--profile', 'smoke'], {}));
  assert.match(problems(() => setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'nightly'], {})).join(), /CJ_EMAIL.*CJ_PASSWORD|CJ_PASSWORD.*CJ_EMAIL/s);
});

test('setupWatch validates minutes, interval and the API route with the config', () => {
  const p = problems(() => setupWatch(['--minutes', '-2', '--interval', 'x', '--api-route', 'health'], {})).join('\n');
  for (const needle of ['--minutes', '--interval', '--api-route', 'CJ_BASE_URL']) assert.ok(p.includes(needle), `names ${needle}:\n${p}`);
  const s = setupWatch(['--target', 'http://127.0.0.1:9', '--minutes', '0.1', '--interval', '0.5'], {});
  if (!('config' in s)) assert.fail('expected a setup');
  assert.equal(s.minutes, 0.1);
  assert.equal(s.intervalS, 0.5);
  assert.equal(s.apiPath, '/api/health/db');
});
