import { CrossOriginRedirect, MAX_REDIRECTS, nextRedirect, pathOf, tooManyMessage } from './redirects.ts';

/**
 * Calls that carry the bearer token go through Node's fetch, not Playwright's `request` fixture:
 * Playwright records its API calls (headers included) in traces and reports, and the token must
 * never reach those. Every call is bounded by a timeout and names the route when it fails.
 */
export interface ApiCall {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Milliseconds from sending to the full body. */
  ms: number;
}

/**
 * One call to the target. Same-origin redirects are followed (bounded); a redirect to another origin
 * throws CrossOriginRedirect naming its Location, so the token or password never leaves the target.
 */
export async function apiCall(baseUrl: string, path: string, call: ApiCall): Promise<ApiResponse> {
  const origin = new URL(baseUrl).origin;
  let method = call.method ?? 'GET';
  let url = baseUrl + path;
  let body = call.body;
  const started = performance.now();
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await send(url, method, body, call);
    const step = nextRedirect(origin, url, method, res.status, res.headers.get('location'));
    if (step.kind === 'none') return { ...res, ms: performance.now() - started };
    if (step.kind === 'cross-origin') throw new CrossOriginRedirect(step.message, step.location);
    url = step.url;
    method = step.method;
    if (!step.keepBody) body = undefined;
  }
  throw new Error(tooManyMessage(call.method ?? 'GET', path));
}

async function send(url: string, method: string, body: unknown, call: ApiCall): Promise<Omit<ApiResponse, 'ms'>> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (err) {
    const e = err as Error;
    const cause = e.name === 'TimeoutError' ? `no answer within ${call.timeoutMs} ms` : `${e.message}${e.cause ? ` (${String((e.cause as Error).message ?? e.cause)})` : ''}`;
    throw new Error(`${method} ${pathOf(url)}: ${cause}`);
  }
}

/** Parses JSON or throws naming the route and what came instead. */
export function jsonOf(res: ApiResponse, what: string): unknown {
  try {
    return JSON.parse(res.text) as unknown;
  } catch {
    const type = res.headers.get('content-type') ?? 'no content type';
    throw new Error(`${what} answered ${res.status} with ${type}, not JSON: ${snippet(res.text)}`);
  }
}

export function snippet(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || '(empty body)';
}

/** Items of a list route: the API answers either a bare array or `{items, metadata}` (contract §6). */
export function itemsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)) return (body as { items: unknown[] }).items;
  return undefined;
}
