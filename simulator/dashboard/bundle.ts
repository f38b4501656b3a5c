import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticFile, StaticSite } from './site.ts';

/**
 * The simulator's own operator dashboard: plain ES modules and CSS under `src/`, served the way a Vite
 * build is (content-hashed `/assets/*` names, one index.html), so RB-03 style asset checks behave the same
 * on the simulator as on the real app. No bundler: each module becomes its own hashed chunk and its
 * relative import specifiers are rewritten to the chunk URLs.
 */

/** One source file, path relative to `src/` with forward slashes (e.g. "wizard/quality.js"). */
export interface SourceFile {
  path: string;
  text: string;
}

export const SRC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'src');
const ENTRY_JS = 'main.js';
const ENTRY_CSS = 'styles.css';
const FAVICON = 'favicon.svg';
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Static `import … from './x.js'`, `export … from './x.js'` and bare `import './x.js'` (the only forms src/ uses). */
const IMPORT_RE = /(\b(?:import|export)\s+(?:[^'";]*?\s+from\s+)?)(['"])(\.{1,2}\/[^'"]+)\2/g;

function hash8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function stem(path: string): string {
  return posix.basename(path).replace(/\.[^.]+$/, '');
}

/** Pure: turns the sources into a site. Throws on a missing entry, an unresolved import or an import cycle. */
export function buildBundle(sources: readonly SourceFile[]): StaticSite {
  const byPath = new Map(sources.map((s) => [s.path, s.text]));
  for (const need of [ENTRY_JS, ENTRY_CSS]) {
    if (!byPath.has(need)) throw new Error(`dashboard bundle: src/${need} is missing`);
  }
  const urls = new Map<string, string>(); // source path -> /assets/<name>-<hash>.js
  const files = new Map<string, StaticFile>();
  const usedNames = new Map<string, string>();

  const emit = (path: string, text: string, ext: string, name: string): string => {
    const url = `/assets/${name}-${hash8(text)}.${ext}`;
    const clash = usedNames.get(url);
    if (clash !== undefined && clash !== path) throw new Error(`dashboard bundle: ${path} and ${clash} map to ${url}`);
    usedNames.set(url, path);
    files.set(url, { body: Buffer.from(text), contentType: TYPES[ext] ?? 'application/octet-stream' });
    return url;
  };

  // Depth-first so a chunk's hash covers the hashed names of what it imports (a changed dependency
  // changes every importer's name, as with Vite).
  const visit = (path: string, trail: readonly string[]): string => {
    const done = urls.get(path);
    if (done) return done;
    if (trail.includes(path)) throw new Error(`dashboard bundle: import cycle ${[...trail, path].join(' -> ')}`);
    const text = byPath.get(path);
    if (text === undefined) throw new Error(`dashboard bundle: ${trail.at(-1) ?? 'entry'} imports missing src/${path}`);
    const rewritten = text.replace(IMPORT_RE, (_m, head: string, quote: string, spec: string) => {
      const target = posix.normalize(posix.join(posix.dirname(path), spec));
      return `${head}${quote}${visit(target, [...trail, path])}${quote}`;
    });
    const url = emit(path, rewritten, 'js', path === ENTRY_JS ? 'index' : stem(path));
    urls.set(path, url);
    return url;
  };

  const scriptUrl = visit(ENTRY_JS, []);
  const styleUrl = emit(ENTRY_CSS, byPath.get(ENTRY_CSS) ?? '', 'css', 'index');
  const favicon = byPath.get(FAVICON);
  if (favicon !== undefined) files.set('/favicon.ico', { body: Buffer.from(favicon), contentType: 'image/svg+xml' });

  // Preload every chunk (as Vite does) so the browser fetches them in parallel instead of one import
  // level at a time: otherwise the slow-page fault would multiply its delay by the import depth.
  const preloads = [...urls.values()].filter((u) => u !== scriptUrl).sort();
  return { indexHtml: Buffer.from(renderIndexHtml(scriptUrl, preloads, styleUrl, favicon !== undefined)), files, source: 'bundled' };
}

function renderIndexHtml(scriptUrl: string, preloads: readonly string[], styleUrl: string, withIcon: boolean): string {
  // No inline script or style: the app's CSP (script-src 'self') must not block anything.
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="UTF-8" />',
    withIcon ? '    <link rel="icon" type="image/svg+xml" href="/favicon.ico" />' : '',
    '    <meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    '    <title>Operator Dashboard</title>',
    `    <script type="module" crossorigin src="${scriptUrl}"></script>`,
    ...preloads.map((u) => `    <link rel="modulepreload" crossorigin href="${u}">`),
    `    <link rel="stylesheet" crossorigin href="${styleUrl}">`,
    '  </head>',
    '  <body>',
    '    <div id="root"></div>',
    '  </body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Every file under `dir`, paths relative to it with forward slashes. */
export async function readSources(dir: string): Promise<SourceFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: SourceFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.push({ path: relative(dir, full).split(sep).join('/'), text: await readFile(full, 'utf8') });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

let bundled: Promise<StaticSite> | undefined;

/** The bundled dashboard, read from `src/` once per process (the simulator may start many times in tests). */
export function loadBundledDashboard(): Promise<StaticSite> {
  bundled ??= readSources(SRC_DIR).then(buildBundle);
  // A failed read must not be cached forever.
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}
