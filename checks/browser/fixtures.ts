import type { BrowserContext, Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { checksSettings } from '../env.ts';
import { checkId } from '../report/results.ts';
import { updateFlow } from '../support/flow.ts';
import { prerequisite } from '../support/outcome.ts';
import { readLogin } from '../support/session.ts';
import { test as base } from '../support/test.ts';
import { setRunning, takeEvents, watchContext } from './observe.ts';

/** Set by playwright.config when no Chromium was found: every browser check errors with it. */
export interface BrowserOptions {
  browserError: string | undefined;
}

let watchedContexts = 0;

/** Which Chromium runs these checks (the same choice playwright.config made), for the JUnit properties. */
function browserDescription(): string {
  const browser = checksSettings().browser;
  return 'error' in browser ? `none: ${browser.error}` : browser.describe;
}

/**
 * A context on the target with the saved session (or none), watched for RB-13 and guarded so that no
 * credential leaves the target's origin. Every browser check opens its contexts through this.
 */
export async function openContext(browser: Browser, storageState: string | undefined, extra: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  const { config } = checksSettings();
  const context = await browser.newContext({
    baseURL: config.baseUrl,
    storageState: storageState && existsSync(storageState) ? storageState : undefined,
    viewport: { width: 1280, height: 900 },
    ...extra,
  });
  await watchContext(context, config.baseUrl, config.requestTimeoutMs);
  watchedContexts += 1;
  return context;
}

export const test = base.extend<{ _watch: void; session: string }, BrowserOptions>({
  browserError: [undefined, { option: true, scope: 'worker' }],

  _watch: [
    async ({ browserError }, use, info) => {
      const id = checkId(info.title);
      if (browserError) prerequisite(`no browser: ${browserError}`);
      info.annotations.push({ type: 'browser', description: browserDescription() });
      setRunning(id ?? 'between checks');
      const before = watchedContexts;
      try {
        await use();
      } finally {
        setRunning('between checks');
        const evaluated = !info.annotations.some((a) => a.type === 'status' && a.description === 'error');
        const drove = id !== undefined && evaluated && watchedContexts > before;
        const events = takeEvents();
        updateFlow(checksSettings().paths.flow, (s) => {
          s.events.push(...events);
          if (drove && !s.browserChecks.includes(id)) s.browserChecks.push(id);
        });
      }
    },
    { auto: true },
  ],

  /** The saved session's storage state; the check errors (not fails) when the setup login failed. */
  session: async ({}, use) => {
    const { paths } = checksSettings();
    const login = readLogin(paths.login);
    if (!login) prerequisite('setup (API login) left no outcome');
    if (!login.ok) prerequisite(`setup (API login) failed: ${login.cause ?? 'no session'}`);
    await use(paths.storageState);
  },
});

export { expect } from '@playwright/test';
