import { limit, requireUser } from '../auth.ts';
import { defineFault } from '../fault-hooks.ts';
import { SimulatedFault } from '../http.ts';
import { createSchema } from '../routes/projects.ts';
import { validateBody } from '../validate.ts';

export default defineFault({
  name: 'project-create-fails',
  breaks: 'POST /api/projects/ answers 500 (global-handler body): the wizard cannot create the project',
  catches: ['RB-08'],
  verdict: 'hold',
  hooks: {
    async before({ ctx, route }) {
      if (route !== 'POST /api/projects/') return undefined;
      // Like a crash inside the handler (as login-broken): the 401, the body's 422 and the rate limit's
      // 429 still answer first; nothing is stored.
      requireUser(ctx);
      validateBody(await ctx.body(), createSchema, 'forbid');
      limit(ctx, 'projects-create');
      throw new SimulatedFault('simulated project creation failure (fault project-create-fails)');
    },
  },
});
