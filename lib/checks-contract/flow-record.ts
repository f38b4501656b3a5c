import { readJson } from './private-file.ts';

/**
 * The part of the checks' flow state (`flow.json`) the gate relies on: which projects the run created,
 * so it can delete them itself when Playwright's teardown was cut short (cancelled, killed, timed out).
 */
export interface FlowRecord {
  startedAt: string;
  /** Projects the run created. */
  projectIds: string[];
  /** POST /api/projects/ requests seen: more than projectIds means one id was never read. */
  projectPosts: number;
  projectName?: string;
}

/** Tolerant: a missing or foreign file is an empty record (nothing known to delete). */
export function readFlowRecord(path: string): FlowRecord {
  const raw = (readJson(path) ?? {}) as Partial<Record<keyof FlowRecord, unknown>>;
  const ids = Array.isArray(raw.projectIds) ? raw.projectIds.filter((x): x is string => typeof x === 'string') : [];
  const record: FlowRecord = {
    startedAt: typeof raw.startedAt === 'string' ? raw.startedAt : new Date(0).toISOString(),
    projectIds: ids,
    projectPosts: typeof raw.projectPosts === 'number' ? raw.projectPosts : ids.length,
  };
  return typeof raw.projectName === 'string' ? { ...record, projectName: raw.projectName } : record;
}
