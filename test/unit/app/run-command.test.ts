/**
 * The pipeline every command goes through, with a command of the test's own (no network): outputs,
 * exit table, cancellation by one and two signals (reports still written, verdict inconclusive, the
 * run's clean-up given its time), a crash, usage errors, the out-dir guard and its lock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCK_FILE } from '../../../app/lock.ts';
import { runCommand } from '../../../app/run-command.ts';
import { markAll } from '../../../lib/verdict/evidence.ts';
import { scratch } from '../../support/checks.ts';
import { captureIO as io, fakeGatingCommand, type Behaviour } from '../../support/command.ts';
import { listenLoopback } from '../../support/loopback.ts';

const SETTINGS = { requestTimeoutMs: 1000, secrets: ['fake-secret-pw'], expectedIds: ['RB-01', 'RB-05'] };
const fakeCommand = (behaviour: Behaviour) => fakeGatingCommand(behaviour, SETTINGS);

const verdictOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'verdict.json'), 'utf8')) as { verdict: string; reasons: string[]; cancelled?: string; checks: { id: string; status: string; message?: string }[] };

test('a finished run: every registered output written, the exit code from the verdict, secrets scrubbed, the lock released', async (t) => {
  const dir = scratch(t, 'run-command-');
  const x = io();
  const code = await runCommand(fakeCommand(async (ctx, e) => {
    ctx.log('working with fake-secret-pw');
    e.results.push(...markAll(['RB-01'], 'gate', 'error', 'x').map((r) => ({ ...r, status: 'pass' as const, message: 'fine' })));
    e.results.push({ id: 'RB-05', title: 'RB-05 db', severity: 'critical', status: 'fail', message: 'down, fake-secret-pw', source: 'gate' });
  }), ['--out', dir], x);
  assert.equal(code, 2, x.stderr());
  assert.deepEqual((await readdir(dir)).sort(), ['junit.xml', 'metrics.prom', 'summary.md', 'verdict.json'], 'outputs written, lock gone');
  assert.equal((await verdictOf(dir)).verdict, 'rollback');
  assert.ok(!x.stdout().includes('fake-secret-pw') && !(await readFile(join(dir, 'summary.md'), 'utf8')).includes('fake-secret-pw'));
});

test('cancelled by SIGINT: the run cleans up and returns; the reports say inconclusive, cancelled by SIGINT; exit 3', async (t) => {
  const dir = scratch(t, 'run-command-');
  const x = io();
  let cleanedUp = false;
  const cmd = fakeCommand(async (ctx, e) => {
    e.results.push({ id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'fail', message: 'seen before the signal', source: 'gate' });
    await new Promise((r) => ctx.signal.addEventListener('abort', r, { once: true }));
    await sleep(200); // the clean-up the run does after a cancel
    cleanedUp = true;
  });
  const running = runCommand(cmd, ['--out', dir], x);
  await sleep(100);
  x.signals.emit('SIGINT', 'SIGINT');
  assert.equal(await running, 3);
  assert.ok(cleanedUp, 'the run got to finish its clean-up first');
  const v = await verdictOf(dir);
  assert.equal(v.verdict, 'inconclusive', 'not rollback: a cancelled run proves nothing either way');
  assert.equal(v.cancelled, 'SIGINT');
  assert.equal(v.reasons[0], 'cancelled by SIGINT');
  assert.deepEqual(v.checks.map((c) => [c.id, c.status]), [['RB-01', 'fail'], ['RB-05', 'error']]);
  assert.equal(v.checks[1]?.message, 'not finished: cancelled by SIGINT');
  assert.equal(x.signals.listenerCount('SIGINT'), 0, 'handlers removed');
});

test('a run that ignores the signals: a second one hurries, the reports are written anyway from what there is', async (t) => {
  const dir = scratch(t, 'run-command-');
  const x = io();
  const cmd = fakeCommand(async (_ctx, e) => {
    e.results.push({ id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'pass', source: 'gate' });
    await new Promise(() => {}); // hangs (no timer: nothing keeps the test process alive)
  });
  const started = Date.now();
  const running = runCommand(cmd, ['--out', dir], x);
  await sleep(100);
  x.signals.emit('SIGINT', 'SIGINT');
  x.signals.emit('SIGTERM', 'SIGTERM');
  assert.equal(await running, 3);
  assert.ok(Date.now() - started < 10_000, 'bounded by the hurry budget, not the run');
  const v = await verdictOf(dir);
  assert.equal(v.cancelled, 'SIGINT');
  assert.deepEqual(v.checks.map((c) => c.status), ['pass', 'error']);
  assert.match(x.stderr(), /SIGTERM again: hurrying/);
});

test('a run that crashes still ends in reports: the missing checks are errors naming the crash', async (t) => {
  const dir = scratch(t, 'run-command-');
  const x = io();
  const code = await runCommand(fakeCommand(async () => {
    throw new Error('boom with fake-secret-pw');
  }), ['--out', dir], x);
  assert.equal(code, 3);
  const v = await verdictOf(dir);
  assert.deepEqual(v.checks.map((c) => c.message), ['could not run: boom with ***', 'could not run: boom with ***']);
});

test('the out dir: a file or /proc → 64 at once; a usage error removes a stale verdict.json; a busy dir → 64 naming the PID; a dead lock is taken over', async (t) => {
  const dir = scratch(t, 'run-command-');
  let ran = 0;
  const cmd = fakeCommand(async () => void ran++);
  const file = join(dir, 'a-file');
  await writeFile(file, 'x');
  for (const out of [file, join(file, 'below'), '/proc/jumpstart-gate-test']) {
    const x = io();
    assert.equal(await runCommand(cmd, ['--out', out], x), 64, out);
    assert.match(x.stderr(), /--out \(CJ_OUT_DIR\): .*(not a directory|procfs|cannot create)/, x.stderr());
  }
  const stale = join(dir, 'stale');
  await mkdir(join(stale, 'load'), { recursive: true });
  await writeFile(join(stale, 'verdict.json'), '{"verdict":"promote"}');
  await writeFile(join(stale, 'load', 'post-deploy.json'), '{}');
  await writeFile(join(stale, 'history.jsonl'), 'kept\n');
  const usage = io();
  assert.equal(await runCommand(cmd, ['--out', stale, '--bogus'], usage), 64);
  assert.deepEqual(await readdir(stale), ['history.jsonl'], "a 64 leaves no earlier verdict; files that are not the gate's stay");

  const busy = join(dir, 'busy');
  await mkdir(busy);
  await writeFile(join(busy, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), command: 'gate', startedAt: 'now' }));
  const b = io();
  assert.equal(await runCommand(cmd, ['--out', busy], b), 64);
  assert.match(b.stderr(), new RegExp(`in use by a running jumpstart-gate \\(PID ${process.ppid}`));
  await writeFile(join(busy, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), command: 'gate', startedAt: 'then' }));
  assert.equal(await runCommand(cmd, ['--out', busy], io()), 3, 'a dead process lock is taken over');
  assert.equal(ran, 1, 'only the last run ran');
});

test('a signal while the run is filed (a webhook and a Pushgateway that never answer): the reports are still written within seconds, each unfinished filing a warning, the verdict as decided', async (t) => {
  const dir = scratch(t, 'run-command-');
  let received = 0;
  const hung = await listenLoopback(createServer(() => void received++)); // accepts, never answers
  t.after(hung.close);
  // Each request may take 30 s of its own: only the signal can end the wait before CI's SIGKILL.
  const settings = { ...SETTINGS, requestTimeoutMs: 30_000, notifyWebhook: `${hung.url}/hook` } as Parameters<typeof fakeGatingCommand>[1];
  const x = io();
  const cmd = fakeGatingCommand(async (_ctx, e) => {
    e.results.push({ id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'pass', source: 'gate' });
    e.results.push({ id: 'RB-05', title: 'RB-05 db', severity: 'critical', status: 'fail', message: 'down', source: 'gate' });
  }, settings);
  const running = runCommand(cmd, ['--out', dir, '--pushgateway', hung.url], x);
  for (let i = 0; received < 2 && i < 200; i++) await sleep(25);
  assert.equal(received, 2, 'the webhook and the push were both under way');
  const signalledAt = Date.now();
  x.signals.emit('SIGINT', 'SIGINT');
  assert.equal(await running, 2, x.stderr());
  assert.ok(Date.now() - signalledAt < 4000, `done ${Date.now() - signalledAt} ms after the signal`);
  assert.equal((await verdictOf(dir)).verdict, 'rollback', 'the checks had all run: the verdict stands');
  assert.match(x.stderr(), /warning: metrics not pushed to the Pushgateway: no answer 1\.5 s after the signal \(cancelled by SIGINT\)/);
  assert.match(x.stdout(), /could not post the rollback notice to the webhook: no answer 1\.5 s after the signal/);
  assert.match(await readFile(join(dir, 'summary.md'), 'utf8'), /could not post the rollback notice/);
});
