/**
 * Scrubbing of file contents, whatever they are: zips (Playwright traces) entry by entry, text with
 * an embedded base64 zip (the HTML report keeps its data as a data: URL inside index.html) inside and
 * out, binaries left alone. One rule for every file the suite writes or collects. Pure.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { scrubText } from './text.ts';

/** A data: URL holding a zip, as Playwright's HTML report embeds its data. */
const EMBEDDED_ZIP = /(data:application\/zip;base64,)([A-Za-z0-9+/=]+)/g;
/** Zips inside zips are scrubbed too, this deep. */
const MAX_NESTING = 3;

/** Media never holds text; skipping it by name also spares a decode of large screenshots and videos. */
export function isMedia(name: string): boolean {
  return /\.(png|jpe?g|gif|webp|ico|webm|mp4|woff2?|ttf)$/i.test(name);
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header (PK\3\4) or the end record of an empty archive (PK\5\6).
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** NUL bytes never occur in text the suite writes (JSON escapes them): a file with one is binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Scrubs the entries of a zip; undefined when nothing changed or the zip cannot be read (e.g. RB-11's corrupt download). */
export function scrubZip(bytes: Uint8Array, secrets: readonly string[], depth = 0): Uint8Array | undefined {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return undefined;
  }
  let changed = false;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const clean = isMedia(name) ? undefined : scrubBytes(data, secrets, depth + 1);
    if (clean) changed = true;
    out[name] = clean ?? data;
  }
  return changed ? zipSync(out) : undefined;
}

/**
 * Pure: text with every embedded zip scrubbed inside, and everything around it scrubbed as text.
 * The base64 itself never goes through the text rules (a token shape found there by chance would corrupt it).
 */
function scrubTextWithEmbedded(text: string, secrets: readonly string[], depth = 0): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(EMBEDDED_ZIP)) {
    const [all, prefix = '', b64 = ''] = m;
    const clean = depth < MAX_NESTING ? scrubZip(Buffer.from(b64, 'base64'), secrets, depth + 1) : undefined;
    out += scrubText(text.slice(last, m.index), secrets) + prefix + (clean ? Buffer.from(clean).toString('base64') : b64);
    last = m.index + all.length;
  }
  return out + scrubText(text.slice(last), secrets);
}

/** Pure: the scrubbed contents of one file, or undefined when nothing had to change. */
export function scrubBytes(bytes: Uint8Array, secrets: readonly string[], depth = 0): Uint8Array | undefined {
  if (isZip(bytes)) return depth < MAX_NESTING ? scrubZip(bytes, secrets, depth) : undefined;
  if (looksBinary(bytes)) return undefined;
  const text = strFromU8(bytes);
  const clean = scrubTextWithEmbedded(text, secrets, depth);
  return clean === text ? undefined : strToU8(clean);
}

/** The texts inside every zip embedded in `text` (for tests that prove nothing leaked). */
export function embeddedZipTexts(text: string): string[] {
  const texts: string[] = [];
  for (const m of text.matchAll(EMBEDDED_ZIP)) {
    for (const data of Object.values(unzipSync(Buffer.from(m[2] ?? '', 'base64')))) if (!looksBinary(data)) texts.push(strFromU8(data));
  }
  return texts;
}
