import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** One run per out dir: two runs writing into one dir would interleave their reports. */
export const LOCK_FILE = '.jumpstart-gate.lock';

export interface OutDirLock {
  path: string;
  release(): Promise<void>;
}

interface LockRecord {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is just not ours.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockRecord | undefined> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as Partial<LockRecord>;
    return typeof raw.pid === 'number' ? { pid: raw.pid, host: String(raw.host ?? ''), command: String(raw.command ?? '?'), startedAt: String(raw.startedAt ?? '?') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a lock that exists still counts, or undefined when it is stale (its process is gone, or it is
 * this very process: a container restarted with the same PID). Another host's lock cannot be checked.
 */
function holder(rec: LockRecord | undefined, path: string): string | undefined {
  if (!rec) return undefined;
  const who = `${rec.command} since ${rec.startedAt}`;
  if (rec.host !== hostname()) return `locked by a run on host ${rec.host} (PID ${rec.pid}, ${who}); delete ${path} if that run is gone`;
  if (rec.pid === process.pid || !alive(rec.pid)) return undefined;
  return `in use by a running jumpstart-gate (PID ${rec.pid}, ${who}); wait for it or use another --out`;
}

/** Takes the lock (O_EXCL), taking over one left by a dead process. */
export async function acquireLock(dir: string, command: string): Promise<OutDirLock | { busy: string }> {
  const path = join(dir, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o644);
      await fh.writeFile(`${JSON.stringify(record)}\n`);
      await fh.close();
      return { path, release: () => releaseLock(path) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const busy = holder(await readLock(path), path);
    if (busy) return { busy };
    await rm(path, { force: true });
  }
  return { busy: `could not take ${path}: another run took it at the same moment` };
}

/** Removes the lock only while it is still this process's. */
async function releaseLock(path: string): Promise<void> {
  const rec = await readLock(path);
  if (rec?.pid === process.pid && rec.host === hostname()) await rm(path, { force: true });
}
