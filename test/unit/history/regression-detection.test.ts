import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHistoryLine } from '../../../lib/history/line.ts';
import { findRegressions } from '../../../lib/history/regressions.ts';
import { orderRuns, seriesOf } from '../../../lib/history/series.ts';
import { median, robustScale, robustZ } from '../../../lib/history/stats.ts';
import { renderRegressionsText } from '../../../lib/history/text.ts';
import { runDoc, steadyNights, type RunSpec } from './runs.ts';

const regressionsOf = (specs: RunSpec[], options = {}) => findRegressions(seriesOf(orderRuns(specs.map((s) => toHistoryLine(runDoc(s))))), options);

test('median, MAD-based scale and robust z', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
  const s = robustScale([10, 11, 12, 13, 100]);
  assert.equal(s.median, 12);
  assert.equal(s.basis, 'mad');
  assert.ok(Math.abs(s.scale - 1.4826) < 1e-9, 'one outlier does not widen the spread');
  assert.ok(Math.abs(robustZ(17, s) - 5 / 1.4826) < 1e-9);
});

test('MAD = 0: the mean absolute deviation stands in, then the floor; never a division by zero', () => {
  const mostlySame = robustScale([0, 0, 0, 0, 0, 0, 0.5]);
  assert.equal(mostlySame.basis, 'mean-ad');
  assert.ok(mostlySame.scale > 0);
  const same = robustScale([40, 40, 40, 40, 40], 2);
  assert.deepEqual(same, { median: 40, scale: 2, basis: 'floor' });
  const none = robustScale([0, 0, 0, 0, 0]);
  assert.deepEqual(none, { median: 0, scale: 0, basis: 'none' });
  assert.equal(robustZ(0, none), 0);
  assert.equal(robustZ(0.1, none), Number.POSITIVE_INFINITY);
});

test('generation time jumping in the last run is listed at the top, since that run', () => {
  const nights = steadyNights(12);
  const last = nights.at(-1)!;
  last.generationS = 62; // still under the 90 s target: no status change, only the jump
  last.version = '1.4.3';
  const found = regressionsOf(nights);
  assert.equal(found.length, 1, renderRegressionsText(found, 12));
  const r = found[0]!;
  assert.equal(r.kind, 'jump');
  assert.equal(r.id, 'RB-09');
  assert.equal(r.since.run, 12);
  assert.equal(r.since.version, '1.4.3');
  assert.ok(r.kind === 'jump' && r.z > 3.5 && r.baselineRuns === 10);
  const text = renderRegressionsText(found, 12);
  assert.match(text, /^1 regression in 12 runs:\n- RB-09 generate 30 posts: 62 s in run 12, far above the median [\d.]+ s of its previous 10 runs \(robust z [\d.]+\); since run 12 \(2026-11-12 02:01 UTC, version 1\.4\.3\)$/);
});

test('a rise that began earlier is dated from its first run; ordinary noise, drops and thin history are not flagged', () => {
  const nights = steadyNights(14);
  for (const n of nights.slice(-3)) n.apiP95Ms = 95;
  const [r] = regressionsOf(nights);
  assert.equal(r?.id, 'RB-14');
  assert.equal(r?.since.run, 12);
  assert.deepEqual(regressionsOf(steadyNights(14)), []);
  const drop = steadyNights(12);
  drop.at(-1)!.apiP95Ms = 5;
  assert.deepEqual(regressionsOf(drop), []);
  const thin = steadyNights(4);
  thin.at(-1)!.generationS = 80;
  assert.deepEqual(regressionsOf(thin), [], 'three previous values say nothing about usual');
});

test('a figure that never moved: jitter below the floor is quiet, a real jump is flagged', () => {
  const flat = Array.from({ length: 11 }, (_, i) => ({ at: i * 1440, apiP95Ms: 40 }));
  flat.at(-1)!.apiP95Ms = 42; // +5 %: within 5 % of the median / 1 % of the target
  assert.deepEqual(regressionsOf(flat), []);
  flat.at(-1)!.apiP95Ms = 60;
  const [r] = regressionsOf(flat);
  assert.ok(r?.kind === 'jump' && r.basis === 'floor' && Number.isFinite(r.z));
});

test('pass turning to warn then fail is listed from the run where it started, with the last pass', () => {
  const nights = steadyNights(8);
  nights[5]!.pageLoadMs = 2500; // warn
  nights[6]!.pageLoadMs = 6000; // fail
  nights[7]!.pageLoadMs = 6100;
  const found = regressionsOf(nights, { minBaseline: 100 });
  assert.equal(found.length, 1);
  const r = found[0]!;
  assert.ok(r.kind === 'status');
  assert.equal(r.to, 'fail');
  assert.equal(r.since.run, 6);
  assert.equal(r.lastPass.run, 5);
  assert.equal(r.mixed, true);
  assert.match(renderRegressionsText(found, 8), /RB-12 dashboard page load: fail in run 8, not passing since run 6 \(.*\); last pass in run 5/, 'run 6 was a warning, not a failure');
  nights[5]!.pageLoadMs = 6050;
  const steady = regressionsOf(nights, { minBaseline: 100 });
  assert.match(renderRegressionsText(steady, 8), /RB-12 dashboard page load: fail since run 6 \(.*\); last pass in run 5/, 'failing in every run since');
});

test('status: skip and error neither end nor start a streak; never passed is no turn; a recovered check is quiet', () => {
  const db = (statuses: Array<'pass' | 'fail' | 'error' | 'skip'>) => regressionsOf(statuses.map((s, i) => ({ at: i * 60, db: s })));
  const [r] = db(['pass', 'fail', 'error', 'skip', 'fail']);
  assert.ok(r?.kind === 'status' && r.since.run === 2 && r.last.run === 5 && r.lastPass.run === 1);
  assert.deepEqual(db(['fail', 'fail', 'fail']), []);
  assert.deepEqual(db(['pass', 'fail', 'pass']), []);
  assert.deepEqual(db(['pass', 'pass', 'error']), [], 'missing evidence is the verdict\'s business, not a regression');
});

test('newest first; runs ordered by end time whatever the file order', () => {
  const nights = steadyNights(12);
  nights.at(-1)!.generationS = 70;
  nights[9]!.db = 'fail';
  nights[10]!.db = 'fail';
  nights[11]!.db = 'fail';
  const shuffled = [nights[3]!, ...nights.filter((_, i) => i !== 3)];
  const found = regressionsOf(shuffled);
  assert.deepEqual(found.map((r) => [r.id, r.since.run]), [['RB-09', 12], ['RB-05', 10]]);
});

test('nothing to list reads as such', () => {
  assert.equal(renderRegressionsText([], 0), 'No runs in the history: nothing to compare.');
  assert.equal(renderRegressionsText([], 1), 'No regressions in 1 run.');
});
