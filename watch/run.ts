import { setTimeout as sleep } from 'node:timers/promises';
import { httpCall, parseJson } from '../lib/http.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { evaluateWatch } from './evaluate.ts';
import { initialWatchState, progressLine, recordPoll, type Poll, type WatchState, type WatchTriggers, DEFAULT_TRIGGERS } from './window.ts';

export interface WatchInput {
  baseUrl: string;
  minutes: number;
  intervalS: number;
  /** Per-request deadline (config requestTimeoutMs); capped so a poll never outlasts its slot by much. */
  requestTimeoutMs: number;
  /** The light API route polled beside /health. */
  apiPath?: string;
  triggers?: WatchTriggers;
  signal?: AbortSignal;
  onProgress: (line: string) => void;
}

export interface WatchOutput {
  result: CheckResult;
  state: WatchState;
  /** `version` from the first JSON /health answer. */
  version?: string;
}

export const WATCH_API_PATH = '/api/health/db';

/** One poll: both routes concurrently, each with its own deadline. */
async function pollOnce(baseUrl: string, apiPath: string, timeoutMs: number, signal?: AbortSignal): Promise<{ poll: Poll; version?: string }> {
  const at = Date.now();
  const [health, api] = await Promise.all([
    httpCall(`${baseUrl}/health`, { timeoutMs, signal, headers: { accept: 'application/json' } }),
    httpCall(`${baseUrl}${apiPath}`, { timeoutMs, signal, headers: { accept: 'application/json' } }),
  ]);
  const json = parseJson(health.body) as { status?: unknown; version?: unknown } | undefined;
  const healthOk = health.status === 200 && json?.status === 'healthy';
  const notes = [health.error ? `/health: ${health.error}` : undefined, !health.error && !healthOk ? `/health not healthy` : undefined, api.error ? `${apiPath}: ${api.error}` : undefined].filter(Boolean);
  const poll: Poll = { at, healthStatus: health.status, healthOk, apiStatus: api.status, ...(notes.length ? { note: notes.join('; ') } : {}) };
  return typeof json?.version === 'string' ? { poll, version: json.version } : { poll };
}

/**
 * RB-17: polls for the window after the traffic switch, a progress line per poll. Stops early when
 * a rollback trigger fires (the answer is known) or on abort. Bounded: at most `plannedPolls` polls,
 * each with a deadline, and never past the window by more than one poll's timeout.
 */
export async function runWatch(input: WatchInput): Promise<WatchOutput> {
  const apiPath = input.apiPath ?? WATCH_API_PATH;
  const triggers = input.triggers ?? DEFAULT_TRIGGERS;
  const intervalMs = input.intervalS * 1000;
  const windowMs = input.minutes * 60_000;
  const plannedPolls = Math.max(1, Math.floor(windowMs / intervalMs));
  const timeoutMs = Math.max(100, Math.min(input.requestTimeoutMs, Math.max(intervalMs, 1000)));
  const started = Date.now();
  let state = initialWatchState;
  let version: string | undefined;
  let interrupted = false;
  for (let i = 0; i < plannedPolls; i++) {
    if (input.signal?.aborted) {
      interrupted = true;
      break;
    }
    const { poll, version: v } = await pollOnce(input.baseUrl, apiPath, timeoutMs, input.signal);
    if (input.signal?.aborted) {
      interrupted = true;
      break;
    }
    version ??= v;
    state = recordPoll(state, poll, triggers);
    input.onProgress(progressLine(state, poll, plannedPolls, apiPath));
    if (state.tripped || i === plannedPolls - 1) break;
    const wait = started + (i + 1) * intervalMs - Date.now();
    if (wait > 0) {
      try {
        await sleep(wait, undefined, input.signal ? { signal: input.signal } : {});
      } catch {
        interrupted = true;
        break;
      }
    }
  }
  const result = evaluateWatch(state, { plannedPolls, durationMs: Date.now() - started, interrupted, apiPath }, triggers);
  return version ? { result, state, version } : { result, state };
}
