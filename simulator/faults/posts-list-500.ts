import { defineFault } from '../fault-hooks.ts';
import { SimulatedFault, type Reply } from '../http.ts';

const CRASH = 'Object of type datetime is not JSON serializable';

function hasItems(reply: Reply): boolean {
  try {
    const items = (JSON.parse(String(reply.raw ?? JSON.stringify(reply.json))) as { items?: unknown[] }).items;
    return Array.isArray(items) && items.length > 0;
  } catch {
    return false;
  }
}

export default defineFault({
  name: 'posts-list-500',
  breaks: 'GET /api/posts/ answers 500 (global-handler body) whenever its page holds a post, GET /api/posts/{id} whenever the post exists (datetime serialization)',
  catches: ['RB-09', 'RB-10'],
  verdict: 'hold',
  realHead: true,
  hooks: {
    // The real routes model_dump() in python mode and hand datetimes to JSONResponse.
    after({ route }, reply) {
      if (reply.status !== 200) return reply;
      if ((route === 'GET /api/posts/' && hasItems(reply)) || route === 'GET /api/posts/{id}') throw new SimulatedFault(CRASH);
      return reply;
    },
  },
});
