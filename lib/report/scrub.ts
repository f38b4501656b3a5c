/**
 * Secret scrubbing for everything the suite writes. Applied to structured results before rendering
 * and again to the rendered text, in the forms a secret takes there. The one scrubber of the suite:
 * checks/support/scrub.ts applies it inside traces and the HTML report.
 */
const MASK = '***';

/**
 * Tokens nobody told us about (the one RB-07's form login gets, refresh tokens) are caught by shape:
 * Bearer headers, token-named JSON fields (plain and JSON-in-JSON, as traces store them), storage-state
 * entries, and anything JWT-shaped.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/([Bb]earer\s+)[A-Za-z0-9\-._~+/]{16,}=*/g, `$1${MASK}`],
  [/("(?:access_token|refresh_token|password)"\s*:\s*")(?:[^"\\]|\\.)*(")/g, `$1${MASK}$2`],
  [/(\\"(?:access_token|refresh_token|password)\\"\s*:\s*\\")(?:[^"\\]|\\[^"])*(\\")/g, `$1${MASK}$2`],
  [/("name"\s*:\s*"(?:access_token|refresh_token)"\s*,\s*"value"\s*:\s*")(?:[^"\\]|\\.)*(")/g, `$1${MASK}$2`],
  [/eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}/g, MASK],
];

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The spellings of one secret in written text: raw, JSON-escaped (once and twice), XML-escaped, URL-encoded. */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const json2 = JSON.stringify(json).slice(1, -1);
  const forms = new Set([secret, json, json2, escapeXml(secret), encodeURIComponent(secret)]);
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** Pure: replaces every known secret (in each of its forms) and anything token-shaped by "***". */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(MASK);
  }
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

/** True when `text` holds a known secret or anything token-shaped, i.e. `scrubText` would change it. */
export function needsScrub(text: string, secrets: readonly string[]): boolean {
  // search(), unlike test(), ignores the global regex's lastIndex.
  return containsSecret(text, secrets) || PATTERNS.some(([re]) => text.search(re) !== -1);
}

/** True when `text` holds any secret in any form (used by tests and the final sweep). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s.length > 0 && secretForms(s).some((f) => text.includes(f)));
}
