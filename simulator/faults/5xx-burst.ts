import { defineFault, faultMemory } from '../fault-hooks.ts';
import { SimulatedFault, json } from '../http.ts';

export default defineFault({
  name: '5xx-burst',
  breaks: 'after the first burstAfter requests per route, a deterministic burstFraction of /health and /api/* route responses answer 500/503 (alternating)',
  catches: ['RB-15'],
  verdict: 'rollback',
  hooks: {
    before({ ctx, route }) {
      if (ctx.path !== '/health' && !ctx.path.startsWith('/api/')) return undefined;
      const counters = faultMemory(ctx.state, '5xx-burst', () => new Map<string, number>());
      const n = (counters.get(route) ?? 0) + 1;
      counters.set(route, n);
      // After burstAfter, every (1/burstFraction)-th request fails: exact counts, no randomness.
      const k = n - ctx.state.opts.burstAfter;
      const f = ctx.state.opts.burstFraction;
      const fails = Math.floor(k * f);
      if (k <= 0 || fails === Math.floor((k - 1) * f)) return undefined;
      if (fails % 2 === 1) throw new SimulatedFault('simulated 5xx burst');
      return json(503, { detail: 'Service Unavailable' });
    },
  },
});
