import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS, PRESETS, parseFaultNames } from '../../../simulator/faults.ts';
import { call, createClientAndProject, login, startTestSimulator, waitForRun, type Res } from '../../../simulator/testing.ts';

const GLOBAL_500 = { success: false, error: { code: 'INTERNAL_SERVER_ERROR', message: 'An unexpected error occurred' } };
const REAL_HEAD = [
  'db-route-missing',
  'deep-link-headers-missing',
  'docs-blocked-by-csp',
  'existing-client-crash',
  'export-writes-no-file',
  'generate-needs-project-id',
  'posts-list-500',
  'review-first-page-only',
  'runs-500',
];

function assertGlobal500(r: Res, what: string): void {
  assert.equal(r.status, 500, what);
  assert.deepEqual(r.body, GLOBAL_500, what);
}

test('preset real-head is exactly the real HEAD bugs, and expands wherever fault names are accepted', async (t) => {
  assert.deepEqual([...(PRESETS['real-head'] ?? [])].sort(), REAL_HEAD);
  for (const name of REAL_HEAD) assert.ok(FAULTS[name], name);
  assert.deepEqual(parseFaultNames(['slow-api,real-head', 'runs-500']), { faults: ['slow-api', ...(PRESETS['real-head'] ?? [])], unknown: [] });
  assert.deepEqual(parseFaultNames(['real-heads']).unknown, ['real-heads']);

  const sim = await startTestSimulator({ faults: ['real-head'] });
  t.after(() => sim.close());
  assert.deepEqual([...sim.faults()].sort(), REAL_HEAD);
  sim.setFaults([]);
  const admin = { 'x-sim-admin-token': sim.adminToken };
  const put = await call(sim.url, '/__sim/faults', { method: 'PUT', headers: admin, body: { faults: ['real-head'] } });
  assert.equal(put.status, 200);
  assert.deepEqual([...put.body.faults].sort(), REAL_HEAD);
  assert.deepEqual(put.body.presets, { 'real-head': PRESETS['real-head'] });
  // The dashboard's body-only generate-all meets the missing query parameter first, as at the real HEAD.
  const token = await login(sim.url);
  const { clientId, projectId } = await createClientAndProject(sim.url, token);
  const gen = await call(sim.url, '/api/generator/generate-all', { token, body: { project_id: projectId, client_id: clientId, is_batch: true, template_quantities: { '1': 30 }, custom_topics: [] } });
  assert.equal(gen.status, 422);
  // UI faults reach the bundled dashboard by name (only those).
  assert.match((await call(sim.url, '/dashboard/wizard')).text, /<meta name="sim-faults" content="existing-client-crash,review-first-page-only">/);
});

test('db-route-missing: /api/health/db is JSON 404, /api/health/database answers pool statistics', async (t) => {
  const sim = await startTestSimulator({ faults: ['db-route-missing'] });
  t.after(() => sim.close());
  const db = await call(sim.url, '/api/health/db');
  assert.equal(db.status, 404);
  assert.deepEqual(db.body, { detail: 'Not Found' });
  assert.match(db.headers.get('content-type') ?? '', /^application\/json/);
  const pool = await call(sim.url, '/api/health/database');
  assert.equal(pool.status, 200);
  assert.equal(pool.body.database, 'postgresql');
  assert.equal(pool.body.pool_class, 'QueuePool');
  assert.deepEqual(Object.keys(pool.body.connections).sort(), ['checked_in', 'checked_out', 'overflow', 'pool_size', 'total']);
  assert.equal(pool.body.health.status, 'healthy');
  assert.equal('connected' in pool.body || pool.body.database === 'connected', false, 'no connectivity field');
});

test('deep-link-headers-missing: SPA-fallback pages lose every security header, / and the API keep them', async (t) => {
  const sim = await startTestSimulator({ faults: ['deep-link-headers-missing'] });
  t.after(() => sim.close());
  const SECURITY = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'strict-transport-security', 'x-xss-protection', 'referrer-policy', 'permissions-policy'];
  for (const path of ['/dashboard/wizard', '/login', '/assets/missing-chunk.js']) {
    const r = await call(sim.url, path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/, path);
    for (const h of [...SECURITY, 'x-process-time']) assert.equal(r.headers.get(h), null, `${h} absent on ${path}`);
  }
  for (const path of ['/', '/api/health', '/assets/index-stand1n.js']) {
    const r = await call(sim.url, path);
    for (const h of SECURITY) assert.ok(r.headers.get(h), `${h} kept on ${path}`);
  }
});

