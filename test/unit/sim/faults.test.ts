import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { FAULTS, FAULT_NAMES } from '../../../simulator/index.ts';
import { GENERATION_FAILED_MESSAGE } from '../../../simulator/faults/generation-fails.ts';
import { call, createClientAndProject, login, startTestSimulator, waitForRun } from '../../../simulator/testing.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the table is every file of simulator/faults/, and every fault has a README row with the same catches and verdict', async () => {
  const files = (await readdir(new URL('../../../simulator/faults/', import.meta.url))).filter((f) => f.endsWith('.ts'));
  assert.deepEqual([...FAULT_NAMES].sort(), files.map((f) => f.slice(0, -3)).sort());
  const readme = await readFile(new URL('../../../simulator/README.md', import.meta.url), 'utf8');
  for (const name of FAULT_NAMES) {
    const spec = FAULTS[name];
    assert.ok(spec, name);
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
    assert.ok(row, `README has a row for ${name}`);
    for (const id of spec.catches) assert.ok(row.includes(id), `${name} row names ${id}`);
    assert.ok(row.includes(spec.verdict), `${name} row names verdict ${spec.verdict}`);
  }
});

test('fault files reach the simulator only through hook points: none imports the registry or what loads it', async () => {
  // faults.ts awaits the import of every fault file: a fault importing it (directly or through
  // index/server/admin/options) would wait for itself forever.
  const dir = new URL('../../../simulator/faults/', import.meta.url);
  for (const file of await readdir(dir)) {
    const text = await readFile(new URL(file, dir), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const banned of ['../faults.ts', '../index.ts', '../server.ts', '../admin.ts', '../options.ts', '../testing.ts']) {
      assert.ok(!imports.includes(banned), `${file} imports ${banned}`);
    }
    assert.match(text, /export default defineFault\(\{\n  name: '[a-z0-9-]+',/, `${file} declares itself with defineFault`);
  }
});

test('timing faults: slow-api, stall, slow-page delay exactly what they should', async (t) => {
  // Generous knobs and relative comparisons: this must hold on a loaded 2-core CI machine too.
  const sim = await startTestSimulator({ slowApiMs: 400, stallMs: 400, stallPeriodMs: 800, slowPageMs: 400 });
  t.after(() => sim.close());
  const admin = { 'x-sim-admin-token': sim.adminToken };
  sim.setFaults(['slow-api']);
  assert.ok((await call(sim.url, '/api/health/db')).ms >= 395, '/api delayed');
  assert.ok((await call(sim.url, '/health')).ms < 300, '/health is not /api');

  sim.setFaults(['slow-page']);
  assert.ok((await call(sim.url, '/')).ms >= 395, 'index delayed');
  assert.ok((await call(sim.url, '/assets/index-stand1n.js')).ms >= 395, 'asset delayed');
  assert.ok((await call(sim.url, '/api/health')).ms < 300, 'API not delayed');

  sim.setFaults(['stall']);
  await sleep(800 - (Date.now() % 800) + 10); // 10 ms into a stall window
  const [control, stalled] = await Promise.all([call(sim.url, '/__sim/stats', { headers: admin }), call(sim.url, '/health')]);
  assert.ok(stalled.ms >= 250, `request in the stall window held (${stalled.ms.toFixed(0)} ms)`);
  assert.ok(control.ms < stalled.ms - 150, `/__sim is never stalled (${control.ms.toFixed(0)} vs ${stalled.ms.toFixed(0)} ms)`);
  await sleep(800 - (Date.now() % 800) + 450); // outside the window
  assert.ok((await call(sim.url, '/health')).ms < 300, 'outside the window: fast');
});

test('5xx-burst: after burstAfter, a deterministic fraction of /health and /api answers 500/503', async (t) => {
  const sim = await startTestSimulator({ faults: ['5xx-burst'], burstAfter: 5, burstFraction: 0.5 });
  t.after(() => sim.close());
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) statuses.push((await call(sim.url, '/health')).status);
  assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
  assert.deepEqual(statuses.slice(5), [200, 500, 200, 503, 200, 500, 200, 503, 200, 500]);
  const api = [];
  for (let i = 0; i < 10; i++) api.push((await call(sim.url, '/api/health/db')).status);
  assert.equal(api.filter((s) => s >= 500).length, 2, 'counted per route template');
  for (let i = 0; i < 10; i++) assert.equal((await call(sim.url, '/')).status, 200, 'static is not burst');
});

test('endpoint faults: health-down, wrong-version, db-down, login-broken, auth-open, debug-on, cors-wildcard, no-security-headers', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  const token = await login(sim.url);
  const on = (...f: string[]) => sim.setFaults(f);

  on('health-down');
  assert.equal((await call(sim.url, '/health')).status, 503);
  on('wrong-version');
  assert.equal((await call(sim.url, '/health')).body.version, '0.0.0-wrong');
  on('db-down');
  const db = await call(sim.url, '/api/health/db');
  assert.equal(db.status, 503);
  assert.equal(db.body.database, 'disconnected');
  assert.equal((await call(sim.url, '/health')).status, 200);

  on('login-broken');
  const lb = await call(sim.url, '/api/auth/login', { body: { email: 'operator@jumpstart.local', password: 'jumpstart-sim-password' } });
  assert.equal(lb.status, 500);
  assert.deepEqual(lb.body, { success: false, error: { code: 'INTERNAL_SERVER_ERROR', message: 'An unexpected error occurred' } });

  on('auth-open');
  assert.equal((await call(sim.url, '/api/projects/')).status, 200, 'no token accepted');
  assert.equal((await call(sim.url, '/api/projects/', { token: 'a.b.c' })).status, 401, 'a bad token still fails');
  on();
  assert.equal((await call(sim.url, '/api/projects/')).status, 401);

  on('debug-on');
  const dbg = await call(sim.url, '/health', { headers: { origin: 'https://evil.example' } });
  assert.equal(dbg.body.debug_mode, true);
  assert.equal(dbg.headers.get('access-control-allow-origin'), 'https://evil.example');
  assert.equal(dbg.headers.get('access-control-allow-credentials'), 'true');
  assert.equal(dbg.headers.get('strict-transport-security'), null);

  on('cors-wildcard');
  const cw = await call(sim.url, '/api/health', { headers: { origin: 'https://evil.example' } });
  assert.equal(cw.headers.get('access-control-allow-origin'), 'https://evil.example');
  assert.equal((await call(sim.url, '/health')).body.debug_mode, false);
  const pre = await call(sim.url, '/api/projects/', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' } });
  assert.equal(pre.status, 200);

  on('no-security-headers');
  for (const path of ['/health', '/', '/api/projects/']) {
    const h = (await call(sim.url, path, { token })).headers;
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'strict-transport-security']) assert.equal(h.get(name), null, `${name} omitted on ${path}`);
  }
});

