import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'qa-flags-missing',
  breaks: 'the dashboard hides flag badges and the "Flagged: N" chip (UI fault via the sim-faults meta tag)',
  catches: ['RB-10'],
  verdict: 'hold',
  ui: true,
});
