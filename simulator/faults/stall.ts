import { setTimeout as sleep } from 'node:timers/promises';
import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'stall',
  breaks: 'every request (not /__sim) arriving in the first stallMs of each stallPeriodMs wall-clock window is held until that stall ends',
  catches: ['RB-14', 'RB-16'],
  verdict: 'hold',
  hooks: {
    async request(_r, state) {
      // Wall-clock windows: every request in the window waits for the same instant, like a GC pause.
      const phase = Date.now() % state.opts.stallPeriodMs;
      if (phase < state.opts.stallMs) await sleep(state.opts.stallMs - phase);
    },
  },
});
