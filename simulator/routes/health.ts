import { performance } from 'node:perf_hooks';
import { json, type Reply } from '../http.ts';
import type { Ctx, Route } from '../state.ts';
import { pingStore } from '../store.ts';

/** The never-fed Anthropic tracker of contract §2: current is always 0. */
function usage(limit: number) {
  return { current: 0, limit, available: limit, utilization_pct: 0.0 };
}

function health(ctx: Ctx): Reply {
  const { state } = ctx;
  const body = {
    status: 'healthy',
    version: state.opts.version,
    debug_mode: state.debug(),
    rate_limits: { requests_per_minute: usage(2800), tokens_per_minute: usage(280000), queue_length: 0 },
  };
  // HEAD answers an empty 200 (Render and the Docker HEALTHCHECK use it).
  return ctx.method === 'HEAD' ? { status: 200, raw: '', contentType: 'application/json' } : json(200, body);
}

/** The runbook's /api/health/db (missing at the real HEAD): a real query of the store, timed. */
function healthDb(ctx: Ctx): Reply {
  const t0 = performance.now();
  const { rows } = pingStore(ctx.state.store);
  const latency = Math.round((performance.now() - t0) * 1000) / 1000;
  return json(200, { status: 'healthy', database: 'connected', latency_ms: latency, query: 'SELECT 1', rows });
}

/** The real /api/health/database: PostgreSQL pool statistics, no query (contract §2). */
function poolStats(): Reply {
  return json(200, {
    database: 'postgresql',
    pool_class: 'QueuePool',
    connections: { pool_size: 20, checked_in: 1, checked_out: 0, overflow: -19, total: 1 },
    settings: { pool_size: 20, max_overflow: 40, pool_recycle: 3600, pool_pre_ping: true, pool_timeout: 30 },
    utilization: { percent: 0.0, status: 'healthy' },
    health: { status: 'healthy', recommendations: [] },
  });
}

export const healthRoutes: Route[] = [
  { method: 'GET', path: '/health', handler: health, summary: 'Liveness (Render health check)', tag: 'health' },
  { method: 'HEAD', path: '/health', handler: health, summary: 'Liveness, empty body', tag: 'health' },
  {
    method: 'GET',
    path: '/api/health',
    handler: () => json(200, { status: 'healthy', service: 'Content Jumpstart API', version: '1.0.0' }),
    summary: 'API health',
    tag: 'health',
  },
  { method: 'GET', path: '/api/health/db', handler: healthDb, summary: 'Database connectivity (runs a query)', tag: 'health' },
  { method: 'GET', path: '/api/health/database', handler: poolStats, summary: 'Connection-pool statistics', tag: 'health' },
];
