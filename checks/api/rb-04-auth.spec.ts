// RB-04 — runbook "Post-Deployment Verification" step 4 and rollback trigger "Authentication broken":
// login returns a bearer token (the setup's login is the evidence: login is limited to 10/h), a wrong
// password gets 401, and a protected route without a token gets 401. Every call stays on the target's
// origin: a redirect elsewhere is a failure naming its Location, never followed with the email or token.
import { randomBytes } from 'node:crypto';
import { checksSettings } from '../env.ts';
import { apiCall, snippet, type ApiCall } from '../support/api.ts';
import { ensure, record } from '../support/outcome.ts';
import { readLogin, readToken } from '../support/session.ts';
import { test } from '../support/test.ts';

/**
 * A protected route that is cheap (1000/h, contract §8) and works at the real HEAD: the run routes are
 * unlimited but answer 500 there (contract §13), which would blame authentication for a runs bug.
 */
const PROTECTED = '/api/research/tools';

test('RB-04 API authentication: login returns a bearer token, wrong password and missing token get 401', async () => {
  const { config, paths } = checksSettings();
  const problems: string[] = [];
  // Node fetch for all three: the token must not reach a trace, and redirects are handled in one place.
  const call = async (path: string, c: Omit<ApiCall, 'timeoutMs'>, expected: number, what: string): Promise<void> => {
    try {
      const res = await apiCall(config.baseUrl, path, { ...c, timeoutMs: config.requestTimeoutMs });
      if (res.status !== expected) problems.push(`${what} answered ${res.status}, expected ${expected}: ${snippet(res.text)}`);
    } catch (err) {
      problems.push(`${what}: ${(err as Error).message}`);
    }
  };

  const login = readLogin(paths.login);
  const token = readToken(paths.token);
  if (!login) problems.push('the setup login left no outcome (setup did not run)');
  else if (!login.ok) problems.push(`login failed: ${login.cause}`);
  else {
    if (login.ms !== undefined) record({ measured: login.ms, unit: 'ms' });
    if ((login.tokenType ?? '').toLowerCase() !== 'bearer') problems.push(`login token_type is "${login.tokenType}", expected "bearer"`);
    if (!token) problems.push('login answered 200 but no access token was saved');
    else await call(PROTECTED, { token }, 200, `GET ${PROTECTED} with the issued token`);
  }
  // A wrong password that is not a secret.
  const wrong = { email: config.email, password: `wrong-${randomBytes(6).toString('hex')}` };
  await call('/api/auth/login', { method: 'POST', body: wrong }, 401, 'POST /api/auth/login with a wrong password');
  await call(PROTECTED, {}, 401, `GET ${PROTECTED} without a token`);
  ensure(problems.length === 0, problems.join('; '));
});
