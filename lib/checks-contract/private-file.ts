import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a file only its owner can read, atomically (no half-written session for a reader). */
export function writePrivate(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** The parsed JSON of a file, or undefined when it is absent or not JSON (a reader decides what that means). */
export function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The token hand-off: the setup login writes `{access_token}`; the gate reuses it for load and clean-up. */
export function readToken(path: string): string | undefined {
  const raw = readJson(path) as { access_token?: unknown } | undefined;
  return typeof raw?.access_token === 'string' && raw.access_token !== '' ? raw.access_token : undefined;
}
