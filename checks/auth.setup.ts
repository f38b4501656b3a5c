// Setup: the one API login of the run (login is limited to 10/h). Saves the session for the browser
// checks and the token for the gate's load phase; its outcome is RB-04's "login returns a bearer token".
// No tracing here (project setting): a trace would record the password and the token.
import { test as setup } from '@playwright/test';
import { checksSettings } from './env.ts';
import { apiCall, snippet } from './support/api.ts';
import { scrubText } from './support/scrub.ts';
import { storageStateFor, tokenResponseSchema, writePrivate, type LoginOutcome } from './support/session.ts';

setup('setup: API login once and save the session', async () => {
  const { config, paths } = checksSettings();
  const { email, password } = config;
  if (!email || !password) throw new Error('CJ_EMAIL and CJ_PASSWORD are required'); // config already enforces it
  const save = (o: LoginOutcome): void => {
    writePrivate(paths.login, o);
    setup.info().annotations.push({ type: 'login', description: o.ok ? `ok (${o.status}, ${Math.round(o.ms ?? 0)} ms)` : `failed: ${o.cause}` });
  };
  let res;
  try {
    res = await apiCall(config.baseUrl, '/api/auth/login', { method: 'POST', body: { email, password }, timeoutMs: config.requestTimeoutMs });
  } catch (err) {
    save({ ok: false, cause: (err as Error).message });
    return; // the checks that need the session report the cause as their prerequisite
  }
  let parsed;
  try {
    parsed = tokenResponseSchema.safeParse(JSON.parse(res.text));
  } catch {
    parsed = undefined;
  }
  if (res.status !== 200 || !parsed?.success) {
    // A 422 echoes its input: scrub the body before it becomes a message.
    const body = scrubText(snippet(res.text), [password]);
    const why = res.status !== 200 ? `answered ${res.status}` : `answered 200 without a usable token (${parsed?.error?.issues[0]?.path.join('.') ?? 'not JSON'})`;
    save({ ok: false, status: res.status, cause: `POST /api/auth/login ${why}: ${body}` });
    return;
  }
  const login = parsed.data;
  writePrivate(paths.token, { access_token: login.access_token });
  writePrivate(paths.storageState, storageStateFor(new URL(config.baseUrl).origin, login));
  save({ ok: true, status: res.status, tokenType: login.token_type, ms: res.ms, userEmail: login.user.email });
});
