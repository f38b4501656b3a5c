import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'existing-client-crash',
  breaks:
    'the wizard\'s "Use Existing Client" replaces the page with the app\'s error screen "Something Went Wrong" (the real client Select has an empty-value item, which Radix rejects by throwing) (UI fault via the sim-faults meta tag)',
  catches: ['RB-08'],
  verdict: 'hold',
  realHead: true,
  ui: true,
});
