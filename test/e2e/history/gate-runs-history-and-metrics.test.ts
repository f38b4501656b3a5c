/**
 * Two real gate runs (load only, against the simulator) filed the way the finish step files them:
 * each run's verdict.json appended to a history file and its metrics pushed to a real Pushgateway;
 * then the trend page drawn from that file. A dead Pushgateway changes nothing but a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import { appendHistory } from '../../../lib/history/append.ts';
import { readHistory } from '../../../lib/history/read.ts';
import { writeTrend } from '../../../lib/history/trend.ts';
import type { VerdictDocument } from '../../../lib/report/document.ts';
import { renderMetrics } from '../../../lib/report/metrics.ts';
import { pushMetrics } from '../../../lib/report/pushgateway.ts';
import { gateEnv, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION } from '../../support/gate.ts';
import { scrape, startPushgateway } from '../metrics/pushgateway-process.ts';

async function gateRun(url: string, outDir: string): Promise<{ doc: VerdictDocument; raw: string }> {
  const run = await runBin('gate', ['--mode', 'investigate', '--profile', 'smoke', '--duration', '2', '--rate', '10'], gateEnv(url, outDir), 60_000);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  const raw = await readFile(join(outDir, 'verdict.json'), 'utf8');
  return { doc: JSON.parse(raw) as VerdictDocument, raw };
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

test('two gate runs: two history lines, RB-14 on a real Pushgateway, a trend page with an RB-14 chart', { timeout: 180_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'gate-history-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const sim = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const pg = await startPushgateway(t);
  const history = join(dir, 'history.jsonl');

  const docs: VerdictDocument[] = [];
  for (const n of [1, 2]) {
    const { doc } = await gateRun(sim.url, join(dir, `run-${n}`));
    docs.push(doc);
    const filed = await appendHistory(history, doc);
    assert.ok(filed.ok, filed.ok ? '' : filed.warning);
    const pushed = await pushMetrics(pg.url, renderMetrics(doc), { grouping: { target: doc.target, mode: doc.mode }, timeoutMs: 5000 });
    assert.ok(pushed.ok, pushed.ok ? '' : pushed.warning);
  }

  const lines = (await readFile(history, 'utf8')).split('\n').filter(Boolean);
  assert.equal(lines.length, 2);
  const { entries, warnings } = await readHistory(history);
  assert.deepEqual(warnings, []);
  assert.deepEqual(entries.map((e) => e.time), docs.map((d) => d.finishedAt));
  const rb14 = entries.map((e) => e.results.find((r) => r.id === 'RB-14'));
  for (const r of rb14) assert.ok(r && r.measured !== undefined && r.target === 200 && r.alert === 500, JSON.stringify(r));

  const last = docs[1]?.checks.find((c) => c.id === 'RB-14')?.measured;
  assert.ok(last !== undefined);
  const scraped = (await scrape(pg.url)).split('\n').filter((l) => l.startsWith('jumpstart_gate_check_measured{') && l.includes('id="RB-14"'));
  assert.equal(scraped.length, 1, scraped.join('\n'));
  assert.match(scraped[0] ?? '', new RegExp(`job="jumpstart_gate".*mode="investigate".*target="${sim.url.replace(/[.]/g, '\\.')}"`));
  assert.equal(Number(scraped[0]?.split(' ').at(-1)), last, 'the last run replaced the first');

  const trend = await writeTrend({ history, outDir: join(dir, 'trend') });
  assert.equal(trend.runs, 2);
  const html = await readFile(trend.page, 'utf8');
  const at = html.indexOf('<figure class="trend" data-id="RB-14"');
  assert.ok(at > 0, 'an RB-14 chart');
  const chart = html.slice(at, html.indexOf('</figure>', at));
  assert.equal((chart.match(/<circle class="marker /g) ?? []).length, 2, 'one point per run');
  assert.match(chart, /class="limit target"/);
});

test('a dead Pushgateway: a warning, and the run\'s verdict, files and history line are unchanged', { timeout: 120_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'gate-deadpush-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const sim = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const outDir = join(dir, 'reports');
  const { doc, raw } = await gateRun(sim.url, outDir);
  const before = structuredClone(doc);
  const pushed = await pushMetrics(`http://127.0.0.1:${await closedPort()}`, renderMetrics(doc), { grouping: { target: doc.target, mode: doc.mode }, timeoutMs: 3000 });
  assert.equal(pushed.ok, false);
  assert.match(pushed.ok ? '' : pushed.warning, /metrics not pushed to the Pushgateway at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  assert.deepEqual(doc, before);
  assert.equal(doc.verdict, 'promote');
  assert.equal(await readFile(join(outDir, 'verdict.json'), 'utf8'), raw);
  const filed = await appendHistory(join(dir, 'history.jsonl'), doc);
  assert.ok(filed.ok && filed.line.verdict === 'promote' && filed.line.exitCode === 0);
});
