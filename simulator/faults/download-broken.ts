import { defineFault } from '../fault-hooks.ts';
import { detail } from '../http.ts';

export default defineFault({
  name: 'download-broken',
  breaks: 'download answers 404 {"detail":"File not found: <path>"} although export wrote the file',
  catches: ['RB-11'],
  verdict: 'hold',
  hooks: {
    after({ ctx, route }, reply) {
      if (route !== 'GET /api/deliverables/{id}/download' || reply.status !== 200) return reply;
      const d = ctx.state.store.deliverables.get(ctx.params['id'] ?? '');
      return detail(404, `File not found: ${d?.path ?? ''}`);
    },
  },
});
