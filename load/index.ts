/** The load engine's public surface, for the gate and the load commands (see load/README.md). */
export { resolveProfile, runLoad } from './run.ts';
export { evaluateLoad } from './evaluate.ts';
export { writeLoadReports, readLoadResult, reportName } from './report.ts';
export { timingLine, liveLine } from './lines.ts';
export { compareResults, comparisonCheck, type Comparison } from './compare.ts';
export { safetyProblems, targetProblems } from './safety.ts';
export { k6SummaryToResults, type K6Summary } from './k6-summary.ts';
export type { LoadResult, LoadProgress } from './types.ts';
