import { defineFault } from '../fault-hooks.ts';
import { SimulatedFault } from '../http.ts';

export default defineFault({
  name: 'login-broken',
  breaks: 'POST /api/auth/login answers 500 (global-handler body)',
  catches: ['RB-04', 'RB-07'],
  verdict: 'rollback',
  hooks: {
    after({ route }, reply) {
      // Past body validation and the rate limit (422 and 429 stay), like a crash inside the handler.
      if (route !== 'POST /api/auth/login' || reply.status === 422 || reply.status === 429) return reply;
      throw new SimulatedFault('simulated login failure (fault login-broken)');
    },
  },
});
