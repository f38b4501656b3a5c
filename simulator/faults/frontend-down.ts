import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'frontend-down',
  breaks: '/, deep links and assets answer 404 {"detail":"Not Found"} (no dist)',
  catches: ['RB-03', 'RB-07'],
  verdict: 'rollback',
  hooks: {
    page: () => ({ answer: 'not-found' }),
  },
});
