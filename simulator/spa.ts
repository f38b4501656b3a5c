import { setTimeout as sleep } from 'node:timers/promises';
import type { StaticSite } from './dashboard/site.ts';
import { pageEffect, type PageInfo } from './fault-hooks.ts';
import type { Reply } from './http.ts';
import type { SimState } from './state.ts';

/** A dashboard as served: the site, whether it is ours (fault meta tag injected) and its stylesheet. */
export interface ServedSite {
  site: StaticSite;
  /** The bundled dashboard (or a test stand-in) gets `<meta name="sim-faults">` naming the UI faults; a --dashboard-dir build does not. */
  injectFaults: boolean;
  /** URL path of the first stylesheet index.html links (a fault may break it). */
  stylesheet: string | undefined;
  /** index.html for the current UI faults (re-rendered when they change, cached otherwise). */
  index(faults: readonly string[]): Buffer;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The first `<link rel="stylesheet" href=…>` of index.html, as a URL path. */
function findStylesheet(html: string): string | undefined {
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

function pageKind(path: string, isFile: boolean): PageInfo['kind'] {
  if (path === '/' || path === '/index.html') return 'index';
  if (!isFile) return 'fallback';
  return path.startsWith('/assets/') ? 'asset' : 'file';
}

const TEMPLATES: Record<PageInfo['kind'], string> = { index: '/', asset: '/assets/{file}', file: '/{file}', fallback: '/{path:path}' };

/**
 * Every non-API path the router does not know: `/`, `/assets/*`, other files of the build, and the SPA
 * fallback (index.html with 200 for deep links, any method). Returns the stats template with the reply.
 */
export async function staticReply(state: SimState, method: string, path: string): Promise<{ reply: Reply; template: string }> {
  const served = state.site;
  const lookup = path === '/favicon.ico' && served && !served.site.files.has(path) ? '/vite.svg' : path;
  const file = served?.site.files.get(lookup);
  const kind = pageKind(path, file !== undefined);
  const template = TEMPLATES[kind];
  if (!served) return { reply: NOT_FOUND, template };
  const effect = pageEffect({ method, path, kind, stylesheet: path === served.stylesheet }, state);
  if (effect.answer === 'not-found') return { reply: NOT_FOUND, template };
  if (effect.delayMs) await sleep(effect.delayMs);
  // Node drops the body of HEAD responses itself and keeps Content-Length.
  if (file && effect.answer !== 'fallback' && (method === 'GET' || method === 'HEAD')) return { reply: { status: 200, raw: file.body, contentType: file.contentType }, template };
  const index = served.index(state.active.filter((f) => f.ui === true).map((f) => f.name));
  const reply: Reply = { status: 200, raw: index, contentType: 'text/html; charset=utf-8', headers: INDEX_HEADERS, spaFallback: kind !== 'index' };
  return { reply, template };
}
