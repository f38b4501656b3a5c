/** verdict.json tells the version the target reported from the one expected, and carries each threshold as numbers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHistoryLine } from '../../../lib/history/line.ts';
import { buildVerdictDocument } from '../../../lib/report/document.ts';
import { renderMetrics } from '../../../lib/report/metrics.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

const results: CheckResult[] = [
  { id: 'RB-01', title: 'RB-01 health endpoint', severity: 'critical', status: 'pass', source: 'checks' },
  { id: 'RB-14', title: 'RB-14 API latency p95 under load (smoke)', severity: 'major', status: 'pass', measured: 41, unit: 'ms', threshold: 'target < 150 ms, alert > 400 ms', source: 'load' },
  { id: 'RB-15', title: 'RB-15 5xx share under load (smoke)', severity: 'critical', status: 'pass', measured: 0, unit: '%', threshold: 'rollback > 10 %', source: 'load' },
  { id: 'RB-17', title: 'RB-17 watch window', severity: 'critical', status: 'pass', threshold: 'fail on 3 consecutive health failures', source: 'watch' },
];
const at = new Date('2026-12-01T02:00:00Z');
const build = (versions: { reportedVersion?: string; expectedVersion?: string }) =>
  buildVerdictDocument({ command: 'gate', results, decision: decideVerdict(results), target: 'http://x', mode: 'nightly', startedAt: at, finishedAt: at, ...versions });

test('reportedVersion is what the target reported, absent when it reported none; version keeps its old meaning', () => {
  const both = build({ reportedVersion: '1.4.3', expectedVersion: '1.4.2' });
  assert.equal(both.reportedVersion, '1.4.3');
  assert.equal(both.expectedVersion, '1.4.2');
  assert.equal(both.version, '1.4.3');
  const expectedOnly = build({ expectedVersion: '1.4.2' });
  assert.equal('reportedVersion' in expectedOnly, false, 'nothing reported: no field, never the expected version');
  assert.equal(expectedOnly.version, '1.4.2', 'verdict.json readers of the old field see what they saw before');
  assert.equal(toHistoryLine(expectedOnly).version, null, 'the history files what the target said, not what was hoped for');
  assert.equal(toHistoryLine(expectedOnly).expectedVersion, '1.4.2');
  assert.match(renderMetrics(expectedOnly), /jumpstart_gate_run_info\{[^}]*version=""\} 1/);
  assert.match(renderMetrics(both), /jumpstart_gate_run_info\{[^}]*version="1\.4\.3"\} 1/);
});

test('each check carries its threshold as numbers when the text states them (overrides included), and nothing when it does not', () => {
  const checks = build({}).checks;
  assert.deepEqual(checks.map((c) => [c.id, c.target, c.alert]), [
    ['RB-01', undefined, undefined],
    ['RB-14', 150, 400],
    ['RB-15', undefined, 10],
    ['RB-17', undefined, undefined],
  ]);
  assert.equal(checks[1]?.threshold, 'target < 150 ms, alert > 400 ms', 'the text stays as it was');
  const line = toHistoryLine(build({}));
  assert.deepEqual([line.results[1]?.target, line.results[1]?.alert], [150, 400]);
  assert.match(renderMetrics(build({})), /jumpstart_gate_check_alert\{[^}]*id="RB-14"[^}]*\} 400\n/);
});
