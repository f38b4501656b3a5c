/**
 * The API client: what the real dashboard's axios instance does (contract §3). Relative `/api/...` URLs
 * (same origin), a Bearer header on every call, one refresh attempt on a 401, then back to /login.
 */
import { accessToken, clearSession, refreshToken, saveAccessToken } from './session.js';

/** An axios-like error: `message` is "Request failed with status code N", `detail` the server's words. */
class ApiError extends Error {
  /**
   * @param {number} status 0 for a network failure
   * @param {string} message
   * @param {string | undefined} detail
   * @param {unknown} [data]
   */
  constructor(status, message, detail, data) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.data = data;
  }
}

/** The server's explanation when there is one, else the generic message (what the real alerts show). */
export function errorDetail(/** @type {unknown} */ err) {
  if (err instanceof ApiError) return err.detail ?? err.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * What the real wizard's alerts print: `response.data.detail` (stringified as is, so a pydantic list
 * prints "[object Object]") when the body has a `detail`, else the axios message
 * ("Request failed with status code 500" for the app's global-handler 500s).
 */
export function responseDetail(/** @type {unknown} */ err) {
  if (err instanceof ApiError && err.data !== null && typeof err.data === 'object' && 'detail' in /** @type {object} */ (err.data)) return String(/** @type {any} */ (err.data).detail);
  return err instanceof Error ? err.message : 'Unknown error';
}

/** FastAPI details are strings, pydantic lists, or {code, message} objects. */
function detailOf(/** @type {any} */ data) {
  const d = data?.detail ?? data?.error;
  if (typeof d === 'string') return d;
  if (Array.isArray(d)) return d.map((e) => (e && typeof e.msg === 'string' ? e.msg : JSON.stringify(e))).join('; ');
  if (d && typeof d.message === 'string') return d.message;
  return undefined;
}

/** @type {Promise<boolean> | null} */
let refreshing = null;

/** One refresh shared by every request that hit a 401 at the same time. */
function refreshOnce() {
  refreshing ??= (async () => {
    const token = refreshToken();
    if (!token) return false;
    try {
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refresh_token: token }),
        cache: 'no-store',
      });
      if (!res.ok) return false;
      const body = await res.json();
      if (typeof body?.access_token !== 'string') return false;
      saveAccessToken(body.access_token);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * @param {string} method
 * @param {string} path
 * @param {{ body?: unknown, blob?: boolean }} [opts]
 */
async function send(method, path, opts) {
  /** @type {Record<string, string>} */
  const headers = { Accept: opts?.blob ? '*/*' : 'application/json' };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts?.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    // no-store: the posts list carries Cache-Control max-age=300, and a cached list would hide an edit.
    return await fetch(path, { method, headers, body: opts?.body === undefined ? undefined : JSON.stringify(opts.body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'Network Error', undefined);
  }
}

/**
 * Calls the API. Resolves to the parsed JSON (or `{ blob, headers }` with `blob: true`).
 * @param {string} method
 * @param {string} path
 * @param {{ body?: unknown, blob?: boolean }} [opts]
 * @returns {Promise<any>}
 */
export async function api(method, path, opts) {
  let res = await send(method, path, opts);
  if (res.status === 401 && !path.startsWith('/api/auth/')) {
    if (await refreshOnce()) res = await send(method, path, opts);
    if (res.status === 401) {
      clearSession();
      window.location.href = '/login';
      throw new ApiError(401, 'Request failed with status code 401', 'Session expired');
    }
  }
  if (!res.ok) {
    const text = await res.text();
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
    throw new ApiError(res.status, `Request failed with status code ${res.status}`, detailOf(data), data);
  }
  if (opts?.blob) return { blob: await res.blob(), headers: res.headers };
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** A list endpoint's items whether it answers a plain array or `{items, metadata}`. */
export function itemsOf(/** @type {any} */ data) {
  if (Array.isArray(data)) return data;
  return Array.isArray(data?.items) ? data.items : [];
}
