/**
 * Same origin only: a check follows a redirect within the target's origin (e.g. FastAPI's 307 to the
 * trailing-slash form) and refuses one to any other origin, naming its Location, so that no credential
 * (password, bearer token) and no judgement ever moves to a host that is not the target.
 */

/** At most this many hops; a longer chain is a failure of its own. */
export const MAX_REDIRECTS = 5;

export type RedirectStep =
  | { kind: 'none' }
  | { kind: 'follow'; url: string; method: string; keepBody: boolean }
  | { kind: 'cross-origin'; location: string; message: string };

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Pure: what to do with one answer. `origin` is the target's origin; `from` the URL that answered.
 * 307/308 keep method and body (as browsers do); 303, and 301/302 to a POST, become a GET without body.
 */
export function nextRedirect(origin: string, from: string, method: string, status: number, location: string | null | undefined): RedirectStep {
  if (!REDIRECT.has(status) || !location) return { kind: 'none' };
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return { kind: 'cross-origin', location, message: crossOriginMessage(method, from, status, location, origin) };
  }
  if (to.origin !== origin) return { kind: 'cross-origin', location: to.href, message: crossOriginMessage(method, from, status, to.href, origin) };
  const keep = status === 307 || status === 308 || (method === 'GET' || method === 'HEAD');
  return { kind: 'follow', url: to.href, method: keep ? method : 'GET', keepBody: keep && method !== 'GET' && method !== 'HEAD' };
}

function crossOriginMessage(method: string, from: string, status: number, location: string, origin: string): string {
  return `${method} ${pathOf(from)} answered ${status} redirecting to ${location}, another origin than the target's ${origin}: not followed (credentials stay on the target)`;
}

export function tooManyMessage(method: string, path: string): string {
  return `${method} ${path}: more than ${MAX_REDIRECTS} redirects`;
}

/** "/api/x?y" of an absolute URL (messages name paths of the target, whole URLs of anything else). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** Thrown when a check meets a redirect to another origin: its message is the check's failure. */
export class CrossOriginRedirect extends Error {
  readonly location: string;

  constructor(message: string, location: string) {
    super(message);
    this.name = 'CrossOriginRedirect';
    this.location = location;
  }
}
