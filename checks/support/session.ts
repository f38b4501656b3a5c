import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What the setup login proved, without the token itself (RB-04's evidence, the browser checks' prerequisite). */
export interface LoginOutcome {
  ok: boolean;
  /** HTTP status, when the target answered at all. */
  status?: number;
  /** Why the login did not produce a session, naming the route, status and body. */
  cause?: string;
  tokenType?: string;
  ms?: number;
  userEmail?: string;
}

/** The parts of the contract's TokenResponse (§3) the suite relies on. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  refresh_token: z.string().optional(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    full_name: z.string().nullable().optional(),
  }),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Writes a file only its owner can read, atomically (no half-written session for a reader). */
export function writePrivate(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

export function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function readLogin(path: string): LoginOutcome | undefined {
  const raw = readJson(path);
  return raw && typeof raw === 'object' && typeof (raw as LoginOutcome).ok === 'boolean' ? (raw as LoginOutcome) : undefined;
}

export function readToken(path: string): string | undefined {
  const raw = readJson(path) as { access_token?: unknown } | undefined;
  return typeof raw?.access_token === 'string' && raw.access_token !== '' ? raw.access_token : undefined;
}

/**
 * The dashboard counts as logged in when localStorage holds `access_token` and `user` (contract §3).
 * The refresh token is left out on purpose: one secret less on disk, and runs are far shorter than
 * the access token's 30 minutes.
 */
export function storageStateFor(origin: string, login: TokenResponse): object {
  const u = login.user;
  const name = u.full_name || u.email.split('@')[0] || u.email;
  const user = JSON.stringify({ id: u.id, email: u.email, name, role: 'operator' });
  return {
    cookies: [],
    origins: [{ origin, localStorage: [{ name: 'access_token', value: login.access_token }, { name: 'user', value: user }] }],
  };
}
