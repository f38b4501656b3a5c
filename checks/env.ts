import { isAbsolute, join, relative, resolve } from 'node:path';
import { GateError } from '../lib/errors.ts';
import { loadConfig, type Config } from '../lib/config/index.ts';

/**
 * Settings of one `playwright test` run, read from env by every process of the run (the runner, each
 * worker, global setup/teardown, the reporter) so they all agree on targets, modes and file locations.
 */
export interface ChecksSettings {
  config: Config;
  /** RB-09/10/11 run only when true: nightly runs skip generation unless CJ_WITH_GENERATION=1. */
  generation: boolean;
  /** CJ_KEEP_TOKEN=1: the gate keeps `<authDir>/token.json` for its load phase and deletes the dir itself. */
  keepToken: boolean;
  paths: ChecksPaths;
}

export interface ChecksPaths {
  outDir: string;
  authDir: string;
  /** Playwright storage state: localStorage `access_token` + `user` of the target origin. */
  storageState: string;
  /** `{access_token}` for the gate's load phase (0600). */
  token: string;
  /** Outcome of the setup login, without any token: RB-04's evidence and the browser checks' prerequisite. */
  login: string;
  /** Shared state of the browser flow RB-08 → RB-13 (survives worker restarts). */
  flow: string;
  junit: string;
  htmlReport: string;
  testResults: string;
  checksJson: string;
  /** Written by global teardown (project deletion), merged into checks.json by the reporter. */
  cleanup: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function checksPaths(config: Pick<Config, 'outDir' | 'authDir'>, cwd: string = process.cwd()): ChecksPaths {
  const outDir = resolve(cwd, config.outDir);
  const authDir = resolve(cwd, config.authDir);
  return {
    outDir,
    authDir,
    storageState: join(authDir, 'storage-state.json'),
    token: join(authDir, 'token.json'),
    login: join(authDir, 'login.json'),
    flow: join(authDir, 'flow.json'),
    junit: join(outDir, 'checks-junit.xml'),
    htmlReport: join(outDir, 'playwright-report'),
    testResults: join(outDir, 'test-results'),
    checksJson: join(outDir, 'checks.json'),
    cleanup: join(outDir, 'checks-cleanup.json'),
  };
}

/** Pure: the settings for this env, or GateError('CONFIG') listing every problem with its variable. */
export function checksSettingsFrom(env: Record<string, string | undefined>, cwd: string = process.cwd()): ChecksSettings {
  let config: Config | undefined;
  const problems: string[] = [];
  try {
    config = loadConfig({ env, require: ['email', 'password'] });
  } catch (err) {
    if (!(err instanceof GateError)) throw err;
    problems.push(...(err.problems.length > 0 ? err.problems : [err.message]));
  }
  if (env.CJ_KEEP_TOKEN !== undefined && !['', '0', '1'].includes(env.CJ_KEEP_TOKEN)) {
    problems.push(`CJ_KEEP_TOKEN: must be 1 or 0, got ${JSON.stringify(env.CJ_KEEP_TOKEN)}`);
  }
  const paths = config ? checksPaths(config, cwd) : undefined;
  if (paths && isInside(paths.authDir, paths.outDir)) {
    // Reports are uploaded by CI; the session must never end up there.
    problems.push(`CJ_AUTH_DIR: must not be inside the report directory CJ_OUT_DIR (${paths.outDir}), got ${paths.authDir}`);
  }
  if (problems.length > 0 || !config || !paths) {
    const list = problems.map((p) => `  - ${p}`).join('\n');
    const err = new GateError('CONFIG', `invalid configuration for the checks (${problems.length} problem(s)):\n${list}`, problems);
    err.stack = `${err.name}: ${err.message}`; // the problems are the message; a stack trace would bury them
    throw err;
  }
  return {
    config,
    generation: config.mode !== 'nightly' || config.withGeneration,
    keepToken: env.CJ_KEEP_TOKEN === '1',
    paths,
  };
}

let cached: ChecksSettings | undefined;

/** The settings of this process (memoized: env does not change during a run). */
export function checksSettings(): ChecksSettings {
  cached ??= checksSettingsFrom(process.env);
  return cached;
}
