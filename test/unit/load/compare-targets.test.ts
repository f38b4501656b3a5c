/** Compare mode sends one schedule to two deployments, each with only its own credentials and pool. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLoad } from '../../../load/run.ts';
import { GateError } from '../../../lib/errors.ts';
import { json, startServer } from './servers.ts';

const RUNS = { path: '/api/runs/', method: 'GET' as const, weight: 1, auth: true };
const HEALTH = { path: '/health', method: 'GET' as const, weight: 1, auth: false };

test('interleaved send by send: both deployments get the same schedule, each only its own token', { timeout: 20_000 }, async (t) => {
  const candidate = await startServer((_req, res) => json(res, 200, []));
  const live = await startServer((_req, res) => json(res, 200, []));
  t.after(() => Promise.all([candidate.close(), live.close()]));
  const r = await runLoad({ target: candidate.url, compareTo: live.url, routes: [HEALTH, RUNS], rate: 20, durationS: 1, token: 'candidate-token', compareToken: 'live-token', rateCap: 50, allowRateLimited: false });
  assert.ok(r.live && r.comparison);
  assert.equal(r.target, candidate.url);
  assert.equal(r.live.target, live.url);
  for (const path of ['/health', '/api/runs/']) {
    assert.equal(r.perRoute[path]?.requests.sent, 10, `candidate ${path}`);
    assert.equal(r.live.perRoute[path]?.requests.sent, 10, `live ${path}`);
  }
  assert.deepEqual(new Set(candidate.seen.filter((s) => s.path === '/api/runs/').map((s) => s.authorization)), new Set(['Bearer candidate-token']));
  assert.deepEqual(new Set(live.seen.filter((s) => s.path === '/api/runs/').map((s) => s.authorization)), new Set(['Bearer live-token']), 'the candidate\'s token never reaches the live origin');
  assert.ok(candidate.seen.filter((s) => s.path === '/health').every((s) => s.authorization === undefined), 'no token on routes that need none');
  assert.doesNotMatch(JSON.stringify(r), /candidate-token|live-token/, 'no token in the result');
  assert.equal(r.startedAtEpochMs, r.live.startedAtEpochMs, 'one schedule, one t=0');
});

test('compare mode refusals: the live side needs its own token, the open engine, another origin, and the same caps', async () => {
  const problems = async (o: Partial<Parameters<typeof runLoad>[0]>): Promise<string> =>
    runLoad({ target: 'http://127.0.0.1:9', routes: [HEALTH, RUNS], rate: 80, durationS: 1, token: 't', rateCap: 50, allowRateLimited: false, ...o }).then(
      () => assert.fail('should be refused before anything is sent'),
      (e: unknown) => {
        assert.ok(e instanceof GateError && e.code === 'CONFIG', String(e));
        return e.problems.join('\n');
      },
    );
  const text = await problems({ compareTo: 'https://live.example.com' });
  assert.match(text, /compare-to: route \/api\/runs\/ needs a bearer token of the live deployment/);
  assert.match(text, /compare-to: rate: 80 req\/s against a non-loopback target exceeds the cap of 50/, 'the rate cap applies to the live side too');
  assert.match(await problems({ compareTo: 'http://127.0.0.1:9/x', compareToken: 'l' }), /is the target itself/);
  assert.match(await problems({ compareTo: 'http://127.0.0.1:8', compareToken: 'l', engine: 'closed' }), /only with the open engine/);
  assert.match(await problems({ compareTo: 'ftp://x', compareToken: 'l' }), /compare-to: must be http\(s\)/);
});
