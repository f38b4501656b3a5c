import { readFlowRecord, readJson, readToken, type ChecksPaths } from '../../lib/checks-contract/index.ts';
import { deleteProjects } from '../../checks/support/cleanup.ts';

export interface LeftoverInput {
  baseUrl: string;
  paths: ChecksPaths;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * The gate does not rely on Playwright's teardown alone: when a run was cancelled, killed or timed
 * out, the projects `flow.json` lists and teardown did not record as deleted are deleted here, with
 * the session the checks left in `token.json`. Returns what could not be deleted.
 */
export async function deleteLeftovers(input: LeftoverInput): Promise<string[]> {
  const flow = readFlowRecord(input.paths.flow);
  const record = readJson(input.paths.cleanup) as { deleted?: unknown } | undefined;
  const deleted = new Set(Array.isArray(record?.deleted) ? record.deleted : []);
  const ids = flow.projectIds.filter((id) => !deleted.has(id));
  // A create whose id was never read (cut off mid-request): find it by name, unless teardown already ran.
  const unrecorded = !record && flow.projectPosts > flow.projectIds.length ? { name: flow.projectName, since: flow.startedAt } : undefined;
  if (ids.length === 0 && !unrecorded) return [];
  const outcome = await deleteProjects({ baseUrl: input.baseUrl, token: readToken(input.paths.token), timeoutMs: input.timeoutMs, projectIds: ids, unrecorded });
  if (outcome.deleted.length > 0) input.log(`gate: deleted project(s) the checks left behind: ${outcome.deleted.join(', ')}`);
  for (const p of outcome.problems) input.log(`gate: clean-up: ${p}`);
  return outcome.problems;
}
