import { requireUser } from '../auth.ts';
import { defineFault } from '../fault-hooks.ts';
import { SimulatedFault } from '../http.ts';

export default defineFault({
  name: 'project-create-fails',
  breaks: 'POST /api/projects/ answers 500 (global-handler body): the wizard cannot create the project',
  catches: ['RB-08'],
  verdict: 'hold',
  hooks: {
    before({ ctx, route }) {
      if (route !== 'POST /api/projects/') return undefined;
      requireUser(ctx); // 401 first, as the real dependency order has it; nothing is stored
      throw new SimulatedFault('simulated project creation failure (fault project-create-fails)');
    },
  },
});
