import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { needsScrub, scrubText } from './scrub.ts';

const TEXT = new Set(['.json', '.xml', '.md', '.html', '.htm', '.txt', '.log', '.csv', '.js', '.css', '.svg', '.yml', '.yaml', '.trace', '.network', '.stacks']);
const MAX_BYTES = 200 * 1024 * 1024;
/** Playwright's HTML report embeds its data as a base64 zip inside index.html. */
const EMBEDDED_ZIP = /(data:application\/zip;base64,)([A-Za-z0-9+/=]+)/g;

/** Scrubs the text entries of a zip (traces); returns undefined when nothing had to change. */
function scrubZip(bytes: Uint8Array, secrets: readonly string[]): Uint8Array | undefined {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return undefined;
  }
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (/\.(png|jpe?g|webm|woff2?)$/i.test(name)) continue;
    const text = strFromU8(data, true);
    if (!needsScrub(text, secrets)) continue;
    files[name] = strToU8(scrubText(text, secrets), true);
    changed = true;
  }
  return changed ? zipSync(files) : undefined;
}

function scrubHtml(text: string, secrets: readonly string[]): string {
  const inner = text.replace(EMBEDDED_ZIP, (all, prefix: string, b64: string) => {
    const scrubbed = scrubZip(Buffer.from(b64, 'base64'), secrets);
    return scrubbed ? prefix + Buffer.from(scrubbed).toString('base64') : all;
  });
  return scrubText(inner, secrets);
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/**
 * Last line of defence after a run: every file under the out dir (ours and the checks' reports,
 * traces, HTML report) is scrubbed of secrets and tokens in place. Returns the files it changed.
 */
export async function sweepSecrets(dir: string, secrets: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for await (const file of walk(dir)) {
    const ext = extname(file).toLowerCase();
    if (!TEXT.has(ext) && ext !== '.zip') continue;
    if ((await stat(file)).size > MAX_BYTES) continue;
    const bytes = await readFile(file);
    if (ext === '.zip') {
      const out = scrubZip(bytes, secrets);
      if (out) {
        await writeFile(file, out);
        changed.push(file);
      }
      continue;
    }
    const text = bytes.toString('utf8');
    const hasEmbedded = (ext === '.html' || ext === '.htm') && text.includes('data:application/zip;base64,');
    if (!hasEmbedded && !needsScrub(text, secrets)) continue;
    const out = ext === '.html' || ext === '.htm' ? scrubHtml(text, secrets) : scrubText(text, secrets);
    if (out !== text) {
      await writeFile(file, out);
      changed.push(file);
    }
  }
  return changed;
}
