export { decideVerdict, failingIds, type Decision } from './decide.ts';
export { markAll, missingEvidence, requireEvidence } from './evidence.ts';
export type { CheckResult, CheckStatus, Severity, Verdict } from './types.ts';
