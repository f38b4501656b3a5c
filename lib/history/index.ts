export { appendHistory, historyPathProblem, type AppendOutcome } from './append.ts';
export { HISTORY_FORMAT, toHistoryLine, type HistoryLine, type HistoryResult } from './line.ts';
export { parseLimits, type Limits } from '../runbook/limits.ts';
export { analyzeHistory, renderTrendPage, type TrendAnalysis, type TrendOptions } from './page.ts';
export { parseHistory, readHistory, type ParsedHistory } from './read.ts';
export { findRegressions, REGRESSION_DEFAULTS, type Regression, type RegressionOptions } from './regressions.ts';
export { describeRegression, renderRegressionsText } from './text.ts';
export { writeTrend, writeTrendOf, type TrendOutput, type TrendRequest } from './trend.ts';
