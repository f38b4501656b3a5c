import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'console-error',
  breaks: 'the dashboard logs a console error and throws an uncaught error on load (UI fault via the sim-faults meta tag)',
  catches: ['RB-13'],
  verdict: 'hold',
  ui: true,
});
