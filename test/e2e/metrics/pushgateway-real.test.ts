/**
 * Metrics pushed to a real Pushgateway (Debian's prometheus-pushgateway on a free loopback port) and
 * read back from its /metrics as Prometheus scrapes them; a dead or stalled one is a bounded warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { renderMetrics } from '../../../lib/report/metrics.ts';
import { pushMetrics } from '../../../lib/report/pushgateway.ts';
import { buildVerdictDocument, type VerdictDocument } from '../../../lib/report/document.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';
import { scrape, startPushgateway } from './pushgateway-process.ts';

function run(p95: number, withDb: boolean): VerdictDocument {
  const results: CheckResult[] = [
    { id: 'RB-01', title: 'RB-01 health endpoint', severity: 'critical', status: 'pass', source: 'checks' },
    { id: 'RB-14', title: 'RB-14 API latency p95 under load (smoke)', severity: 'major', status: 'pass', measured: p95, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', source: 'load' },
  ];
  if (withDb) results.push({ id: 'RB-16', title: 'RB-16 database query latency p95 under load (smoke)', severity: 'minor', status: 'pass', measured: 3.25, unit: 'ms', threshold: 'target < 50 ms, alert > 200 ms', source: 'load' });
  const startedAt = new Date();
  return buildVerdictDocument({ command: 'gate', results, decision: decideVerdict(results), target: 'http://127.0.0.1:8000/app', mode: 'investigate', reportedVersion: '1.4.2', startedAt, finishedAt: new Date(startedAt.getTime() + 4200) });
}

/** Polls /proc until the process is in the stopped state (a signal takes effect asynchronously). */
async function stopped(pid: number): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const state = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(' ')[2];
    if (state === 'T') return;
    if (Date.now() > deadline) throw new Error(`process ${pid} not stopped after 5 s (state ${state})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const grouping = (d: VerdictDocument) => ({ target: d.target, mode: d.mode });
const series = (text: string, name: string) => text.split('\n').filter((l) => l.startsWith(`${name}{`));

test("RB-14's measured value reaches a real Pushgateway under job jumpstart_gate, grouped by target and mode", { timeout: 30_000 }, async (t) => {
  const pg = await startPushgateway(t);
  const doc = run(12.75, true);
  const outcome = await pushMetrics(pg.url, renderMetrics(doc), { grouping: grouping(doc), timeoutMs: 5000 });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.warning);
  const scraped = await scrape(pg.url);
  const rb14 = series(scraped, 'jumpstart_gate_check_measured').filter((l) => l.includes('id="RB-14"'));
  assert.equal(rb14.length, 1, scraped);
  assert.match(rb14[0] ?? '', /job="jumpstart_gate"/);
  assert.match(rb14[0] ?? '', /mode="investigate"/);
  assert.match(rb14[0] ?? '', /target="http:\/\/127\.0\.0\.1:8000\/app"/, 'the @base64 grouping value decoded');
  assert.match(rb14[0] ?? '', /\} 12\.75$/);
  for (const name of ['jumpstart_gate_verdict', 'jumpstart_gate_run_duration_seconds', 'jumpstart_gate_run_end_timestamp_seconds', 'jumpstart_gate_check_status']) {
    assert.ok(series(scraped, name).length > 0, `${name} scraped`);
  }
  assert.match(scraped, /push_failure_time_seconds\{[^}]*job="jumpstart_gate"[^}]*\} 0\n/, 'the Pushgateway accepted the push as consistent');
});

test('a later run replaces the whole group: no stale series from a check it did not report', { timeout: 30_000 }, async (t) => {
  const pg = await startPushgateway(t);
  const first = run(12.75, true);
  const second = run(20.5, false);
  assert.ok((await pushMetrics(pg.url, renderMetrics(first), { grouping: grouping(first), timeoutMs: 5000 })).ok);
  assert.ok((await pushMetrics(pg.url, renderMetrics(second), { grouping: grouping(second), timeoutMs: 5000 })).ok);
  const measured = series(await scrape(pg.url), 'jumpstart_gate_check_measured');
  assert.equal(measured.length, 1, measured.join('\n'));
  assert.match(measured[0] ?? '', /id="RB-14".*\} 20\.5$/);
});

test('a Pushgateway that refuses the metrics is a warning carrying its reason', { timeout: 30_000 }, async (t) => {
  const pg = await startPushgateway(t);
  const outcome = await pushMetrics(pg.url, 'jumpstart_gate_x{a="1"} 1 1700000000000\n', { grouping: { target: 't', mode: 'm' }, timeoutMs: 5000 });
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.warning, /HTTP 400: .*must not have timestamps/);
});

test('a dead Pushgateway (closed port) is a warning, and the run document and its metrics are unchanged', { timeout: 30_000 }, async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const doc = run(12.75, true);
  const before = structuredClone(doc);
  const text = renderMetrics(doc);
  const outcome = await pushMetrics(`http://user:secret-pw@127.0.0.1:${port}`, text, { grouping: grouping(doc), timeoutMs: 2000 });
  assert.equal(outcome.ok, false);
  const warning = outcome.ok ? '' : outcome.warning;
  assert.match(warning, new RegExp(`^metrics not pushed to the Pushgateway at http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
  assert.ok(!warning.includes('secret-pw'), 'credentials never printed');
  assert.deepEqual(doc, before);
  assert.equal(renderMetrics(doc), text);
});

test('a stalled Pushgateway is a warning within the request timeout', { timeout: 30_000 }, async (t) => {
  const pg = await startPushgateway(t);
  // Stopped, not killed: the kernel still accepts the connection, and nothing ever answers.
  // Its stop (registered by startPushgateway) sends SIGCONT before SIGTERM.
  process.kill(pg.pid, 'SIGSTOP');
  await stopped(pg.pid);
  const doc = run(12.75, true);
  const started = performance.now();
  const outcome = await pushMetrics(pg.url, renderMetrics(doc), { grouping: grouping(doc), timeoutMs: 500 });
  const elapsed = performance.now() - started;
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.warning, /timed out after 500 ms/);
  assert.ok(elapsed < 10_000, `bounded by the timeout, not by the Pushgateway (${Math.round(elapsed)} ms)`);
});
