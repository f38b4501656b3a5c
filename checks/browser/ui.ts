import { test, type Page, type Response } from '@playwright/test';
import { checksSettings } from '../env.ts';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The useful lines of a Playwright error: what failed, the locator, expected vs received. */
function shortError(err: unknown): string {
  const lines = String((err as Error)?.message ?? err).replace(ANSI, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const keep = [lines[0] ?? 'unknown error', ...lines.slice(1).filter((l) => /^(Locator|Expected|Received|Timeout):/.test(l))];
  return keep.join('; ').slice(0, 400);
}

/**
 * One readable step of a browser flow: shows in the trace, and a failure says which step broke
 * (e.g. "open the Research step: …") instead of a bare matcher message.
 */
export async function uiStep<T>(what: string, body: () => Promise<T>): Promise<T> {
  return test.step(what, async () => {
    try {
      return await body();
    } catch (err) {
      throw new Error(`${what} failed: ${shortError(err)}`);
    }
  });
}

/** "GET /login answered 307 redirecting to http://…" for each hop that led to `res`. */
async function redirectChain(res: Response): Promise<string[]> {
  const hops: string[] = [];
  for (let r = res.request().redirectedFrom(); r; r = r.redirectedFrom()) {
    const answer = await r.response().catch(() => null);
    hops.unshift(`${r.method()} ${r.url()} answered ${answer?.status() ?? '?'} redirecting to ${answer?.headers()['location'] ?? '?'}`);
  }
  return hops;
}

/**
 * Navigates to a dashboard route and fails at once, naming what came back, when the answer is not the
 * SPA's HTML (e.g. 404 JSON when the build is missing) — instead of waiting out every selector timeout —
 * or when it was redirected to another origin: nothing is typed into, or trusted from, a page that is
 * not the target's.
 */
export async function openDashboard(page: Page, path: string, options: { timeout?: number } = {}): Promise<void> {
  const origin = new URL(checksSettings().config.baseUrl).origin;
  const res = await page.goto(path, { waitUntil: 'load', ...options });
  if (new URL(page.url()).origin !== origin) {
    const chain = res ? await redirectChain(res) : [];
    throw new Error(`GET ${path} ended at ${page.url()}, another origin than the target's ${origin}${chain.length ? ` (${chain.join('; ')})` : ''}: nothing is filled in or trusted there`);
  }
  if (!res) return; // same-document navigation: nothing new was fetched
  const type = res.headers()['content-type'] ?? '';
  if (res.status() >= 400 || !type.includes('text/html')) {
    throw new Error(`GET ${path} answered ${res.status()} ${type || '(no content type)'}, not the dashboard's HTML`);
  }
}
