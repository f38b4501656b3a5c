/**
 * Each way a target can fail to answer, as a real loopback condition, named for what it is by httpCall
 * and by the gate's preflight: refused, DNS, TLS with the certificate error, timeout, reset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttps } from 'node:https';
import { createServer as createTcp, type AddressInfo, type Server, type Socket } from 'node:net';
import { httpCall } from '../../../lib/http.ts';
import { preflight } from '../../../app/gate/preflight.ts';
import { closedPort } from '../../support/loopback.ts';
import { selfSignedCert } from '../../support/self-signed.ts';

type Closer = { after: (fn: () => Promise<void>) => void };

/** Listens on 127.0.0.1:0; on teardown drops open connections first (close waits for them). */
async function listen(t: Closer, server: Server | ReturnType<typeof createHttps>): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return (server.address() as AddressInfo).port;
}

test('refused: a closed port is named as refused, not as "no answer within"', async () => {
  const port = await closedPort();
  const out = await httpCall(`http://127.0.0.1:${port}/health`, { timeoutMs: 5000 });
  assert.equal(out.status, 0);
  assert.equal(out.failure?.kind, 'refused');
  assert.equal(out.error, `connection refused: nothing listens at 127.0.0.1:${port} (ECONNREFUSED)`);
  const pre = await preflight(`http://127.0.0.1:${port}`, 5000);
  assert.equal(pre.result.status, 'fail');
  assert.equal(pre.result.message, `GET http://127.0.0.1:${port}/health: connection refused: nothing listens at 127.0.0.1:${port} (ECONNREFUSED)`);
});

test('DNS: an unresolvable .invalid host is named as a DNS failure with its host', async () => {
  const out = await httpCall('http://gate-test.invalid/health', { timeoutMs: 8000 });
  assert.equal(out.failure?.kind, 'dns', out.error);
  assert.match(out.error ?? '', /^DNS: the host name gate-test\.invalid could not be resolved \((ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)\)$/);
  const pre = await preflight('http://gate-test.invalid', 8000);
  assert.match(pre.result.message ?? '', /^GET http:\/\/gate-test\.invalid\/health: DNS: the host name gate-test\.invalid could not be resolved/);
});

test('TLS: a self-signed certificate is named with the certificate error', async (t) => {
  const port = await listen(t, createHttps(selfSignedCert(), (_req, res) => res.end('{"status":"healthy"}')));
  const out = await httpCall(`https://127.0.0.1:${port}/health`, { timeoutMs: 5000 });
  assert.equal(out.failure?.kind, 'tls', out.error);
  assert.equal(out.error, 'TLS: certificate not accepted: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)');
  const pre = await preflight(`https://127.0.0.1:${port}`, 5000);
  assert.equal(pre.ok, false, 'TLS stays verified: a self-signed target is not reachable');
  assert.match(pre.result.message ?? '', /health: TLS: certificate not accepted: self-signed certificate/);
});

test('timeout: a server that accepts and never answers is named as a timeout with the deadline', async (t) => {
  const port = await listen(t, createTcp(() => {}));
  const out = await httpCall(`http://127.0.0.1:${port}/health`, { timeoutMs: 300 });
  assert.equal(out.failure?.kind, 'timeout', out.error);
  assert.match(out.error ?? '', /^timed out after 300 ms without a complete answer/);
  const pre = await preflight(`http://127.0.0.1:${port}`, 300);
  assert.match(pre.result.message ?? '', /health: timed out after 300 ms without a complete answer/);
});

test('reset: a server that closes the connection without answering is named as closed by the target', async (t) => {
  const port = await listen(t, createTcp((s) => s.destroy()));
  const out = await httpCall(`http://127.0.0.1:${port}/health`, { timeoutMs: 5000 });
  assert.equal(out.failure?.kind, 'reset', out.error);
  assert.match(out.error ?? '', /^connection closed by the target before a complete response \((UND_ERR_SOCKET|ECONNRESET)/);
});

test('interrupted: the caller\'s signal is not mistaken for a timeout, and the preflight reports no evidence', async (t) => {
  const port = await listen(t, createTcp(() => {}));
  const pre = await preflight(`http://127.0.0.1:${port}`, 5000, AbortSignal.timeout(100));
  assert.equal(pre.result.status, 'error');
  assert.equal(pre.result.message, 'interrupted before the target answered');
});
