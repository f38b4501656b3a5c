import { defineFault } from '../fault-hooks.ts';
import type { SECURITY_HEADERS } from '../headers.ts';

/** The four RB-06 checks for (the other security headers stay); typed so a misspelt name does not compile. */
const STRIPPED: ReadonlyArray<(typeof SECURITY_HEADERS)[number]> = ['Content-Security-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Strict-Transport-Security'];

export default defineFault({
  name: 'no-security-headers',
  breaks: 'CSP, X-Content-Type-Options, X-Frame-Options and HSTS omitted',
  catches: ['RB-06'],
  verdict: 'hold',
  hooks: {
    headers(h) {
      for (const name of STRIPPED) delete h[name];
    },
  },
});
