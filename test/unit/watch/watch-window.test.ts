import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateWatch, initialWatchState, recordPoll, type Poll, type WatchState } from '../../../watch/index.ts';

const ok = (at: number): Poll => ({ at, healthStatus: 200, healthOk: true, apiStatus: 200 });
const down = (at: number, status = 503): Poll => ({ at, healthStatus: status, healthOk: false, apiStatus: 200 });
const apiErr = (at: number): Poll => ({ at, healthStatus: 200, healthOk: true, apiStatus: 500 });

function fold(polls: Poll[]): WatchState {
  return polls.reduce((s, p) => recordPoll(s, p), initialWatchState);
}

test('3 consecutive health failures trip; 2 then a success do not', () => {
  assert.equal(fold([down(0), down(1000), ok(2000), down(3000), down(4000)]).tripped, undefined);
  const s = fold([ok(0), down(1000), down(2000, 0), down(3000)]);
  assert.match(s.tripped ?? '', /^3 consecutive health check failures/);
  assert.equal(s.maxConsecutiveHealthFailures, 3);
});

test('a 200 that is not "healthy" is a health failure (healthOk false)', () => {
  const s = fold([{ at: 0, healthStatus: 200, healthOk: false, apiStatus: 200 }]);
  assert.equal(s.healthFailures, 1);
});

test('more than 10 5xx within 5 minutes trip; exactly 10 do not', () => {
  const ten = Array.from({ length: 10 }, (_, i) => apiErr(i * 1000));
  assert.equal(fold(ten).tripped, undefined);
  assert.match(fold([...ten, apiErr(10_000)]).tripped ?? '', /^11 5xx responses within 300 s/);
});

test('the 5xx window slides: old 5xx fall out after 300 s', () => {
  const early = Array.from({ length: 10 }, (_, i) => apiErr(i * 1000));
  const s = fold([...early, apiErr(301_000), apiErr(302_000)]);
  assert.equal(s.tripped, undefined, 'the early ten left the window');
  assert.equal(s.total5xx, 12);
  assert.equal(s.max5xxSeen, 10);
});

test('5xx from /health and the API route both count; a health 5xx is also a health failure', () => {
  const s = recordPoll(initialWatchState, { at: 0, healthStatus: 502, healthOk: false, apiStatus: 503 });
  assert.equal(s.total5xx, 2);
  assert.equal(s.consecutiveHealthFailures, 1);
});

test('recordPoll does not mutate its input state', () => {
  const before = JSON.stringify(initialWatchState);
  recordPoll(initialWatchState, down(0));
  assert.equal(JSON.stringify(initialWatchState), before);
});

test('evaluateWatch: tripped = critical fail, clean = pass, blips = warn, nothing = error, interrupted = error', () => {
  const info = { plannedPolls: 5, durationMs: 5000 };
  const tripped = evaluateWatch(fold([down(0), down(1), down(2)]), info);
  assert.equal(tripped.status, 'fail');
  assert.equal(tripped.severity, 'critical');
  assert.match(tripped.message ?? '', /rollback trigger: 3 consecutive/);
  assert.equal(evaluateWatch(fold([ok(0), ok(1)]), info).status, 'pass');
  assert.equal(evaluateWatch(fold([ok(0), down(1), ok(2)]), info).status, 'warn');
  assert.equal(evaluateWatch(initialWatchState, info).status, 'error');
  assert.equal(evaluateWatch(fold([ok(0)]), { ...info, interrupted: true }).status, 'error');
});
