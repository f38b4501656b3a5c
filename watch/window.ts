import { TRIGGERS } from '../lib/runbook/thresholds.ts';

/** One poll: /health and the light API route, each with its HTTP status (0 = no answer in time). */
export interface Poll {
  /** Epoch ms when the poll started. */
  at: number;
  healthStatus: number;
  /** /health answered 200 with status "healthy". */
  healthOk: boolean;
  apiStatus: number;
  /** Why the poll is not clean, for the progress line and the report. */
  note?: string;
}

export interface WatchTriggers {
  consecutiveHealthFailures: number;
  max5xxInWindow: number;
  window5xxS: number;
}

export const DEFAULT_TRIGGERS: WatchTriggers = {
  consecutiveHealthFailures: TRIGGERS.consecutiveHealthFailures,
  max5xxInWindow: TRIGGERS.max5xxInWindow,
  window5xxS: TRIGGERS.window5xxS,
};

/** The fold's state: pure data, replaced (never mutated) by `recordPoll`. */
export interface WatchState {
  polls: number;
  healthFailures: number;
  consecutiveHealthFailures: number;
  maxConsecutiveHealthFailures: number;
  /** Epoch ms of every 5xx still inside the sliding window. */
  recent5xx: number[];
  total5xx: number;
  max5xxSeen: number;
  /** Polls whose API probe answered 2xx: without any, the window has no API signal at all. */
  apiOk: number;
  /** The API probe's other answers by status ("404": 10, "no answer": 2). */
  apiOther: Record<string, number>;
  /** Set once a rollback trigger fired; the watch stops there. */
  tripped?: string;
}

export const initialWatchState: WatchState = {
  polls: 0,
  healthFailures: 0,
  consecutiveHealthFailures: 0,
  maxConsecutiveHealthFailures: 0,
  recent5xx: [],
  total5xx: 0,
  max5xxSeen: 0,
  apiOk: 0,
  apiOther: {},
};

const answer = (status: number): string => (status === 0 ? 'no answer' : String(status));
const is2xx = (status: number): boolean => status >= 200 && status < 300;

/**
 * Pure fold (runbook "Alert Thresholds"): a health failure is any /health poll that is not 200
 * "healthy" (no answer included); 3 in a row trip. Every 5xx of either route is counted in a
 * sliding window of `window5xxS`; more than `max5xxInWindow` inside it trips.
 */
export function recordPoll(state: WatchState, poll: Poll, triggers: WatchTriggers = DEFAULT_TRIGGERS): WatchState {
  const healthFailures = state.healthFailures + (poll.healthOk ? 0 : 1);
  const consecutive = poll.healthOk ? 0 : state.consecutiveHealthFailures + 1;
  const fives = [poll.healthStatus, poll.apiStatus].filter((s) => s >= 500).map(() => poll.at);
  const since = poll.at - triggers.window5xxS * 1000;
  const recent5xx = [...state.recent5xx, ...fives].filter((t) => t > since);
  const apiKey = answer(poll.apiStatus);
  const next: WatchState = {
    polls: state.polls + 1,
    healthFailures,
    consecutiveHealthFailures: consecutive,
    maxConsecutiveHealthFailures: Math.max(state.maxConsecutiveHealthFailures, consecutive),
    recent5xx,
    total5xx: state.total5xx + fives.length,
    max5xxSeen: Math.max(state.max5xxSeen, recent5xx.length),
    apiOk: state.apiOk + (is2xx(poll.apiStatus) ? 1 : 0),
    apiOther: is2xx(poll.apiStatus) ? state.apiOther : { ...state.apiOther, [apiKey]: (state.apiOther[apiKey] ?? 0) + 1 },
  };
  const tripped =
    state.tripped ??
    (consecutive >= triggers.consecutiveHealthFailures
      ? `${consecutive} consecutive health check failures (trigger: ${triggers.consecutiveHealthFailures})`
      : recent5xx.length > triggers.max5xxInWindow
        ? `${recent5xx.length} 5xx responses within ${triggers.window5xxS} s (trigger: more than ${triggers.max5xxInWindow})`
        : undefined);
  return tripped ? { ...next, tripped } : next;
}

/**
 * Pure: "poll 4/20 · /health 200 · /api/health/db 503 · 5xx in window 1 · consecutive failures 0". While the
 * API probe has never answered 2xx, every line says the window has no API signal (a quiet window is not
 * evidence when the probe cannot see the API).
 */
export function progressLine(state: WatchState, poll: Poll, plannedPolls: number, apiPath: string): string {
  const blind = state.apiOk === 0 && !is2xx(poll.apiStatus) ? ` · API probe ${apiPath} ${poll.apiStatus === 0 ? 'gave no answer' : `answered ${poll.apiStatus}`} — no API signal` : '';
  return (
    `poll ${state.polls}/${plannedPolls} · /health ${answer(poll.healthStatus)}${poll.healthOk ? '' : ' ✗'} · ${apiPath} ${answer(poll.apiStatus)}` +
    ` · 5xx in window ${state.recent5xx.length} · consecutive health failures ${state.consecutiveHealthFailures}` +
    blind +
    (poll.note ? ` · ${poll.note}` : '')
  );
}

/** "10 × 404, 2 × no answer" */
export function apiAnswers(state: WatchState): string {
  return Object.entries(state.apiOther).sort(([, a], [, b]) => b - a).map(([k, n]) => `${n} × ${k}`).join(', ');
}
