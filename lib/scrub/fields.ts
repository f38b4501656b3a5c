/**
 * Credential-named JSON fields (`"access_token":"…"`, storage state's `{"name":"refresh_token","value":"…"}`)
 * at any depth of JSON-in-JSON escaping, as traces store request bodies. Only the value is masked, so
 * the text around it stays readable: `"access_token":"***"`, never `"***"access_token":"***"`.
 */

const KEYS = 'access_token|refresh_token|id_token|password';
const STORED = 'access_token|refresh_token';

/**
 * The opening of a value, `(\\*)` capturing the escaping depth: `"k":"`, `\"k\":\"`, `\\\"k\\\":\\\"`.
 * Group 1 is the backslashes before each quote, the same at every quote of one opening.
 */
const OPENINGS = [
  new RegExp(`(\\\\*)"(?:${KEYS})\\1"\\s*:\\s*\\1"`, 'g'),
  new RegExp(`(\\\\*)"name\\1"\\s*:\\s*\\1"(?:${STORED})\\1"\\s*,\\s*\\1"value\\1"\\s*:\\s*\\1"`, 'g'),
];

/**
 * A token's characters (base64url and what opaque tokens add), dots only between segments, so "…"
 * and "..." stay. The one definition: text.ts builds its Bearer rule from it.
 */
export const TOKEN_RUN = String.raw`[A-Za-z0-9_~+/=-]+(?:\.[A-Za-z0-9_~+/=-]+)*`;
const LEADING_TOKEN = new RegExp(`^${TOKEN_RUN}`);

/**
 * Where the string value starting at `start` ends (the index of its closing quote's first backslash),
 * or -1 when it does not end cleanly on this line. At escaping depth k (0, 1, 3, 7 backslashes before
 * a structural quote) a quote preceded by n backslashes closes the string when n mod (2k+2) = k;
 * otherwise it is an escaped quote inside the value. A closing quote must not run into a word: the
 * garbling this prevents is a cut-off value "closed" by the next key's opening quote.
 */
function stringEnd(text: string, start: number, k: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return -1;
    if (c !== '\\' && c !== '"') continue;
    let n = 0;
    while (text[i + n] === '\\') n++;
    if (text[i + n] !== '"') {
      i += n; // an escape such as \n or \\u0041: skip the backslashes and the escaped character
      continue;
    }
    if (n < k) return -1;
    if (n % (2 * k + 2) === k) return /[A-Za-z0-9_]/.test(text[i + n + 1] ?? '') ? -1 : i;
    i += n;
  }
  return -1;
}

/** How much of the value at `start` to mask: the whole string when it ends cleanly, else its leading token run. */
function valueLength(text: string, start: number, k: number): number {
  const end = stringEnd(text, start, k);
  if (end >= 0) return end - start;
  return LEADING_TOKEN.exec(text.slice(start, start + 8192))?.[0].length ?? 0;
}

/** Pure: the value of every credential-named field replaced by `mask`. */
export function maskFieldValues(text: string, mask: string): string {
  let out = text;
  for (const opening of OPENINGS) {
    let result = '';
    let last = 0;
    opening.lastIndex = 0;
    for (let m = opening.exec(out); m !== null; m = opening.exec(out)) {
      const start = m.index + m[0].length;
      if (start < last) continue;
      const len = valueLength(out, start, (m[1] ?? '').length);
      if (len === 0) continue;
      result += out.slice(last, start) + mask;
      last = start + len;
      opening.lastIndex = last;
    }
    out = result + out.slice(last);
  }
  return out;
}
