import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'wrong-post-count',
  breaks: '3 fewer posts than requested are created',
  catches: ['RB-09'],
  verdict: 'hold',
  hooks: {
    generation: (plan) => ({ ...plan, target: Math.max(0, plan.target - 3) }),
  },
});
