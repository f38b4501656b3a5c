/**
 * /docs in a real browser: healthy, the self-hosted Swagger-UI-like page renders every operation under
 * the app's CSP without internet; with docs-blocked-by-csp (FastAPI's CDN page under that CSP, the
 * real HEAD) no operation ever renders and the browser reports the blocked scripts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSimulator } from '../../../simulator/testing.ts';
import { launchChromium } from '../../support/browser.ts';

test('/docs renders its operations in Chromium; docs-blocked-by-csp renders none', async (t) => {
  const sim = await startTestSimulator();
  t.after(() => sim.close());
  const browser = await launchChromium(t);
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // Nothing may leave 127.0.0.1: the healthy page needs no CDN.
  const foreign: string[] = [];
  page.on('request', (r) => !r.url().startsWith(sim.url) && foreign.push(r.url()));

  await page.goto(`${sim.url}/docs`);
  const health = page.locator('.opblock.opblock-get').filter({ has: page.locator('.opblock-summary-path[data-path="/health"]') });
  await health.waitFor();
  assert.equal(await health.locator('.opblock-summary-method').innerText(), 'GET');
  assert.equal((await health.locator('.opblock-summary-path').innerText()).trim(), '/health');
  await page.getByRole('button', { name: 'Expand GET \u200b/api\u200b/health\u200b/db', exact: true }).waitFor();
  assert.ok((await page.locator('.opblock').count()) >= 30, 'every operation of /openapi.json');
  await page.getByRole('heading', { name: /^Content Jumpstart API/ }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);

  sim.setFaults(['docs-blocked-by-csp']);
  await page.goto(`${sim.url}/docs`);
  await page.waitForLoadState('load');
  // The inline script is refused at once; the CDN bundle is refused (or unreachable) too.
  await page.waitForFunction(() => document.readyState === 'complete');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.locator('.opblock').count(), 0, 'no operation renders');
  assert.equal(await page.evaluate(() => typeof (window as unknown as { SwaggerUIBundle?: unknown }).SwaggerUIBundle), 'undefined');
  assert.ok(errors.some((e) => /Content Security Policy/.test(e)), errors.join('\n'));
});
