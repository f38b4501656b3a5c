import { defineFault } from '../fault-hooks.ts';

export default defineFault({
  name: 'slow-page',
  breaks: 'index.html, deep links and /assets/* delayed by slowPageMs',
  catches: ['RB-12'],
  // A minor check: the verdict stays promote, the check itself fails once thresholds are shrunk below slowPageMs.
  verdict: 'promote',
  hooks: {
    page: (p, state) => (p.kind === 'file' ? undefined : { delayMs: state.opts.slowPageMs }),
  },
});
