import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { listenLoopback } from '../../support/loopback.ts';
import { LIMITS, loadConfig, parseBounded, plannedRequestsProblem, RULES } from '../../../lib/config/index.ts';
import { GateError } from '../../../lib/errors.ts';
import { parseArgv } from '../../../app/args.ts';
import { GATE_FLAGS, planGate, type GatePlan } from '../../../app/gate/setup.ts';

const BASE = { CJ_BASE_URL: 'http://127.0.0.1:9' };
const CREDS = { CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw' };

/** The gate's planning as one call: throws the usage error (exit 64) the pipeline would print. */
function setupGate(argv: string[], env: Record<string, string>): GatePlan {
  const r = planGate(parseArgv(argv, GATE_FLAGS), env);
  if (!r.plan) throw new GateError('CONFIG', 'invalid configuration', r.problems);
  return r.plan;
}

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GateError && e.code === 'CONFIG', String(e));
    return e.problems.join('\n');
  }
  assert.fail('expected a CONFIG error');
}

test('numbers are plain decimal literals: hex, exponent, Infinity, spaces, units and signs are refused by name', () => {
  for (const raw of ['0x10', '1e8', '1e3', 'Infinity', ' 12 ', '12abc', '-5', '+5', '.5', '5.', '1_000']) {
    const viaFlag = problemsOf(() => loadConfig({ env: BASE, flags: { loadRate: raw } }));
    assert.equal(viaFlag, `CJ_LOAD_RATE (--rate): must be a plain decimal number such as 2000 or 0.5, got ${JSON.stringify(raw)} (no exponent, hex, sign, spaces or units)`);
    const viaEnv = problemsOf(() => loadConfig({ env: { ...BASE, CJ_REQUEST_TIMEOUT_MS: raw } }));
    assert.match(viaEnv, /^CJ_REQUEST_TIMEOUT_MS \(--request-timeout-ms\): must be a plain decimal number/, raw);
  }
  const c = loadConfig({ env: { ...BASE, CJ_LOAD_RATE: '0.5', CJ_LOAD_DURATION_S: '12', CJ_PREFLIGHT_TIMEOUT_MS: '1500.25' } });
  assert.deepEqual([c.loadRate, c.loadDurationS, c.preflightTimeoutMs], [0.5, 12, 1500.25]);
  assert.match(problemsOf(() => loadConfig({ env: { ...BASE, CJ_LOAD_DURATION_S: '0' } })), /CJ_LOAD_DURATION_S \(--duration\): must be greater than 0, got 0/);
});

test('upper bounds: timeouts 10 min, durations 24 h, rate and rate cap 100,000/s; the edge itself is allowed', () => {
  const edge = loadConfig({ env: { ...BASE, CJ_REQUEST_TIMEOUT_MS: '600000', CJ_PREFLIGHT_TIMEOUT_MS: '600000', CJ_LOAD_DURATION_S: '86400', CJ_LOAD_RATE: '100000', CJ_RATE_CAP: '100000' } });
  assert.deepEqual([edge.requestTimeoutMs, edge.preflightTimeoutMs, edge.loadDurationS, edge.loadRate, edge.rateCap], [600_000, 600_000, 86_400, 100_000, 100_000]);
  const over = problemsOf(() =>
    loadConfig({ env: { ...BASE, CJ_REQUEST_TIMEOUT_MS: '600001', CJ_PREFLIGHT_TIMEOUT_MS: '2147483648', CJ_LOAD_DURATION_S: '86400.5', CJ_LOAD_RATE: '100001', CJ_RATE_CAP: '1000000' } }),
  );
  assert.deepEqual(over.split('\n'), [
    'CJ_REQUEST_TIMEOUT_MS (--request-timeout-ms): must be at most 600000 ms (10 min), got 600001',
    'CJ_PREFLIGHT_TIMEOUT_MS (--preflight-timeout-ms): must be at most 600000 ms (10 min), got 2147483648',
    'CJ_LOAD_DURATION_S (--duration): must be at most 86400 s (24 h), got 86400.5',
    'CJ_LOAD_RATE (--rate): must be at most 100000 requests/s, got 100001',
    'CJ_RATE_CAP (--rate-cap): must be at most 100000 requests/s, got 1000000',
  ]);
});

