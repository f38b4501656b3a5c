/**
 * Credentials never go to an origin other than the target's: in compare mode the live deployment (here a
 * server that records every request it gets) sees only the routes that need no session, with no
 * Authorization or Cookie header and no login, even when CJ_EMAIL and CJ_PASSWORD are set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import { SIM_EMAIL, SIM_PASSWORD, cleanEnv, filesContaining, JWT_PATTERN, runBin } from '../../support/gate.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function recordingServer(): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy","database":"connected"}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

test('the live deployment gets no login, no token, no cookie and no route that needs a session', { timeout: 60_000 }, async (t) => {
  const [candidate, live] = await Promise.all([startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD }), recordingServer()]);
  t.after(() => Promise.all([candidate.close(), live.close()]));
  const out = await mkdtemp(join(tmpdir(), 'compare-creds-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const env = cleanEnv({ CJ_EMAIL: SIM_EMAIL, CJ_PASSWORD: SIM_PASSWORD, CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '2', CJ_LOAD_RATE: '10' });
  const r = await runBin('load', ['--target', candidate.url, '--compare-to', live.url, '--profile', 'post-deploy'], env, 45_000);
  assert.ok(r.code !== null && r.code !== 64, `the load ran: ${r.stdout}${r.stderr}`);

  assert.equal(live.seen.length, 20, 'the whole schedule reached live');
  const paths = [...new Set(live.seen.map((s) => `${s.method} ${s.url}`))].sort();
  assert.deepEqual(paths, ['GET /api/health/db', 'GET /health']);
  for (const s of live.seen) {
    assert.equal(s.headers.authorization, undefined, `${s.url}: no Authorization header`);
    assert.equal(s.headers.cookie, undefined, `${s.url}: no cookie`);
    assert.ok(!s.body.includes(SIM_PASSWORD) && !JSON.stringify(s.headers).includes(SIM_PASSWORD), `${s.url}: no password`);
  }
  assert.equal(candidate.stats().logins, 0, 'no login on the target either: nothing in the load needs one');
  assert.deepEqual(await filesContaining(out, [SIM_PASSWORD], [JWT_PATTERN]), [], 'no secret in any report');
});
