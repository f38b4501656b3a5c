import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, GateError } from '../lib/errors.ts';

/** The repo root (package.json, playwright.config.ts), whatever the cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Prints a usage/config error with every problem; returns exit 64 for the entry point to set. */
export function reportUsage(command: string, e: GateError): number {
  process.stderr.write(`${command}: ${e.message}\n${e.problems.map((p) => `  - ${p}\n`).join('')}Run with --help for usage.\n`);
  return EXIT.usage;
}

/**
 * The first SIGINT/SIGTERM aborts (phases stop, reports are still written, the verdict says so);
 * a second one calls `onSecond` — the entry point exits there.
 */
export function abortOnSignals(onSecond: () => void): AbortController {
  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (ac.signal.aborted) return onSecond();
    process.stderr.write(`\n${sig}: stopping; reports will still be written (again to quit now)\n`);
    ac.abort(new Error(`interrupted by ${sig}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return ac;
}

/** Maps anything thrown: config problems → 64 (all listed), anything else → inconclusive (3). */
export function exitCodeFor(command: string, e: unknown): number {
  if (e instanceof GateError && e.code === 'CONFIG') return reportUsage(command, e);
  process.stderr.write(`${command}: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.inconclusive;
}
