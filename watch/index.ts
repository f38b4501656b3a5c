export { evaluateWatch } from './evaluate.ts';
export { runWatch, WATCH_API_PATH, type WatchInput, type WatchOutput } from './run.ts';
export { DEFAULT_TRIGGERS, initialWatchState, progressLine, recordPoll, type Poll, type WatchState, type WatchTriggers } from './window.ts';
