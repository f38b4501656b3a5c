// RB-05 — runbook "Post-Deployment Verification" step 5 and rollback trigger "Database connection
// failures": GET /api/health/db answers 200 with database "connected". Its latency feeds RB-16.
// The real app at HEAD has no such route (contract §2): this check fails there, as the runbook wants,
// and says what the app's other route, /api/health/database, reports instead.
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { ensure, record } from '../support/outcome.ts';
import { requestSameOrigin } from '../support/request.ts';
import { test } from '../support/test.ts';
import { describeDatabaseRoute } from './database.ts';

test('RB-05 database connection: /api/health/db 200 with database connected', async ({ request }) => {
  const { config } = checksSettings();
  const get = (path: string) => requestSameOrigin(request, config.baseUrl, path, { timeout: config.requestTimeoutMs });
  const started = performance.now();
  const res = await get('/api/health/db');
  const text = await res.text();
  const ms = performance.now() - started;
  record({ measured: ms, unit: 'ms', message: `GET /api/health/db took ${Math.round(ms)} ms` });
  if (res.status() === 404) {
    const alt = await get('/api/health/database').catch((err: Error) => err);
    const found = alt instanceof Error ? describeDatabaseRoute(undefined, '', alt.message) : describeDatabaseRoute(alt.status(), await alt.text());
    throw new Error(`GET /api/health/db answered 404, expected 200 with "database": "connected": ${snippet(text)}; ${found}`);
  }
  ensure(res.status() === 200, `GET /api/health/db answered ${res.status()}, expected 200 with "database": "connected": ${snippet(text)}`);
  let body: { database?: unknown } | undefined;
  try {
    body = JSON.parse(text) as { database?: unknown };
  } catch {
    body = undefined;
  }
  ensure(body && typeof body === 'object', `GET /api/health/db answered 200 but not JSON: ${snippet(text)}`);
  ensure(body.database === 'connected', `GET /api/health/db says database ${JSON.stringify(body.database)}, expected "connected": ${snippet(text)}`);
});
