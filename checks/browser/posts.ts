import { apiCall, itemsOf, jsonOf, snippet } from '../support/api.ts';
import { ensure } from '../support/outcome.ts';

/** A post as GET /api/posts/ lists it (snake_case, contract §6). */
export interface ApiPost {
  id: string;
  status?: string;
  flags?: string[] | null;
}

/** Every post of the project (pages of 100 until no next cursor; bounded). Node fetch: token stays out of traces. */
export async function listPosts(baseUrl: string, token: string, projectId: string, timeoutMs: number): Promise<ApiPost[]> {
  const out = new Map<string, ApiPost>();
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const q = new URLSearchParams({ project_id: projectId, page_size: '100' });
    if (cursor) q.set('cursor', cursor);
    const path = `/api/posts/?${q}`;
    const res = await apiCall(baseUrl, path, { token, timeoutMs });
    ensure(res.status === 200, `GET ${path} answered ${res.status}: ${snippet(res.text)}`);
    const body = jsonOf(res, `GET ${path}`) as { metadata?: { next_cursor?: unknown; has_next?: unknown } };
    const items = itemsOf(body);
    ensure(items, `GET ${path} answered no post list: ${snippet(res.text)}`);
    for (const p of items as ApiPost[]) if (typeof p.id === 'string') out.set(p.id, p);
    const next = body.metadata?.next_cursor;
    if (body.metadata?.has_next !== true || typeof next !== 'string' || next === cursor) break;
    cursor = next;
  }
  return [...out.values()];
}

/** The dashboard's rule (contract §6): flagged by status or flags; approved by status or no flags. */
export function qualityCounts(posts: readonly ApiPost[]): { total: number; flagged: ApiPost[]; approved: number } {
  const hasFlags = (p: ApiPost): boolean => Array.isArray(p.flags) && p.flags.length > 0;
  return {
    total: posts.length,
    flagged: posts.filter((p) => p.status === 'flagged' || hasFlags(p)),
    approved: posts.filter((p) => p.status === 'approved' || !hasFlags(p)).length,
  };
}
