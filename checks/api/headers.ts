/** Pure helpers of RB-06. Header names are lower-case (Playwright and fetch both normalise them). */

/** Undefined when the foreign origin is refused, else how it is let in. */
export function corsProblem(what: string, origin: string, headers: Record<string, string>): string | undefined {
  const allow = headers['access-control-allow-origin'];
  const credentials = (headers['access-control-allow-credentials'] ?? '').toLowerCase() === 'true';
  if (allow === undefined) return undefined;
  if (allow === origin) return `CORS: ${what} echoes the foreign origin ${origin} in Access-Control-Allow-Origin${credentials ? ' with credentials' : ''}`;
  if (allow.trim() === '*' && credentials) return `CORS: ${what} answers Access-Control-Allow-Origin * with credentials`;
  return undefined;
}

/** The names of the missing protections (empty when all are present). */
export function securityHeaderProblems(headers: Record<string, string>, https: boolean): string[] {
  const missing: string[] = [];
  const csp = headers['content-security-policy'] ?? '';
  if (csp.trim() === '') missing.push('Content-Security-Policy');
  if ((headers['x-content-type-options'] ?? '').toLowerCase() !== 'nosniff') missing.push('X-Content-Type-Options: nosniff');
  const xfo = (headers['x-frame-options'] ?? '').toUpperCase();
  if (xfo !== 'DENY' && xfo !== 'SAMEORIGIN' && !/frame-ancestors/i.test(csp)) missing.push('frame protection (X-Frame-Options or CSP frame-ancestors)');
  if (https && !/max-age=\d*[1-9]/i.test(headers['strict-transport-security'] ?? '')) missing.push('Strict-Transport-Security');
  return missing;
}
