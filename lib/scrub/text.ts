/**
 * Secret scrubbing of text: known secrets in every spelling they take in written files, and tokens
 * nobody told us about (the one RB-07's form login gets, refresh tokens) by their shape. Pure.
 */
import { maskFieldValues, TOKEN_RUN } from './fields.ts';

const MASK = '***';

/**
 * Token shapes. A JWT's header is base64url of `{"`, so it starts with "eyJ": a complete JWT, and a
 * prefix of 16+ characters cut off by a truncated log line or message, are both tokens. The prefix
 * rule skips "eyJ" inside a longer base64 run (embedded zips, histograms), where it occurs by chance.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`([Bb]earer\\s+)(?=[A-Za-z0-9._~+/=-]{16})${TOKEN_RUN}`, 'g'), `$1${MASK}`],
  [/eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}/g, MASK],
  [/(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9_-]{13,}(?:\.[A-Za-z0-9_-]+){0,2}/g, MASK],
];

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The spellings of one secret in written text: raw, JSON-escaped (once and twice), XML-escaped, URL-encoded. */
function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const json2 = JSON.stringify(json).slice(1, -1);
  const forms = new Set([secret, json, json2, escapeXml(secret), encodeURIComponent(secret)]);
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** Pure: every known secret (in each of its forms), every credential-named field and every token shape masked. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(MASK);
  }
  out = maskFieldValues(out, MASK);
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/** Pure: deep copy with every string scrubbed. */
export function scrubValue<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, secrets);
    return out as T;
  }
  return value;
}

/** True when `text` holds any secret in any form (what the tests of every output assert). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s.length > 0 && secretForms(s).some((f) => text.includes(f)));
}
