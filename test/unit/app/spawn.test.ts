/** runChild's stops: a cancel that comes while a timed-out child is in its grace period still ends it within the cancel's grace. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { runChild } from '../../../app/spawn.ts';

test('runChild: a cancel during the timeout grace (a child that ignores SIGINT) kills it after the cancel grace, not the 30 s of the timeout', async () => {
  const cancel = new AbortController();
  const lines: string[] = [];
  // Ignores SIGINT the way a runner busy in its teardown does; says when it is up.
  const child = "process.on('SIGINT', () => console.log('interrupted')); console.log('up'); setInterval(() => {}, 1000);";
  const running = runChild({
    command: process.execPath,
    args: ['-e', child],
    cwd: process.cwd(),
    env: process.env,
    timeoutMs: 300,
    signal: cancel.signal,
    cancelGraceMs: 300,
    onLine: (line) => lines.push(line),
  });
  for (let i = 0; !lines.includes('interrupted') && i < 200; i++) await sleep(25);
  assert.ok(lines.includes('interrupted'), `the timeout's SIGINT reached the child: ${lines.join(' | ')}`);
  const cancelledAt = Date.now();
  cancel.abort(new Error('cancelled by SIGINT'));
  const out = await running;
  assert.equal(out.timedOut, true);
  assert.equal(out.signal, 'SIGKILL');
  assert.ok(Date.now() - cancelledAt < 5000, `ended ${Date.now() - cancelledAt} ms after the cancel`);
});
