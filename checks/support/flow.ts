import { readJson, writePrivate } from './session.ts';

/**
 * State of the browser checks, kept in the auth dir: the journey (one test driving the wizard for
 * RB-08 … RB-11) writes each check's evidence here for the check's own test to report, global teardown
 * finds every project created here (to delete it even when a check failed midway), and RB-13 reads the
 * events every browser check saw.
 */
export interface FlowEvent {
  /** Check that was running, e.g. "RB-09". */
  check: string;
  kind: 'console error' | 'page error' | '5xx response' | 'dialog';
  text: string;
  /** Page it happened on: a path of the target, or a whole URL elsewhere. */
  url: string;
}

/** One check's outcome as the journey judged it. */
export interface StepEvidence {
  /** `started`: the journey began the step and never finished it (its test ended or crashed). */
  state: 'started' | 'pass' | 'warn' | 'fail' | 'error' | 'skip';
  /** Why it failed, was not evaluated or skipped; on a pass, what was verified. */
  message?: string;
  measured?: number;
  unit?: string;
  threshold?: string;
  /** What the page showed when the step failed. */
  screenshot?: string;
}

export interface FlowState {
  startedAt: string;
  /** Projects this run created (deleted by global teardown). */
  projectIds: string[];
  /** POST /api/projects/ requests seen: more than projectIds means one id was never read. */
  projectPosts: number;
  /** POST /api/clients/ requests that reached the target: at most one per run (clients cannot be deleted). */
  clientPosts: number;
  /** The project RB-09 … RB-11 work on. */
  projectId?: string;
  projectName?: string;
  clientId?: string;
  clientName?: string;
  runId?: string;
  /** The journey's own test: set when it starts, `done` when it finished (with `error` when it crashed). */
  journey?: { state: 'started' | 'done'; error?: string };
  steps: Partial<Record<string, StepEvidence>>;
  /** Checks that ran in a browser (RB-13's evidence that it watched something). */
  browserChecks: string[];
  events: FlowEvent[];
}

export function emptyFlow(now: Date = new Date()): FlowState {
  return { startedAt: now.toISOString(), projectIds: [], projectPosts: 0, clientPosts: 0, steps: {}, browserChecks: [], events: [] };
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

export const GENERATION_OFF = 'nightly mode: generation is not run (set CJ_WITH_GENERATION=1 to include RB-09, RB-10, RB-11)';
