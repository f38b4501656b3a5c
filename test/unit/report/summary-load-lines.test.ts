import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVerdictDocument } from '../../../lib/report/document.ts';
import { renderSummary } from '../../../lib/report/summary.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

const results: CheckResult[] = [{ id: 'RB-14', title: 'RB-14 latency vs live (post-deploy)', severity: 'major', status: 'fail', measured: 4.5, unit: '×', source: 'load' }];
const doc = buildVerdictDocument({
  command: 'load', results, decision: decideVerdict(results), target: 'http://127.0.0.1:9', mode: 'post-deploy',
  startedAt: new Date('2026-01-09T14:00:00Z'), finishedAt: new Date('2026-01-09T14:00:05Z'),
});

test('summary: the load lines (service time beside response time, generator lag, vs live) in their own section, after the table', () => {
  const load = [
    'post-deploy: latency p95 30.9 ms (intended start → done) · service time p95 28.3 ms (sent → done) · generator lag p99 8.5 ms',
    'post-deploy: vs live http://127.0.0.1:10: fail · p95 30.9 ms vs 6.8 ms (4.526×, p = 1.2e-7) · errors 0.000 % vs 0.000 %',
  ];
  const md = renderSummary(doc, { load });
  const at = md.indexOf('**Load**');
  assert.ok(at > md.indexOf('| RB-14 latency vs live'), 'below the table');
  assert.ok(md.includes(`- ${load[0]}\n- ${load[1]}\n`));
  assert.doesNotMatch(renderSummary(doc, {}), /\*\*Load\*\*/, 'no section without a load');
  assert.doesNotMatch(renderSummary(doc, { load: [] }), /\*\*Load\*\*/);
});
