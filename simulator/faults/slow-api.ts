import { setTimeout as sleep } from 'node:timers/promises';
import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'slow-api',
  breaks: 'every /api/* response delayed by slowApiMs (--slow-api-ms)',
  catches: ['RB-14', 'RB-16'],
  verdict: 'hold',
  hooks: {
    async request(r, state) {
      if (r.api) await sleep(state.opts.slowApiMs);
    },
  },
});
