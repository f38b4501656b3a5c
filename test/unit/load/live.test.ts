/** Candidate vs live, pure: the statistics, the ≤ target, the judgement, the report's overlay and threshold lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareLive } from '../../../load/live.ts';
import { evaluateLoad } from '../../../load/evaluate.ts';
import { fisherGreater, lnGamma } from '../../../load/stats.ts';
import { renderLoadHtml } from '../../../load/html.ts';
import { liveLine, timingLine } from '../../../load/lines.ts';
import { THRESHOLDS, describeThreshold, evaluateThreshold } from '../../../lib/runbook/thresholds.ts';
import { loadConfig } from '../../../lib/config/index.ts';
import type { LoadResult } from '../../../load/types.ts';
import { many, resultOf } from './fixtures.ts';

/** Latencies spread 5..15 ms (×factor), deterministic. */
const spread = (n: number, factor = 1, status = 200) => many(n, (i) => (5 + ((i * 37) % 100) / 10) * factor, { status });
const pair = (candidate: LoadResult, live: LoadResult): LoadResult => {
  const r = { ...candidate, target: 'http://127.0.0.1:1', live: { ...live, target: 'http://127.0.0.1:2' } };
  return { ...r, comparison: compareLive(r, r.live) };
};

test('thresholds: "target ≤ 1.2" is inclusive and says so; strict targets stay strict; overrides come from env', () => {
  const t = THRESHOLDS.liveP95Ratio;
  assert.deepEqual([1.1, 1.2, 1.2001, 1.5, 1.5001].map((v) => evaluateThreshold(v, t)), ['pass', 'pass', 'warn', 'warn', 'fail']);
  assert.equal(describeThreshold(t), 'target ≤ 1.2×, alert > 1.5×');
  assert.equal(evaluateThreshold(200, THRESHOLDS.apiP95), 'warn', 'RB-14 reads "p95 < 200 ms": 200 is not within target');
  const config = loadConfig({ env: { CJ_BASE_URL: 'http://localhost', CJ_LIVE_P95_RATIO_TARGET: '1.1', CJ_LIVE_P95_RATIO_ALERT: '2', CJ_LIVE_ERROR_RATE_PCT_ALERT: '5' } });
  assert.deepEqual([config.thresholds.liveP95Ratio.target, config.thresholds.liveP95Ratio.alert, config.thresholds.liveP95Ratio.inclusiveTarget], [1.1, 2, true]);
  assert.equal(config.thresholds.liveErrorRateDelta.alert, 5);
});

test('Fisher exact (one-sided) matches the hypergeometric sums; lnGamma matches factorials', () => {
  assert.ok(Math.abs(fisherGreater(3, 100, 0, 100) - 0.12311557788944724) < 1e-9);
  assert.ok(Math.abs(fisherGreater(5, 400, 1, 400) - 0.1084938919085755) < 1e-9);
  assert.ok(Math.abs(fisherGreater(30, 100, 0, 100) - 7.169551254436534e-11) < 1e-15);
  assert.ok(Math.abs(fisherGreater(2, 50, 3, 60) - 0.7561656108827538) < 1e-9);
  assert.equal(fisherGreater(0, 100, 0, 100), 1, 'no errors anywhere: nothing to see');
  assert.ok(Math.abs(lnGamma(11) - Math.log(3628800)) < 1e-9);
});

test('equal deployments compare as equal: pass, p95 ratio 1, no significance', () => {
  const r = pair(resultOf(spread(400)), resultOf(spread(400)));
  const c = r.comparison;
  assert.ok(c);
  assert.equal(c.status, 'pass');
  assert.equal(c.overall.p95Ratio, 1);
  assert.ok((c.overall.latency?.pValue ?? 0) > 0.5);
  assert.deepEqual(Object.keys(c.perRoute), ['/health', '/api/health/db']);
  const live = evaluateLoad(r, THRESHOLDS).filter((x) => /vs live/.test(x.title));
  assert.deepEqual(live.map((x) => [x.title, x.status, x.severity]), [['RB-14 latency vs live (unit)', 'pass', 'major'], ['RB-15 error rate vs live (unit)', 'pass', 'major']]);
});

