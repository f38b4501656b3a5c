import { defineFault } from '../fault-hooks.ts';
import { swaggerHtml } from '../openapi.ts';

export default defineFault({
  name: 'docs-blocked-by-csp',
  breaks:
    '/docs serves FastAPI\'s page (Swagger UI from the jsdelivr CDN plus an inline script) under the app\'s CSP (script-src \'self\'): a browser blocks both, no operation renders',
  catches: ['RB-02'],
  verdict: 'promote',
  realHead: true,
  hooks: {
    before: ({ route }) => (route === 'GET /docs' ? { status: 200, raw: swaggerHtml('Content Jumpstart API'), contentType: 'text/html; charset=utf-8' } : undefined),
  },
});
