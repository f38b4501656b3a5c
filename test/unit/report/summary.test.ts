import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVerdictDocument } from '../../../lib/report/document.ts';
import { renderRollbackNotice } from '../../../lib/report/rollback.ts';
import { renderSummary, renderTable } from '../../../lib/report/summary.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

function doc(results: CheckResult[], version?: string) {
  return buildVerdictDocument({
    command: 'gate',
    results,
    decision: decideVerdict(results),
    target: 'https://cj.example.com',
    mode: 'post-deploy',
    ...(version ? { reportedVersion: version } : {}),
    expectedVersion: '1.4.2',
    startedAt: new Date('2026-01-09T14:00:00Z'),
    finishedAt: new Date('2026-01-09T14:03:30Z'),
  });
}

const pass: CheckResult = { id: 'RB-01', title: 'RB-01 health endpoint', severity: 'critical', status: 'pass', source: 'checks' };
const dbDown: CheckResult = { id: 'RB-05', title: 'RB-05 database connection', severity: 'critical', status: 'fail', message: 'HTTP 503 | database: disconnected', source: 'checks' };
const warn: CheckResult = { id: 'RB-14', title: 'RB-14 API latency p95', severity: 'major', status: 'warn', measured: 250, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', message: 'above target', source: 'load' };
const minorFail: CheckResult = { id: 'RB-12', title: 'RB-12 dashboard page load', severity: 'minor', status: 'fail', measured: 6000, unit: 'ms', source: 'checks' };

test('verdict.json has the documented fields', () => {
  const d = doc([pass, dbDown], '1.4.3');
  assert.equal(d.verdict, 'rollback');
  assert.equal(d.exitCode, 2);
  assert.equal(d.version, '1.4.3', 'the version the target reported wins');
  assert.equal(d.durationMs, 210_000);
  assert.equal(d.startedAt, '2026-01-09T14:00:00.000Z');
  assert.deepEqual(Object.keys(d.checks[1] ?? {}).sort(), ['id', 'message', 'severity', 'source', 'status', 'title']);
  assert.equal(doc([pass]).version, '1.4.2', 'falls back to the expected version');
});

test('summary: verdict headline, a row per check with pipes escaped, warnings and minor failures listed', () => {
  const md = renderSummary(doc([pass, warn, minorFail]), { reportsDir: '/tmp/reports' });
  assert.match(md, /^## ✅ Release gate: \*\*PROMOTE\*\* \(exit 0\)/);
  assert.match(md, /\| RB-14 API latency p95 \| major \| ⚠️ warn \| 250 ms \| target < 200 ms, alert > 500 ms \| above target \|/);
  assert.match(md, /\*\*Warnings\*\*\n\n- RB-14 API latency p95 \(major\): above target/);
  assert.match(md, /\*\*Minor failures \(reported, not blocking\)\*\*\n\n- RB-12/);
  assert.doesNotMatch(md, /ROLLBACK/);
  const rollback = renderSummary(doc([pass, dbDown], '1.4.3'));
  assert.match(rollback, /HTTP 503 \\\| database: disconnected/);
});

test('on rollback the summary carries the filled-in runbook notice', () => {
  const md = renderSummary(doc([pass, dbDown], '1.4.3'), { notify: 'rollback notice posted to the webhook (HTTP 200)' });
  assert.match(md, /```\n🚨 ROLLBACK REQUIRED: Deployment v1\.4\.3 must be rolled back due to RB-05 database connection \(critical\) failed: HTTP 503 \| database: disconnected\.\n/);
  assert.match(md, /decided 2026-01-09 14:03 UTC/);
  assert.match(md, /Notification: rollback notice posted/);
});

test('rollback notice: says a rollback is required, not done; version label and time', () => {
  const n = renderRollbackNotice({ version: 'v2.0.0', reasons: ['a', 'b'], finishedAt: '2026-01-09T14:03:30.000Z', target: 'https://x', checks: [] });
  assert.match(n, /^🚨 ROLLBACK REQUIRED: Deployment v2\.0\.0 must be rolled back due to a; b\.\n/);
  assert.match(n, /\nNot rolled back yet: the release gate changes nothing\. Follow the runbook's Rollback Procedures, then confirm the previous version is serving\.\n/);
  assert.doesNotMatch(n, /restored|Deployment \S+ rolled back/i, 'never claims the rollback happened');
  assert.match(n, /decided 2026-01-09 14:03 UTC by jumpstart-gate\.$/);
  assert.match(renderRollbackNotice({ version: null, reasons: [], finishedAt: '2026-01-09T14:03:30.000Z', target: 'https://x', checks: [] }), /Deployment \(version unknown\) must be rolled back due to a failed rollback trigger\./);
});

test('terminal table: one row per check and the verdict line', () => {
  const t = renderTable(doc([pass, dbDown]));
  const lines = t.split('\n');
  assert.match(lines[0] ?? '', /^check\s+severity\s+status\s+measured\s+detail$/);
  assert.ok(lines.some((l) => /^RB-05 database connection\s+critical\s+FAIL/.test(l)));
  assert.match(t, /verdict: ROLLBACK \(exit 2\) — RB-05/);
});
