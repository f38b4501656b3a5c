import { defineFault } from '../fault-hooks.ts';

export const GENERATION_FAILED_MESSAGE = 'Template-based generation failed (APIError): simulated LLM outage';

export default defineFault({
  name: 'generation-fails',
  breaks: 'the run ends failed with errorMessage "Template-based generation failed (APIError): simulated LLM outage"',
  catches: ['RB-09'],
  verdict: 'hold',
  hooks: {
    // Half-way, with no post inserted (the real pipeline inserts its posts only at the end).
    generation: (plan) => ({ ...plan, failAt: Math.ceil(plan.target / 2), failMessage: GENERATION_FAILED_MESSAGE }),
  },
});
