import { defineFault } from '../fault-hooks.ts';
import { json } from '../http.ts';

export default defineFault({
  name: 'health-down',
  breaks: '/health answers 503',
  catches: ['RB-01'],
  verdict: 'rollback',
  hooks: {
    before: ({ route }) => (route === 'GET /health' || route === 'HEAD /health' ? json(503, { detail: 'Service Unavailable' }) : undefined),
  },
});
