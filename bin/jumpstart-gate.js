#!/usr/bin/env node
// `jumpstart-gate <gate|watch|sim|load|demo> [flags]` — the package's bin. The scripts are TypeScript:
// tsx's ESM loader is registered first, then the script runs as if started directly (its argv is
// the subcommand's flags), so `npx jumpstart-gate gate --target URL` ≡ `npm run gate -- --target URL`.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const COMMANDS = {
  gate: '../scripts/gate.ts',
  watch: '../scripts/watch.ts',
  sim: '../scripts/sim.ts',
  load: '../scripts/load.ts',
  demo: '../scripts/demo.ts',
};

const USAGE = `Usage: jumpstart-gate <${Object.keys(COMMANDS).join('|')}> [flags]   (each takes --help)
Exit codes: 0 promote · 1 hold · 2 rollback · 3 inconclusive · 64 usage or configuration error`;

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exitCode = command === undefined ? 64 : 0;
} else if (!Object.hasOwn(COMMANDS, command)) {
  process.stderr.write(`jumpstart-gate: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
  process.exitCode = 64;
} else {
  register();
  const script = new URL(COMMANDS[command], import.meta.url);
  process.argv = [process.argv[0] ?? 'node', fileURLToPath(script), ...rest];
  await import(script.href);
}
