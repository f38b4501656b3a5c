#!/usr/bin/env node
// `jumpstart-gate <gate|watch|load|k6:junit|sim|demo> [flags]` — the single entry point of the suite:
// package.json scripts, CI templates and the container all run this file. The commands are TypeScript:
// tsx's ESM loader is registered first. This is the only place that exits the process: every command
// returns its exit code (reports already written), and nothing it left running may delay the exit.
import { register } from 'tsx/esm/api';

register();
const { main, processIO } = await import('../app/main.ts');
const code = await main(process.argv.slice(2), processIO());
process.exit(code);
