import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'auth-open',
  breaks: 'protected routes accept requests without a token (as the seeded user)',
  catches: ['RB-04'],
  verdict: 'rollback',
  flags: { authOpen: true },
});
