/**
 * The file edge of the scrubber: one file, or every file under a directory, scrubbed in place.
 * Synchronous per file because Playwright calls its reporters synchronously; the sweep yields between
 * files so a signal arriving meanwhile is still handled.
 */
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMedia, scrubBytes } from './bytes.ts';

/** Larger files are not read into memory; nothing the suite writes comes near this. */
const MAX_BYTES = 200 * 1024 * 1024;
const MAX_DEPTH = 16;

/** Regular files under `dir` (symlinks not followed, so nothing outside the tree is touched). */
function filesUnder(dir: string, depth = MAX_DEPTH): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && depth > 0) files.push(...filesUnder(p, depth - 1));
    else if (e.isFile()) files.push(p);
  }
  return files;
}

/** Scrubs one file in place; true when something was replaced. A file that vanished or is too large is left alone. */
export function scrubFile(path: string, secrets: readonly string[]): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size > MAX_BYTES || isMedia(path)) return false;
  const clean = scrubBytes(readFileSync(path), secrets);
  if (clean) writeFileSync(path, clean);
  return clean !== undefined;
}

/** Scrubs every file under `dir`; returns the files that changed. */
export function scrubTree(dir: string, secrets: readonly string[]): string[] {
  return filesUnder(dir).filter((file) => scrubFile(file, secrets));
}

/**
 * Last line of defence after a run: every file under the out dir (ours and the checks' reports,
 * traces, HTML report) scrubbed of secrets and tokens in place. Returns the files it changed.
 */
export async function sweepSecrets(dir: string, secrets: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of filesUnder(dir)) {
    if (scrubFile(file, secrets)) changed.push(file);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return changed;
}
