import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'debug-on',
  breaks: 'debug mode: /health debug_mode true, permissive CORS (echo origin + credentials), no HSTS',
  catches: ['RB-01', 'RB-06'],
  verdict: 'rollback',
  flags: { debug: true },
});
