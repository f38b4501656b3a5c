import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULTS, startSimulator } from '../../../simulator/index.ts';
import { runChecks, scratch, summary, tokenRecordingProxy, type ProxyAnswer } from '../../support/checks.ts';

const API_IDS = ['RB-01', 'RB-02', 'RB-03', 'RB-04', 'RB-05', 'RB-06'];
const BROWSER_IDS = ['RB-07', 'RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12', 'RB-13'];

/** Fault → the API checks that must fail, each with a message naming the cause. */
const TABLE: Record<string, { env?: Record<string, string>; fail: Record<string, RegExp> }> = {
  'health-down': { fail: { 'RB-01': /GET \/health answered 503, expected 200/ } },
  'db-down': { fail: { 'RB-05': /GET \/api\/health\/db answered 503/ } },
  'login-broken': { fail: { 'RB-04': /login failed: POST \/api\/auth\/login answered 500/ } },
  'auth-open': { fail: { 'RB-04': /GET \/api\/research\/tools without a token answered 200, expected 401/ } },
  'wrong-version': { env: { CJ_EXPECTED_VERSION: '1.4.2' }, fail: { 'RB-01': /version is "0\.0\.0-wrong", expected "1\.4\.2" \(CJ_EXPECTED_VERSION\)/ } },
  'debug-on': { fail: { 'RB-01': /debug_mode is true/, 'RB-06': /debug mode: \/health debug_mode is true.*CORS: .*echoes the foreign origin/ } },
  'cors-wildcard': { fail: { 'RB-06': /CORS: preflight OPTIONS \/api\/projects\/ echoes the foreign origin .* with credentials/ } },
  'no-security-headers': { fail: { 'RB-06': /\/ \(200\) lacks Content-Security-Policy, X-Content-Type-Options: nosniff, frame protection/ } },
  'asset-missing': { fail: { 'RB-03': /\.css answered 200 text\/html.*expected CSS \(SPA fallback: the file is missing\)/ } },
  'frontend-down': { fail: { 'RB-03': /GET \/ answered 404, expected 200 with the dashboard/ } },
  'docs-down': { fail: { 'RB-02': /GET \/docs answered 404, expected 200/ } },
  'docs-blocked-by-csp': { fail: { 'RB-02': /GET \/docs answered 200 but Swagger UI rendered no operation in Chromium \(openapi\.json lists \d+\): .*swagger-ui-bundle\.js.*Content Security Policy/ } },
  'db-route-missing': {
    fail: { 'RB-05': /GET \/api\/health\/db answered 404, .*; GET \/api\/health\/database answered 200 with connection-pool statistics .* but no connectivity field/ },
  },
  'deep-link-headers-missing': { fail: { 'RB-06': /SPA deep link \/dashboard\/wizard \(200\) lacks Content-Security-Policy, X-Content-Type-Options: nosniff, frame protection/ } },
};

test('the table covers exactly the simulator faults that the API checks must catch', () => {
  const fromSim = Object.entries(FAULTS)
    .filter(([, spec]) => spec.catches.some((id) => API_IDS.includes(id)))
    .map(([name]) => name)
    .sort();
  assert.deepEqual(Object.keys(TABLE).sort(), fromSim);
  for (const [name, row] of Object.entries(TABLE)) {
    const apiCatches = (FAULTS[name]?.catches ?? []).filter((id) => API_IDS.includes(id));
    assert.deepEqual(Object.keys(row.fail).sort(), [...apiCatches].sort(), name);
  }
});

for (const [fault, row] of Object.entries(TABLE)) {
  test(`API checks on fault ${fault}: ${Object.keys(row.fail).join(', ')} fail naming the cause, the others pass`, async (t) => {
    const sim = await startSimulator({ port: 0, faults: [fault] });
    t.after(() => sim.close());
    const run = await runChecks({
      dir: scratch(t, `checks-${fault}-`),
      args: ['--project=api'],
      env: { CJ_BASE_URL: sim.url, CJ_EMAIL: 'operator@jumpstart.local', CJ_PASSWORD: 'jumpstart-sim-password', ...row.env },
      timeoutMs: 60_000,
    });
    assert.equal(run.code, 1, `playwright exits 1 when a check fails\n${summary(run)}`);
    for (const id of API_IDS) {
      const r = run.byId(id);
      const expected = row.fail[id];
      if (expected) {
        assert.equal(r.status, 'fail', `${id}\n${summary(run)}`);
        assert.match(r.message ?? '', expected, id);
      } else {
        assert.equal(r.status, 'pass', `${id} must pass on ${fault}\n${summary(run)}`);
      }
    }
    // The browser project was not selected: its checks are errors, never missing, never passes.
    for (const id of BROWSER_IDS) {
      assert.equal(run.byId(id).status, 'error');
      assert.match(run.byId(id).message ?? '', /no result: project "browser" was not part of this run/);
    }
  });
}

// The simulator's docs-down fault removes the docs; a proxy also serves an OpenAPI 2 document, which no
// simulator fault does.
const DOCS_FAULTS: Record<string, { answer: Record<string, ProxyAnswer>; fail: RegExp }> = {
  'openapi-2': {
    answer: { '/openapi.json': { status: 200, type: 'application/json', body: JSON.stringify({ swagger: '2.0', openapi: '2.0', info: { title: 'x', version: '1' }, paths: { '/a': {} } }) } },
    fail: /GET \/openapi\.json is not an OpenAPI 3 document: openapi must be an OpenAPI 3\.x version/,
  },
};

for (const [name, row] of Object.entries(DOCS_FAULTS)) {
  test(`API checks with ${name} (proxy fault): RB-02 fails naming the cause, RB-01 passes`, async (t) => {
    const sim = await startSimulator({ port: 0 });
    t.after(() => sim.close());
    const proxy = await tokenRecordingProxy(sim.url, (path) => row.answer[path]);
    t.after(() => proxy.close());
    const run = await runChecks({
      dir: scratch(t, `checks-${name}-`),
      args: ['--project=api'],
      env: { CJ_BASE_URL: proxy.url, CJ_EMAIL: 'operator@jumpstart.local', CJ_PASSWORD: 'jumpstart-sim-password' },
      timeoutMs: 60_000,
    });
    assert.equal(run.code, 1, `playwright exits 1 when a check fails\n${summary(run)}`);
    assert.equal(run.byId('RB-02').status, 'fail', summary(run));
    assert.match(run.byId('RB-02').message ?? '', row.fail);
    assert.equal(run.byId('RB-01').status, 'pass', summary(run));
  });
}
