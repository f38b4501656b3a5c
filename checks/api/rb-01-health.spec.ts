// RB-01 — runbook "Post-Deployment Verification" step 1 and the rollback check "version matches":
// GET /health answers 200 healthy with the contract's fields, debug off, and the expected version.
import { z } from 'zod';
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { requestSameOrigin } from '../support/request.ts';
import { ensure, record } from '../support/outcome.ts';
import { test } from '../support/test.ts';

const usage = z.object({ current: z.number(), limit: z.number(), available: z.number(), utilization_pct: z.number() });
const healthSchema = z.object({
  status: z.string(),
  version: z.string(),
  debug_mode: z.boolean(),
  rate_limits: z.object({ requests_per_minute: usage, tokens_per_minute: usage, queue_length: z.number().int() }),
});

test('RB-01 health endpoint: /health 200 healthy, schema, debug off, expected version', async ({ request }) => {
  const { config } = checksSettings();
  const started = performance.now();
  const res = await requestSameOrigin(request, config.baseUrl, '/health', { timeout: config.requestTimeoutMs });
  const ms = performance.now() - started;
  record({ measured: ms, unit: 'ms' });
  const text = await res.text();
  ensure(res.status() === 200, `GET /health answered ${res.status()}, expected 200: ${snippet(text)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`GET /health answered 200 with ${res.headers()['content-type'] ?? 'no content type'}, not JSON: ${snippet(text)}`);
  }
  const parsed = healthSchema.safeParse(body);
  ensure(
    parsed.success,
    `GET /health body does not match the contract: ${parsed.error?.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
  );
  const h = parsed.data;
  const problems: string[] = [];
  if (h.status !== 'healthy') problems.push(`status is "${h.status}", expected "healthy"`);
  if (h.debug_mode !== false) problems.push('debug_mode is true, expected false in production');
  if (config.expectedVersion !== undefined && h.version !== config.expectedVersion) {
    problems.push(`version is "${h.version}", expected "${config.expectedVersion}" (CJ_EXPECTED_VERSION)`);
  }
  record({ message: `version ${h.version}` });
  ensure(problems.length === 0, `GET /health: ${problems.join('; ')}`);
});
