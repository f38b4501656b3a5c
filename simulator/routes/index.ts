import { authRoutes } from '../auth.ts';
import { buildOpenApi, redocHtml, swaggerHtml } from '../openapi.ts';
import { json, type Reply } from '../http.ts';
import type { Ctx, Route } from '../state.ts';
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
/** Fault docs-down: the docs routes answer like an app started with docs disabled. */
const docsRoute = (reply: () => Reply) => (ctx: Ctx): Reply => (ctx.state.faults.has('docs-down') ? json(404, { detail: 'Not Found' }) : reply());

/** Every route of the simulator; /openapi.json documents exactly these. */
export function allRoutes(version: string): Route[] {
  const api: Route[] = [...healthRoutes, ...authRoutes, ...clientRoutes, ...projectRoutes, ...runRoutes, ...postRoutes, ...generatorRoutes, ...deliverableRoutes, ...researchRoutes];
  const doc = JSON.stringify(buildOpenApi(api, version));
  const docs: Route[] = [
    { method: 'GET', path: '/openapi.json', handler: docsRoute(() => ({ status: 200, raw: doc, contentType: 'application/json' })), summary: 'OpenAPI document', tag: 'docs' },
    { method: 'GET', path: '/docs', handler: docsRoute(() => html(swaggerHtml(TITLE))), summary: 'Swagger UI', tag: 'docs' },
    { method: 'GET', path: '/redoc', handler: docsRoute(() => html(redocHtml(TITLE))), summary: 'ReDoc', tag: 'docs' },
  ];
  return [...api, ...docs];
}