test('generate-needs-project-id: 401, then the exact 422 without ?project_id=, 404 for a wrong one, 500 with it; no run', async (t) => {
  const sim = await startTestSimulator({ faults: ['generate-needs-project-id'] });
  t.after(() => sim.close());
  const token = await login(sim.url);
  const { clientId, projectId } = await createClientAndProject(sim.url, token);
  const body = { project_id: projectId, client_id: clientId, is_batch: true, template_quantities: { '1': 30 }, custom_topics: [] };
  assert.equal((await call(sim.url, '/api/generator/generate-all', { body })).status, 401);
  const dashboard = await call(sim.url, '/api/generator/generate-all', { token, body });
  assert.equal(dashboard.status, 422);
  assert.deepEqual(dashboard.body, { detail: [{ type: 'missing', loc: ['query', 'project_id'], msg: 'Field required', input: null }] });
  const wrong = await call(sim.url, '/api/generator/generate-all?project_id=project-000000000000', { token, body });
  assert.equal(wrong.status, 404);
  assert.deepEqual(wrong.body, { detail: 'Project not found' });
  assertGlobal500(await call(sim.url, `/api/generator/generate-all?project_id=${projectId}`, { token, body }), 'with ?project_id=');
  assert.deepEqual((await call(sim.url, `/api/runs/?projectId=${projectId}`, { token })).body, [], 'no run recorded');
  assert.equal(sim.stats().generations, 0);
});

test('runs-500: every run route after the 401 check, and generate-all/regenerate at run creation, with nothing recorded', async (t) => {
  const sim = await startTestSimulator({ generationSeconds: 0.2 });
  t.after(() => sim.close());
  const token = await login(sim.url);
  const { clientId, projectId } = await createClientAndProject(sim.url, token);
  const healthy = await call(sim.url, '/api/generator/generate-all', { token, body: { project_id: projectId, client_id: clientId, template_quantities: { '1': 2 } } });
  const runId = healthy.body.id as string;
  await waitForRun(sim.url, token, runId);

  sim.setFaults(['runs-500']);
  assert.equal((await call(sim.url, '/api/runs/')).status, 401, 'the auth dependency answers first');
  assertGlobal500(await call(sim.url, '/api/runs/', { token }), 'GET /api/runs/');
  assertGlobal500(await call(sim.url, `/api/runs/?projectId=${projectId}`, { token }), 'GET /api/runs/?projectId=');
  assertGlobal500(await call(sim.url, `/api/runs/${runId}`, { token }), 'GET /api/runs/{id}');
  assertGlobal500(await call(sim.url, `/api/runs/${runId}`, { token, method: 'PATCH', body: { status: 'failed' } }), 'PATCH /api/runs/{id}');
  assertGlobal500(await call(sim.url, '/api/runs/', { token, body: { project_id: projectId, is_batch: true } }), 'POST /api/runs/');
  assert.equal((await call(sim.url, '/api/generator/generate-all', { token, body: { client_id: clientId } })).status, 422, 'validation still first');
  assertGlobal500(await call(sim.url, '/api/generator/generate-all', { token, body: { project_id: projectId, client_id: clientId, template_quantities: { '1': 2 } } }), 'generate-all');
  assertGlobal500(await call(sim.url, '/api/generator/regenerate', { token, body: { project_id: projectId, post_ids: [] } }), 'regenerate');
  assert.equal((await call(sim.url, '/api/health/db')).status, 200, 'other routes unaffected');

  await new Promise((r) => setTimeout(r, 500)); // longer than a run: the failed one must not produce posts
  sim.setFaults([]);
  const runs = await call(sim.url, `/api/runs/?projectId=${projectId}`, { token });
  assert.deepEqual(runs.body.map((r: { id: string }) => r.id), [runId], 'the failed calls recorded no run');
  assert.equal((await call(sim.url, `/api/posts/?project_id=${projectId}`, { token })).body.metadata.total, 2, 'and no posts');
});

