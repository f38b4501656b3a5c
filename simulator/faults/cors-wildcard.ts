import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'cors-wildcard',
  breaks: 'CORS answers any origin (ACAO echoes it, with credentials), preflight allowed',
  catches: ['RB-06'],
  verdict: 'hold',
  flags: { corsOpen: true },
});
