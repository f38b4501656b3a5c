import { resolve } from 'node:path';
import { resolveBrowser } from '../lib/browser.ts';
import { loadConfig, type Config } from '../lib/config/index.ts';
import { GateError } from '../lib/errors.ts';
import {
  checksPaths,
  HANDOFF_ENV,
  isInside,
  readHandoff,
  type BrowserHandoff,
  type ChecksConfig,
  type ChecksPaths,
} from '../lib/checks-contract/index.ts';

/**
 * Settings of one `playwright test` run. Under the gate they come from its hand-off document
 * (`CJ_CHECKS_RUN`, validated once by the gate, secrets by env only); a bare `npm run checks` reads
 * the same settings from CJ_* variables itself.
 */
export interface ChecksSettings {
  config: ChecksConfig;
  /** RB-09/10/11 run only when true: nightly runs skip generation unless CJ_WITH_GENERATION=1. */
  generation: boolean;
  /** The gate keeps `<authDir>/token.json` for its load phase and deletes the dir itself. */
  keepToken: boolean;
  paths: ChecksPaths;
  /** Where the browser is, or why there is none (resolved once, by lib/browser.ts). */
  browser: BrowserHandoff;
}

function configError(problems: string[]): GateError {
  const list = problems.map((p) => `  - ${p}`).join('\n');
  const err = new GateError('CONFIG', `invalid configuration for the checks (${problems.length} problem(s)):\n${list}`, problems);
  err.stack = `${err.name}: ${err.message}`; // the problems are the message; a stack trace would bury them
  return err;
}

function browserFor(chromiumPath: string | undefined): BrowserHandoff {
  try {
    return resolveBrowser(chromiumPath);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Under the gate: its document, plus the password from env (never in the document). */
function fromHandoff(file: string, env: Record<string, string | undefined>): ChecksSettings {
  let handoff;
  try {
    handoff = readHandoff(file);
  } catch (err) {
    throw err instanceof GateError ? configError([...err.problems]) : err;
  }
  const password = env.CJ_PASSWORD;
  if (!password) throw configError(['CJ_PASSWORD: is required (the gate passes it by env only)']);
  const config: ChecksConfig = { ...handoff.config, password };
  return { config, generation: handoff.generation, keepToken: handoff.keepToken, browser: handoff.browser, paths: checksPaths(config.outDir, config.authDir) };
}

/** A bare `npm run checks`: the CJ_* variables, validated like the gate validates them. */
function fromEnv(env: Record<string, string | undefined>, cwd: string): ChecksSettings {
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
  const paths = config ? checksPaths(resolve(cwd, config.outDir), resolve(cwd, config.authDir)) : undefined;
  if (paths && isInside(paths.authDir, paths.outDir)) {
    // Reports are uploaded by CI; the session must never end up there.
    problems.push(`CJ_AUTH_DIR: must not be inside the report directory CJ_OUT_DIR (${paths.outDir}), got ${paths.authDir}`);
  }
  if (problems.length > 0 || !config || !paths) throw configError(problems);
  return {
    config: { ...config, outDir: paths.outDir, authDir: paths.authDir },
    generation: config.mode !== 'nightly' || config.withGeneration,
    keepToken: env.CJ_KEEP_TOKEN === '1',
    paths,
    browser: browserFor(config.chromiumPath),
  };
}

/** Pure but for the browser lookup: the settings for this env, or GateError('CONFIG') listing every problem. */
export function checksSettingsFrom(env: Record<string, string | undefined>, cwd: string = process.cwd()): ChecksSettings {
  const file = env[HANDOFF_ENV];
  return file ? fromHandoff(file, env) : fromEnv(env, cwd);
}

let cached: ChecksSettings | undefined;

/** The settings of this process (memoized: they do not change during a run). */
export function checksSettings(): ChecksSettings {
  cached ??= checksSettingsFrom(process.env);
  return cached;
}
