import type { Page } from '@playwright/test';
import { pathOf } from '../support/redirects.ts';
import { since, type Observed } from './observe.ts';

/** The dashboard's error boundary (components/ErrorBoundary.tsx): what a person sees when a page crashed. */
const ERROR_SCREEN = /^(Something Went Wrong|Update Required)$/;

/** The error screen's heading when the page shows it, else undefined. */
async function errorScreen(page: Page): Promise<string | undefined> {
  const heading = page.getByRole('heading', { name: ERROR_SCREEN });
  if ((await heading.count().catch(() => 0)) === 0) return undefined;
  return ((await heading.first().textContent().catch(() => '')) ?? '').trim() || 'Something Went Wrong';
}

/** Texts of the page's `role=alert` elements (the login form's error, inline failures). */
async function alertTexts(page: Page): Promise<string[]> {
  if (page.isClosed()) return [];
  const texts = await page.getByRole('alert').allTextContents().catch(() => [] as string[]);
  return texts.map((t) => t.trim()).filter(Boolean).slice(0, 2).map((t) => firstLine(t));
}

/**
 * Runs a UI step but stops it the moment the app's error screen appears, naming that screen — instead
 * of waiting out the step's own timeout for something the crashed page will never show.
 */
export async function unlessErrorScreen<T>(page: Page, body: () => Promise<T>): Promise<T> {
  let done = false;
  const crashed = page
    .getByRole('heading', { name: ERROR_SCREEN })
    .first()
    .waitFor({ state: 'visible', timeout: 120_000 })
    .then(
      async () => {
        if (done) return new Promise<never>(() => undefined);
        throw new Error(`the page shows the app's error screen "${(await errorScreen(page)) ?? 'Something Went Wrong'}"`);
      },
      () => new Promise<never>(() => undefined),
    );
  try {
    return await Promise.race([body(), crashed]);
  } finally {
    done = true;
  }
}

function firstLine(text: string, max = 220): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function list(entries: readonly Observed[], max = 3): string {
  const texts = [...new Set(entries.map((e) => firstLine(e.text)))];
  return texts.slice(0, max).join(' | ') + (texts.length > max ? ` | … ${texts.length - max} more` : '');
}

/**
 * What a failed step met, for its message: the error screen, alerts, failed API answers (request,
 * status, body), refused cross-origin requests and console errors since `from`, and the page's URL —
 * instead of a bare "Timeout 15000ms exceeded".
 */
export async function explainPage(page: Page | undefined, from: number, known = ''): Promise<string> {
  const seen = await since(from);
  const parts: string[] = [];
  const screen = page ? await errorScreen(page) : undefined;
  if (screen && !known.includes('error screen')) parts.push(`the page shows the app's error screen "${screen}"`);
  const said = page ? await alertTexts(page) : [];
  if (said.length) parts.push(`the page says ${said.map((t) => `"${t}"`).join(', ')}`);
  const of = (kind: Observed['kind']): Observed[] => seen.filter((e) => e.kind === kind);
  if (of('dialog').length) parts.push(list(of('dialog')));
  if (of('refused').length) parts.push(`refused: ${list(of('refused'))}`);
  if (of('failed request').length) parts.push(`failed requests: ${list(of('failed request'))}`);
  const errors = [...of('page error'), ...of('console error')];
  if (errors.length) parts.push(`console: ${list(errors, 2)}`);
  // The page's URL places what was found; alone it adds nothing to a failure's own message.
  if (parts.length && page && !page.isClosed()) parts.push(`at ${pathOf(page.url())}`);
  return parts.join('; ');
}

/** Saves what the page shows now; undefined when it cannot (closed page). */
export async function screenshot(page: Page | undefined, path: string): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  try {
    await page.screenshot({ path, fullPage: true, timeout: 10_000 });
    return path;
  } catch {
    return undefined;
  }
}
