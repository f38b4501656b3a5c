import { EXIT } from '../lib/errors.ts';
import type { Command } from './command.ts';
import { demoCommand } from './commands/demo.ts';
import { gateCommand } from './commands/gate.ts';
import { k6JunitCommand } from './commands/k6-junit.ts';
import { loadCommand } from './commands/load.ts';
import { simCommand } from './commands/sim.ts';
import { trendCommand } from './commands/trend.ts';
import { watchCommand } from './commands/watch.ts';
import { EXIT_NOTE } from './flags.ts';
import { runCommand, type CommandIO } from './run-command.ts';

/** Every command of the bin; a new command is one file in commands/ and one entry here. */
export const COMMANDS: readonly Command[] = [gateCommand, watchCommand, loadCommand, k6JunitCommand, trendCommand, simCommand, demoCommand];

function usage(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary.split('\n')[0] ?? ''}`);
  return [
    'Usage: jumpstart-gate <command> [flags]   (each command takes --help)',
    '',
    'Commands:',
    ...rows,
    '',
    EXIT_NOTE,
    '',
  ].join('\n');
}

/** argv after `node bin/jumpstart-gate.js` → the command's exit code. Never exits: the bin does. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? EXIT.usage : EXIT.promote;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`jumpstart-gate: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return EXIT.usage;
  }
  return runCommand(cmd, rest, io);
}

/** The process's own edges, for the bin. */
export function processIO(): CommandIO {
  return {
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    signals: process,
  };
}
