/**
 * For tests that run a command through `runCommand` in-process: a gating command of the test's own (no
 * target) and IO captured as strings, with a signal source the test fires.
 */
import { EventEmitter } from 'node:events';
import { defineCommand, type Command, type Evidence, type GatingSettings, type RunContext } from '../../app/command.ts';
import type { CommandIO } from '../../app/run-command.ts';

export type Behaviour = (ctx: RunContext, evidence: Evidence) => Promise<void>;

/** What a fake command reports under besides its out dir (it always claims to be a gate run). */
type FakeSettings = Pick<GatingSettings, 'requestTimeoutMs' | 'secrets' | 'expectedIds'>;

/** `fake --out DIR`: DIR is its plan (without it, a usage problem), `behaviour` is its run. */
export function fakeGatingCommand(behaviour: Behaviour, settings: FakeSettings): Command {
  return defineCommand({
    kind: 'gating',
    name: 'fake',
    usage: 'fake --out DIR',
    summary: 'a command of the test',
    flags: [{ name: 'out', type: 'value', value: 'DIR', description: 'out dir' }],
    plan: (args) => (typeof args.values.out === 'string' ? { plan: args.values.out, problems: [] } : { problems: ['--out: required'] }),
    settings: (outDir) => ({ command: 'gate', outDir, target: 'http://127.0.0.1:9', mode: 'test', ...settings }),
    run: (_plan, ctx, evidence) => behaviour(ctx, evidence),
  });
}

export type CapturedIO = CommandIO & { signals: EventEmitter; stdout: () => string; stderr: () => string };

/** The command's stdout and stderr kept as strings; `signals.emit('SIGINT', 'SIGINT')` stands for Ctrl-C. */
export function captureIO(env: NodeJS.ProcessEnv = {}): CapturedIO {
  let out = '';
  let err = '';
  return { env, out: (t) => void (out += t), err: (t) => void (err += t), signals: new EventEmitter(), stdout: () => out, stderr: () => err };
}
