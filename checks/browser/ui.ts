import { test, type Page } from '@playwright/test';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The useful lines of a Playwright error: what failed, the locator, expected vs received. */
export function shortError(err: unknown): string {
  const lines = String((err as Error)?.message ?? err).replace(ANSI, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const keep = [lines[0] ?? 'unknown error', ...lines.slice(1).filter((l) => /^(Locator|Expected|Received|Timeout):/.test(l))];
  return keep.join('; ').slice(0, 400);
}

/**
 * One readable step of a browser flow: shows in the trace, and a failure says which step broke
 * (e.g. "open the Research step: …") instead of a bare matcher message.
 */
export async function uiStep<T>(what: string, body: () => Promise<T>, extra: () => string = () => ''): Promise<T> {
  return test.step(what, async () => {
    try {
      return await body();
    } catch (err) {
      throw new Error(`${what} failed: ${shortError(err)}${extra()}`);
    }
  });
}

/**
 * Navigates to a dashboard route and fails at once, naming what came back, when the answer is not the
 * SPA's HTML (e.g. 404 JSON when the build is missing) — instead of waiting out every selector timeout.
 */
export async function openDashboard(page: Page, path: string, options: { timeout?: number } = {}): Promise<void> {
  const res = await page.goto(path, { waitUntil: 'load', ...options });
  if (!res) return; // same-document navigation: nothing new was fetched
  const type = res.headers()['content-type'] ?? '';
  if (res.status() >= 400 || !type.includes('text/html')) {
    throw new Error(`GET ${path} answered ${res.status()} ${type || '(no content type)'}, not the dashboard's HTML`);
  }
}
