import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'wrong-version',
  breaks: '/health reports version "0.0.0-wrong"',
  catches: ['RB-01'],
  verdict: 'rollback',
  hooks: {
    after: ({ route }, reply) =>
      route === 'GET /health' && reply.status === 200 ? { ...reply, json: { ...(reply.json as object), version: '0.0.0-wrong' } } : reply,
  },
});
