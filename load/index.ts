/** The load engine's public surface, for the gate and the load commands (see load/README.md). */
export { PROFILES, PROFILE_NAMES, DB_ROUTE, isUnlimitedRoute, type LoadProfile, type RouteSpec, type LoadEngine, type ProfileName } from '../lib/runbook/profiles.ts';
export { resolveProfile, runLoad, type RunLoadOptions } from './run.ts';
export { evaluateLoad, type LoadThresholds } from './evaluate.ts';
export { writeLoadReports, readLoadResult, parseLoadResult, reportName } from './report.ts';
export { renderLoadHtml } from './html.ts';
export { timingLine, liveLine } from './lines.ts';
export { compareResults, compareHistograms, comparisonCheck, type Comparison, type Change } from './compare.ts';
export { safetyProblems } from './safety.ts';
export { k6SummaryToResults, type K6Conversion } from './k6-summary.ts';
export type { LoadResult, LoadProgress, LatencyMs, RequestCounts, TimelinePoint, RouteSummary, RateLimitPause } from './types.ts';
export type { LiveComparison, LiveDifference, SideFigures, LiveStatus } from './live-types.ts';
