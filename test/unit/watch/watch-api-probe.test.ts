/** The watch against a target whose API probe route answers 404 (the real HEAD's /api/health/db): no promote. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runWatch } from '../../../watch/index.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';

test('ten polls of 404 on the API probe: named on the first line, RB-17 an error, the verdict not promote', { timeout: 20_000 }, async (t) => {
  const srv = createServer((req, res) => {
    const health = req.url === '/health';
    res.writeHead(health ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(health ? { status: 'healthy', version: '1.4.2' } : { detail: 'Not Found' }));
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => srv.close(() => resolve())));
  const lines: string[] = [];
  const out = await runWatch({ baseUrl: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, minutes: 1 / 60, intervalS: 0.1, requestTimeoutMs: 1000, onProgress: (l) => lines.push(l) });
  assert.equal(out.state.polls, 10);
  assert.match(lines[0] ?? '', /API probe \/api\/health\/db answered 404 — no API signal/);
  assert.equal(out.result.status, 'error');
  assert.match(out.result.message ?? '', /never answered 2xx \(10 × 404\)/);
  assert.notEqual(decideVerdict([out.result]).verdict, 'promote');
});
