import { z } from 'zod';
import { readJson } from '../../lib/checks-contract/index.ts';

// The private-file and token hand-off helpers are part of the gate↔checks contract (lib/checks-contract).
export { readJson, readToken, writePrivate } from '../../lib/checks-contract/index.ts';

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

export function readLogin(path: string): LoginOutcome | undefined {
  const raw = readJson(path);
  return raw && typeof raw === 'object' && typeof (raw as LoginOutcome).ok === 'boolean' ? (raw as LoginOutcome) : undefined;
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
