/**
 * Secret scrubbing for everything the suite writes. Applied to structured results before rendering
 * and again to the rendered text, in the forms a secret takes there (raw, JSON-escaped, XML-escaped).
 */
const MASK = '***';

/** JWTs look alike whoever issued them: scrub any, even one we were never told about. */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The spellings of one secret that may appear in written text. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), escapeXml(secret), encodeURIComponent(secret)]);
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** Pure: replaces every known secret (in each of its forms) and any JWT by "***". */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(MASK);
  }
  return out.replace(JWT, MASK);
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
  return containsSecret(text, secrets) || text.search(JWT) !== -1;
}

/** True when `text` holds any secret in any form (used by tests and the final sweep). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s.length > 0 && secretForms(s).some((f) => text.includes(f)));
}
