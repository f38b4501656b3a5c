import { timingSafeEqual } from 'node:crypto';
import { hasFlag } from './fault-hooks.ts';
import { HttpError, json, type Reply } from './http.ts';
import type { RateLimitName } from './ratelimit.ts';
import { userOut } from './serialize.ts';
import type { Ctx, Route } from './state.ts';
import { addUser, hashPassword, type User } from './store.ts';
import { signToken, verifyToken } from './jwt.ts';
import { validateBody } from './validate.ts';

const BEARER = { 'WWW-Authenticate': 'Bearer' };

/** get_current_user: the exact 401 details of contract §3. A fault with authOpen lets token-less requests in as the seeded user. */
export function requireUser(ctx: Ctx): User {
  const { state } = ctx;
  const header = ctx.req.headers.authorization;
  const m = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) {
    if (hasFlag(state, 'authOpen')) return state.seededUser;
    throw new HttpError(401, 'Not authenticated', BEARER);
  }
  const claims = verifyToken(state.jwtKey, m[1] as string);
  if (!claims) throw new HttpError(401, 'Invalid authentication credentials', BEARER);
  if (claims.type !== 'access') throw new HttpError(401, 'Invalid token type', BEARER);
  const user = state.store.users.get(claims.sub);
  if (!user) throw new HttpError(401, 'User not found', BEARER);
  if (!user.is_active) throw new HttpError(401, 'Inactive user', BEARER);
  return user;
}

/** slowapi's check, done inside the handler after dependencies (so 401/422 never count). */
export function limit(ctx: Ctx, name: RateLimitName): void {
  const message = ctx.state.limiter.hit(name, ctx.ip);
  if (message !== undefined) throw new HttpError(429, message, undefined, { error: message });
}

function passwordMatches(user: User, password: string): boolean {
  return timingSafeEqual(user.passwordHash, hashPassword(password));
}

function tokens(ctx: Ctx, user: User) {
  const key = ctx.state.jwtKey;
  return { access_token: signToken(key, user.id, 'access'), refresh_token: signToken(key, user.id, 'refresh'), token_type: 'bearer' };
}

async function login(ctx: Ctx): Promise<Reply> {
  const body = validateBody(await ctx.body(), { email: { type: 'email', required: true }, password: { type: 'str', required: true, min: 1, max: 200 } }, 'ignore');
  // Counted like the rate limit counts: every call past body validation, 429s included.
  ctx.state.stats.logins += 1;
  limit(ctx, 'login');
  const email = String(body['email']).toLowerCase();
  const user = [...ctx.state.store.users.values()].find((u) => u.email.toLowerCase() === email);
  if (!user || !passwordMatches(user, String(body['password']))) throw new HttpError(401, 'Incorrect email or password');
  if (!user.is_active) throw new HttpError(403, 'Inactive user');
  return json(200, { ...tokens(ctx, user), user: userOut(user) });
}

async function refresh(ctx: Ctx): Promise<Reply> {
  const body = validateBody(await ctx.body(), { refresh_token: { type: 'str', required: true } }, 'ignore');
  limit(ctx, 'refresh');
  const claims = verifyToken(ctx.state.jwtKey, String(body['refresh_token']));
  if (!claims || claims.type !== 'refresh') throw new HttpError(401, 'Invalid refresh token');
  const user = ctx.state.store.users.get(claims.sub);
  if (!user || !user.is_active) throw new HttpError(401, 'User not found or inactive');
  return json(200, tokens(ctx, user));
}

function strongPassword(v: unknown): string | undefined {
  const s = String(v);
  if (s.length < 8 || !/[A-Z]/.test(s) || !/[a-z]/.test(s) || !/\d/.test(s))
    return 'Password must be at least 8 characters and contain an uppercase letter, a lowercase letter and a digit';
  return undefined;
}

/** Registration creates an inactive user (contract §3): its tokens stay unusable. */
async function register(ctx: Ctx): Promise<Reply> {
  const body = validateBody(
    await ctx.body(),
    { email: { type: 'email', required: true }, password: { type: 'str', required: true, max: 200, check: strongPassword }, full_name: { type: 'str', required: true, min: 2, max: 100 } },
    'forbid',
  );
  limit(ctx, 'register');
  const email = String(body['email']);
  if ([...ctx.state.store.users.values()].some((u) => u.email.toLowerCase() === email.toLowerCase())) throw new HttpError(400, 'Email already registered');
  const user = addUser(ctx.state.store, { email, password: String(body['password']), fullName: String(body['full_name']) });
  user.is_active = false;
  return json(201, { ...tokens(ctx, user), user: userOut(user) });
}

export const authRoutes: Route[] = [
  { method: 'POST', path: '/api/auth/login', handler: login, summary: 'Log in with JSON {email, password}', tag: 'auth' },
  { method: 'POST', path: '/api/auth/refresh', handler: refresh, summary: 'Exchange a refresh token', tag: 'auth' },
  { method: 'POST', path: '/api/auth/register', handler: register, summary: 'Register (the user starts inactive)', tag: 'auth' },
];
