/** `sim` and `demo` through the pipeline: a signal that comes while the simulator is still starting stops them too. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoCommand } from '../../../app/commands/demo.ts';
import { simCommand } from '../../../app/commands/sim.ts';
import { runCommand } from '../../../app/run-command.ts';
import { scratch } from '../../support/checks.ts';
import { captureIO as io, type CapturedIO } from '../../support/command.ts';

/**
 * SIGINT as soon as the pipeline's handlers are on: in the microtask after they are added, when the
 * run has called startSimulator and waits for its port (I/O, so never within the same microtasks).
 */
function signalWhileStarting(x: CapturedIO): void {
  x.signals.on('newListener', (event) => {
    if (event === 'SIGTERM') queueMicrotask(() => x.signals.emit('SIGINT', 'SIGINT'));
  });
}

test('sim: a SIGINT while the simulator is starting ends the command (it used to wait for a second abort event forever)', { timeout: 20_000 }, async () => {
  const x = io();
  signalWhileStarting(x);
  assert.equal(await runCommand(simCommand, ['--port', '0'], x), 0, x.stderr());
  assert.match(x.stdout(), /Simulator listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.equal(x.signals.listenerCount('SIGINT'), 0, 'handlers removed');
});

test('demo: a SIGINT while the simulator is starting ends it without starting the gate: exit 3 at once', { timeout: 20_000 }, async (t) => {
  const x = io({ CJ_OUT_DIR: scratch(t, 'demo-cancel-') });
  signalWhileStarting(x);
  assert.equal(await runCommand(demoCommand, [], x), 3, x.stderr());
  assert.match(x.stdout(), /demo: cancelled before the gate started/);
  assert.match(x.stdout(), /demo: gate exit 3 .* 0 projects left/);
});
