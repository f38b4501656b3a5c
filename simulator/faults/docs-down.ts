import { defineFault } from '../fault-hooks.ts';
import { json } from '../http.ts';

const DOCS = new Set(['GET /docs', 'GET /docs/swagger-ui-lite.js', 'GET /redoc', 'GET /openapi.json']);

export default defineFault({
  name: 'docs-down',
  breaks: '/docs, /redoc and /openapi.json answer 404 {"detail":"Not Found"} (docs disabled)',
  catches: ['RB-02'],
  verdict: 'promote',
  hooks: {
    before: ({ route }) => (DOCS.has(route) ? json(404, { detail: 'Not Found' }) : undefined),
  },
});
