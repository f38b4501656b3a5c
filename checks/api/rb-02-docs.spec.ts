// RB-02 — runbook "Post-Deployment Verification" step 2: /docs serves Swagger UI and /openapi.json
// is an OpenAPI 3 document. HTTP level only: the app's CSP stops Swagger UI rendering in a browser.
import { z } from 'zod';
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { requestSameOrigin } from '../support/request.ts';
import { ensure } from '../support/outcome.ts';
import { test } from '../support/test.ts';

const openApiSchema = z.object({
  openapi: z.string().regex(/^3\.\d+(\.\d+)?/, 'must be an OpenAPI 3.x version'),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(z.string(), z.unknown()).refine((p) => Object.keys(p).length > 0, 'must list at least one path'),
});

test('RB-02 API docs: /docs serves Swagger UI, /openapi.json is OpenAPI 3', async ({ request }) => {
  const { config } = checksSettings();
  const docs = await requestSameOrigin(request, config.baseUrl, '/docs', { timeout: config.requestTimeoutMs });
  const html = await docs.text();
  ensure(docs.status() === 200, `GET /docs answered ${docs.status()}, expected 200: ${snippet(html)}`);
  ensure(/swagger-ui/i.test(html), `GET /docs answered 200 but the page does not load Swagger UI: ${snippet(html)}`);

  const spec = await requestSameOrigin(request, config.baseUrl, '/openapi.json', { timeout: config.requestTimeoutMs });
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
});
