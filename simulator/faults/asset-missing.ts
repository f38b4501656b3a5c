import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'asset-missing',
  breaks: 'the stylesheet referenced by index.html answers SPA-fallback 200 text/html',
  catches: ['RB-03'],
  verdict: 'rollback',
  hooks: {
    page: (p) => (p.stylesheet ? { answer: 'fallback' } : undefined),
  },
});
