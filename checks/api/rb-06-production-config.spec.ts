// RB-06 — runbook "Pre-Deployment Checklist / Configuration" verified live: debug off, CORS refuses a
// foreign origin, and CSP, nosniff and frame protection on the page, a deep link and an API answer
// (HSTS too on https). The real app omits them on SPA deep links (contract §8): that fails here.
import { checksSettings } from '../env.ts';
import { ensure, record } from '../support/outcome.ts';
import { requestSameOrigin } from '../support/request.ts';
import { test } from '../support/test.ts';
import { corsProblem, securityHeaderProblems } from './headers.ts';

const FOREIGN_ORIGIN = 'https://gate-probe.invalid';
/** The page, an SPA deep link (served by the fallback, where the real app drops its headers) and an API answer. */
const HEADER_PAGES: Record<string, string> = { '/': '/', '/dashboard/wizard': 'SPA deep link /dashboard/wizard', '/api/health': '/api/health' };

test('RB-06 production configuration: debug off, CORS refuses a foreign origin, security headers present', async ({ request }) => {
  const { config } = checksSettings();
  const timeout = config.requestTimeoutMs;
  const problems: string[] = [];

  const get = (path: string, headers?: Record<string, string>, method = 'GET') => requestSameOrigin(request, config.baseUrl, path, { timeout, headers, method });

  // /health itself is RB-01's: when it does not answer, the debug flag cannot be read here (say so).
  const health = await get('/health');
  const body = (await health.json().catch(() => undefined)) as { debug_mode?: unknown } | undefined;
  if (health.status() !== 200 || body === undefined) record({ message: `debug mode not read: /health answered ${health.status()} (see RB-01)` });
  else if (body.debug_mode !== false) problems.push(`debug mode: /health debug_mode is ${JSON.stringify(body.debug_mode)}, expected false`);

  const preflight = await get('/api/projects/', { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' }, 'OPTIONS');
  const p = corsProblem('preflight OPTIONS /api/projects/', FOREIGN_ORIGIN, preflight.headers());
  if (p) problems.push(p);
  const simple = await get('/api/health', { origin: FOREIGN_ORIGIN });
  const s = corsProblem('GET /api/health', FOREIGN_ORIGIN, simple.headers());
  if (s) problems.push(s);

  const https = new URL(config.baseUrl).protocol === 'https:';
  for (const [path, label] of Object.entries(HEADER_PAGES)) {
    const res = await get(path);
    const missing = securityHeaderProblems(res.headers(), https);
    if (missing.length > 0) problems.push(`${label} (${res.status()}) lacks ${missing.join(', ')}`);
  }
  ensure(problems.length === 0, problems.join('; '));
});
