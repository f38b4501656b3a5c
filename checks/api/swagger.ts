import type { Browser } from '@playwright/test';

export interface SwaggerRender {
  /** Operations Swagger UI drew (its `.opblock` entries). */
  operations: number;
  /** Why nothing rendered: CSP refusals, scripts that failed to load, page errors. */
  blockers: string[];
}

/** Pure: the operations of an OpenAPI document (method entries under every path). */
export function operationCount(spec: { paths?: Record<string, unknown> }): number {
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  return Object.values(spec.paths ?? {}).reduce<number>((n, item) => n + Object.keys(item && typeof item === 'object' ? item : {}).filter((k) => methods.has(k)).length, 0);
}

/**
 * Opens `/docs` in a fresh browser context (no session: the docs are public) and waits for Swagger UI
 * to draw its operations. What a browser refused on the way (the app's CSP blocking the CDN bundle, a
 * script that could not load) is collected, so a page that renders nothing says why. Not watched for
 * RB-13: the docs are not the dashboard.
 */
export async function renderSwagger(browser: Browser, docsUrl: string, timeoutMs: number): Promise<SwaggerRender> {
  const context = await browser.newContext();
  const blockers: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') blockers.push(m.text().split('\n')[0] ?? '');
    });
    page.on('pageerror', (e) => blockers.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (r.resourceType() === 'script' || r.resourceType() === 'stylesheet') blockers.push(`${r.url()} did not load (${r.failure()?.errorText ?? 'failed'})`);
    });
    await page.goto(docsUrl, { waitUntil: 'load', timeout: timeoutMs });
    const ops = page.locator('.opblock');
    await ops.first().waitFor({ state: 'visible', timeout: timeoutMs }).catch(() => undefined);
    // The script is what draws the operations: its refusal explains an empty page best.
    const rank = (b: string): number => (/script/i.test(b) ? 0 : /^page error/.test(b) ? 1 : 2);
    return { operations: await ops.count(), blockers: [...new Set(blockers.filter(Boolean))].sort((a, b) => rank(a) - rank(b)) };
  } finally {
    await context.close();
  }
}
