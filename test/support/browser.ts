/** Chromium for the dashboard's end-to-end tests, and a page whose session was made through the API. */
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { resolveBrowser } from '../../lib/browser.ts';
import { TEST_EMAIL, TEST_PASSWORD } from '../../simulator/testing.ts';

/** Headless Chromium (CHROMIUM_PATH, else Playwright's), closed when the test ends. */
export async function launchChromium(t: TestContext): Promise<Browser> {
  const choice = resolveBrowser(process.env['CHROMIUM_PATH']);
  t.diagnostic(`browser: ${choice.describe}`);
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...choice.args], headless: true });
  t.after(() => browser.close());
  return browser;
}

/**
 * A page in a new context, logged in through the API (no form login: spares the login budget) with the
 * session seeded into localStorage, as the checks do. Seeded once per tab: a later full-page load sees
 * what the app left (a cleared session stays cleared). Default timeout 15 s.
 */
export async function seededSessionPage(browser: Browser, baseUrl: string, context: BrowserContextOptions = {}): Promise<Page> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: TEST_EMAIL, password: TEST_PASSWORD }) });
  assert.equal(res.status, 200);
  const login = (await res.json()) as { access_token: string; refresh_token: string; user: { id: string; email: string } };
  const ctx = await browser.newContext(context);
  await ctx.addInitScript((l) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('access_token', l.access_token);
    localStorage.setItem('refresh_token', l.refresh_token);
    localStorage.setItem('user', JSON.stringify({ id: l.user.id, email: l.user.email, name: 'Sim', role: 'operator' }));
  }, login);
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}
