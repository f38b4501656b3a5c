import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'docx-corrupt',
  breaks: 'the downloaded file is not a valid zip (truncated bytes) with the DOCX content type',
  catches: ['RB-11'],
  verdict: 'hold',
  hooks: {
    after({ route }, reply) {
      if (route !== 'GET /api/deliverables/{id}/download' || reply.status !== 200 || !Buffer.isBuffer(reply.raw)) return reply;
      return { ...reply, raw: reply.raw.subarray(0, Math.floor(reply.raw.length / 3)) };
    },
  },
});
