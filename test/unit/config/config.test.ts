import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, redactConfig, secretValues } from '../../../lib/config/index.ts';
import { GateError } from '../../../lib/errors.ts';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GateError, 'throws GateError');
    assert.equal(e.code, 'CONFIG');
    return e.problems;
  }
  assert.fail('expected a CONFIG error');
}

test('valid env gives defaults, trims the trailing slash and keeps thresholds', () => {
  const c = loadConfig({ env: { CJ_BASE_URL: 'http://127.0.0.1:8000/', CJ_EMAIL: 'a@b.co', CJ_PASSWORD: 'pw' } });
  assert.equal(c.baseUrl, 'http://127.0.0.1:8000');
  assert.equal(c.mode, 'post-deploy');
  assert.equal(c.outDir, 'reports');
  assert.equal(c.thresholds.apiP95.target, 200);
  assert.equal(c.thresholds.generation.alert, 120);
});

test('flags win over env', () => {
  const c = loadConfig({ env: { CJ_BASE_URL: 'http://a.example', CJ_MODE: 'nightly' }, flags: { baseUrl: 'https://b.example', mode: 'investigate' } });
  assert.equal(c.baseUrl, 'https://b.example');
  assert.equal(c.mode, 'investigate');
});

test('every problem is reported at once, naming the variable', () => {
  const problems = problemsOf(() =>
    loadConfig({
      env: { CJ_BASE_URL: 'not a url', CJ_MODE: 'weekly', CJ_API_P95_MS_ALERT: '-5', CJ_GENERATION_S_TARGET: 'abc', CJ_REQUEST_TIMEOUT_MS: 'x' },
      require: ['email', 'password'],
    }),
  );
  const text = problems.join('\n');
  for (const name of ['CJ_BASE_URL', 'CJ_MODE', 'CJ_API_P95_MS_ALERT', 'CJ_GENERATION_S_TARGET', 'CJ_REQUEST_TIMEOUT_MS', 'CJ_EMAIL', 'CJ_PASSWORD']) {
    assert.match(text, new RegExp(name), `names ${name}`);
  }
  assert.ok(problems.length >= 7, text);
});

test('missing target is named', () => {
  const problems = problemsOf(() => loadConfig({ env: {} }));
  assert.deepEqual(problems, ['CJ_BASE_URL (--target): is required']);
});

test('alert below target is refused', () => {
  const problems = problemsOf(() => loadConfig({ env: { CJ_BASE_URL: 'http://x.example', CJ_API_P95_MS_TARGET: '900' } }));
  assert.match(problems.join(), /CJ_API_P95_MS_ALERT: alert \(500\) must not be below target \(900\)/);
});

test('threshold overrides apply', () => {
  const c = loadConfig({ env: { CJ_BASE_URL: 'http://x.example', CJ_GENERATION_S_TARGET: '2', CJ_GENERATION_S_ALERT: '3.5' } });
  assert.equal(c.thresholds.generation.target, 2);
  assert.equal(c.thresholds.generation.alert, 3.5);
});

test('secrets are redacted when printed and listed for scrubbing', () => {
  const c = loadConfig({ env: { CJ_BASE_URL: 'http://x.example', CJ_EMAIL: 'a@b.co', CJ_PASSWORD: 'Sup3r-Secret!' } });
  const printed = JSON.stringify(redactConfig(c));
  assert.doesNotMatch(printed, /Sup3r-Secret!/);
  assert.match(printed, /"password":"\*\*\*"/);
  assert.deepEqual(secretValues(c), ['Sup3r-Secret!']);
});
