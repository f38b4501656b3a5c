import { request } from 'undici';

/** What one bounded HTTP call gave: never throws, so callers turn every outcome into evidence. */
export interface HttpOutcome {
  /** HTTP status, or 0 when no response came (DNS, refused, reset, timeout). */
  status: number;
  /** Body text (truncated to `maxBodyBytes`), when a response came. */
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** Why no usable response came, naming the cause ("timed out after 2000 ms", "ENOTFOUND"). */
  error?: string;
  durationMs: number;
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Hard deadline for the whole exchange, body included. */
  timeoutMs: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

function causeOf(err: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code;
  const msg = e.cause?.message ?? e.message ?? String(err);
  return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
}

/**
 * One HTTP exchange with a deadline (DESIGN.md: bounded time for every network wait; TLS verified by
 * undici's defaults). Resolves with status 0 and `error` instead of throwing.
 */
export async function httpCall(url: string, options: HttpOptions): Promise<HttpOutcome> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const max = options.maxBodyBytes ?? 256 * 1024;
  try {
    const res = await request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      chunks.push(buf.subarray(0, max - size));
      size += buf.length;
      // Past the cap the rest is never used: leaving the loop destroys the body instead of draining it.
      if (size >= max) break;
    }
    return {
      status: res.statusCode,
      body: Buffer.concat(chunks).toString('utf8'),
      headers: res.headers,
      durationMs: performance.now() - started,
    };
  } catch (err) {
    return { status: 0, body: '', headers: {}, error: causeOf(err, options.timeoutMs, timeout.aborted), durationMs: performance.now() - started };
  }
}

/** Parses JSON, or returns undefined (a target that answers HTML where JSON is due is evidence, not a crash). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
