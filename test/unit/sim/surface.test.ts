import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, HSTS } from '../../../simulator/headers.ts';
import { FAULT_NAMES, loadDashboardDir, startSimulator } from '../../../simulator/index.ts';
import { call, login, startTestSimulator } from '../../../simulator/testing.ts';

function assertSecurityHeaders(h: Headers, where: string): void {
  assert.equal(h.get('content-security-policy'), CSP, `CSP on ${where}`);
  assert.equal(h.get('strict-transport-security'), HSTS, `HSTS on ${where}`);
  assert.equal(h.get('x-content-type-options'), 'nosniff', `nosniff on ${where}`);
  assert.equal(h.get('x-frame-options'), 'DENY', `frame on ${where}`);
  assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin');
  assert.match(h.get('x-process-time') ?? '', /^\d+\.\d{3}$/, `X-Process-Time on ${where}`);
}

test('security headers on every response, SPA fallback, assets, HEAD /', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  for (const [path, method] of [['/', 'GET'], ['/login', 'GET'], ['/dashboard/wizard', 'GET'], ['/health', 'GET'], ['/api/nope', 'GET'], ['/api/projects/', 'GET'], ['/docs', 'GET'], ['/assets/index-stand1n.css', 'GET'], ['/anything', 'POST']] as const) {
    const r = await call(sim.url, path, { method });
    assertSecurityHeaders(r.headers, `${method} ${path} (${r.status})`);
  }
  const deep = await call(sim.url, '/dashboard/projects/project-123');
  assert.equal(deep.status, 200);
  assert.match(deep.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(deep.text, /<div id="root">/);
  assert.equal(deep.text.includes('sim-faults'), false, 'no fault tag on a healthy run');
  const root = await call(sim.url, '/');
  assert.equal(root.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
  const css = await call(sim.url, '/assets/index-stand1n.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  const js = await call(sim.url, '/assets/index-stand1n.js');
  assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
  const missingChunk = await call(sim.url, '/assets/gone-1234.js');
  assert.equal(missingChunk.status, 200, 'missing chunk → SPA fallback, like the real app');
  assert.match(missingChunk.headers.get('content-type') ?? '', /^text\/html/);
  const head = await call(sim.url, '/', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.text, '');
  assert.equal((await call(sim.url, '/favicon.ico')).headers.get('content-type'), 'image/svg+xml');
});

test('CORS: allowed origin vs foreign origin, preflight, debug mode permissive without HSTS', async (t) => {
  const sim = await startTestSimulator({ corsOrigins: ['https://ok.example'] });
  t.after(() => sim.close());
  const ok = await call(sim.url, '/health', { headers: { origin: 'https://ok.example' } });
  assert.equal(ok.headers.get('access-control-allow-origin'), 'https://ok.example');
  assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
  assert.equal(ok.headers.get('access-control-expose-headers'), 'X-Process-Time, X-Total-Count');
  const foreign = await call(sim.url, '/health', { headers: { origin: 'https://evil.example' } });
  assert.equal(foreign.status, 200);
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  const pre = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' };
  const okPre = await call(sim.url, '/api/auth/login', { method: 'OPTIONS', headers: { origin: 'https://ok.example', ...pre } });
  assert.equal(okPre.status, 200);
  assert.equal(okPre.headers.get('access-control-allow-origin'), 'https://ok.example');
  assert.equal(okPre.headers.get('access-control-max-age'), '3600');
  const badPre = await call(sim.url, '/api/auth/login', { method: 'OPTIONS', headers: { origin: 'https://evil.example', ...pre } });
  assert.equal(badPre.status, 400);
  assert.equal(badPre.text, 'Disallowed CORS origin');
  assert.equal(badPre.headers.get('access-control-allow-origin'), null);

  const dbg = await startTestSimulator({ debug: true });
  t.after(() => dbg.close());
  const d = await call(dbg.url, '/health', { headers: { origin: 'https://evil.example' } });
  assert.equal(d.body.debug_mode, true);
  assert.equal(d.headers.get('access-control-allow-origin'), 'https://evil.example');
  assert.equal(d.headers.get('strict-transport-security'), null);
  assert.equal(d.headers.get('content-security-policy'), CSP);
});

test('/__sim: token required, faults at run time (422 names unknown), stats by route template', async (t) => {
  const sim = await startTestSimulator({ adminToken: 'test-admin-token-123' });
  t.after(() => sim.close());
  const admin = { 'x-sim-admin-token': 'test-admin-token-123' };
  assert.equal((await call(sim.url, '/__sim/faults')).status, 401);
  assert.equal((await call(sim.url, '/__sim/stats', { headers: { 'x-sim-admin-token': 'wrong-token-123' } })).status, 401);
  const g = await call(sim.url, '/__sim/faults', { headers: admin });
  assert.deepEqual(g.body.faults, []);
  assert.deepEqual([...g.body.available].sort(), [...FAULT_NAMES].sort(), 'every fault of the table is available');
  const bad = await call(sim.url, '/__sim/faults', { method: 'PUT', headers: admin, body: { faults: ['health-down', 'no-such-fault'] } });
  assert.equal(bad.status, 422);
  assert.match(JSON.stringify(bad.body), /no-such-fault/);
  assert.deepEqual(sim.faults(), [], 'a rejected change changes nothing');
  const put = await call(sim.url, '/__sim/faults', { method: 'PUT', headers: admin, body: { faults: ['health-down'] } });
  assert.deepEqual(put.body.faults, ['health-down']);
  assert.equal((await call(sim.url, '/health')).status, 503);
  assert.equal((await call(sim.url, '/__sim/faults', { method: 'POST', headers: admin, body: { faults: [] } })).status, 200);
  assert.equal((await call(sim.url, '/health')).status, 200);
  assert.throws(() => sim.setFaults(['nope']), /unknown fault "nope"/);

  const token = await login(sim.url);
  for (let i = 0; i < 3; i++) await call(sim.url, '/api/runs/run-000000000000', { token });
  await call(sim.url, '/api/runs/');
  const s = await call(sim.url, '/__sim/stats', { headers: admin });
  assert.deepEqual(s.body.requests['GET /api/runs/{id}'], { '404': 3 });
  assert.deepEqual(s.body.requests['GET /health'], { '200': 1, '503': 1 });
  assert.deepEqual(s.body.requests['GET /api/runs/'], { '401': 1 });
  assert.equal(s.body.logins, 1);
  assert.deepEqual(s.body.projects, { live: 0, created: 0, deleted: 0 });
  assert.equal(Object.keys(s.body.requests).some((k) => k.includes('__sim')), false, '/__sim is not counted');
});

test('loadDashboardDir serves any Vite build; a bad directory is a clear error', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sim-dist-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<html><head><link rel="stylesheet" href="/assets/app-1a2b.css"></head><body></body></html>');
  await writeFile(join(dir, 'assets', 'app-1a2b.css'), 'body{}');
  await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'export {}');
  await writeFile(join(dir, 'vite.svg'), '<svg/>');
  const site = await loadDashboardDir(dir);
  assert.deepEqual([...site.files.keys()].sort(), ['/assets/app-1a2b.css', '/assets/app-1a2b.js', '/vite.svg']);
  const sim = await startSimulator({ port: 0, dashboardDir: dir, faults: ['qa-flags-missing'] });
  t.after(() => sim.close());
  assert.match((await call(sim.url, '/assets/app-1a2b.js')).headers.get('content-type') ?? '', /javascript/);
  assert.equal((await call(sim.url, '/favicon.ico')).text, '<svg/>');
  assert.equal((await call(sim.url, '/')).text.includes('sim-faults'), false, 'no meta tag in a foreign build');
  await assert.rejects(loadDashboardDir(join(dir, 'nope')), /dashboard directory not found/);
  await assert.rejects(loadDashboardDir(join(dir, 'assets')), /has no index.html/);
  await assert.rejects(startSimulator({ faults: ['bogus'], port: 0 }), /unknown fault "bogus"/);
  await assert.rejects(startSimulator({ port: 0, slowApiMs: 1e9, stallMs: -1 }), /slowApiMs must be a number from 0 to 60000.*stallMs must be/);
});

test('the bundled dashboard: served with hashed assets, fault meta tag injected, stylesheet breakable', async (t) => {
  const sim = await startSimulator({ port: 0 });
  t.after(() => sim.close());
  const index = await call(sim.url, '/');
  assert.equal(index.status, 200);
  const css = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(index.text)?.[1];
  assert.ok(css, 'index.html links a stylesheet');
  assert.match((await call(sim.url, css)).headers.get('content-type') ?? '', /^text\/css/);
  sim.setFaults(['qa-flags-missing', 'asset-missing']);
  assert.match((await call(sim.url, '/dashboard/wizard')).text, /<meta name="sim-faults" content="qa-flags-missing">/, 'only UI faults reach the page');
  assert.match((await call(sim.url, css)).headers.get('content-type') ?? '', /^text\/html/);
});
