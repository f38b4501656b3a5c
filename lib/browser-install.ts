/**
 * After `npm install`: make sure the browser checks (RB-07 … RB-13) have a Chromium. Without one the
 * gate still runs but those checks error and the verdict is at best inconclusive, which on a fresh
 * machine reads as a broken suite. Uses a Chromium already there (lib/browser.ts decides, as the gate
 * does), else Playwright's own download, else prints the one command that fixes it. Never fails the
 * install: a missing browser is reported, not thrown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { resolveBrowser } from './browser.ts';

/** Either variable set to anything but "" or "0" skips the step (the second is Playwright's own). */
const SKIP_VARS = ['CJ_SKIP_BROWSER_INSTALL', 'PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD'] as const;
/** Chromium is ~170 MB: a slow line gets time, a black-holed one does not hold the install for good. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

export interface EnsureDeps {
  env: Record<string, string | undefined>;
  /** Which Chromium the gate would use, or why there is none. */
  find: () => { found: string } | { missing: string };
  /** Playwright's `install chromium`, bounded; why it failed when it did. */
  install: () => { ok: true } | { ok: false; why: string };
  /** The command that installs a system Chromium here. */
  fix: string;
  log: (line: string) => void;
}

export type EnsureOutcome = 'skipped' | 'found' | 'installed' | 'missing';

/** The core, I/O injected: silent when a browser is there or the step is skipped. */
export function ensureBrowser(deps: EnsureDeps): EnsureOutcome {
  if (SKIP_VARS.some((v) => (deps.env[v] ?? '') !== '' && deps.env[v] !== '0')) return 'skipped';
  const before = deps.find();
  if ('found' in before) return 'found';
  if (deps.env.CHROMIUM_PATH) {
    // An explicit choice that is wrong: downloading another browser would not be used.
    deps.log(`${before.missing}; fix: set CHROMIUM_PATH to a Chromium binary, or unset it to use Playwright's or the system's.`);
    return 'missing';
  }
  deps.log(`no Chromium for the browser checks yet; downloading Playwright's (about 170 MB; skip with CJ_SKIP_BROWSER_INSTALL=1) ...`);
  const installed = deps.install();
  const after = deps.find();
  if ('found' in after) {
    deps.log(`browser checks will use ${after.found}`);
    return 'installed';
  }
  const why = installed.ok ? after.missing : installed.why;
  deps.log(`no Chromium for the browser checks (RB-07 … RB-13): Playwright's download did not work (${why}).`);
  deps.log(`fix: ${deps.fix}   (or set CHROMIUM_PATH to a Chromium binary)`);
  deps.log('until then the gate runs, but the browser checks report "error" and the verdict is at best inconclusive.');
  return 'missing';
}

/** The one command that installs a Chromium on this machine. */
export function fixCommand(platform: NodeJS.Platform, isDebian: boolean, isRoot: boolean): string {
  if (platform === 'linux' && isDebian) return `${isRoot ? '' : 'sudo '}apt-get install chromium`;
  return 'npx playwright install chromium';
}

function find(env: EnsureDeps['env']): { found: string } | { missing: string } {
  try {
    return { found: resolveBrowser(env.CHROMIUM_PATH || undefined).describe };
  } catch (err) {
    return { missing: (err as Error).message };
  }
}

/** The root error Playwright printed (e.g. "getaddrinfo ENOTFOUND cdn.playwright.dev"), not its "Failed to download" wrappers. */
function installError(output: string, fallback: string): string {
  const errors = output.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('Error: ')).map((l) => l.slice(7));
  const root = errors.find((e) => !/^(Failed to download|Download failure)/.test(e)) ?? errors[0];
  return (root ?? fallback).slice(0, 200);
}

function install(projectRoot: string, env: EnsureDeps['env']): { ok: true } | { ok: false; why: string } {
  const cli = createRequire(join(projectRoot, 'package.json')).resolve('@playwright/test/cli');
  const run = spawnSync(process.execPath, [cli, 'install', 'chromium'], { cwd: projectRoot, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) return { ok: false, why: run.error.message.includes('ETIMEDOUT') ? `no download within ${INSTALL_TIMEOUT_MS / 60_000} min` : run.error.message };
  if (run.status !== 0) return { ok: false, why: installError(`${run.stdout}\n${run.stderr}`, `playwright install exited with ${run.status ?? run.signal}`) };
  return { ok: true };
}

/** The I/O edge, for bin/postinstall.js. */
export function ensureBrowserHere(projectRoot: string, env: EnsureDeps['env'], log: (line: string) => void): EnsureOutcome {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return ensureBrowser({
    env,
    find: () => find(env),
    install: () => install(projectRoot, env),
    fix: fixCommand(process.platform, existsSync('/etc/debian_version'), isRoot),
    log,
  });
}
