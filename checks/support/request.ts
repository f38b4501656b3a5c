import type { APIRequestContext, APIResponse } from '@playwright/test';
import { CrossOriginRedirect, MAX_REDIRECTS, nextRedirect, tooManyMessage } from './redirects.ts';

export interface SameOriginRequest {
  method?: string;
  headers?: Record<string, string>;
  timeout: number;
}

/**
 * Playwright's `request` for the checks without credentials (traced, so the trace shows what the
 * target answered): same-origin redirects are followed, one to another origin fails the check with
 * its Location (RB-03 must judge the target's own assets, not another host's).
 */
export async function requestSameOrigin(request: APIRequestContext, baseUrl: string, path: string, o: SameOriginRequest): Promise<APIResponse> {
  const origin = new URL(baseUrl).origin;
  let url = /^https?:\/\//.test(path) ? path : baseUrl + path;
  let method = o.method ?? 'GET';
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await request.fetch(url, { method, headers: o.headers, timeout: o.timeout, maxRedirects: 0 });
    const step = nextRedirect(origin, url, method, res.status(), res.headers()['location']);
    if (step.kind === 'none') return res;
    if (step.kind === 'cross-origin') throw new CrossOriginRedirect(step.message, step.location);
    url = step.url;
    method = step.method;
  }
  throw new Error(tooManyMessage(o.method ?? 'GET', path));
}
