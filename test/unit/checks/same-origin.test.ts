import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { apiCall } from '../../../checks/support/api.ts';
import { CrossOriginRedirect, nextRedirect } from '../../../checks/support/redirects.ts';

const O = 'http://127.0.0.1:8000';

test('redirects: same origin followed (307 keeps method and body, 303 becomes GET), another origin refused with its Location', () => {
  assert.deepEqual(nextRedirect(O, `${O}/api/projects`, 'POST', 307, '/api/projects/'), { kind: 'follow', url: `${O}/api/projects/`, method: 'POST', keepBody: true });
  assert.deepEqual(nextRedirect(O, `${O}/a`, 'POST', 303, '/b'), { kind: 'follow', url: `${O}/b`, method: 'GET', keepBody: false });
  assert.deepEqual(nextRedirect(O, `${O}/a`, 'GET', 302, `${O}/b`), { kind: 'follow', url: `${O}/b`, method: 'GET', keepBody: false });
  assert.deepEqual(nextRedirect(O, `${O}/a`, 'GET', 200, '/b'), { kind: 'none' });
  assert.deepEqual(nextRedirect(O, `${O}/a`, 'GET', 307, null), { kind: 'none' });
  const other = nextRedirect(O, `${O}/api/auth/login`, 'POST', 307, 'http://127.0.0.1:9000/api/auth/login');
  assert.equal(other.kind, 'cross-origin');
  assert.equal(
    other.kind === 'cross-origin' ? other.message : '',
    'POST /api/auth/login answered 307 redirecting to http://127.0.0.1:9000/api/auth/login, another origin than the target\'s http://127.0.0.1:8000: not followed (credentials stay on the target)',
  );
  // A scheme change is another origin too (TLS proxy answering http:// Locations).
  assert.equal(nextRedirect('https://app.example.com', 'https://app.example.com/api/runs', 'GET', 307, 'http://app.example.com/api/runs/').kind, 'cross-origin');
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('apiCall: follows a same-origin 307 with the token and body, never sends either to another origin', async (t) => {
  const elsewhere: string[] = [];
  const b = await listen((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${body}`);
      res.end('{}');
    });
  });
  t.after(() => b.server.close());
  const a = await listen((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/api/projects') res.writeHead(307, { location: '/api/projects/' }).end();
      else if (req.url === '/api/projects/') res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ auth: req.headers.authorization, body }));
      else res.writeHead(307, { location: `${b.url}${req.url}` }).end();
    });
  });
  t.after(() => a.server.close());
  const ok = await apiCall(a.url, '/api/projects', { method: 'POST', token: 'tok-123', body: { name: 'x' }, timeoutMs: 2000 });
  assert.equal(ok.status, 201);
  assert.deepEqual(JSON.parse(ok.text), { auth: 'Bearer tok-123', body: '{"name":"x"}' });
  await assert.rejects(
    apiCall(a.url, '/api/auth/login', { method: 'POST', body: { password: 'pw-secret' }, timeoutMs: 2000 }),
    (err: unknown) => err instanceof CrossOriginRedirect && err.location === `${b.url}/api/auth/login` && /another origin/.test(err.message),
  );
  await assert.rejects(apiCall(a.url, '/api/runs/', { token: 'tok-123', timeoutMs: 2000 }), CrossOriginRedirect);
  assert.deepEqual(elsewhere, [], 'the other origin received nothing');
});
