// RB-03 — runbook "Post-Deployment Verification" step 3 and "Frontend Not Loading": / serves the
// dashboard and every script and stylesheet its index.html references really exists. The real app
// answers a missing asset with 200 index.html (SPA fallback), so status alone proves nothing. Only the
// target's own assets count: another origin's (a CDN, or a redirect elsewhere) is not this deploy.
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { requestSameOrigin } from '../support/request.ts';
import { ensure, record } from '../support/outcome.ts';
import { test } from '../support/test.ts';
import { assetProblem, referencedAssets } from './assets.ts';

test('RB-03 frontend and its assets: / serves the dashboard, every referenced script and stylesheet is real', async ({ request }) => {
  const { config } = checksSettings();
  const res = await requestSameOrigin(request, config.baseUrl, '/', { timeout: config.requestTimeoutMs });
  const html = await res.text();
  const type = res.headers()['content-type'] ?? '';
  ensure(res.status() === 200, `GET / answered ${res.status()}, expected 200 with the dashboard: ${snippet(html)}`);
  ensure(/text\/html/i.test(type), `GET / answered ${type || 'no content type'}, expected text/html: ${snippet(html)}`);
  const assets = referencedAssets(html, config.baseUrl);
  ensure(assets.some((a) => a.kind === 'script'), `GET / answered HTML that references no script: not the dashboard build (${snippet(html)})`);
  const problems: string[] = [];
  for (const asset of assets) {
    // An asset that redirects to another host is not this deploy's: named, not fetched there.
    const r = await requestSameOrigin(request, config.baseUrl, asset.url, { timeout: config.requestTimeoutMs }).catch((err: Error) => err);
    const problem = r instanceof Error ? `${asset.ref}: ${r.message}` : assetProblem(asset, r.status(), r.headers()['content-type']);
    if (problem) problems.push(problem);
  }
  record({ measured: assets.length, unit: 'assets', message: `${assets.length} assets referenced by index.html` });
  ensure(problems.length === 0, `${problems.length} of ${assets.length} assets referenced by index.html are broken: ${problems.join('; ')}`);
});