test('posts-list-500: the list answers 200 while empty and 500 once it holds a post; a post get 500s, a missing one 404s', async (t) => {
  const sim = await startTestSimulator({ generationSeconds: 0.2, faults: ['posts-list-500'] });
  t.after(() => sim.close());
  const token = await login(sim.url);
  const { clientId, projectId } = await createClientAndProject(sim.url, token);
  const empty = await call(sim.url, `/api/posts/?projectId=${projectId}`, { token });
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body.items, []);
  const run = await call(sim.url, '/api/generator/generate-all', { token, body: { project_id: projectId, client_id: clientId, template_quantities: { '1': 3 } } });
  assert.equal((await waitForRun(sim.url, token, run.body.id)).body.status, 'succeeded', 'generation itself works');
  assertGlobal500(await call(sim.url, `/api/posts/?project_id=${projectId}`, { token }), 'non-empty list');
  assertGlobal500(await call(sim.url, '/api/posts/', { token }), 'unfiltered list');
  assert.equal((await call(sim.url, `/api/posts/?project_id=${projectId}&status=nope`, { token })).status, 200, 'an empty page still serializes');
  assert.equal((await call(sim.url, '/api/posts/post-000000000000', { token })).status, 404);
  sim.setFaults([]);
  const postId = (await call(sim.url, `/api/posts/?project_id=${projectId}`, { token })).body.items[0].id as string;
  sim.setFaults(['posts-list-500']);
  assertGlobal500(await call(sim.url, `/api/posts/${postId}`, { token }), 'post get');
});

test('export-writes-no-file: export answers the real shape, the download is the real 404', async (t) => {
  const sim = await startTestSimulator({ faults: ['export-writes-no-file'] });
  t.after(() => sim.close());
  const token = await login(sim.url);
  const { clientId, projectId } = await createClientAndProject(sim.url, token, 'Acme Corp');
  const exp = await call(sim.url, '/api/generator/export', { token, body: { project_id: projectId, client_id: clientId, format: 'docx' } });
  assert.equal(exp.status, 200);
  assert.equal(exp.body.path, 'Acme Corp - Content Project/deliverable_docx');
  assert.equal(exp.body.fileSizeBytes, 0);
  assert.equal(exp.body.checksum, null);
  assert.equal(exp.body.status, 'ready');
  assert.equal(exp.body.projectId, projectId);
  const dl = await call(sim.url, `/api/deliverables/${exp.body.id}/download`, { token });
  assert.equal(dl.status, 404);
  assert.deepEqual(dl.body, { detail: 'File not found: Acme Corp - Content Project/deliverable_docx' });
  sim.setFaults([]);
  assert.equal((await call(sim.url, `/api/deliverables/${exp.body.id}/download`, { token })).status, 404, 'no file was ever written');
});

test('docs: healthy /docs renders from a same-origin script under the CSP; docs-blocked-by-csp serves the CDN page', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  const healthy = await call(sim.url, '/docs');
  assert.equal(healthy.status, 200);
  assert.match(healthy.text, /<script src="\/docs\/swagger-ui-lite\.js"><\/script>/);
  assert.doesNotMatch(healthy.text, /https?:\/\//, 'nothing from another origin');
  assert.doesNotMatch(healthy.text, /<script>/, 'no inline script');
  const script = await call(sim.url, '/docs/swagger-ui-lite.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(script.text, /opblock-summary-method/);

  sim.setFaults(['docs-blocked-by-csp']);
  const blocked = await call(sim.url, '/docs');
  assert.equal(blocked.status, 200, 'the HTML is served: an HTTP-level check passes');
  assert.match(blocked.text, /<script src="https:\/\/cdn\.jsdelivr\.net\/npm\/swagger-ui-dist@5\/swagger-ui-bundle\.js"><\/script>/);
  assert.match(blocked.text, /<script>\s*const ui = SwaggerUIBundle/);
  assert.match(blocked.headers.get('content-security-policy') ?? '', /script-src 'self';/);
  assert.equal((await call(sim.url, '/openapi.json')).status, 200);
});
