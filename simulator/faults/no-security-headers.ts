import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'no-security-headers',
  breaks: 'CSP, X-Content-Type-Options, X-Frame-Options and HSTS omitted',
  catches: ['RB-06'],
  verdict: 'hold',
  hooks: {
    headers(h) {
      for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Strict-Transport-Security']) delete h[name];
    },
  },
});
