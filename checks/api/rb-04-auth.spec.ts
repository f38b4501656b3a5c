// RB-04 — runbook "Post-Deployment Verification" step 4 and rollback trigger "Authentication broken":
// login returns a bearer token (the setup's login is the evidence: login is limited to 10/h), a wrong
// password gets 401, and a protected route without a token gets 401.
import { randomBytes } from 'node:crypto';
import { checksSettings } from '../env.ts';
import { apiCall, snippet } from '../support/api.ts';
import { ensure, record } from '../support/outcome.ts';
import { readLogin, readToken } from '../support/session.ts';
import { test } from '../support/test.ts';

/** Runs are not rate-limited (contract §8), so probing them costs nothing. */
const PROTECTED = '/api/runs/';

test('RB-04 API authentication: login returns a bearer token, wrong password and missing token get 401', async ({ request }) => {
  const { config, paths } = checksSettings();
  const problems: string[] = [];

  const login = readLogin(paths.login);
  const token = readToken(paths.token);
  if (!login) problems.push('the setup login left no outcome (setup did not run)');
  else if (!login.ok) problems.push(`login failed: ${login.cause}`);
  else {
    if (login.ms !== undefined) record({ measured: login.ms, unit: 'ms' });
    if ((login.tokenType ?? '').toLowerCase() !== 'bearer') problems.push(`login token_type is "${login.tokenType}", expected "bearer"`);
    if (!token) problems.push('login answered 200 but no access token was saved');
    else {
      // Node fetch, not `request`: the token must not reach a trace.
      const res = await apiCall(config.baseUrl, PROTECTED, { token, timeoutMs: config.requestTimeoutMs });
      if (res.status !== 200) problems.push(`GET ${PROTECTED} with the issued token answered ${res.status}, expected 200: ${snippet(res.text)}`);
    }
  }

  // A wrong password that is not a secret: safe to appear in a trace.
  const wrong = await request.post('/api/auth/login', {
    data: { email: config.email, password: `wrong-${randomBytes(6).toString('hex')}` },
    timeout: config.requestTimeoutMs,
  });
  if (wrong.status() !== 401) problems.push(`POST /api/auth/login with a wrong password answered ${wrong.status()}, expected 401: ${snippet(await wrong.text())}`);

  const anon = await request.get(PROTECTED, { timeout: config.requestTimeoutMs, maxRedirects: 0 });
  if (anon.status() !== 401) problems.push(`GET ${PROTECTED} without a token answered ${anon.status()}, expected 401: ${snippet(await anon.text())}`);

  ensure(problems.length === 0, problems.join('; '));
});
