import { readJson, writePrivate } from './session.ts';

/**
 * State of the browser flow RB-08 → RB-13, kept in the auth dir because Playwright restarts the
 * worker after a failed test (in-memory state would be lost) and because global teardown must find
 * the created project to delete it even when a check failed midway.
 */
export interface FlowEvent {
  /** Check that was running, e.g. "RB-09". */
  check: string;
  kind: 'console error' | 'page error' | '5xx response' | 'dialog';
  text: string;
}

export interface StepOutcome {
  ok: boolean;
  message?: string;
}

export interface FlowState {
  startedAt: string;
  /** Projects this run created (deleted by global teardown). */
  projectIds: string[];
  /** POST /api/projects/ requests seen: more than projectIds means one id was never read. */
  projectPosts: number;
  projectId?: string;
  projectName?: string;
  clientId?: string;
  clientName?: string;
  runId?: string;
  /** Process that holds the wizard page: the page (and the wizard's React state) lives only there. */
  pagePid?: number;
  steps: Partial<Record<string, StepOutcome>>;
  /** Checks that ran in a browser (RB-13's evidence that it watched something). */
  browserChecks: string[];
  events: FlowEvent[];
}

export function emptyFlow(now: Date = new Date()): FlowState {
  return { startedAt: now.toISOString(), projectIds: [], projectPosts: 0, steps: {}, browserChecks: [], events: [] };
}

export function readFlow(path: string): FlowState {
  const raw = readJson(path) as Partial<FlowState> | undefined;
  return { ...emptyFlow(), ...(raw ?? {}) };
}

/** Read-modify-write; the browser project runs one worker, so there is a single writer at a time. */
export function updateFlow(path: string, change: (s: FlowState) => void): FlowState {
  const state = readFlow(path);
  change(state);
  writePrivate(path, state);
  return state;
}

/** Throws the prerequisite message when `step` did not complete (the caller turns it into an error). */
export function missingStep(state: FlowState, step: string, title: string): string | undefined {
  const s = state.steps[step];
  if (s?.ok) return undefined;
  return s ? `${step} (${title}) did not complete: ${s.message ?? 'failed'}` : `${step} (${title}) was not evaluated`;
}
