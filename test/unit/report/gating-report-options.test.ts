/**
 * --history, --pushgateway and --junit as every gating command takes them from the pipeline, with a
 * command of the test's own (no target): checked before anything runs, a line per run whatever its
 * verdict, never cleared, and a failure to file that is a warning, never a change of verdict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Evidence } from '../../../app/command.ts';
import { simCommand } from '../../../app/commands/sim.ts';
import { renderHelp } from '../../../app/args.ts';
import { runCommand } from '../../../app/run-command.ts';
import { parseHistory } from '../../../lib/history/read.ts';
import { scratch } from '../../support/checks.ts';
import { captureIO as io, fakeGatingCommand, type Behaviour } from '../../support/command.ts';
import { closedPort } from '../../support/loopback.ts';

const pass = (e: Evidence) => e.results.push({ id: 'RB-14', title: 'RB-14 API latency p95', severity: 'major', status: 'pass', measured: 12.5, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', source: 'load' });
let runs = 0;

function fakeCommand(behaviour: Behaviour = async (_c, e) => void pass(e)) {
  const counted: Behaviour = async (ctx, evidence) => {
    runs++;
    await behaviour(ctx, evidence);
  };
  return fakeGatingCommand(counted, { requestTimeoutMs: 2000, secrets: [], expectedIds: ['RB-14'] });
}

test('--history inside the out dir: a line per run (a cancelled one too), never removed by the clean-up or a usage error', async (t) => {
  const out = join(scratch(t, 'report-options-'), 'reports');
  const history = join(out, 'history.jsonl');
  assert.equal(await runCommand(fakeCommand(), ['--out', out, '--history', history], io()), 0);
  assert.ok((await readdir(out)).includes('metrics.prom'), 'metrics.prom written by every gating command');
  assert.equal(await runCommand(fakeCommand(), ['--out', out, '--bogus'], io({ CJ_HISTORY: history })), 64);
  assert.deepEqual(await readdir(out), ['history.jsonl'], "a usage error clears the run's reports, metrics.prom included, and keeps the history");
  const cancelling = io({ CJ_HISTORY: history });
  const running = runCommand(fakeCommand(async (ctx, e) => {
    pass(e);
    await new Promise((r) => ctx.signal.addEventListener('abort', r, { once: true }));
  }), ['--out', out], cancelling);
  await sleep(100);
  cancelling.signals.emit('SIGINT', 'SIGINT');
  assert.equal(await running, 3);
  assert.match(cancelling.stdout(), /history: this run appended to .*history\.jsonl/);
  const { entries, warnings } = parseHistory(await readFile(history, 'utf8'));
  assert.deepEqual(warnings, []);
  assert.deepEqual(entries.map((e) => [e.verdict, e.exitCode]), [['promote', 0], ['inconclusive', 3]]);
  assert.deepEqual(entries[0]?.results.map((r) => [r.id, r.measured, r.target, r.alert]), [['RB-14', 12.5, 200, 500]]);
});

test('every problem with the options at once, before anything runs: 64', async (t) => {
  const dir = scratch(t, 'report-options-');
  const out = join(dir, 'reports');
  await mkdir(join(dir, 'a-dir'));
  const before = runs;
  const cases: Array<[string[], NodeJS.ProcessEnv, RegExp[]]> = [
    [['--history', join(dir, 'a-dir'), '--junit', 'xunit', '--pushgateway', 'ftp://pg:9091'], {}, [/CJ_HISTORY \(--history\): history file .*a-dir is a directory/, /CJ_JUNIT \(--junit\): must be one of default, strict, got "xunit"/, /CJ_PUSHGATEWAY \(--pushgateway\): must be an absolute http\(s\) URL/]],
    [['--history', join(out, 'verdict.json')], {}, [/CJ_HISTORY \(--history\): .*verdict\.json is verdict\.json, which every run in .* rewrites or clears/]],
    [[], { CJ_HISTORY: join(out, 'load', 'history.jsonl') }, [/is inside load, which every run/]],
    [['--history', join(out, 'test-results', 'h.jsonl')], {}, [/is inside test-results/]],
    [['--history', '/proc/jumpstart-history/h.jsonl'], {}, [/CJ_HISTORY \(--history\): history \/proc is on procfs, not a place for a file kept across runs/]],
    [[], { CJ_PUSHGATEWAY: 'http://pg:9091/?x=1', CJ_JUNIT: 'STRICT' }, [/must not carry a query/, /got "STRICT"/]],
  ];
  for (const [argv, env, expected] of cases) {
    const x = io(env);
    assert.equal(await runCommand(fakeCommand(), ['--out', out, ...argv], x), 64, `${argv.join(' ')}: ${x.stderr()}`);
    for (const re of expected) assert.match(x.stderr(), re);
    assert.match(x.stderr(), new RegExp(`fake: ${expected.length} problem\\(s\\), nothing was run`));
  }
  assert.equal(runs, before, 'nothing ran');
  // Refused where the clean-up would take it, and for that very reason not taken by the usage error's clean-up.
  await mkdir(join(out, 'test-results'), { recursive: true });
  await writeFile(join(out, 'test-results', 'h.jsonl'), 'nights\n');
  assert.equal(await runCommand(fakeCommand(), ['--out', out, '--history', join(out, 'test-results', 'h.jsonl')], io()), 64);
  assert.equal(await readFile(join(out, 'test-results', 'h.jsonl'), 'utf8'), 'nights\n');
});

test('a history that cannot be appended at the end: a warning on stderr and in summary.md, the verdict unchanged', async (t) => {
  const dir = scratch(t, 'report-options-');
  const history = join(dir, 'history.jsonl');
  await writeFile(history, '');
  const x = io();
  const code = await runCommand(fakeCommand(async (_c, e) => {
    pass(e);
    // The file turns into a directory while the run is on: the append must fail.
    await rm(history);
    await mkdir(history);
  }), ['--out', join(dir, 'out'), '--history', history], x);
  assert.equal(code, 0);
  assert.match(x.stderr(), /^warning: history .*history\.jsonl: could not append this run: EISDIR/m);
  const summary = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
  assert.match(summary, /\*\*Not filed\*\* \(the verdict stands\)\n\n- history .*EISDIR/);
  assert.match(summary, /PROMOTE/);
});

test('--junit strict (or CJ_JUNIT=strict): junit.xml without per-testcase properties; the default keeps them', async (t) => {
  const dir = scratch(t, 'report-options-');
  for (const [name, argv, env, properties] of [['a', ['--junit', 'strict'], {}, false], ['b', [], { CJ_JUNIT: 'strict' }, false], ['c', ['--junit', 'default'], { CJ_JUNIT: 'strict' }, true], ['d', [], {}, true]] as const) {
    assert.equal(await runCommand(fakeCommand(), ['--out', join(dir, name), ...argv], io(env)), 0);
    const xml = await readFile(join(dir, name, 'junit.xml'), 'utf8');
    assert.equal(/<properties>/.test(xml), properties, `${name}: ${xml}`);
    assert.match(xml, /RB-14 API latency p95/);
  }
});

test('a dead Pushgateway with credentials: a warning naming it without them, nothing secret anywhere, the verdict unchanged', async (t) => {
  const dir = scratch(t, 'report-options-');
  const url = `http://gate:pg-s3cret-pw@127.0.0.1:${await closedPort()}`;
  const x = io({ CJ_PUSHGATEWAY: url });
  const code = await runCommand(fakeCommand(async (ctx, e) => {
    ctx.log(`pushing to ${url} with pg-s3cret-pw`);
    pass(e);
  }), ['--out', join(dir, 'out')], x);
  assert.equal(code, 0);
  assert.match(x.stderr(), /^warning: metrics not pushed to the Pushgateway at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/m);
  assert.match(x.stdout(), /pushing to \*\*\* with \*\*\*/);
  for (const f of await readdir(join(dir, 'out'))) assert.ok(!(await readFile(join(dir, 'out', f), 'utf8')).includes('pg-s3cret-pw'), f);
  assert.ok(!`${x.stdout()}${x.stderr()}`.includes('pg-s3cret-pw'));
  assert.match(await readFile(join(dir, 'out', 'summary.md'), 'utf8'), /- metrics not pushed to the Pushgateway/);
});

test('--help of a gating command lists the report options with their env variables; a plain command has none', async () => {
  const x = io();
  assert.equal(await runCommand(fakeCommand(), ['--help'], x), 0);
  for (const [flag, env] of [['--history FILE', 'CJ_HISTORY'], ['--pushgateway URL', 'CJ_PUSHGATEWAY'], ['--junit default|strict', 'CJ_JUNIT']] as const) {
    assert.match(x.stdout(), new RegExp(`^  ${flag.replace('|', '\\|')}\\s[^\\n]*env ${env}\\]`, 'm'));
  }
  assert.doesNotMatch(renderHelp(simCommand), /--history|--pushgateway|--junit/);
  const y = io();
  assert.equal(await runCommand(simCommand, ['--history', 'x'], y), 64);
  assert.match(y.stderr(), /unknown flag --history/);
});
