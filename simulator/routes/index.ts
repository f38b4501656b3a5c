import { authRoutes } from '../auth.ts';
import { docsScript, swaggerLiteHtml } from '../docs/swagger-lite.ts';
import { buildOpenApi, redocHtml } from '../openapi.ts';
import type { Route } from '../state.ts';
import { clientRoutes } from './clients.ts';
import { deliverableRoutes } from './deliverables.ts';
import { generatorRoutes } from './generator.ts';
import { healthRoutes } from './health.ts';
import { postRoutes } from './posts.ts';
import { projectRoutes } from './projects.ts';
import { researchRoutes } from './research.ts';
import { runRoutes } from './runs.ts';

const TITLE = 'Content Jumpstart API';
const html = (body: string) => ({ status: 200, raw: body, contentType: 'text/html; charset=utf-8' });

/** Every route of the simulator; /openapi.json documents exactly these. */
export function allRoutes(version: string): Route[] {
  const api: Route[] = [...healthRoutes, ...authRoutes, ...clientRoutes, ...projectRoutes, ...runRoutes, ...postRoutes, ...generatorRoutes, ...deliverableRoutes, ...researchRoutes];
  const doc = JSON.stringify(buildOpenApi(api, version));
  const docs: Route[] = [
    { method: 'GET', path: '/openapi.json', handler: () => ({ status: 200, raw: doc, contentType: 'application/json' }), summary: 'OpenAPI document', tag: 'docs' },
    { method: 'GET', path: '/docs', handler: () => html(swaggerLiteHtml(TITLE)), summary: 'Swagger UI (self-hosted)', tag: 'docs' },
    { method: 'GET', path: '/docs/swagger-ui-lite.js', handler: async () => ({ status: 200, raw: await docsScript(), contentType: 'text/javascript; charset=utf-8' }), summary: 'Swagger UI script', tag: 'docs' },
    { method: 'GET', path: '/redoc', handler: () => html(redocHtml(TITLE)), summary: 'ReDoc', tag: 'docs' },
  ];
  return [...api, ...docs];
}
