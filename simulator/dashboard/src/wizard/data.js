/** The wizard's project-scoped queries (issued once a project exists, as the real wizard does). */
import { api, itemsOf } from '../lib/api.js';
import { hasFault } from '../lib/faults.js';

const MAX_PAGES = 50;

/**
 * The real dashboard's queries retry twice, 1 s then 2 s apart (its QueryClient: retry 2, exponential
 * delay), so a failing query is three requests over about three seconds.
 * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
 */
async function withRetry(fn) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= 2) throw err;
      await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
    }
  }
}

/**
 * The project's posts. Intended: every post, pages of 100, following `next_cursor` once the API
 * switches to cursor mode (it does after the first 100 rows), bounded to MAX_PAGES requests. Fault
 * review-first-page-only: what the real wizard does, one `GET /api/posts/?projectId=` and its first
 * page (the API's default page_size is 20).
 * @param {string} projectId
 */
export function fetchAllPosts(projectId) {
  if (hasFault('review-first-page-only')) return withRetry(async () => itemsOf(await api('GET', `/api/posts/?${new URLSearchParams({ projectId })}`)));
  return withRetry(() => allPages(projectId));
}

/** @param {string} projectId */
async function allPages(projectId) {
  /** @type {Map<string, any>} */
  const byId = new Map();
  let page = 1;
  /** @type {string | null} */
  let cursor = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const q = new URLSearchParams({ projectId, page_size: '100' });
    if (cursor) q.set('cursor', cursor);
    else q.set('page', String(page));
    const data = await api('GET', `/api/posts/?${q}`);
    for (const p of itemsOf(data)) byId.set(p.id, p);
    const meta = data?.metadata;
    if (!meta?.has_next) break;
    if (meta.next_cursor) cursor = meta.next_cursor;
    else page += 1;
  }
  return [...byId.values()];
}

/** @param {string} projectId */
export function fetchRuns(projectId) {
  return withRetry(async () => itemsOf(await api('GET', `/api/runs/?projectId=${encodeURIComponent(projectId)}`)));
}

/** @param {string} projectId */
export function fetchProject(projectId) {
  return withRetry(() => api('GET', `/api/projects/${encodeURIComponent(projectId)}`));
}
