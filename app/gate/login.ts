import { describeRedirect, httpCall, parseJson } from '../../lib/http.ts';

/** A same-origin redirect (e.g. to a trailing-slash path) is followed; the password never leaves the origin. */
const SAME_ORIGIN_REDIRECTS = 3;

/**
 * One API login (investigate mode only, when its routes need a session): login is limited to
 * 10/hour per IP on the real app, so the gate never does this when the checks left a token.
 */
export async function loginOnce(baseUrl: string, email: string, password: string, timeoutMs: number, signal?: AbortSignal): Promise<{ token?: string; error?: string }> {
  const out = await httpCall(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
    timeoutMs,
    signal,
    sameOriginRedirects: SAME_ORIGIN_REDIRECTS,
  });
  const json = parseJson(out.body) as { access_token?: unknown } | undefined;
  if (out.status === 200 && typeof json?.access_token === 'string') return { token: json.access_token };
  const redirected = describeRedirect(out);
  if (redirected) return { error: `login ${redirected}${out.redirect?.crossOrigin ? ': the password was not sent there' : ''}` };
  // Never echo the body: it could hold the token or the submitted credentials.
  return { error: out.status === 0 ? `login gave no answer: ${out.error ?? 'no response'}` : `login answered HTTP ${out.status}` };
}
