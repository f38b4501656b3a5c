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

export async function apiCall(baseUrl: string, path: string, call: ApiCall): Promise<ApiResponse> {
  const method = call.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  try {
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, ms: performance.now() - started };
  } catch (err) {
    const e = err as Error;
    const cause = e.name === 'TimeoutError' ? `no answer within ${call.timeoutMs} ms` : `${e.message}${e.cause ? ` (${String((e.cause as Error).message ?? e.cause)})` : ''}`;
    throw new Error(`${method} ${path}: ${cause}`);
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
