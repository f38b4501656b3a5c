import { prerequisite } from './outcome.ts';
import { readJson, readToken, writePrivate } from './session.ts';

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

/** The prerequisite message when `step` did not complete, undefined when it did. */
function missingStep(state: FlowState, step: string, title: string): string | undefined {
  const s = state.steps[step];
  if (s?.ok) return undefined;
  return s ? `${step} (${title}) did not complete: ${s.message ?? 'failed'}` : `${step} (${title}) was not evaluated`;
}

export const GENERATION_OFF = 'nightly mode: generation is not run (set CJ_WITH_GENERATION=1 to include RB-09, RB-10, RB-11)';

/** What a flow step after RB-08 builds on. */
export interface FlowContext {
  flow: FlowState;
  token: string;
  projectId: string;
}

/**
 * The prerequisites of a flow step after RB-08: step `after` completed, the wizard page still lives in
 * this process, and RB-08 left a session token and a project id. Otherwise throws the prerequisite
 * error (the check is an `error`, never a pass).
 */
export function requireFlow(paths: { flow: string; token: string }, after: string, title: string): FlowContext {
  const flow = readFlow(paths.flow);
  const missing = missingStep(flow, after, title);
  if (missing) prerequisite(missing);
  if (flow.pagePid !== process.pid) prerequisite('the wizard page of RB-08 is gone (its worker restarted after a failure)');
  const token = readToken(paths.token);
  if (!token || !flow.projectId) prerequisite('no session token or project id from RB-08');
  return { flow, token, projectId: flow.projectId };
}

/**
 * Runs one flow step and records its outcome for the steps after it: "started" first (a worker that
 * dies midway leaves a failed step, not a missing one), then ok or the first line of the error.
 */
export async function flowStep(path: string, step: string, body: () => Promise<void>): Promise<void> {
  updateFlow(path, (s) => void (s.steps[step] = { ok: false, message: 'started' }));
  try {
    await body();
  } catch (err) {
    updateFlow(path, (s) => void (s.steps[step] = { ok: false, message: (err as Error).message.split('\n')[0] }));
    throw err;
  }
  updateFlow(path, (s) => void (s.steps[step] = { ok: true }));
}
