// RB-12 — runbook "Performance Benchmarks: page load time < 2 s (dashboard), alert > 5 s", measured
// with Navigation Timing (loadEventEnd) on a cold context that carries the saved session.
import { checksSettings } from '../env.ts';
import { ensure, judge } from '../support/outcome.ts';
import { expect, openContext, test } from './fixtures.ts';
import { openDashboard } from './ui.ts';

test('RB-12 dashboard page load: Navigation Timing within the page load thresholds', async ({ browser, session }) => {
  const { config } = checksSettings();
  const t = config.thresholds.pageLoad;
  test.setTimeout(Math.max(60_000, t.alert * 3));
  const context = await openContext(browser, session);
  try {
    const page = await context.newPage();
    await openDashboard(page, '/dashboard', { timeout: Math.max(t.alert * 2, config.requestTimeoutMs) });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? { load: nav.loadEventEnd - nav.startTime, dcl: nav.domContentLoadedEventEnd - nav.startTime } : undefined;
    });
    ensure(timing && timing.load > 0, 'the browser reported no Navigation Timing entry for /dashboard');
    try {
      await expect(page.getByRole('heading', { name: 'Dashboard Overview' })).toBeVisible();
    } catch {
      throw new Error(`/dashboard did not show "Dashboard Overview" (now at ${new URL(page.url()).pathname}): the measurement is not of the dashboard`);
    }
    console.log(`RB-12: /dashboard load ${timing.load.toFixed(0)} ms (DOMContentLoaded ${timing.dcl.toFixed(0)} ms)`);
    judge(timing.load, t, 'dashboard page load');
  } finally {
    await context.close();
  }
});
