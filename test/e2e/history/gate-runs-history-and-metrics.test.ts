/**
 * The gate and the watch spawned as CI runs them, with --history and --pushgateway (Debian's real
 * prometheus-pushgateway on a loopback port): a line per run in the history, RB-14's measured value on
 * the Pushgateway, then `trend` (the bin) drawing the page. A dead Pushgateway changes nothing but a
 * warning; --junit strict validates against the unmodified junit-10.xsd.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { startSimulator } from '../../../simulator/index.ts';
import { readHistory } from '../../../lib/history/read.ts';
import type { VerdictDocument } from '../../../lib/report/document.ts';
import { closedPort } from '../../support/loopback.ts';
import { gateEnv, ROOT, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION, type RunOutcome } from '../../support/gate.ts';
import { scrape, startPushgateway } from '../metrics/pushgateway-process.ts';

const LOAD_ONLY = ['--mode', 'investigate', '--profile', 'smoke', '--duration', '2', '--rate', '10'];

async function gateRun(url: string, outDir: string, extra: readonly string[]): Promise<{ run: RunOutcome; doc: VerdictDocument }> {
  const run = await runBin('gate', [...LOAD_ONLY, ...extra], gateEnv(url, outDir), 60_000);
  const doc = JSON.parse(await readFile(join(outDir, 'verdict.json'), 'utf8')) as VerdictDocument;
  return { run, doc };
}

test('two gate runs and a watch with --history and --pushgateway: three lines, RB-14 on the real Pushgateway, `trend` draws an RB-14 chart', { timeout: 240_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'gate-history-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const sim = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const pg = await startPushgateway(t);
  const history = join(dir, 'history.jsonl');

  const docs: VerdictDocument[] = [];
  for (const n of [1, 2]) {
    const { run, doc } = await gateRun(sim.url, join(dir, `run-${n}`), ['--history', history, '--pushgateway', pg.url]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /metrics pushed to the Pushgateway at http:\/\/127\.0\.0\.1:\d+ \(HTTP 200\)/);
    assert.match(run.stdout, /history: this run appended to /);
    assert.doesNotMatch(run.stderr, /warning:/);
    docs.push(doc);
  }
  const watch = await runBin('watch', ['--minutes', '0.05', '--interval', '1', '--out', join(dir, 'watch')], gateEnv(sim.url, join(dir, 'watch'), { CJ_HISTORY: history }), 60_000);
  assert.equal(watch.code, 0, `${watch.stdout}\n${watch.stderr}`);

  const { entries, warnings } = await readHistory(history);
  assert.deepEqual(warnings, []);
  assert.deepEqual(entries.map((e) => [e.command, e.verdict, e.exitCode]), [['gate', 'promote', 0], ['gate', 'promote', 0], ['watch', 'promote', 0]]);
  assert.deepEqual(entries.slice(0, 2).map((e) => e.time), docs.map((d) => d.finishedAt), 'each line is its run');
  assert.ok(entries.every((e) => e.version === SIM_VERSION), 'the version the simulator reported');
  for (const e of entries.slice(0, 2)) {
    const rb14 = e.results.find((r) => r.id === 'RB-14');
    assert.ok(rb14 && rb14.measured !== undefined && rb14.target === 200 && rb14.alert === 500, JSON.stringify(rb14));
  }

  const last = docs[1]?.checks.find((c) => c.id === 'RB-14')?.measured;
  assert.ok(last !== undefined);
  const scraped = (await scrape(pg.url)).split('\n').filter((l) => l.startsWith('jumpstart_gate_check_measured{') && l.includes('id="RB-14"'));
  assert.equal(scraped.length, 1, scraped.join('\n'));
  assert.match(scraped[0] ?? '', new RegExp(`job="jumpstart_gate".*mode="investigate".*target="${sim.url.replace(/[.]/g, '\\.')}"`));
  assert.equal(Number(scraped[0]?.split(' ').at(-1)), last, 'the second run replaced the first');
  assert.equal(await readFile(join(dir, 'run-2', 'metrics.prom'), 'utf8').then((m) => m.includes(`id="RB-14",`)), true, 'metrics.prom beside the reports');

  const trend = await runBin('trend', ['--history', history, '--out', join(dir, 'trend')], gateEnv(sim.url, join(dir, 'unused')), 30_000);
  assert.equal(trend.code, 0, trend.stderr);
  assert.match(trend.stdout, /^No regressions in 3 runs\.\n\ntrend page: .*trend\.html\n$/);
  const html = await readFile(join(dir, 'trend', 'trend.html'), 'utf8');
  const at = html.indexOf('<figure class="trend" data-id="RB-14"');
  assert.ok(at > 0, 'an RB-14 chart');
  const chart = html.slice(at, html.indexOf('</figure>', at));
  assert.equal((chart.match(/<circle class="marker /g) ?? []).length, 2, 'one point per gate run');
  assert.match(chart, /class="limit target"/);
});

test("a dead Pushgateway: a warning on stderr and in summary.md, the verdict and the history line unchanged; --junit strict validates against junit-10.xsd", { timeout: 120_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'gate-deadpush-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const sim = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const outDir = join(dir, 'reports');
  const history = join(outDir, 'history.jsonl');
  const dead = `http://127.0.0.1:${await closedPort()}`;
  const { run, doc } = await gateRun(sim.url, outDir, ['--pushgateway', dead, '--history', history, '--junit', 'strict']);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.equal(doc.verdict, 'promote');
  assert.match(run.stderr, /^warning: metrics not pushed to the Pushgateway at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/m);
  assert.match(await readFile(join(outDir, 'summary.md'), 'utf8'), /\*\*Not filed\*\* \(the verdict stands\)\n\n- metrics not pushed to the Pushgateway/);
  const { entries } = await readHistory(history);
  assert.deepEqual(entries.map((e) => [e.verdict, e.exitCode, e.time]), [['promote', 0, doc.finishedAt]]);

  const xml = await readFile(join(outDir, 'junit.xml'), 'utf8');
  assert.doesNotMatch(xml, /<properties>/);
  const xsd = await readFile(join(ROOT, 'test/fixtures/junit-10.xsd'), 'utf8');
  const res = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: xsd }] });
  assert.deepEqual(res.errors.map((e) => e.rawMessage), []);
});
