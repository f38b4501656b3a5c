/** A 429 pauses its route for Retry-After (capped), is counted apart from errors, and is reported, never hidden. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLoad } from '../../../load/run.ts';
import { evaluateLoad } from '../../../load/evaluate.ts';
import { RATE_LIMIT_PAUSE, retryAfterPause } from '../../../load/retry-after.ts';
import { THRESHOLDS } from '../../../lib/runbook/thresholds.ts';
import { json, startServer } from './servers.ts';

const LIMITED = '/api/projects/';
const routes = [{ path: '/health', method: 'GET' as const, weight: 1, auth: false }, { path: LIMITED, method: 'GET' as const, weight: 1, auth: false }];

test('Retry-After: seconds or an HTTP date, floored and capped; none → the default', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  assert.deepEqual(retryAfterPause('5', now), { pauseMs: 5000, raw: '5' });
  assert.deepEqual(retryAfterPause(undefined, now), { pauseMs: RATE_LIMIT_PAUSE.defaultS * 1000, raw: null });
  assert.equal(retryAfterPause('0', now).pauseMs, 1000, 'never hammer a limiter that says "now"');
  assert.equal(retryAfterPause('3600', now).pauseMs, RATE_LIMIT_PAUSE.maxS * 1000, 'an hour-long window does not silence the run');
  assert.equal(retryAfterPause(new Date(now + 20_000).toUTCString(), now).pauseMs, 20_000);
  assert.equal(retryAfterPause('soon', now).pauseMs, RATE_LIMIT_PAUSE.defaultS * 1000);
});

test('a 429 pauses only its route for its Retry-After; the 429 and the skipped sends are counted, not errors', { timeout: 20_000 }, async (t) => {
  let limitedHits = 0;
  const srv = await startServer((req, res) => {
    if (req.url === LIMITED && ++limitedHits === 3) return json(res, 429, { error: 'Rate limit exceeded: 100 per 1 hour' }, { 'retry-after': '1' });
    json(res, 200, { ok: true });
  });
  t.after(() => srv.close());
  const r = await runLoad({ target: srv.url, routes, rate: 40, durationS: 1.5, rateCap: 50, allowRateLimited: true, timeoutMs: 2000 });
  const limited = r.perRoute[LIMITED];
  const health = r.perRoute['/health'];
  assert.ok(limited && health);
  assert.equal(limited.requests.rateLimited, 1);
  assert.equal(limited.requests.errors, 0, 'a 429 is not a server error');
  assert.equal(limited.statusCounts['429'], 1);
  // 20 sends/s on the route, paused 1 s from the 429's arrival: at most 21 skipped; fewer when the 429 comes
  // late on a busy machine (the pause then runs past the end of the schedule) or a late tick fires after it
  assert.ok(limited.requests.rateLimitSkipped >= 10 && limited.requests.rateLimitSkipped <= 21, `skipped ${limited.requests.rateLimitSkipped}`);
  assert.equal(limited.requests.sent + limited.requests.rateLimitSkipped, 30, 'every intended send is sent or skipped');
  assert.equal(srv.seen.filter((s) => s.path === LIMITED).length, limited.requests.sent, 'skipped sends never reached the target');
  assert.equal(health.requests.sent, 30, 'the other route kept its schedule');
  assert.deepEqual(r.rateLimitPauses.map((p) => [p.path, p.pauseS, p.retryAfter]), [[LIMITED, 1, '1']]);
  assert.equal(r.errorRate, 0);
  assert.ok(r.notes.some((n) => /rate limited: 1 × 429 on \/api\/projects\//.test(n)));
  const rb15 = evaluateLoad(r, THRESHOLDS).find((x) => x.title.startsWith('RB-15 error rate'));
  assert.equal(rb15?.status, 'error', `about a third of the plan was not measured: no evidence (${rb15?.message})`);
  assert.match(rb15?.message ?? '', /rate limited: 1 × 429 on \/api\/projects\/, \d+ send\(s\) skipped while paused/);
});

test('no Retry-After: the default pause, said so', { timeout: 20_000 }, async (t) => {
  const srv = await startServer((req, res) => (req.url === LIMITED ? json(res, 429, { error: 'Rate limit exceeded' }) : json(res, 200, {})));
  t.after(() => srv.close());
  const r = await runLoad({ target: srv.url, routes, rate: 20, durationS: 1, rateCap: 50, allowRateLimited: true });
  assert.deepEqual(r.rateLimitPauses.map((p) => [p.pauseS, p.retryAfter]), [[RATE_LIMIT_PAUSE.defaultS, null]]);
  assert.equal(r.perRoute[LIMITED]?.requests.rateLimited, 1, 'one 429, then the route stays paused for the rest of the run');
  assert.equal(r.perRoute[LIMITED]?.requests.rateLimitSkipped, 9);
});
