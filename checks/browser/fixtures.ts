import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { checksSettings } from '../env.ts';
import { updateFlow, type FlowEvent } from '../support/flow.ts';
import { prerequisite } from '../support/outcome.ts';
import { scrubText } from '../support/scrub.ts';
import { readLogin } from '../support/session.ts';
import { checkId, test as base } from '../support/test.ts';

/** Set by playwright.config when no Chromium was found: every browser check errors with it. */
export interface BrowserOptions {
  browserError: string | undefined;
}

interface SharedFlow {
  context: BrowserContext;
  page: Page;
}

// Events of this worker's contexts, tagged with the check that was running. Flushed to the flow
// state after each test, because RB-13 may run in a later worker.
const pending: FlowEvent[] = [];

/** Which Chromium runs these checks (the same choice playwright.config made), for the JUnit properties. */
function browserDescription(): string {
  const browser = checksSettings().browser;
  return 'error' in browser ? `none: ${browser.error}` : browser.describe;
}
let running = 'between checks';

function push(kind: FlowEvent['kind'], text: string): void {
  pending.push({ check: running, kind, text: scrubText(text, []).slice(0, 500) });
}

/** Records console errors, uncaught page errors, 5xx answers and dialogs (dismissed: never left hanging). */
export function watchContext(context: BrowserContext): void {
  context.on('console', (m) => {
    if (m.type() === 'error') push('console error', `${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  context.on('weberror', (e) => push('page error', e.error().message));
  context.on('response', (r) => {
    if (r.status() >= 500) push('5xx response', `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  context.on('dialog', (d) => {
    push('dialog', `${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
}

export const test = base.extend<{ _watch: void; session: string; flowPage: Page }, BrowserOptions & { sharedFlow: SharedFlow }>({
  browserError: [undefined, { option: true, scope: 'worker' }],

  // RB-08 → RB-11 drive one wizard page: its state lives only in the page (contract §4).
  sharedFlow: [
    async ({ browser }, use) => {
      const { config, paths } = checksSettings();
      const context = await browser.newContext({
        baseURL: config.baseUrl,
        storageState: existsSync(paths.storageState) ? paths.storageState : undefined,
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      watchContext(context);
      const page = await context.newPage();
      await use({ context, page });
      await context.close();
    },
    { scope: 'worker' },
  ],

  _watch: [
    async ({ browserError }, use, info) => {
      const id = checkId(info.title) ?? 'setup';
      if (browserError) prerequisite(`no browser: ${browserError}`);
      info.annotations.push({ type: 'browser', description: browserDescription() });
      running = id;
      try {
        await use();
      } finally {
        running = 'between checks';
        const events = pending.splice(0);
        const evaluated = !info.annotations.some((a) => a.type === 'status' && a.description === 'error');
        const dialogs = events.filter((e) => e.kind === 'dialog' && e.check === id);
        for (const d of dialogs) info.annotations.push({ type: 'dialog', description: d.text });
        updateFlow(checksSettings().paths.flow, (s) => {
          s.events.push(...events);
          if (evaluated && !s.browserChecks.includes(id)) s.browserChecks.push(id);
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

  flowPage: async ({ session, sharedFlow }, use) => {
    void session;
    await use(sharedFlow.page);
  },
});

export { expect } from '@playwright/test';

/** Alerts seen so far during the running check, to explain a failure (e.g. "Failed to start generation"). */
export function alertsSeen(): string {
  const d = pending.filter((e) => e.kind === 'dialog' && e.check === running).map((e) => e.text);
  return d.length ? ` (alerts: ${d.join(' | ')})` : '';
}
