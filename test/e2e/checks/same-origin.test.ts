import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from '../../../simulator/index.ts';
import { recordingServer, redirectTo, runChecks, scratch, summary, tokenRecordingProxy, type Recorded } from '../../support/checks.ts';

const EMAIL = 'operator@jumpstart.local';
// Distinctive: it must never reach the other origin, in any form.
const PASSWORD = 'Origin-Secret-4Vq"8\\w';

/** Fails naming the request when the other origin ever got the password, the email or a bearer token. */
function assertNothingLeaked(requests: readonly Recorded[], tokens: ReadonlySet<string>): void {
  for (const r of requests) {
    const where = `${r.method} ${r.url}`;
    assert.equal(r.authorization, undefined, `${where} carried an Authorization header`);
    for (const s of [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1), EMAIL, ...tokens]) assert.ok(!r.body.includes(s) && !r.url.includes(s), `${where} carried a credential`);
  }
}

test('a target that 307-redirects everything to another origin: no credential leaves, the checks name the Location', async (t) => {
  const elsewhere = await recordingServer();
  t.after(() => elsewhere.close());
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: EMAIL, password: PASSWORD });
  t.after(() => sim.close());
  const target = await tokenRecordingProxy(sim.url, (path) => redirectTo(elsewhere.url, path));
  t.after(() => target.close());
  const run = await runChecks({ dir: scratch(t, 'checks-redirect-all-'), env: { CJ_BASE_URL: target.url, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD }, timeoutMs: 120_000 });
  assertNothingLeaked(elsewhere.requests, target.tokens);
  const location = (path: string): RegExp => new RegExp(`redirecting to ${elsewhere.url.replace(/[.]/g, '\\.')}${path}`);
  for (const [id, path] of [['RB-01', '/health'], ['RB-02', '/docs'], ['RB-03', '/'], ['RB-05', '/api/health/db']] as const) {
    assert.equal(run.byId(id).status, 'fail', `${id}\n${summary(run)}`);
    assert.match(run.byId(id).message ?? '', location(path), id);
  }
  // The setup login never sent the password there; RB-04 says why there is no session, and its own calls stay home.
  assert.equal(run.byId('RB-04').status, 'fail');
  assert.match(run.byId('RB-04').message ?? '', /login failed: POST \/api\/auth\/login answered 307 redirecting to .*another origin/);
  assert.match(run.byId('RB-04').message ?? '', /POST \/api\/auth\/login with a wrong password: POST \/api\/auth\/login answered 307 redirecting to/);
  // RB-07 types nothing into the other origin's login page.
  assert.equal(run.byId('RB-07').status, 'fail');
  assert.match(run.byId('RB-07').message ?? '', new RegExp(`GET /login ended at ${elsewhere.url.replace(/[.]/g, '\\.')}/login, another origin .*answered 307 redirecting to`));
  for (const id of ['RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12']) assert.equal(run.byId(id).status, 'error', `${id}\n${summary(run)}`);
});

test('only the login route redirects to another origin: the browser form and the API calls refuse it, same-origin redirects are followed', async (t) => {
  const elsewhere = await recordingServer();
  t.after(() => elsewhere.close());
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: EMAIL, password: PASSWORD });
  t.after(() => sim.close());
  // /health answers a same-origin 307 to a path the proxy forwards to the simulator's /health.
  const target = await tokenRecordingProxy(sim.url, (path) => {
    if (path === '/api/auth/login') return redirectTo(elsewhere.url, path);
    if (path === '/health') return { status: 307, type: 'text/plain', body: '', headers: { location: '/health?via=redirect' } };
    return undefined;
  });
  t.after(() => target.close());
  const run = await runChecks({ dir: scratch(t, 'checks-redirect-login-'), env: { CJ_BASE_URL: target.url, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD }, timeoutMs: 120_000 });
  assertNothingLeaked(elsewhere.requests, target.tokens);
  assert.deepEqual(elsewhere.requests, [], 'the other origin received no request at all');
  assert.equal(run.byId('RB-01').status, 'pass', `a same-origin redirect is followed\n${summary(run)}`);
  assert.equal(run.byId('RB-04').status, 'fail');
  assert.match(run.byId('RB-04').message ?? '', /login failed: POST \/api\/auth\/login answered 307 redirecting to .*another origin/);
  // The form's POST is refused in the browser: the password never follows the 307.
  assert.equal(run.byId('RB-07').status, 'fail', summary(run));
  assert.match(run.byId('RB-07').message ?? '', /refused: POST \/api\/auth\/login answered 307 redirecting to .*another origin than the target's/);
});
