import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { StaticFile, StaticSite } from './dashboard/site.ts';

/** Content types by extension: what a Vite build contains. Unknown extensions are served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

const contentTypeOf = (path: string): string => CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

const MAX_FILES = 5000;
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * Loads a built dashboard (any Vite `dist/`: index.html + hashed assets) into memory, so serving never
 * touches the disk. Throws naming the problem when the directory or its index.html is missing.
 */
export async function loadDashboardDir(dir: string): Promise<StaticSite> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`dashboard directory not found: ${dir}`);
  const indexHtml = await readFile(join(dir, 'index.html')).catch(() => undefined);
  if (!indexHtml) throw new Error(`dashboard directory has no index.html: ${dir} (is it a built dist/?)`);
  const files = new Map<string, StaticFile>();
  let total = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const urlPath = `/${relative(dir, full).split(sep).join('/')}`;
    if (urlPath === '/index.html') continue;
    if (files.size >= MAX_FILES) throw new Error(`dashboard directory has more than ${MAX_FILES} files: ${dir}`);
    const body = await readFile(full);
    total += body.length;
    if (total > MAX_BYTES) throw new Error(`dashboard directory is larger than ${MAX_BYTES / 1024 / 1024} MB: ${dir}`);
    files.set(urlPath, { body, contentType: contentTypeOf(urlPath) });
  }
  return { indexHtml, files, source: dir };
}
