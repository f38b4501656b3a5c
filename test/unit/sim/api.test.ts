import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, createClientAndProject, login, startTestSimulator, TEST_EMAIL } from '../../../simulator/testing.ts';

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

test('health, docs and OpenAPI answer as the contract says', async (t) => {
  const sim = await startTestSimulator({ version: '9.9.9' });
  t.after(() => sim.close());
  const h = await call(sim.url, '/health');
  assert.equal(h.status, 200);
  assert.deepEqual(Object.keys(h.body).sort(), ['debug_mode', 'rate_limits', 'status', 'version']);
  assert.equal(h.body.status, 'healthy');
  assert.equal(h.body.version, '9.9.9');
  assert.equal(h.body.debug_mode, false);
  assert.deepEqual(h.body.rate_limits.requests_per_minute, { current: 0, limit: 2800, available: 2800, utilization_pct: 0 });
  assert.equal(h.body.rate_limits.tokens_per_minute.limit, 280000);
  assert.equal(h.body.rate_limits.queue_length, 0);
  const head = await call(sim.url, '/health', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.text, '');
  assert.deepEqual((await call(sim.url, '/api/health')).body, { status: 'healthy', service: 'Content Jumpstart API', version: '1.0.0' });
  const db = await call(sim.url, '/api/health/db');
  assert.equal(db.status, 200);
  assert.equal(db.body.database, 'connected');
  assert.equal(typeof db.body.latency_ms, 'number');
  const pool = await call(sim.url, '/api/health/database');
  assert.equal(pool.body.pool_class, 'QueuePool');
  assert.equal(pool.body.connections.overflow, -19);
  const docs = await call(sim.url, '/docs');
  assert.equal(docs.status, 200);
  assert.match(docs.headers.get('content-type') ?? '', /text\/html/);
  assert.match(docs.text, /swagger-ui/);
  const oa = await call(sim.url, '/openapi.json');
  assert.match(oa.body.openapi, /^3\./);
  assert.equal(oa.body.info.title, 'Content Jumpstart API');
  assert.equal(oa.body.info.version, '9.9.9');
  for (const p of ['/health', '/api/auth/login', '/api/runs/{id}', '/api/posts/', '/api/generator/generate-all', '/api/deliverables/{id}/download']) assert.ok(oa.body.paths[p], `openapi documents ${p}`);
  assert.equal(oa.body.paths['/api/runs/{id}'].get.parameters[0].in, 'path');
});

