import { requireUser } from '../auth.ts';
import { defineFault } from '../fault-hooks.ts';
import { SimulatedFault, type Reply } from '../http.ts';

/** crud.create_run/get_run/get_runs import Run from a second `models` package (contract §5). */
const CRASH = "crud: Run imported from a second 'models' package: SQLAlchemy cannot configure its mapper";
const RUN_ROUTES = new Set(['GET /api/runs/', 'POST /api/runs/', 'GET /api/runs/{id}', 'PATCH /api/runs/{id}']);
const CREATES_RUN = new Set(['POST /api/generator/generate-all', 'POST /api/generator/regenerate']);

export default defineFault({
  name: 'runs-500',
  breaks:
    'every run route (list, get, create, update) and every generate-all/regenerate that gets as far as creating its run answers 500 (global-handler body); no run is recorded',
  catches: ['RB-09', 'RB-15'],
  verdict: 'rollback',
  realHead: true,
  hooks: {
    before({ ctx, route }) {
      if (!RUN_ROUTES.has(route)) return undefined;
      requireUser(ctx); // the auth dependency still answers 401 first
      throw new SimulatedFault(CRASH);
    },
    after({ ctx, route }, reply): Reply {
      if (!CREATES_RUN.has(route) || reply.status !== 200) return reply;
      // Validation, limits and ownership passed; creating the run is what fails: undo it (its
      // background generation stops when its run is gone).
      ctx.state.store.runs.delete(String((reply.json as { id?: unknown }).id));
      throw new SimulatedFault(CRASH);
    },
  },
});
