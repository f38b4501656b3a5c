import { defineFault } from '../fault-hooks.ts';
import { json } from '../http.ts';

export default defineFault({
  name: 'db-down',
  breaks: '/api/health/db answers 503 {"database":"disconnected",…} (store query fails)',
  catches: ['RB-05'],
  verdict: 'rollback',
  hooks: {
    before: ({ route }) =>
      route === 'GET /api/health/db'
        ? json(503, { status: 'unhealthy', database: 'disconnected', latency_ms: 0.05, error: 'connection refused: simulated database outage' })
        : undefined,
  },
});
