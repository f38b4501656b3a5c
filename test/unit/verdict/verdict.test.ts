import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict, failingIds } from '../../../lib/verdict/decide.ts';
import { markAll, requireEvidence } from '../../../lib/verdict/evidence.ts';
import type { CheckResult, CheckStatus, Severity } from '../../../lib/verdict/types.ts';
import { EXIT } from '../../../lib/errors.ts';

function r(id: string, severity: Severity, status: CheckStatus, message?: string): CheckResult {
  return { id, title: `${id} title`, severity, status, source: 'checks', ...(message ? { message } : {}) };
}

test('all pass → promote with no reasons', () => {
  const d = decideVerdict([r('RB-01', 'critical', 'pass'), r('RB-06', 'major', 'pass'), r('RB-12', 'minor', 'pass')]);
  assert.equal(d.verdict, 'promote');
  assert.deepEqual(d.reasons, []);
});

test('a critical failure → rollback, naming it; it wins over major failures and errors', () => {
  const d = decideVerdict([r('RB-06', 'major', 'fail'), r('RB-05', 'critical', 'fail', 'database: disconnected'), r('RB-07', 'critical', 'error')]);
  assert.equal(d.verdict, 'rollback');
  assert.equal(d.reasons.length, 1);
  assert.match(d.reasons[0] ?? '', /RB-05 title \(critical\) failed: database: disconnected/);
  assert.deepEqual(d.failed.map((x) => x.id), ['RB-05', 'RB-06'], 'most severe first');
});

test('a major failure without critical → hold, even with an error elsewhere', () => {
  assert.equal(decideVerdict([r('RB-09', 'major', 'fail'), r('RB-07', 'critical', 'error'), r('RB-01', 'critical', 'pass')]).verdict, 'hold');
});

test('minor failures and warnings promote, and are listed', () => {
  const d = decideVerdict([r('RB-12', 'minor', 'fail'), r('RB-14', 'major', 'warn'), r('RB-01', 'critical', 'pass')]);
  assert.equal(d.verdict, 'promote');
  assert.deepEqual(d.failed.map((x) => x.id), ['RB-12']);
  assert.deepEqual(d.warned.map((x) => x.id), ['RB-14']);
});

test('an error with nothing blocking failed → inconclusive; skips never promote on their own', () => {
  assert.equal(decideVerdict([r('RB-01', 'critical', 'pass'), r('RB-07', 'critical', 'error', 'no browser')]).verdict, 'inconclusive');
  assert.equal(decideVerdict([r('RB-12', 'minor', 'fail'), r('RB-16', 'minor', 'error')]).verdict, 'inconclusive');
  assert.equal(decideVerdict([]).verdict, 'inconclusive', 'no evidence at all is never a promote');
});

test('verdicts map to the documented exit codes', () => {
  assert.deepEqual(EXIT, { promote: 0, hold: 1, rollback: 2, inconclusive: 3, usage: 64 });
});

test('requireEvidence turns every missing id into an error naming the cause', () => {
  const out = requireEvidence([r('RB-01', 'critical', 'pass')], ['RB-01', 'RB-07', 'RB-12'], 'gate', (id) => `no result for ${id}`);
  assert.equal(out.length, 3);
  const rb07 = out.find((x) => x.id === 'RB-07');
  assert.equal(rb07?.status, 'error');
  assert.equal(rb07?.severity, 'critical', 'severity from the catalog');
  assert.equal(rb07?.message, 'no result for RB-07');
  assert.equal(decideVerdict(out).verdict, 'inconclusive');
});

test('failingIds = fail or error, unique and sorted', () => {
  assert.deepEqual(failingIds([r('RB-15', 'critical', 'fail'), r('RB-15', 'critical', 'pass'), r('RB-04', 'critical', 'error'), r('RB-12', 'minor', 'warn'), r('RB-09', 'major', 'skip')]), ['RB-04', 'RB-15']);
});

test('markAll marks every id with the catalog severity', () => {
  const out = markAll(['RB-09', 'RB-17'], 'gate', 'skip', 'nightly');
  assert.deepEqual(out.map((x) => [x.id, x.severity, x.status]), [['RB-09', 'major', 'skip'], ['RB-17', 'critical', 'skip']]);
});
