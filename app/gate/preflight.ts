import { catalogEntry } from '../../lib/runbook/catalog.ts';
import { describeRedirect, httpCall, parseJson } from '../../lib/http.ts';
import type { CheckResult } from '../../lib/verdict/types.ts';

export interface PreflightOutcome {
  ok: boolean;
  /** Gate-level testcase: RB-01's precondition, pass or fail. */
  result: CheckResult;
  /** `version` from /health when it answered JSON with one. */
  version?: string;
}

/** A load balancer may send /health to /health/ on the same origin; more hops than this is a loop. */
const SAME_ORIGIN_REDIRECTS = 3;

/** "Retry-After: 30 s", "Retry-After: Fri, 09 Jan 2026 14:03:00 GMT", or that there was none. */
function retryAfterText(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return 'no Retry-After header';
  return /^\d+$/.test(value.trim()) ? `Retry-After: ${value.trim()} s` : `Retry-After: ${value.trim()}`;
}

/**
 * Step 1 of the gate: does the target resolve and answer GET /health within the deadline? Any HTTP
 * answer counts (a 503 is RB-01's business); no answer fails RB-01, which is a rollback trigger, and
 * the message names what happened: refused, DNS, TLS and its certificate error, timeout, reset. A
 * redirect to another origin fails too: the gate judges the target, not whatever it points to.
 */
export async function preflight(baseUrl: string, timeoutMs: number, signal?: AbortSignal): Promise<PreflightOutcome> {
  const entry = catalogEntry('RB-01');
  const base = { id: 'RB-01', title: 'RB-01 preflight: target reachable (GET /health answers in time)', severity: entry.severity, source: 'gate' as const };
  const url = `${baseUrl}/health`;
  const out = await httpCall(url, { timeoutMs, signal, headers: { accept: 'application/json' }, sameOriginRedirects: SAME_ORIGIN_REDIRECTS });
  const timing = { measured: Math.round(out.durationMs), unit: 'ms', durationMs: out.durationMs };
  if (out.failure?.kind === 'interrupted') {
    // Interrupted is not "unreachable": no evidence either way.
    return { ok: false, result: { ...base, status: 'error', message: 'interrupted before the target answered', durationMs: out.durationMs } };
  }
  if (out.status === 0) {
    return { ok: false, result: { ...base, status: 'fail', message: `GET ${url}: ${out.error ?? 'no response'}`, ...timing } };
  }
  const redirected = describeRedirect(out);
  if (redirected) return { ok: false, result: { ...base, status: 'fail', message: `GET ${url}: ${redirected}`, ...timing } };
  if (out.status === 429) {
    // Rate-limited before anything ran: the checks would only fail on it (and spend more of the budget).
    const message = `GET ${url} answered 429 Too Many Requests (${retryAfterText(out.headers['retry-after'])}): the target is rate-limiting this client`;
    return { ok: false, result: { ...base, status: 'fail', message, ...timing } };
  }
  const json = parseJson(out.body) as { version?: unknown } | undefined;
  const version = typeof json?.version === 'string' ? json.version : undefined;
  const message = `HTTP ${out.status} in ${Math.round(out.durationMs)} ms${version ? `, version ${version}` : ''}`;
  const result: CheckResult = { ...base, status: 'pass', message, ...timing };
  return version ? { ok: true, result, version } : { ok: true, result };
}
