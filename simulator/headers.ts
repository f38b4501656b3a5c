import type { IncomingMessage } from 'node:http';
import { hasFlag } from './fault-hooks.ts';
import type { SimState } from './state.ts';

/** The real app's security middleware (contract §8). Applied to every simulator response. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The names addSecurityHeaders may set (faults that strip headers name them from here). */
export const SECURITY_HEADERS = ['X-Content-Type-Options', 'X-Frame-Options', 'Content-Security-Policy', 'Strict-Transport-Security', 'X-XSS-Protection', 'Referrer-Policy', 'Permissions-Policy'] as const;

/** Adds the security headers of every response (HSTS only outside debug mode). */
export function addSecurityHeaders(h: Record<string, string>, state: SimState): void {
  h['X-Content-Type-Options'] = 'nosniff';
  h['X-Frame-Options'] = 'DENY';
  h['Content-Security-Policy'] = CSP;
  if (!state.debug()) h['Strict-Transport-Security'] = HSTS;
  h['X-XSS-Protection'] = '1; mode=block';
  h['Referrer-Policy'] = 'strict-origin-when-cross-origin';
  h['Permissions-Policy'] = 'geolocation=(), microphone=(), camera=(), payment=(), usb=()';
}

const PROD_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const PROD_HEADERS = ['accept', 'accept-language', 'authorization', 'content-language', 'content-type', 'origin', 'x-requested-with'];

/** Echo-any-origin modes: debug mode, or a fault that opens CORS. */
function permissive(state: SimState): boolean {
  return state.debug() || hasFlag(state, 'corsOpen');
}

function allowed(state: SimState, origin: string): boolean {
  return permissive(state) || state.opts.corsOrigins.includes(origin);
}

/** Starlette CORSMiddleware on a simple (non-preflight) request: no ACAO for a foreign origin. */
export function addCorsHeaders(h: Record<string, string>, req: IncomingMessage, state: SimState): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  h['Vary'] = h['Vary'] ? `${h['Vary']}, Origin` : 'Origin';
  if (!allowed(state, origin)) return;
  h['Access-Control-Allow-Origin'] = origin;
  h['Access-Control-Allow-Credentials'] = 'true';
  h['Access-Control-Expose-Headers'] = permissive(state) ? '*' : 'X-Process-Time, X-Total-Count';
}

export const isPreflight = (req: IncomingMessage): boolean =>
  req.method === 'OPTIONS' && req.headers.origin !== undefined && req.headers['access-control-request-method'] !== undefined;

/** A preflight answer: 200 "OK", or 400 naming what is disallowed ("Disallowed CORS origin"). */
export function preflight(req: IncomingMessage, state: SimState): { status: number; text: string; headers: Record<string, string> } {
  const origin = req.headers.origin ?? '';
  const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
  const requested = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const open = permissive(state);
  const failures: string[] = [];
  if (!allowed(state, origin)) failures.push('origin');
  if (!open && !PROD_METHODS.includes(method)) failures.push('method');
  if (!open && requested.some((r) => !PROD_HEADERS.includes(r))) failures.push('headers');
  const headers: Record<string, string> = {
    Vary: 'Origin',
    'Access-Control-Allow-Methods': PROD_METHODS.join(', '),
    'Access-Control-Max-Age': '3600',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Headers': open && requested.length > 0 ? requested.join(', ') : PROD_HEADERS.join(', '),
  };
  if (failures.length > 0) return { status: 400, text: `Disallowed CORS ${failures.join(', ')}`, headers };
  headers['Access-Control-Allow-Origin'] = origin;
  return { status: 200, text: 'OK', headers };
}
