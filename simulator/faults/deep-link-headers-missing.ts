import { defineFault } from '../fault-hooks.ts';
import { SECURITY_HEADERS } from '../headers.ts';

export default defineFault({
  name: 'deep-link-headers-missing',
  breaks: 'SPA deep links (e.g. /dashboard/wizard, /login) lack CSP, nosniff, frame protection and the other security headers; / keeps them',
  catches: ['RB-06'],
  verdict: 'hold',
  realHead: true,
  hooks: {
    // The real SPA-fallback middleware is outermost: it replaces the 404 after the security and timing
    // middlewares ran, so its index.html carries none of their headers.
    headers(h, reply) {
      if (reply.spaFallback !== true) return;
      for (const name of SECURITY_HEADERS) delete h[name];
      delete h['X-Process-Time'];
    },
  },
});
