import { defineConfig } from '@playwright/test';
import type { BrowserOptions } from './checks/browser/fixtures.ts';
import { checksSettings } from './checks/env.ts';

// Post-deploy checks RB-01 … RB-13 (checks/README.md). Settings come from the gate's hand-off document
// (or, for a bare `npm run checks`, from CJ_* env); a bad setting throws here, listing every problem.
const { config, paths, browser } = checksSettings();

// The browser checks (and RB-02's rendering of /docs) need Chromium: without one they report an `error`
// naming where we looked, while the other API checks still run.
const launchOptions = 'error' in browser ? undefined : { executablePath: browser.executablePath, args: [...browser.args] };
const browserError = 'error' in browser ? browser.error : undefined;

export default defineConfig<object, BrowserOptions>({
  testDir: 'checks',
  outputDir: paths.testResults,
  globalSetup: './checks/global-setup.ts',
  globalTeardown: './checks/global-teardown.ts',
  // One worker, in file order: the browser flow RB-08 → RB-11 shares one page and one project, and
  // login/generation budgets forbid running anything twice (no retries).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  // Bounds the whole run: ten minutes plus the longest generation RB-09 may wait for.
  globalTimeout: (600 + config.thresholds.generation.alert * 1.1 + 5) * 1000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['junit', { outputFile: paths.junit }],
    ['html', { outputFolder: paths.htmlReport, open: 'never' }],
    // Last: it scrubs what the others wrote.
    ['./checks/reporter.ts'],
  ],
  use: {
    baseURL: config.baseUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: Math.max(config.requestTimeoutMs, 15_000),
  },
  projects: [
    // The one API login; not traced (a trace would hold the password and the token).
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: { trace: 'off', screenshot: 'off' } },
    // RB-02 opens /docs in a browser too (it launches Chromium itself, only for that).
    { name: 'api', testDir: 'checks/api', dependencies: ['setup'], use: { ...(launchOptions ? { launchOptions } : {}), browserError } },
    {
      name: 'browser',
      testDir: 'checks/browser',
      dependencies: ['setup'],
      use: { ...(launchOptions ? { launchOptions } : {}), browserError, viewport: { width: 1280, height: 900 } },
    },
  ],
});
