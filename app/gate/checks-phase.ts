import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checksPaths, parseChecksFile, readToken, writeHandoff, type ChecksPaths } from '../../lib/checks-contract/index.ts';
import type { Config } from '../../lib/config/index.ts';
import { markAll, requireEvidence } from '../../lib/verdict/evidence.ts';
import type { CheckResult } from '../../lib/verdict/types.ts';
import { applyCleanup } from '../../checks/report/results.ts';
import { runChild, type SpawnOutcome } from '../spawn.ts';
import { browserHandoff, checksChildEnv, checksHandoff } from './handoff.ts';
import { deleteLeftovers } from './leftovers.ts';

export interface ChecksPhaseInput {
  config: Config;
  checkIds: readonly string[];
  /** Fresh, private directory for the session; the caller deletes it. */
  authDir: string;
  projectRoot: string;
  baseEnv: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
  hurry?: AbortSignal;
  onLine: (line: string) => void;
}

export interface ChecksPhaseOutput {
  results: CheckResult[];
  /** The session token the checks left for the load phase. */
  token?: string;
  browser?: string;
}

function playwrightCli(projectRoot: string): string {
  return createRequire(join(projectRoot, 'package.json')).resolve('@playwright/test/cli');
}

function whyMissing(run: SpawnOutcome, timeoutMs: number, signal: AbortSignal | undefined): string {
  if (run.spawnError) return `could not start playwright: ${run.spawnError}`;
  if (signal?.aborted) return `playwright was stopped: ${(signal.reason as Error | undefined)?.message ?? 'cancelled'}`;
  if (run.timedOut) return `playwright did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
  return `playwright exited with ${run.code ?? run.signal} without a result for this check`;
}

async function readResults(paths: ChecksPaths, checkIds: readonly string[], why: string): Promise<{ results: CheckResult[]; browser?: string }> {
  let text: string;
  try {
    text = await readFile(paths.checksJson, 'utf8');
  } catch {
    return { results: markAll(checkIds, 'gate', 'error', `no checks.json: ${why}`) };
  }
  try {
    const file = parseChecksFile(text);
    const results = requireEvidence(file.results, checkIds, 'gate', (id) => `checks.json has no result for ${id}: ${why}`);
    return file.browser !== undefined ? { results, browser: file.browser } : { results };
  } catch (e) {
    return { results: markAll(checkIds, 'gate', 'error', (e as Error).message) };
  }
}

/**
 * Step 2a: the Playwright checks, spawned as `playwright test` with one hand-off document. Every way
 * this can go wrong (no browser, crash, timeout, cancel, missing or invalid checks.json, an id absent)
 * ends as `error` results naming the cause; a run cut short has its projects deleted by the gate.
 */
export async function runChecksPhase(input: ChecksPhaseInput): Promise<ChecksPhaseOutput> {
  const { config, checkIds } = input;
  const paths = checksPaths(resolve(config.outDir), input.authDir);
  // Without a browser the checks still run: the API checks report, the browser ones come back as `error`.
  const browser = browserHandoff(config.chromiumPath);
  if ('error' in browser) input.onLine(`no browser: ${browser.error}`);
  writeHandoff(paths.handoff, checksHandoff(config, input.authDir, browser));
  const run = await runChild({
    command: process.execPath,
    args: [playwrightCli(input.projectRoot), 'test'],
    cwd: input.projectRoot,
    env: checksChildEnv(input.baseEnv, paths.handoff, config.password),
    timeoutMs: input.timeoutMs,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.hurry ? { hurry: input.hurry } : {}),
    onLine: (line) => input.onLine(line),
  });
  const token = readToken(paths.token);
  const read = await readResults(paths, checkIds, whyMissing(run, input.timeoutMs, input.signal));
  // Bounded tighter when cancelled: CI kills the job seconds after its first signal.
  const cleanupMs = input.hurry?.aborted ? 1000 : input.signal?.aborted ? Math.min(config.requestTimeoutMs, 1500) : config.requestTimeoutMs;
  const problems = await deleteLeftovers({ baseUrl: config.baseUrl, paths, timeoutMs: cleanupMs, log: input.onLine });
  const results = applyCleanup(read.results, problems.map((p) => `${p} (after the gate's own attempt)`));
  const used = read.browser ?? ('error' in browser ? undefined : browser.describe);
  return { results, ...(used ? { browser: used } : {}), ...(token ? { token } : {}) };
}
