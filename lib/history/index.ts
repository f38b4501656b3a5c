export { appendHistory, historyPathProblem } from './append.ts';
export { readHistory, type ParsedHistory } from './read.ts';
export { writeTrendOf } from './trend.ts';
