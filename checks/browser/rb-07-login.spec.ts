// RB-07 — runbook "Manual Checks": log in to the operator dashboard through its real form and land on
// the dashboard. One of the run's 3 logins. Not traced: the trace would hold the typed password and
// the issued tokens; the password is set by script so no step title carries it either.
import { checksSettings } from '../env.ts';
import { ensure, record } from '../support/outcome.ts';
import { expect, test, watchContext } from './fixtures.ts';
import { openDashboard, uiStep } from './ui.ts';

test.use({ trace: 'off' });

test('RB-07 dashboard login: the login form lands on the dashboard', async ({ page }) => {
  const { config } = checksSettings();
  watchContext(page.context());
  await uiStep('open /login', async () => {
    await openDashboard(page, '/login');
    await expect(page.locator('#email')).toBeVisible();
  });
  await page.locator('#email').fill(config.email ?? '');
  // evaluate, not fill(): fill's step title and trace entry would show the password.
  await page.locator('#password').evaluate((el, value) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, config.password ?? '');
  const started = performance.now();
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/auth/login', {
    timeout: config.requestTimeoutMs,
  });
  await page.getByRole('button', { name: 'Sign in' }).click();
  const res = await answered.catch(() => undefined);
  ensure(res, `the Sign in button sent no POST /api/auth/login within ${config.requestTimeoutMs} ms`);
  const alertText = async (): Promise<string> => {
    const a = page.getByRole('alert');
    return (await a.count()) > 0 ? ` — the page says "${((await a.first().textContent()) ?? '').trim()}"` : '';
  };
  ensure(res.status() === 200, `dashboard login: POST /api/auth/login answered ${res.status()}, expected 200${await alertText()}`);
  try {
    await expect(page).toHaveURL(/\/dashboard\/?$/);
    await expect(page.getByRole('heading', { name: 'Dashboard Overview' })).toBeVisible();
  } catch {
    throw new Error(`dashboard login: login answered 200 but the page stayed at ${new URL(page.url()).pathname} without "Dashboard Overview"${await alertText()}`);
  }
  record({ measured: performance.now() - started, unit: 'ms', message: 'landed on /dashboard' });
});
