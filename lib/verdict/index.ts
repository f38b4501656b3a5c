export { decideVerdict, failingIds } from './decide.ts';
export { markAll, requireEvidence } from './evidence.ts';
