import { catalogEntry } from '../lib/runbook/catalog.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { DEFAULT_TRIGGERS, type WatchState, type WatchTriggers } from './window.ts';

/**
 * Pure: RB-17 as one CheckResult. Tripped = fail (critical: rollback). No poll at all = error
 * (missing evidence). A window cut short by an interrupt is an error too: it proves nothing.
 */
export function evaluateWatch(
  state: WatchState,
  info: { plannedPolls: number; durationMs: number; interrupted?: boolean },
  triggers: WatchTriggers = DEFAULT_TRIGGERS,
): CheckResult {
  const entry = catalogEntry('RB-17');
  const threshold = `fail on ${triggers.consecutiveHealthFailures} consecutive health failures or more than ${triggers.max5xxInWindow} 5xx in ${triggers.window5xxS} s`;
  const base = { id: 'RB-17', title: `RB-17 ${entry.title}`, severity: entry.severity, source: 'watch' as const, threshold, durationMs: info.durationMs };
  const counts = `${state.polls} polls, ${state.healthFailures} health failures (max ${state.maxConsecutiveHealthFailures} in a row), ${state.total5xx} 5xx (max ${state.max5xxSeen} in a window)`;
  if (state.tripped) return { ...base, status: 'fail', measured: state.max5xxSeen, unit: '5xx/window', message: `rollback trigger: ${state.tripped}; ${counts}` };
  if (state.polls === 0) return { ...base, status: 'error', message: 'no poll completed: missing evidence' };
  if (info.interrupted) return { ...base, status: 'error', message: `watch interrupted after ${state.polls}/${info.plannedPolls} polls; ${counts}` };
  const status = state.healthFailures > 0 || state.total5xx > 0 ? 'warn' : 'pass';
  return { ...base, status, measured: state.max5xxSeen, unit: '5xx/window', message: counts };
}
