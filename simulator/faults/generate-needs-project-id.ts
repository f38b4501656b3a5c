import { limit, requireUser } from '../auth.ts';
import { defineFault } from '../fault-hooks.ts';
import { SimulatedFault, ValidationError } from '../http.ts';
import { ownedProject } from '../own.ts';

export default defineFault({
  name: 'generate-needs-project-id',
  breaks:
    'generate-all answers 422 {"detail":[{"type":"missing","loc":["query","project_id"],…}]} to the dashboard\'s body-only call, and 500 (global-handler body) when ?project_id= is added',
  catches: ['RB-09'],
  verdict: 'hold',
  realHead: true,
  hooks: {
    before({ ctx, route }) {
      if (route !== 'POST /api/generator/generate-all') return undefined;
      // The ownership dependency's project_id became a required query parameter (real HEAD since 235c1d7).
      const user = requireUser(ctx);
      if (!ctx.query.has('project_id')) throw new ValidationError([{ type: 'missing', loc: ['query', 'project_id'], msg: 'Field required', input: null }]);
      ownedProject(ctx.state.store, user, ctx.query.get('project_id') ?? '');
      limit(ctx, 'generate-all');
      // The working form then fails in crud.create_run (Run imported from a second `models` package).
      throw new SimulatedFault("crud.create_run: reverse_property 'project' on relationship Run.project references a mapper of a second 'models' package");
    },
  },
});
