import { setTimeout as sleep } from 'node:timers/promises';
import type { StaticSite } from './dashboard/site.ts';
import type { Reply } from './http.ts';
import type { SimState } from './state.ts';

/** A dashboard as served: the site, whether it is ours (fault meta tag injected) and its stylesheet. */
export interface ServedSite {
  site: StaticSite;
  /** The bundled dashboard (or a test stand-in) gets `<meta name="sim-faults">`; a --dashboard-dir build does not. */
  injectFaults: boolean;
  /** URL path of the first stylesheet index.html links (the asset-missing fault breaks it). */
  stylesheet: string | undefined;
  /** index.html for the current faults (re-rendered when they change, cached otherwise). */
  index(faults: readonly string[]): Buffer;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The first `<link rel="stylesheet" href=…>` of index.html, as a URL path. */
export function findStylesheet(html: string): string | undefined {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?stylesheet/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href === undefined || /^[a-z]+:|^\/\//i.test(href)) continue;
    return `/${href.replace(/^\.?\//, '')}`.split(/[?#]/)[0];
  }
  return undefined;
}

export function serveSite(site: StaticSite, injectFaults: boolean): ServedSite {
  const html = site.indexHtml.toString('utf8');
  let cacheKey: string | undefined;
  let cached = site.indexHtml;
  return {
    site,
    injectFaults,
    stylesheet: findStylesheet(html),
    index(faults) {
      const key = faults.join(',');
      // No tag on a healthy run: the page is then byte-for-byte the built index.html.
      if (!injectFaults || key === '') return site.indexHtml;
      if (key !== cacheKey) {
        const meta = `<meta name="sim-faults" content="${escapeAttr(key)}">`;
        cached = Buffer.from(/<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${meta}\n</head>`) : `${meta}\n${html}`, 'utf8');
        cacheKey = key;
      }
      return cached;
    },
  };
}

const NOT_FOUND: Reply = { status: 404, json: { detail: 'Not Found' } };
const INDEX_HEADERS = { 'Cache-Control': 'no-cache, no-store, must-revalidate', Pragma: 'no-cache', Expires: '0' };

/**
 * Every non-API path the router does not know: `/`, `/assets/*`, other files of the build, and the SPA
 * fallback (index.html with 200 for deep links, any method). Returns the stats template with the reply.
 */
export async function staticReply(state: SimState, method: string, path: string): Promise<{ reply: Reply; template: string }> {
  const served = state.site;
  const f = state.faults;
  const lookup = path === '/favicon.ico' && served && !served.site.files.has(path) ? '/vite.svg' : path;
  const file = served?.site.files.get(lookup);
  const isIndex = path === '/' || path === '/index.html';
  const template = isIndex ? '/' : file ? (path.startsWith('/assets/') ? '/assets/{file}' : '/{file}') : '/{path:path}';
  if (!served || f.has('frontend-down')) return { reply: NOT_FOUND, template };
  if (f.has('slow-page') && (isIndex || !file || path.startsWith('/assets/'))) await sleep(state.opts.slowPageMs);
  // Node drops the body of HEAD responses itself and keeps Content-Length.
  const brokenCss = f.has('asset-missing') && path === served.stylesheet;
  if (file && !brokenCss && (method === 'GET' || method === 'HEAD')) return { reply: { status: 200, raw: file.body, contentType: file.contentType }, template };
  const index = served.index(state.faults.size === 0 ? [] : [...state.faults]);
  return { reply: { status: 200, raw: index, contentType: 'text/html; charset=utf-8', headers: INDEX_HEADERS }, template };
}
