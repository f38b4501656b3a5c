import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'slow-generation',
  breaks: 'generation takes slowGenerationSeconds',
  catches: ['RB-09'],
  verdict: 'hold',
  hooks: {
    generation: (plan, state) => ({ ...plan, seconds: state.opts.slowGenerationSeconds }),
  },
});
