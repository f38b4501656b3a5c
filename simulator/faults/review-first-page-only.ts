import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'review-first-page-only',
  breaks:
    'the Quality Gate\'s chips and lists count only the first page of GET /api/posts/ (page_size defaults to 20): 30 posts show as "Total: 20" (UI fault via the sim-faults meta tag)',
  catches: ['RB-10'],
  verdict: 'hold',
  realHead: true,
  ui: true,
});
