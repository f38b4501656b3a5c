import { apiCall, itemsOf, jsonOf, snippet } from './api.ts';

export interface CleanupInput {
  baseUrl: string;
  token: string | undefined;
  timeoutMs: number;
  projectIds: readonly string[];
  /** A project was created but its id never read: find it by name among projects created since. */
  unrecorded?: { name: string | undefined; since: string };
}

export interface CleanupOutcome {
  deleted: string[];
  problems: string[];
}

/** Deletes the run's projects; every failure is named, none is thrown (teardown must finish). */
export async function deleteProjects(input: CleanupInput): Promise<CleanupOutcome> {
  const out: CleanupOutcome = { deleted: [], problems: [] };
  const ids = [...new Set(input.projectIds)];
  if (input.unrecorded) ids.push(...(await findUnrecorded(input, out)));
  if (ids.length === 0) return out;
  if (!input.token) {
    out.problems.push(`project(s) ${ids.join(', ')} not deleted: no session token`);
    return out;
  }
  for (const id of ids) {
    try {
      const res = await apiCall(input.baseUrl, `/api/projects/${encodeURIComponent(id)}`, { method: 'DELETE', token: input.token, timeoutMs: input.timeoutMs });
      // 404: already gone, which is what we want.
      if (res.status < 300 || res.status === 404) out.deleted.push(id);
      else out.problems.push(`DELETE /api/projects/${id} answered ${res.status}: ${snippet(res.text)}`);
    } catch (err) {
      out.problems.push(`project ${id} not deleted: ${(err as Error).message}`);
    }
  }
  return out;
}

async function findUnrecorded(input: CleanupInput, out: CleanupOutcome): Promise<string[]> {
  const { name, since } = input.unrecorded ?? {};
  if (!name || !input.token) {
    out.problems.push('a project was created but neither its id nor its name was recorded: check the target for leftovers');
    return [];
  }
  try {
    const res = await apiCall(input.baseUrl, '/api/projects/?page_size=100', { token: input.token, timeoutMs: input.timeoutMs });
    const items = itemsOf(jsonOf(res, 'GET /api/projects/')) ?? [];
    return items
      .filter((p): p is { id: string; name: string; createdAt?: string } => typeof (p as { id?: unknown }).id === 'string')
      .filter((p) => p.name === name && (!p.createdAt || p.createdAt >= (since ?? '')))
      .map((p) => p.id);
  } catch (err) {
    out.problems.push(`could not list projects to find the unrecorded one: ${(err as Error).message}`);
    return [];
  }
}
