import { createRequire } from 'node:module';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveBrowser } from '../../lib/browser.ts';
import type { Config } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';
import { markAll, requireEvidence } from '../../lib/verdict/evidence.ts';
import type { CheckResult } from '../../lib/verdict/types.ts';
import { checksEnv } from './checks-env.ts';
import { parseChecksFile } from '../../lib/checks-contract/checks-file.ts';
import { runChild } from '../spawn.ts';

export interface ChecksPhaseInput {
  config: Config;
  checkIds: readonly string[];
  /** Fresh, private directory for the session; the caller deletes it. */
  authDir: string;
  projectRoot: string;
  baseEnv: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
  onLine: (line: string) => void;
}

export interface ChecksPhaseOutput {
  results: CheckResult[];
  /** The session token the checks left for the load phase (CJ_KEEP_TOKEN=1). */
  token?: string;
  browser?: string;
}

async function readToken(authDir: string): Promise<string | undefined> {
  try {
    const json = JSON.parse(await readFile(join(authDir, 'token.json'), 'utf8')) as { access_token?: unknown };
    return typeof json.access_token === 'string' && json.access_token.length > 0 ? json.access_token : undefined;
  } catch {
    return undefined;
  }
}

function playwrightCli(projectRoot: string): string {
  return createRequire(join(projectRoot, 'package.json')).resolve('@playwright/test/cli');
}

/**
 * Step 2a: the Playwright checks, spawned as `playwright test` with the validated config as env.
 * Every way this can go wrong (no browser, runner crash, timeout, missing or invalid checks.json,
 * an id of the mode absent) ends as `error` results naming the cause.
 */
export async function runChecksPhase(input: ChecksPhaseInput): Promise<ChecksPhaseOutput> {
  const { config, checkIds } = input;
  // Without a browser the checks still run: the API checks report, the browser ones come back as
  // `error` naming where Playwright looked (playwright.config.ts), so the verdict is inconclusive at best.
  let browser: string | undefined;
  try {
    browser = resolveBrowser(config.chromiumPath).describe;
  } catch (e) {
    if (!(e instanceof GateError && e.code === 'BROWSER')) throw e;
    input.onLine(`no browser: ${e.message}`);
  }
  const checksJson = join(resolve(config.outDir), 'checks.json');
  // A report left by an earlier run must never stand in for this one.
  await rm(checksJson, { force: true });
  const run = await runChild({
    command: process.execPath,
    args: [playwrightCli(input.projectRoot), 'test'],
    cwd: input.projectRoot,
    env: checksEnv(config, input.authDir, input.baseEnv),
    timeoutMs: input.timeoutMs,
    ...(input.signal ? { signal: input.signal } : {}),
    onLine: (line) => input.onLine(line),
  });
  const token = await readToken(input.authDir);
  let why: string;
  if (run.spawnError) why = `could not start playwright: ${run.spawnError}`;
  else if (run.timedOut) why = `playwright did not finish within ${Math.round(input.timeoutMs / 1000)} s and was stopped`;
  else why = `playwright exited with ${run.code ?? run.signal} without a result for this check`;
  const outcome = (results: CheckResult[], used = browser): ChecksPhaseOutput => ({ results, ...(used ? { browser: used } : {}), ...(token ? { token } : {}) });
  let text: string;
  try {
    text = await readFile(checksJson, 'utf8');
  } catch {
    return outcome(markAll(checkIds, 'gate', 'error', `no checks.json: ${why}`));
  }
  try {
    const file = parseChecksFile(text);
    return outcome(requireEvidence(file.results, checkIds, 'gate', (id) => `checks.json has no result for ${id}: ${why}`), file.browser ?? browser);
  } catch (e) {
    return outcome(markAll(checkIds, 'gate', 'error', (e as Error).message));
  }
}
