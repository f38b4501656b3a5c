import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDatabaseRoute } from '../../../checks/api/database.ts';

test('RB-05 on a 404: /api/health/database pool statistics are named as no proof of connectivity', () => {
  const pg = JSON.stringify({ database: 'postgresql', pool_class: 'QueuePool', connections: { total: 1 }, settings: {}, utilization: { percent: 0 } });
  assert.equal(
    describeDatabaseRoute(200, pg),
    'GET /api/health/database answered 200 with connection-pool statistics for "database": "postgresql" (pool_class, connections, utilization) but no connectivity field: it does not show that the database answers a query',
  );
  assert.match(describeDatabaseRoute(200, JSON.stringify({ database: 'sqlite', pooling: 'disabled' })), /pool statistics for "database": "sqlite" \(pooling\)/);
  assert.equal(describeDatabaseRoute(200, '{"database":"connected"}'), 'GET /api/health/database answered 200 with "database": "connected" (only the runbook\'s route is missing)');
  assert.equal(describeDatabaseRoute(404, '{"detail":"Not Found"}'), 'GET /api/health/database answered 404 too');
  assert.equal(describeDatabaseRoute(200, '<html>'), 'GET /api/health/database answered 200 but not a JSON object');
  assert.equal(describeDatabaseRoute(undefined, '', 'no answer within 10 ms'), 'GET /api/health/database did not answer either (no answer within 10 ms)');
});