test('threshold overrides: decimal only, time thresholds at most 10 min, percentages at most 100', () => {
  const p = problemsOf(() =>
    loadConfig({ env: { ...BASE, CJ_API_P95_MS_ALERT: '1e3', CJ_DB_P95_MS_ALERT: '600001', CJ_GENERATION_S_ALERT: '601', CJ_ERROR_RATE_PCT_ALERT: '101', CJ_PAGE_LOAD_MS_TARGET: '0x10' } }),
  );
  assert.match(p, /^CJ_PAGE_LOAD_MS_TARGET: must be a plain decimal number such as 2000 or 0\.5, got "0x10"/m);
  assert.match(p, /^CJ_API_P95_MS_ALERT: must be a plain decimal number such as 2000 or 0\.5, got "1e3"/m);
  assert.match(p, /^CJ_DB_P95_MS_ALERT: must be at most 600000 ms \(10 min\), got 600001$/m);
  assert.match(p, /^CJ_GENERATION_S_ALERT: must be at most 600 s \(10 min\), got 601$/m);
  assert.match(p, /^CJ_ERROR_RATE_PCT_ALERT: must be at most 100 %, got 101$/m);
  const ok = loadConfig({ env: { ...BASE, CJ_ERROR_RATE_PCT_TARGET: '50', CJ_ERROR_RATE_PCT_ALERT: '100', CJ_GENERATION_S_ALERT: '600' } });
  assert.deepEqual([ok.thresholds.errorRate.alert, ok.thresholds.generation.alert], [100, 600]);
});

test('parseBounded and plannedRequestsProblem are the rules the schema applies', () => {
  assert.deepEqual(parseBounded('250', RULES.timeoutMs), { value: 250 });
  assert.ok('problem' in parseBounded('Infinity', RULES.rate));
  assert.equal(plannedRequestsProblem(100, 86_400), undefined, '8.64 million fits');
  assert.equal(plannedRequestsProblem(LIMITS.plannedRequests, 1), undefined, 'the edge fits');
  assert.match(plannedRequestsProblem(1000, 86_400) ?? '', /plans 86,400,000 requests, more than the 10,000,000 one run may send/);
});

test('the gate refuses a load plan above 10 million requests, whichever of rate and duration comes from the profile', () => {
  const route = ['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/health'];
  assert.match(problemsOf(() => setupGate([...route, '--rate', '1000', '--duration', '86400'], {})), /^load: rate × duration plans 86,400,000 requests/m);
  // The soak profile runs 600 s: a rate override alone can push it over.
  assert.match(problemsOf(() => setupGate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--profile', 'soak', '--rate', '20000'], {})), /plans 12,000,000 requests/);
  const fits = setupGate([...route, '--rate', '100', '--duration', '86400'], {});
  assert.equal(fits.load.profile.rate, 100);
});

test('--rate 1e8 and --request-timeout-ms 1e12: a usage error before any request reaches a listening target', async (t) => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('{}');
  });
  const { url: target, close } = await listenLoopback(server);
  t.after(close);
  for (const flags of [['--rate', '1e8'], ['--request-timeout-ms', '1e12']]) {
    const p = problemsOf(() => setupGate(['--target', target, '--mode', 'investigate', '--route', '/health', '--duration', '1', ...flags], CREDS));
    assert.match(p, new RegExp(`\\(${flags[0]}\\): must be a plain decimal number`), p);
  }
  // Let any stray connection land before counting.
  await new Promise((r) => setImmediate(r));
  assert.equal(requests, 0);
});
