/** Pure helpers of RB-05. */

const POOL_FIELDS = ['pool_class', 'pooling', 'connections', 'utilization'];

/**
 * What the app's other database route says, for RB-05's message when `/api/health/db` is missing: the
 * real app answers `/api/health/database` with connection-pool statistics and runs no query, so it
 * proves nothing about connectivity (contract §2).
 */
export function describeDatabaseRoute(status: number | undefined, text: string, error?: string): string {
  const route = 'GET /api/health/database';
  if (status === undefined) return `${route} did not answer either (${error ?? 'no answer'})`;
  if (status !== 200) return `${route} answered ${status} too`;
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (!body) return `${route} answered 200 but not a JSON object`;
  if (body.database === 'connected') return `${route} answered 200 with "database": "connected" (only the runbook's route is missing)`;
  const pool = POOL_FIELDS.filter((f) => f in body);
  const kind = typeof body.database === 'string' ? ` for "database": "${body.database}"` : '';
  const what = pool.length > 0 ? `connection-pool statistics${kind} (${pool.join(', ')})` : `fields ${Object.keys(body).slice(0, 6).join(', ') || '(none)'}`;
  return `${route} answered 200 with ${what} but no connectivity field: it does not show that the database answers a query`;
}