test('frontend faults: asset-missing, frontend-down, and the UI faults as a meta tag', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  sim.setFaults(['asset-missing']);
  const css = await call(sim.url, '/assets/index-stand1n.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/html/);
  assert.match((await call(sim.url, '/assets/index-stand1n.js')).headers.get('content-type') ?? '', /javascript/, 'only the stylesheet breaks');

  sim.setFaults(['frontend-down']);
  for (const path of ['/', '/login', '/dashboard/wizard', '/assets/index-stand1n.js']) {
    const r = await call(sim.url, path);
    assert.equal(r.status, 404, path);
    assert.deepEqual(r.body, { detail: 'Not Found' });
  }
  assert.equal((await call(sim.url, '/health')).status, 200);

  sim.setFaults(['qa-flags-missing', 'console-error']);
  for (const path of ['/', '/dashboard/wizard']) assert.match((await call(sim.url, path)).text, /<meta name="sim-faults" content="console-error,qa-flags-missing">\s*<\/head>/);
  sim.setFaults(['console-error']);
  assert.match((await call(sim.url, '/')).text, /<meta name="sim-faults" content="console-error">/, 're-rendered at run time');
});

test('generation and export faults: slow-generation, generation-fails, wrong-post-count, docx-corrupt, download-broken', async (t) => {
  const sim = await startTestSimulator({ generationSeconds: 0.2, slowGenerationSeconds: 1.2 });
  t.after(() => sim.close());
  const token = await login(sim.url);
  const { clientId, projectId } = await createClientAndProject(sim.url, token);
  const generate = () => call(sim.url, '/api/generator/generate-all', { token, body: { project_id: projectId, client_id: clientId, is_batch: true, template_quantities: { '1': 10 } } });

  sim.setFaults(['slow-generation']);
  const t0 = Date.now();
  const slow = await generate();
  assert.equal((await waitForRun(sim.url, token, slow.body.id)).body.status, 'succeeded');
  assert.ok(Date.now() - t0 >= 1100, 'slow run takes slowGenerationSeconds');

  sim.setFaults(['generation-fails']);
  const failed = await waitForRun(sim.url, token, (await generate()).body.id);
  assert.equal(failed.body.status, 'failed');
  assert.equal(failed.body.errorMessage, GENERATION_FAILED_MESSAGE);

  sim.setFaults(['wrong-post-count']);
  const short = await waitForRun(sim.url, token, (await generate()).body.id);
  assert.equal(short.body.logs[2].message, 'Created 7 post records');
  assert.equal((await call(sim.url, `/api/posts/?project_id=${projectId}&run_id=${short.body.id}`, { token })).body.metadata.total, 7);

  sim.setFaults([]);
  const exp = await call(sim.url, '/api/generator/export', { token, body: { project_id: projectId, format: 'docx' } });
  const url = `${sim.url}/api/deliverables/${exp.body.id}/download`;
  const get = () => fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const good = await get();
  assert.ok(unzipSync(new Uint8Array(await good.arrayBuffer()))['word/document.xml']);

  sim.setFaults(['docx-corrupt']);
  const bad = await get();
  assert.equal(bad.status, 200);
  assert.equal(bad.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const bytes = new Uint8Array(await bad.arrayBuffer());
  assert.ok(bytes.length < exp.body.fileSizeBytes);
  assert.throws(() => unzipSync(bytes));

  sim.setFaults(['download-broken']);
  const gone = await get();
  assert.equal(gone.status, 404);
  assert.deepEqual(await gone.json(), { detail: `File not found: ${exp.body.path}` });
});

test('docs-down and project-create-fails break exactly their routes', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  const token = await login(sim.url);
  sim.setFaults(['docs-down']);
  for (const path of ['/docs', '/redoc', '/openapi.json']) {
    const r = await call(sim.url, path);
    assert.equal(r.status, 404, path);
    assert.deepEqual(r.body, { detail: 'Not Found' }, path);
  }
  assert.equal((await call(sim.url, '/health')).status, 200, 'health unaffected');
  sim.setFaults(['project-create-fails']);
  await assert.rejects(createClientAndProject(sim.url, token), /project create failed: 500 .*INTERNAL_SERVER_ERROR/);
  assert.equal((await call(sim.url, '/api/projects/', { token, body: { name: 'x' } })).status, 422, 'an invalid body is still refused before the crash');
  assert.equal((await call(sim.url, '/api/clients/', { token })).status, 200, 'other project-flow routes unaffected');
  sim.setFaults([]);
  assert.equal((await call(sim.url, '/openapi.json')).status, 200);
  await createClientAndProject(sim.url, token, 'Beta Corp');
});
