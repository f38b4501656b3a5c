export { evaluateWatch } from './evaluate.ts';
export { runWatch, WATCH_API_PATH } from './run.ts';
export { DEFAULT_TRIGGERS, initialWatchState, progressLine, recordPoll, type Poll, type WatchState } from './window.ts';
