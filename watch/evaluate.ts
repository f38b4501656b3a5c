import { catalogEntry } from '../lib/runbook/catalog.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { DEFAULT_TRIGGERS, apiAnswers, type WatchState, type WatchTriggers } from './window.ts';

/**
 * Pure: RB-17 as one CheckResult. Tripped = fail (critical: rollback). No poll at all = error (missing
 * evidence). A window cut short by an interrupt is an error too: it proves nothing. An API probe that never
 * answered 2xx is an error as well: the window could not see the API, so "no 5xx" says nothing about it. It
 * is not a fail: no runbook trigger fired, and a fail here means rollback; the verdict is inconclusive, never
 * promote. Likewise a window too short to trip (fewer polls than the consecutive-failure trigger) in which
 * /health never answered healthy: it saw no healthy deployment, so it is no evidence of one.
 */
export function evaluateWatch(
  state: WatchState,
  info: { plannedPolls: number; durationMs: number; interrupted?: boolean; apiPath?: string },
  triggers: WatchTriggers = DEFAULT_TRIGGERS,
): CheckResult {
  const entry = catalogEntry('RB-17');
  const threshold = `fail on ${triggers.consecutiveHealthFailures} consecutive health failures or more than ${triggers.max5xxInWindow} 5xx in ${triggers.window5xxS} s`;
  const base = { id: 'RB-17', title: `RB-17 ${entry.title}`, severity: entry.severity, source: 'watch' as const, threshold, durationMs: info.durationMs };
  const probe = `API probe ${info.apiPath ?? '(API route)'}`;
  const api = state.polls === state.apiOk ? '' : `; ${probe} answered ${apiAnswers(state)} on ${state.polls - state.apiOk} of ${state.polls} polls`;
  const counts = `${state.polls} polls, ${state.healthFailures} health failures (max ${state.maxConsecutiveHealthFailures} in a row), ${state.total5xx} 5xx (max ${state.max5xxSeen} in a window)${api}`;
  if (state.tripped) return { ...base, status: 'fail', measured: state.max5xxSeen, unit: '5xx/window', message: `rollback trigger: ${state.tripped}; ${counts}` };
  if (state.polls === 0) return { ...base, status: 'error', message: 'no poll completed: missing evidence' };
  if (info.interrupted) return { ...base, status: 'error', message: `watch interrupted after ${state.polls}/${info.plannedPolls} polls; ${counts}` };
  if (state.healthFailures === state.polls) {
    return { ...base, status: 'error', message: `/health never answered healthy in ${state.polls} poll(s), too few to trip the trigger: no health signal, so this window is no evidence; ${counts}` };
  }
  if (state.apiOk === 0) {
    return { ...base, status: 'error', message: `${probe} never answered 2xx (${apiAnswers(state)}): no API signal, so a quiet window is no evidence; ${counts}` };
  }
  const status = state.healthFailures > 0 || state.total5xx > 0 || state.apiOk < state.polls ? 'warn' : 'pass';
  return { ...base, status, measured: state.max5xxSeen, unit: '5xx/window', message: counts };
}
