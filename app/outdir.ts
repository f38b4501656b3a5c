import { constants } from 'node:fs';
import { access, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CHECKS_OUTPUTS, isInside } from '../lib/checks-contract/index.ts';
import { pseudoFilesystem } from '../lib/pseudo-fs.ts';
import { reportOutputs } from '../lib/report/registry.ts';
import { stringValue, type ParsedArgv } from './args.ts';
import { acquireLock, LOCK_FILE, type OutDirLock } from './lock.ts';

async function kindOf(path: string): Promise<'dir' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Makes `dir` exist, one level at a time (node's recursive mkdir never returns on /proc), after
 * checking that it is not a file and not on a pseudo filesystem. Returns the problem, if any.
 */
async function ensureDir(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const kind = await kindOf(at);
    if (kind === 'other') return at === dir ? `${dir} exists and is not a directory` : `${at} (on the way to ${dir}) is not a directory`;
    if (kind === 'dir') break;
    missing.unshift(at);
    if (dirname(at) === at) break;
    at = dirname(at);
  }
  const fs = await pseudoFilesystem(at);
  if (fs) return `${dir} is on ${fs}, not a place for reports`;
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (e) {
      return `cannot create ${d}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
  try {
    await access(dir, constants.W_OK | constants.X_OK);
  } catch {
    return `${dir} is not writable`;
  }
  return undefined;
}

/** --out as given (flag, else CJ_OUT_DIR, else reports): for a command without a config (trend), or a usage error's clean-up (no plan exists then). */
export function rawOutDir(args: ParsedArgv, env: NodeJS.ProcessEnv): string {
  return stringValue(args.values, 'out') ?? (env.CJ_OUT_DIR || 'reports');
}

/** For a command that writes into a dir without owning it (trend): the dir made usable, or the problem. */
export async function usableDir(dir: string): Promise<string | undefined> {
  return ensureDir(resolve(dir));
}

/** Report files of the load engines: load/<name>.json, .html, .junit.xml (and k6-<profile>.results.json). */
const LOAD_REPORT = /\.(json|html|junit\.xml)$/;

/** Removes the previous run's reports (only files the gate writes; never a path in `keep`). */
async function clearReports(dir: string, keep: readonly string[]): Promise<void> {
  const kept = (p: string) => keep.some((k) => isInside(k, p));
  const names = [...(await reportOutputs()).map((o) => o.file), ...CHECKS_OUTPUTS];
  for (const name of names) {
    const p = join(dir, name);
    if (!kept(p)) await rm(p, { recursive: true, force: true });
  }
  const loadDir = join(dir, 'load');
  let entries: string[] = [];
  try {
    entries = await readdir(loadDir);
  } catch {
    return;
  }
  for (const name of entries.filter((n) => LOAD_REPORT.test(n))) {
    const p = join(loadDir, name);
    if (!kept(p)) await rm(p, { force: true });
  }
  if ((await readdir(loadDir)).length === 0) await rm(loadDir, { recursive: true, force: true });
}

/**
 * Why a file kept across runs (the history) cannot live at `path`: it is, or sits inside, something a
 * run in the out dir `dir` writes or clears — a report, the checks' folders, the lock, the load
 * reports' folder. Undefined when it is safe there (or outside the out dir).
 */
export async function runOwnedPathProblem(dir: string, path: string): Promise<string | undefined> {
  const out = resolve(dir);
  const abs = resolve(path);
  if (!isInside(abs, out)) return undefined;
  const owned = [...(await reportOutputs()).map((o) => o.file), ...CHECKS_OUTPUTS, LOCK_FILE, 'load'];
  const hit = owned.find((name) => isInside(abs, join(out, name)));
  if (hit === undefined) return abs === out ? `${abs} is the out dir itself` : undefined;
  return `${abs} is ${abs === join(out, hit) ? '' : 'inside '}${hit}, which every run in ${out} rewrites or clears`;
}

export interface OutDirGuard {
  lock?: OutDirLock;
  /** Why the run must not start (exit 64), when it must not. */
  problem?: string;
}

/**
 * Before anything is sent: the out dir is a writable directory (created if missing), this run holds
 * its lock, and the previous run's reports are gone, so whatever is there at the end is this run's.
 */
export async function guardOutDir(dir: string, command: string, keep: readonly string[] = []): Promise<OutDirGuard> {
  const abs = resolve(dir);
  const problem = await ensureDir(abs);
  if (problem) return { problem: `--out (CJ_OUT_DIR): ${problem}` };
  let lock;
  try {
    lock = await acquireLock(abs, command);
  } catch (e) {
    return { problem: `--out (CJ_OUT_DIR): cannot write in ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if ('busy' in lock) return { problem: `--out (CJ_OUT_DIR): ${lock.busy}` };
  await clearReports(abs, keep.map((k) => resolve(k)));
  return { lock };
}

/**
 * A run that stops on a usage error (64) must not leave an earlier verdict behind (Argo would read
 * it): when the out dir exists and no live run holds it, its reports are removed. Best effort.
 */
export async function clearAfterUsageError(dir: string, command: string, keep: readonly string[] = []): Promise<void> {
  const abs = resolve(dir);
  if ((await kindOf(abs)) !== 'dir') return;
  try {
    const lock = await acquireLock(abs, command);
    if ('busy' in lock) return;
    try {
      await clearReports(abs, keep.map((k) => resolve(k)));
    } finally {
      await lock.release();
    }
  } catch {
    // not ours to fix here: the usage error is what gets reported
  }
}