test('login, tokens and the exact 401/422 bodies', async (t) => {
  const sim = await startTestSimulator({ extraUsers: [{ email: 'second@jumpstart.local', password: 'other-password' }] });
  t.after(() => sim.close());
  const ok = await call(sim.url, '/api/auth/login', { body: { email: TEST_EMAIL, password: 'jumpstart-sim-password' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.token_type, 'bearer');
  assert.match(ok.body.access_token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const claims = JSON.parse(Buffer.from(ok.body.access_token.split('.')[1], 'base64url').toString());
  assert.equal(claims.type, 'access');
  assert.equal(claims.sub, ok.body.user.id);
  assert.ok(Math.abs(claims.exp - Date.now() / 1000 - 1800) < 5, 'access token lives 30 min');
  assert.match(ok.body.user.id, /^user-[0-9a-f]{12}$/);
  assert.deepEqual(Object.keys(ok.body.user).sort(), ['created_at', 'email', 'full_name', 'id', 'is_active', 'is_superuser', 'updated_at']);
  assert.match(ok.body.user.created_at, ISO_Z);

  const bad = await call(sim.url, '/api/auth/login', { body: { email: TEST_EMAIL, password: 'wrong' } });
  assert.equal(bad.status, 401);
  assert.deepEqual(bad.body, { detail: 'Incorrect email or password' });
  assert.equal(bad.headers.get('www-authenticate'), null);
  const unknownUser = await call(sim.url, '/api/auth/login', { body: { email: 'nobody@example.com', password: 'x' } });
  assert.deepEqual(unknownUser.body, { detail: 'Incorrect email or password' });

  const form = await call(sim.url, '/api/auth/login', { raw: `username=${TEST_EMAIL}&password=x`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 422);
  assert.equal(form.body.detail[0].loc[0], 'body');
  for (const k of ['type', 'loc', 'msg', 'input']) assert.ok(k in form.body.detail[0], `422 item has ${k}`);
  const missing = await call(sim.url, '/api/auth/login', { body: { email: TEST_EMAIL } });
  assert.deepEqual(missing.body.detail[0].loc, ['body', 'password']);
  assert.equal(missing.body.detail[0].msg, 'Field required');
  const invalid = await call(sim.url, '/api/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.body.detail[0].type, 'json_invalid');

  const none = await call(sim.url, '/api/projects/');
  assert.equal(none.status, 401);
  assert.deepEqual(none.body, { detail: 'Not authenticated' });
  assert.equal(none.headers.get('www-authenticate'), 'Bearer');
  assert.deepEqual((await call(sim.url, '/api/projects/', { token: 'a.b.c' })).body, { detail: 'Invalid authentication credentials' });
  assert.deepEqual((await call(sim.url, '/api/projects/', { token: ok.body.refresh_token })).body, { detail: 'Invalid token type' });

  const refreshed = await call(sim.url, '/api/auth/refresh', { body: { refresh_token: ok.body.refresh_token } });
  assert.equal(refreshed.status, 200);
  assert.deepEqual(Object.keys(refreshed.body).sort(), ['access_token', 'refresh_token', 'token_type']);
  assert.equal((await call(sim.url, '/api/projects/', { token: refreshed.body.access_token })).status, 200);
  assert.deepEqual((await call(sim.url, '/api/auth/refresh', { body: { refresh_token: ok.body.access_token } })).body, { detail: 'Invalid refresh token' });

  const reg = await call(sim.url, '/api/auth/register', { body: { email: 'new@jumpstart.local', password: 'Passw0rdX', full_name: 'New User' } });
  assert.equal(reg.status, 201);
  assert.equal(reg.body.user.is_active, false);
  assert.deepEqual((await call(sim.url, '/api/projects/', { token: reg.body.access_token })).body, { detail: 'Inactive user' });
  assert.equal((await call(sim.url, '/api/auth/register', { body: { email: 'x@jumpstart.local', password: 'Passw0rdX', full_name: 'X Y', is_superuser: true } })).status, 422);
});

test('rate limits: only handler-reached requests count; 429 has the stock body and no headers', async (t) => {
  const sim = await startTestSimulator({ rateLimits: { login: 3 } });
  t.after(() => sim.close());
  for (let i = 0; i < 4; i++) assert.equal((await call(sim.url, '/api/auth/login', { body: { email: TEST_EMAIL } })).status, 422, '422s do not count');
  for (let i = 0; i < 3; i++) assert.equal((await call(sim.url, '/api/auth/login', { body: { email: TEST_EMAIL, password: 'wrong' } })).status, 401);
  const limited = await call(sim.url, '/api/auth/login', { body: { email: TEST_EMAIL, password: 'jumpstart-sim-password' } });
  assert.equal(limited.status, 429);
  assert.deepEqual(limited.body, { error: 'Rate limit exceeded: 3 per 1 hour' });
  assert.equal(limited.headers.get('retry-after'), null);
  assert.equal([...limited.headers.keys()].some((k) => k.startsWith('x-ratelimit')), false);
  assert.equal(sim.stats().logins, 4, 'stats count login calls that reached the handler');
});

test('routing: trailing-slash 307, unknown /api 404, wrong method 405', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  const token = await login(sim.url);
  const r = await call(sim.url, '/api/projects?page=1', { token });
  assert.equal(r.status, 307);
  assert.match(r.headers.get('location') ?? '', /\/api\/projects\/\?page=1$/);
  assert.deepEqual((await call(sim.url, '/api/nope')).body, { detail: 'Not Found' });
  assert.equal((await call(sim.url, '/api/nope')).status, 404);
  const m = await call(sim.url, '/api/clients/client-abc', { method: 'DELETE', token });
  assert.equal(m.status, 405);
  assert.deepEqual(m.body, { detail: 'Method Not Allowed' });
  assert.equal((await call(sim.url, '/health', { method: 'POST' })).status, 405);
});

test('clients and projects: casing, validation, ownership, pagination, delete cascade', async (t) => {
  const sim = await startTestSimulator({ extraUsers: [{ email: 'second@jumpstart.local', password: 'other-password' }] });
  t.after(() => sim.close());
  const token = await login(sim.url);
  const other = await login(sim.url, 'second@jumpstart.local', 'other-password');
  const { clientId, projectId } = await createClientAndProject(sim.url, token);
  const client = await call(sim.url, `/api/clients/${clientId}`, { token });
  assert.match(client.body.id, /^client-[0-9a-f]{12}$/);
  for (const k of ['businessDescription', 'idealCustomer', 'tonePreference', 'customerPainPoints', 'createdAt']) assert.ok(k in client.body, `client has ${k}`);
  assert.equal('business_description' in client.body, false);
  assert.match(client.body.createdAt, ISO_Z);
  assert.equal((await call(sim.url, '/api/clients/', { token, body: { name: 'X', user_id: 'user-1' } })).status, 422, 'ClientCreate forbids extra keys');

  const p = await call(sim.url, `/api/projects/${projectId}`, { token });
  for (const k of ['clientId', 'templateQuantities', 'pricePerPost', 'createdAt', 'status']) assert.ok(k in p.body, `project has ${k}`);
  const camel = await call(sim.url, '/api/projects/', { token, body: { name: 'Camel Project', clientId, templateQuantities: { '1': 2, '2': 3 } } });
  assert.equal(camel.status, 201);
  assert.equal(camel.body.numPosts, 5);
  assert.equal(camel.body.totalPrice, 200);
  const extra = await call(sim.url, '/api/projects/', { token, body: { name: 'Bad Project', client_id: clientId, user_id: 'user-x' } });
  assert.equal(extra.status, 422);
  assert.equal(extra.body.detail[0].type, 'extra_forbidden');
  assert.equal((await call(sim.url, '/api/projects/', { token, body: { name: '<script>x</script>', client_id: clientId } })).status, 422);

  const list = await call(sim.url, '/api/projects/?page_size=1', { token });
  assert.equal(list.body.items.length, 1);
  assert.deepEqual(list.body.metadata, { total: 2, page: 1, page_size: 1, total_pages: 2, has_next: true, has_prev: false, next_cursor: null, prev_cursor: null, strategy: 'offset' });

  assert.deepEqual((await call(sim.url, `/api/projects/${projectId}`, { token: other })).body, { detail: "Access denied: You don't own this project" });
  assert.equal((await call(sim.url, `/api/projects/${projectId}`, { token: other })).status, 403);
  assert.deepEqual((await call(sim.url, `/api/clients/${clientId}`, { token: other })).body, { detail: "Access denied: You don't own this client" });
  assert.deepEqual((await call(sim.url, '/api/projects/project-000000000000', { token })).body, { detail: 'Project not found' });
  assert.deepEqual((await call(sim.url, '/api/projects/', { token: other, body: { name: 'Steal', client_id: clientId } })).body, { detail: "Access denied: You don't own this client" });
  assert.equal((await call(sim.url, '/api/projects/', { token: other })).body.metadata.total, 0, 'lists are filtered per user');
  assert.deepEqual((await call(sim.url, '/api/projects/', { token, body: { name: 'Orphan', client_id: 'client-000000000000' } })).body, { detail: 'Client not found' });
  assert.deepEqual((await call(sim.url, '/api/clients/', { token: other })).body, [], 'clients are filtered per user');

  const upd = await call(sim.url, `/api/projects/${projectId}`, { method: 'PATCH', token, body: { name: 'Renamed Project' } });
  assert.equal(upd.body.name, 'Renamed Project');
  assert.match(upd.body.updatedAt, ISO_Z);

  const run = await call(sim.url, '/api/runs/', { token, body: { project_id: projectId, is_batch: true } });
  assert.equal(run.status, 201);
  const exp = await call(sim.url, '/api/generator/export', { token, body: { project_id: projectId, format: 'docx' } });
  assert.equal(exp.status, 200);
  assert.equal((await call(sim.url, `/api/projects/${projectId}`, { method: 'DELETE', token })).status, 204);
  assert.equal((await call(sim.url, `/api/projects/${projectId}`, { token })).status, 404);
  assert.deepEqual((await call(sim.url, `/api/runs/${run.body.id}`, { token })).body, { detail: 'Run not found' });
  assert.deepEqual((await call(sim.url, `/api/deliverables/${exp.body.id}`, { token })).body, { detail: 'Deliverable not found' });
  assert.deepEqual(sim.stats().projects, { live: 1, created: 2, deleted: 1 });
  assert.equal(sim.stats().clients, 1);
});

test('runs: list by projectId, get, patch; research tools; bad input is refused cleanly', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  const token = await login(sim.url);
  const { projectId } = await createClientAndProject(sim.url, token);
  const run = await call(sim.url, '/api/runs/', { token, body: { project_id: projectId, is_batch: false } });
  assert.deepEqual(Object.keys(run.body).sort(), ['completedAt', 'errorMessage', 'id', 'isBatch', 'logs', 'projectId', 'startedAt', 'status']);
  assert.match(run.body.id, /^run-[0-9a-f]{12}$/);
  const list = await call(sim.url, `/api/runs/?projectId=${projectId}`, { token });
  assert.deepEqual(list.body.map((r: { id: string }) => r.id), [run.body.id]);
  assert.deepEqual((await call(sim.url, '/api/runs/?projectId=project-nope', { token })).body, []);
  const second = await call(sim.url, '/api/runs/', { token, body: { project_id: projectId } });
  assert.deepEqual((await call(sim.url, '/api/runs/?skip=1&limit=1', { token })).body.map((r: { id: string }) => r.id), [second.body.id], 'skip/limit window');
  assert.equal((await call(sim.url, '/api/runs/?limit=0', { token })).status, 422);
  assert.equal((await call(sim.url, '/api/deliverables/?skip=-1', { token })).body.detail[0].type, 'greater_than_equal');
  const patched = await call(sim.url, `/api/runs/${run.body.id}`, { method: 'PATCH', token, body: { status: 'failed', error_message: 'boom' } });
  assert.equal(patched.body.status, 'failed');
  assert.equal(patched.body.errorMessage, 'boom');
  assert.equal((await call(sim.url, `/api/runs/${run.body.id}`, { method: 'PATCH', token, body: { project_id: 'x' } })).status, 422);

  const tools = await call(sim.url, '/api/research/tools', { token });
  assert.ok(Array.isArray(tools.body) && tools.body.length > 0);
  for (const k of ['name', 'label', 'price', 'status', 'description', 'category']) assert.ok(k in tools.body[0], `tool has ${k}`);
  const ran = await call(sim.url, '/api/research/run', { token, body: { project_id: projectId, client_id: 'client-x', tool: 'voice_analysis', params: {} } });
  assert.equal(ran.status, 200);
  assert.equal(ran.body.tool, 'voice_analysis');
  assert.equal((await call(sim.url, '/api/research/run', { token, body: { project_id: projectId, client_id: 'client-x', tool: 'market_trends' } })).status, 400);

  const huge = await fetch(`${sim.url}/api/clients/`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
  assert.equal(huge.status, 413);
  assert.equal((await call(sim.url, '/api/clients/', { token, raw: '[1,2', headers: { 'content-type': 'application/json' } })).status, 422);
  assert.equal((await call(sim.url, '/api/posts/?page=abc', { token })).status, 422);
  assert.equal((await call(sim.url, '/api/runs/%E0%A4%A', { token })).status, 404, 'a malformed escape is not a crash');
  assert.equal((await call(sim.url, '/health')).status, 200, 'still serving');
});
