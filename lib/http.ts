import { request } from 'undici';
import { classifyFailure, type HttpFailure } from './http-failure.ts';

/** What one bounded HTTP call gave: never throws, so callers turn every outcome into evidence. */
export interface HttpOutcome {
  /** HTTP status, or 0 when no response came (DNS, refused, TLS, reset, timeout). */
  status: number;
  /** Body text (truncated to `maxBodyBytes`), when a response came. */
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** Why no usable response came, naming the cause (same text as `failure.message`). */
  error?: string;
  /** Why no response came, classified (status 0 only). */
  failure?: HttpFailure;
  /** A redirect that was not followed: its Location, resolved, and whether it leaves the origin. */
  redirect?: { location: string; crossOrigin: boolean };
  durationMs: number;
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Hard deadline for the whole exchange, redirects and body included. */
  timeoutMs: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /** Same-origin redirects to follow (default 0). A redirect to another origin is never followed. */
  sameOriginRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Hop {
  url: string;
  method: NonNullable<HttpOptions['method']>;
  body: string | undefined;
}

async function exchange(hop: Hop, options: HttpOptions, signal: AbortSignal): Promise<Omit<HttpOutcome, 'durationMs'>> {
  const max = options.maxBodyBytes ?? 256 * 1024;
  const res = await request(hop.url, { method: hop.method, headers: options.headers, body: hop.body, signal, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const buf = chunk as Buffer;
    chunks.push(buf.subarray(0, max - size));
    size += buf.length;
    // Past the cap the rest is never used: leaving the loop destroys the body instead of draining it.
    if (size >= max) break;
  }
  return { status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers };
}

/** The hop a redirect leads to, or why it is not followed. 303 (and 301/302 after a POST) become a GET, as browsers do. */
function nextHop(hop: Hop, status: number, location: string, origin: string): { hop?: Hop; redirect: NonNullable<HttpOutcome['redirect']> } {
  let target: URL;
  try {
    target = new URL(location, hop.url);
  } catch {
    return { redirect: { location, crossOrigin: true } };
  }
  const redirect = { location: target.href, crossOrigin: target.origin !== origin };
  if (redirect.crossOrigin) return { redirect };
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === 'POST');
  return { hop: { url: target.href, method: toGet ? 'GET' : hop.method, body: toGet ? undefined : hop.body }, redirect };
}

/**
 * One HTTP exchange with a deadline (DESIGN.md: bounded time for every network wait; TLS verified by
 * undici's defaults). Credentials travel in `headers` and `body`, so a redirect to another origin is
 * never followed: the outcome carries its Location for the caller to report. Resolves, never throws.
 */
export async function httpCall(url: string, options: HttpOptions): Promise<HttpOutcome> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let hop: Hop = { url, method: options.method ?? 'GET', body: options.body };
  let left = options.sameOriginRedirects ?? 0;
  try {
    const origin = new URL(url).origin;
    for (;;) {
      const out = await exchange(hop, options, signal);
      const location = out.headers.location;
      if (!REDIRECTS.has(out.status) || typeof location !== 'string') return { ...out, durationMs: performance.now() - started };
      const next = nextHop(hop, out.status, location, origin);
      if (!next.hop || left-- <= 0) return { ...out, redirect: next.redirect, durationMs: performance.now() - started };
      hop = next.hop;
    }
  } catch (err) {
    const failure = classifyFailure(err, hop.url, options.timeoutMs, { timedOut: timeout.aborted, interrupted: options.signal?.aborted === true });
    return { status: 0, body: '', headers: {}, error: failure.message, failure, durationMs: performance.now() - started };
  }
}

/** "redirected to another origin (Location: https://elsewhere/x), not followed", for messages. */
export function describeRedirect(out: Pick<HttpOutcome, 'status' | 'redirect'>): string | undefined {
  if (!out.redirect) return undefined;
  const where = out.redirect.crossOrigin ? 'to another origin' : 'more often than the gate follows';
  return `HTTP ${out.status} redirected ${where} (Location: ${out.redirect.location}), not followed`;
}

/** Parses JSON, or returns undefined (a target that answers HTML where JSON is due is evidence, not a crash). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
