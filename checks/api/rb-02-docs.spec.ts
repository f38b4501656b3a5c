// RB-02 — runbook "Post-Deployment Verification" step 2: /docs serves Swagger UI and /openapi.json is an
// OpenAPI 3 document — and a browser really renders the operations: the page's HTML alone proves
// nothing when the app's CSP blocks the Swagger UI bundle from its CDN (the real app at HEAD, contract §1).
import { z } from 'zod';
import type { BrowserOptions } from '../browser/fixtures.ts';
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { ensure, prerequisite, record } from '../support/outcome.ts';
import { requestSameOrigin } from '../support/request.ts';
import { test as base } from '../support/test.ts';
import { operationCount, renderSwagger } from './swagger.ts';

const test = base.extend<object, BrowserOptions>({ browserError: [undefined, { option: true, scope: 'worker' }] });

const openApiSchema = z.object({
  openapi: z.string().regex(/^3\.\d+(\.\d+)?/, 'must be an OpenAPI 3.x version'),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(z.string(), z.unknown()).refine((p) => Object.keys(p).length > 0, 'must list at least one path'),
});

test('RB-02 API docs: /docs renders Swagger UI with its operations, /openapi.json is OpenAPI 3', async ({ request, playwright, browserError, launchOptions }) => {
  const { config } = checksSettings();
  const get = (path: string) => requestSameOrigin(request, config.baseUrl, path, { timeout: config.requestTimeoutMs });
  const docs = await get('/docs');
  const html = await docs.text();
  ensure(docs.status() === 200, `GET /docs answered ${docs.status()}, expected 200: ${snippet(html)}`);
  ensure(/swagger-ui/i.test(html), `GET /docs answered 200 but the page does not load Swagger UI: ${snippet(html)}`);

  const spec = await get('/openapi.json');
  const text = await spec.text();
  ensure(spec.status() === 200, `GET /openapi.json answered ${spec.status()}, expected 200: ${snippet(text)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`GET /openapi.json is not JSON (${spec.headers()['content-type'] ?? 'no content type'}): ${snippet(text)}`);
  }
  const parsed = openApiSchema.safeParse(body);
  ensure(parsed.success, `GET /openapi.json is not an OpenAPI 3 document: ${parsed.error?.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);

  if (browserError) prerequisite(`the docs' HTML and /openapi.json are fine, but no browser could render /docs: ${browserError}`);
  const browser = await playwright.chromium.launch(launchOptions);
  try {
    const expected = operationCount(parsed.data);
    const seen = await renderSwagger(browser, `${config.baseUrl}/docs`, Math.max(config.requestTimeoutMs, 15_000));
    record({ measured: seen.operations, unit: 'operations', message: `Swagger UI rendered ${seen.operations} of ${expected} operations` });
    const why = seen.blockers.length ? `: ${seen.blockers.slice(0, 3).join(' | ')}` : ' (nothing was reported blocked)';
    ensure(seen.operations > 0, `GET /docs answered 200 but Swagger UI rendered no operation in Chromium (openapi.json lists ${expected})${why}`);
  } finally {
    await browser.close();
  }
});
