import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operationCount } from '../../../checks/api/swagger.ts';
import { distinct } from '../../../checks/browser/events.ts';
import { priceText } from '../../../checks/browser/wizard-page.ts';
import { judgeThreshold } from '../../../checks/support/outcome.ts';

test('RB-13: each error once, with every check and page that met it', () => {
  const lines = distinct([
    { check: 'RB-08', kind: 'console error', text: 'boom', url: '/dashboard/wizard' },
    { check: 'RB-07', kind: 'console error', text: 'boom', url: '/login' },
    { check: 'RB-08', kind: 'console error', text: 'boom', url: '/dashboard/wizard' },
    { check: 'RB-11', kind: 'dialog', text: 'alert: Failed to download file. Please try again.', url: '/dashboard/deliverables' },
    { check: 'RB-09', kind: '5xx response', text: '500 GET /api/runs/run-1', url: 'http://elsewhere.example/x' },
  ]);
  assert.deepEqual(lines, [
    '[RB-08 at /dashboard/wizard, RB-07 at /login] console error: boom',
    '[RB-11 at /dashboard/deliverables] dialog: alert: Failed to download file. Please try again.',
    '[RB-09 at http://elsewhere.example/x] 5xx response: 500 GET /api/runs/run-1',
  ]);
});

test('RB-08: the Templates price as any locale writes it', () => {
  const re = new RegExp(`^${priceText(1200).source}$`);
  for (const ok of ['$1,200', '$1.200', '$1200', '$1\u202f200', '$1\u00a0200']) assert.match(ok, re, ok);
  for (const bad of ['$120', '$12,000', '$1,2000']) assert.doesNotMatch(bad, re, bad);
  assert.match('$40', new RegExp(`^${priceText(40).source}$`));
  assert.match('$1,200,000', new RegExp(`^${priceText(1_200_000).source}$`));
});

test('RB-02: operations of an OpenAPI document are its method entries', () => {
  assert.equal(operationCount({ paths: { '/a': { get: {}, post: {}, parameters: [] }, '/b': { delete: {} }, '/c': {} } }), 3);
  assert.equal(operationCount({}), 0);
});

test('RB-09 and RB-12: one threshold judgement, its message saying warn or fail with the value and the thresholds', () => {
  const t = { id: 'RB-09', metric: 'generation time for 30 posts', unit: 's', target: 90, alert: 120, env: 'CJ_GENERATION_S' } as const;
  assert.deepEqual(judgeThreshold(42.12345, t, 'generation took'), { state: 'pass', measured: 42.12345, unit: 's', threshold: 'target < 90 s, alert > 120 s', shown: '42.123 s' });
  assert.equal(judgeThreshold(100, t, 'generation took').state, 'warn');
  assert.equal(judgeThreshold(100, t, 'generation took').message, 'generation took 100 s is above the target (target < 90 s, alert > 120 s)');
  assert.equal(judgeThreshold(121, t, 'generation took').state, 'fail');
  assert.equal(judgeThreshold(121, t, 'generation took').message, 'generation took 121 s exceeds the alert threshold (target < 90 s, alert > 120 s)');
});
