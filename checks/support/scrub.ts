import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { scrubText } from '../../lib/report/scrub.ts';

// Secrets are removed by the suite's one scrubber (lib/report/scrub.ts); this module only carries it
// into what Playwright writes: trace zips, the HTML report's embedded data, whole output trees.
export { scrubText };

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Scrubs text entries of a zip (a Playwright trace); returns the new bytes, or undefined when unchanged. */
export function scrubZip(bytes: Uint8Array, secrets: readonly string[]): Uint8Array | undefined {
  const entries = unzipSync(bytes);
  let changed = false;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    if (looksBinary(data)) {
      out[name] = data;
      continue;
    }
    const text = strFromU8(data);
    const clean = scrubText(text, secrets);
    if (clean !== text) changed = true;
    out[name] = clean === text ? data : strToU8(clean);
  }
  return changed ? zipSync(out) : undefined;
}

const EMBEDDED = /(<template id="playwrightReportBase64">data:application\/zip;base64,)([A-Za-z0-9+/=]+)(<\/template>)/;

/** The HTML report embeds its data (test titles, steps, errors, stdout) as a base64 zip: scrub inside it. */
export function scrubEmbeddedReport(html: string, secrets: readonly string[]): string {
  const m = EMBEDDED.exec(html);
  if (!m || m[2] === undefined) return html;
  let clean: Uint8Array | undefined;
  try {
    clean = scrubZip(Buffer.from(m[2], 'base64'), secrets);
  } catch {
    return html;
  }
  if (!clean) return html;
  const encoded = Buffer.from(clean).toString('base64');
  return html.slice(0, m.index) + m[1] + encoded + m[3] + html.slice(m.index + m[0].length);
}

/** The texts inside the HTML report's embedded data (for tests that prove nothing leaked). */
export function embeddedReportTexts(html: string): string[] {
  const m = EMBEDDED.exec(html);
  if (!m || m[2] === undefined) return [];
  return Object.values(unzipSync(Buffer.from(m[2], 'base64'))).map((d) => strFromU8(d));
}

/** Scrubs one file in place; true when something was replaced. Unreadable zips are left alone. */
export function scrubFile(path: string, secrets: readonly string[]): boolean {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let clean: Uint8Array | undefined;
    try {
      clean = scrubZip(bytes, secrets);
    } catch {
      return false; // not a zip we can read (e.g. RB-11's deliberately corrupt download)
    }
    if (clean) writeFileSync(path, clean);
    return clean !== undefined;
  }
  if (looksBinary(bytes)) return false;
  const text = bytes.toString('utf8');
  const clean = scrubText(scrubEmbeddedReport(text, secrets), secrets);
  if (clean !== text) writeFileSync(path, clean);
  return clean !== text;
}

/** Scrubs every file under `dir` (bounded depth); returns the files that changed. */
export function scrubTree(dir: string, secrets: readonly string[], depth = 8): string[] {
  const changed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return changed;
  }
  for (const name of names) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) {
      if (depth > 0) changed.push(...scrubTree(p, secrets, depth - 1));
    } else if (st.isFile() && scrubFile(p, secrets)) {
      changed.push(p);
    }
  }
  return changed;
}
