// RB-07 — runbook "Manual Checks": log in to the operator dashboard through its real form and land on
// the dashboard. One of the run's 3 logins. Not traced: the trace would hold the typed password and
// the issued tokens; the password is set by script so no step title carries it either. The password is
// typed only into a page of the target's origin, and the form's request may not leave it (guard.ts).
import type { Page, Response } from '@playwright/test';
import { checksSettings } from '../env.ts';
import { ensure, record } from '../support/outcome.ts';
import { explainPage } from './diagnose.ts';
import { expect, openContext, test } from './fixtures.ts';
import { mark } from './observe.ts';
import { openDashboard, uiStep } from './ui.ts';

test.use({ trace: 'off' });

const isLogin = (url: string): boolean => new URL(url).pathname === '/api/auth/login';

/**
 * The login answer, or undefined when the request failed (refused by the guard, network error) or none
 * came. Both waits settle quietly: when the click throws, neither may reject later unhandled.
 */
async function submit(page: Page, timeout: number): Promise<Response | undefined> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && isLogin(r.url()), { timeout }).catch(() => undefined);
  const failed = page.waitForEvent('requestfailed', { predicate: (r) => isLogin(r.url()), timeout }).then(
    () => undefined,
    () => undefined,
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  return Promise.race([answered, failed]);
}

test('RB-07 dashboard login: the login form lands on the dashboard', async ({ browser }) => {
  const { config } = checksSettings();
  const context = await openContext(browser, undefined);
  try {
    const page = await context.newPage();
    const from = mark();
    const explain = async (): Promise<string> => {
      const seen = await explainPage(page, from);
      return seen ? ` (${seen})` : '';
    };
    await uiStep('open /login', async () => {
      await openDashboard(page, '/login');
      await expect(page.getByLabel('Email address')).toBeVisible();
    });
    await page.getByLabel('Email address').fill(config.email ?? '');
    // evaluate, not fill(): fill's step title and trace entry would show the password.
    await page.getByLabel('Password', { exact: true }).evaluate((el, value) => {
      const input = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, config.password ?? '');
    const started = performance.now();
    const res = await submit(page, config.requestTimeoutMs);
    ensure(res, `dashboard login: "Sign in" got no answer to POST /api/auth/login within ${config.requestTimeoutMs} ms${await explain()}`);
    ensure(res.status() === 200, `dashboard login: POST /api/auth/login answered ${res.status()}, expected 200${await explain()}`);
    try {
      await expect(page).toHaveURL(/\/dashboard\/?$/);
      await expect(page.getByRole('heading', { name: 'Dashboard Overview' })).toBeVisible();
    } catch {
      throw new Error(`dashboard login: login answered 200 but the page stayed at ${new URL(page.url()).pathname} without "Dashboard Overview"${await explain()}`);
    }
    record({ measured: performance.now() - started, unit: 'ms', message: 'landed on /dashboard' });
  } finally {
    await context.close();
  }
});
