/**
 * Pushes metrics.prom to a Prometheus Pushgateway over its plain HTTP API (no client library: one
 * PUT of the text we already render). PUT replaces the whole group, so a check that a run did not
 * report leaves no stale value from an earlier run behind.
 */
import { httpCall } from '../http.ts';

const PUSH_JOB = 'jumpstart_gate';

export interface PushOptions {
  /** Job name (default jumpstart_gate). */
  job?: string;
  /** Grouping labels besides the job, e.g. { target, mode }. */
  grouping: Record<string, string>;
  /** Deadline of the whole request: a slow Pushgateway must not hold the run. */
  timeoutMs: number;
}

export type PushOutcome = { ok: true; detail: string } | { ok: false; warning: string };

const PLAIN = /^[A-Za-z0-9_.~:-]+$/;

/**
 * One path segment pair of the grouping key. Values a path cannot hold as such (a slash in a URL,
 * an empty value, anything beyond plain characters) use the Pushgateway's `@base64` form (RFC 4648
 * URL-safe alphabet; `=` alone for the empty string).
 */
function segment(name: string, value: string): string {
  if (PLAIN.test(value)) return `${name}/${value}`;
  if (value === '') return `${name}@base64/=`;
  return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url')}`;
}

/** Pure: the group's URL under the Pushgateway's base URL (which may carry a route prefix). */
export function groupUrl(base: string, job: string, grouping: Record<string, string>): URL {
  const url = new URL(base);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  const path = [segment('job', job), ...Object.entries(grouping).map(([k, v]) => segment(k, v))].join('/');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics/${path}`;
  return url;
}

/** Basic auth from the URL's user info, which is sent as a header and never printed. */
function authHeader(base: URL): Record<string, string> {
  if (!base.username && !base.password) return {};
  const pair = `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`;
  return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

/** The Pushgateway's address for messages: origin and path, never credentials. */
function shown(base: URL): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
}

/**
 * PUTs `text` to the group. Never throws: a Pushgateway that is down, slow (bounded by `timeoutMs`)
 * or refuses the metrics is a warning for the caller; it never changes the verdict.
 */
export async function pushMetrics(url: string, text: string, options: PushOptions): Promise<PushOutcome> {
  let base: URL;
  try {
    base = new URL(url);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`protocol ${base.protocol}`);
  } catch (err) {
    return { ok: false, warning: `metrics not pushed: the Pushgateway URL is not an http(s) URL (${(err as Error).message})` };
  }
  const target = groupUrl(url, options.job ?? PUSH_JOB, options.grouping);
  const out = await httpCall(target.href, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', ...authHeader(base) },
    body: text,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: 4096,
  });
  if (out.status >= 200 && out.status < 300) return { ok: true, detail: `metrics pushed to the Pushgateway at ${shown(base)} (HTTP ${out.status})` };
  const why = out.status === 0 ? (out.error ?? 'no response') : `HTTP ${out.status}${out.body.trim() ? `: ${out.body.trim().slice(0, 300)}` : ''}`;
  return { ok: false, warning: `metrics not pushed to the Pushgateway at ${shown(base)}: ${why}` };
}
