import { defineFault } from '../fault-hooks.ts';
import { json } from '../http.ts';

export default defineFault({
  name: 'db-route-missing',
  breaks: 'GET /api/health/db answers 404 {"detail":"Not Found"} (no such route at the real HEAD); /api/health/database still answers its pool statistics',
  catches: ['RB-05', 'RB-16'],
  verdict: 'rollback',
  realHead: true,
  hooks: {
    before: ({ route }) => (route === 'GET /api/health/db' ? json(404, { detail: 'Not Found' }) : undefined),
  },
});
