import type { BrowserContext, Route } from '@playwright/test';
import { MAX_REDIRECTS, nextRedirect, pathOf, tooManyMessage } from '../support/redirects.ts';

/**
 * Same origin only, in the browser. Chromium follows a 307 with the request body (the login form's
 * password) to any origin, and Playwright's routing never sees the redirected hop; so every request that
 * carries a body is sent from here without following redirects: same-origin hops are followed, one to
 * another origin is refused and reported. A request to another origin with a body or a bearer header
 * is refused outright. Body-less GETs go as usual: Chromium drops Authorization on cross-origin
 * redirects, and the dashboard keeps its token in localStorage, never in cookies.
 */
export async function guardCredentials(context: BrowserContext, origin: string, timeoutMs: number, onBlock: (message: string) => void): Promise<void> {
  await context.route(
    () => true,
    async (route) => {
      try {
        await guard(route, origin, timeoutMs, onBlock);
      } catch (err) {
        // A closed page or context ends its routes; anything else is an answer the page should not get.
        await route.abort('failed').catch(() => undefined);
        if (!/closed|disposed/i.test((err as Error).message)) onBlock(`${route.request().method()} ${pathOf(route.request().url())}: ${(err as Error).message}`);
      }
    },
  );
}

async function guard(route: Route, origin: string, timeoutMs: number, onBlock: (message: string) => void): Promise<void> {
  const req = route.request();
  const method = req.method();
  const carries = req.postDataBuffer() !== null || 'authorization' in req.headers();
  if (new URL(req.url()).origin !== origin) {
    if (!carries) return route.fallback();
    onBlock(`${method} ${req.url()} refused: credentials go only to the target's origin ${origin}`);
    return route.abort('blockedbyclient');
  }
  if (req.postDataBuffer() === null) return route.fallback();
  let url = req.url();
  let hopMethod = method;
  let postData: Buffer | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await route.fetch({ url, method: hopMethod, maxRedirects: 0, timeout: timeoutMs, ...(postData ? { postData } : {}) });
    const step = nextRedirect(origin, url, hopMethod, res.status(), res.headers()['location']);
    if (step.kind === 'none') return route.fulfill({ response: res });
    if (step.kind === 'cross-origin') {
      onBlock(step.message);
      return route.abort('blockedbyclient');
    }
    url = step.url;
    hopMethod = step.method;
    if (!step.keepBody) postData = Buffer.alloc(0);
  }
  onBlock(tooManyMessage(method, pathOf(req.url())));
  return route.abort('failed');
}
