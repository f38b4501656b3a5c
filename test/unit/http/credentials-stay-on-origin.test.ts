/**
 * Credentials never leave the target's origin: two loopback servers on different ports are different
 * origins; the target redirects to the other one, which records whether a password or a bearer token
 * reached it. Same-origin redirects are followed, a bounded number of times.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpCall } from '../../../lib/http.ts';
import { loginOnce } from '../../../app/gate/login.ts';
import { preflight } from '../../../app/gate/preflight.ts';

const PASSWORD = 'pw-must-stay-home-42';
const TOKEN = 'bearer-must-stay-home-42';

interface Seen {
  method: string;
  path: string;
  body: string;
  authorization: string | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function server(t: { after: (fn: () => Promise<void>) => void }, handle: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const s = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', body, authorization: req.headers.authorization });
      handle(req, res, body);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => s.close(() => r())));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, seen };
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

test('a target redirecting to another origin: login, preflight and a bearer call stop there, naming the Location', async (t) => {
  const other = await server(t, (_req, res) => res.end('{"access_token":"stolen"}'));
  const target = await server(t, (req, res) => redirect(res, req.url === '/health' ? 302 : 307, `${other.url}${req.url}`));
  const login = await loginOnce(target.url, 'op@example.com', PASSWORD, 5000);
  assert.equal(login.token, undefined);
  assert.equal(login.error, `login HTTP 307 redirected to another origin (Location: ${other.url}/api/auth/login), not followed: the password was not sent there`);
  const pre = await preflight(target.url, 5000);
  assert.equal(pre.ok, false);
  assert.equal(pre.result.status, 'fail');
  assert.equal(pre.result.message, `GET ${target.url}/health: HTTP 302 redirected to another origin (Location: ${other.url}/health), not followed`);
  const call = await httpCall(`${target.url}/api/runs/`, { timeoutMs: 5000, headers: { authorization: `Bearer ${TOKEN}` }, sameOriginRedirects: 5 });
  assert.deepEqual([call.status, call.redirect], [307, { location: `${other.url}/api/runs/`, crossOrigin: true }]);
  assert.deepEqual(other.seen, [], 'the other origin received nothing: no password, no token');
  assert.equal(target.seen.filter((s) => s.body.includes(PASSWORD)).length, 1, 'the password went to the target once');
});

test('same-origin redirects are followed (a 308 keeps the POST and its body), a bounded number of times', async (t) => {
  const target = await server(t, (req, res, body) => {
    if (req.url === '/api/auth/login') return redirect(res, 308, '/api/auth/login/');
    if (req.url === '/api/auth/login/' && req.method === 'POST' && body.includes(PASSWORD)) return void res.end(`{"access_token":"${TOKEN}"}`);
    if (req.url === '/health') return redirect(res, 302, '/health');
    res.statusCode = 404;
    res.end();
  });
  assert.deepEqual(await loginOnce(target.url, 'op@example.com', PASSWORD, 5000), { token: TOKEN });
  const loop = await preflight(target.url, 5000);
  assert.equal(loop.ok, false);
  assert.equal(loop.result.message, `GET ${target.url}/health: HTTP 302 redirected more often than the gate follows (Location: ${target.url}/health), not followed`);
  assert.equal(target.seen.filter((s) => s.path === '/health').length, 4, 'the first request and three redirects, then it stops');
});

test('a 303 after a POST continues as a GET without the body; by default nothing is followed', async (t) => {
  const target = await server(t, (req, res) => (req.url === '/form' ? redirect(res, 303, '/done') : res.end('done')));
  const out = await httpCall(`${target.url}/form`, { method: 'POST', body: `password=${PASSWORD}`, timeoutMs: 5000, sameOriginRedirects: 1 });
  assert.deepEqual([out.status, out.body], [200, 'done']);
  assert.deepEqual(target.seen.map((s) => [s.method, s.path, s.body.length > 0]), [['POST', '/form', true], ['GET', '/done', false]]);
  const plain = await httpCall(`${target.url}/form`, { timeoutMs: 5000 });
  assert.deepEqual([plain.status, plain.redirect], [303, { location: `${target.url}/done`, crossOrigin: false }]);
});
