import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateWatch, initialWatchState, progressLine, recordPoll, type Poll, type WatchState } from '../../../watch/index.ts';

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

test('a window too short to trip in which /health never answered healthy is missing evidence, never a pass', () => {
  const s = fold([down(0), down(1000, 0)]);
  assert.equal(s.tripped, undefined, 'two failures do not trip');
  const r = evaluateWatch(s, { plannedPolls: 2, durationMs: 2000 });
  assert.equal(r.status, 'error');
  assert.match(r.message ?? '', /^\/health never answered healthy in 2 poll\(s\), too few to trip the trigger: no health signal/);
  assert.equal(evaluateWatch(fold([down(0), ok(1000)]), { plannedPolls: 2, durationMs: 2000 }).status, 'warn', 'one healthy answer is a signal');
});

const api404 = (at: number): Poll => ({ at, healthStatus: 200, healthOk: true, apiStatus: 404 });

test('an API probe that never answers 2xx is missing evidence, said from the first poll, and never a pass', () => {
  const polls = Array.from({ length: 10 }, (_, i) => api404(i * 1000));
  const first = recordPoll(initialWatchState, polls[0] as Poll);
  assert.match(progressLine(first, polls[0] as Poll, 10, '/api/health/db'), / · API probe \/api\/health\/db answered 404 — no API signal$/);
  const s = fold(polls);
  assert.equal(s.tripped, undefined, 'a 404 is not a rollback trigger');
  const r = evaluateWatch(s, { plannedPolls: 10, durationMs: 10_000, apiPath: '/api/health/db' });
  assert.equal(r.status, 'error', 'missing evidence: inconclusive, not promote and not a rollback no trigger fired');
  assert.match(r.message ?? '', /^API probe \/api\/health\/db never answered 2xx \(10 × 404\): no API signal, so a quiet window is no evidence/);
  const silent = recordPoll(initialWatchState, { at: 0, healthStatus: 200, healthOk: true, apiStatus: 0 });
  assert.match(progressLine(silent, { at: 0, healthStatus: 200, healthOk: true, apiStatus: 0 }, 3, '/api/health/db'), /API probe \/api\/health\/db gave no answer — no API signal/);
});

test('once the API probe has answered 2xx, later non-2xx polls are a warning, not a blind window', () => {
  const s = fold([ok(0), api404(1000), ok(2000)]);
  assert.doesNotMatch(progressLine(s, api404(1000), 3, '/api/health/db'), /no API signal/);
  const r = evaluateWatch(s, { plannedPolls: 3, durationMs: 3000, apiPath: '/api/health/db' });
  assert.equal(r.status, 'warn');
  assert.match(r.message ?? '', /API probe \/api\/health\/db answered 1 × 404 on 1 of 3 polls/);
});
