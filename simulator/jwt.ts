import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256 JWTs with the real app's claims (sub, exp, type). The dashboard never decodes them. */
export interface Claims {
  sub: string;
  exp: number;
  type: 'access' | 'refresh';
}

const ACCESS_TTL_S = 30 * 60;
const REFRESH_TTL_S = 7 * 24 * 60 * 60;

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signToken(key: Buffer, sub: string, type: Claims['type'], nowS = Math.floor(Date.now() / 1000)): string {
  const payload = b64url(JSON.stringify({ sub, exp: nowS + (type === 'access' ? ACCESS_TTL_S : REFRESH_TTL_S), type }));
  const sig = createHmac('sha256', key).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${sig}`;
}

/** The claims of a valid, unexpired token; undefined for anything else (bad shape, signature or expiry). */
export function verifyToken(key: Buffer, token: string, nowS = Math.floor(Date.now() / 1000)): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const expected = createHmac('sha256', key).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown };
    if (header.alg !== 'HS256') return undefined;
    const c = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Partial<Claims>;
    if (typeof c.sub !== 'string' || typeof c.exp !== 'number' || (c.type !== 'access' && c.type !== 'refresh')) return undefined;
    if (c.exp <= nowS) return undefined;
    return { sub: c.sub, exp: c.exp, type: c.type };
  } catch {
    return undefined;
  }
}