test('a slower candidate: warn between 1.2 and 1.5, fail beyond, only when significant', () => {
  const warn = pair(resultOf(spread(400, 1.35)), resultOf(spread(400))).comparison;
  assert.equal(warn?.overall.latencyStatus, 'warn');
  const fail = pair(resultOf(spread(400, 1.6)), resultOf(spread(400)));
  assert.equal(fail.comparison?.status, 'fail');
  assert.ok((fail.comparison?.overall.latency?.pValue ?? 1) < 0.01);
  const rb14 = evaluateLoad(fail, THRESHOLDS).find((x) => x.title.startsWith('RB-14 latency vs live'));
  assert.equal(rb14?.status, 'fail');
  assert.equal(rb14?.measured, fail.comparison?.overall.p95Ratio);
  assert.equal(rb14?.threshold, 'target ≤ 1.2×, alert > 1.5×');
  assert.match(rb14?.message ?? '', /only a difference significant at p < 0\.01 is judged/);
  assert.match(rb14?.message ?? '', /Mann–Whitney p = .*\/api\/health\/db \(tested at p < 0\.005\): fail/);
  // twice as slow on five samples each: not significant, so not a regression claim
  const few = pair(resultOf(spread(6, 2)), resultOf(spread(6))).comparison;
  assert.equal(few?.overall.latencyStatus, 'pass');
  assert.match(few?.overall.reasons[0] ?? '', /not significant at p < 0\.01/);
  // an override applies to a saved comparison too: re-judged at evaluation
  const lenient = evaluateLoad(fail, { ...THRESHOLDS, liveP95Ratio: { ...THRESHOLDS.liveP95Ratio, alert: 3 } }).find((x) => x.title.startsWith('RB-14 latency vs live'));
  assert.equal(lenient?.status, 'warn');
});

test('error rate vs live: significantly higher fails; one error against none is not significant; no live samples is an error', () => {
  const bad = pair(resultOf([...spread(360), ...spread(40, 1, 503)]), resultOf(spread(400)));
  assert.equal(bad.comparison?.overall.errorRateStatus, 'fail');
  assert.equal(bad.comparison?.overall.errorRate.differencePct, 10);
  const one = pair(resultOf([...spread(399), ...spread(1, 1, 500)]), resultOf(spread(400)));
  assert.equal(one.comparison?.overall.errorRateStatus, 'pass');
  const empty = pair(resultOf(spread(400)), resultOf([]));
  assert.equal(empty.comparison?.status, 'error', 'nothing measured on live: missing evidence');
  assert.deepEqual(evaluateLoad(empty, THRESHOLDS).filter((x) => /vs live/.test(x.title)).map((x) => x.status), ['error', 'error']);
});

test('the report overlays both sides and draws RB-14 target and alert lines; lines give service time beside latency', () => {
  const r = pair(resultOf(spread(400, 20)), resultOf(spread(400, 18)));
  const html = renderLoadHtml(r);
  for (const want of [/live p95/, /candidate p95/, /stroke-dasharray="6 4"/, /RB-14 target 200 ms/, /RB-14 alert 500 ms/, /Candidate vs live: /, /service p95/, /2xx p95/]) assert.match(html, want);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!127\.0\.0\.1)/, 'still self-contained');
  // far below the thresholds: the chart keeps its detail and names the lines above its scale
  const fast = renderLoadHtml(resultOf(spread(100)));
  assert.match(fast, /RB-14 target 200 ms, RB-14 alert 500 ms ↑ \(above this scale\)/);
  assert.match(timingLine(r), /^latency p95 [\d.]+ ms \(intended start → done\) · service time p95 [\d.]+ ms \(sent → done\) · generator lag p99 0\.1 ms$/);
  assert.match(liveLine(r.comparison!), /^vs live http:\/\/127\.0\.0\.1:2: (pass|warn) · p95 [\d.]+ ms vs [\d.]+ ms/);
});
