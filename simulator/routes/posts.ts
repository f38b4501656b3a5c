import { createHash } from 'node:crypto';
import { limit, requireUser } from '../auth.ts';
import { json, type Reply } from '../http.ts';
import { ownedPost, ownedProject, visibleProjectIds } from '../own.ts';
import { assess } from '../qa.ts';
import { postOut, postPatchOut } from '../serialize.ts';
import type { Ctx, Route } from '../state.ts';
import type { Post } from '../store.ts';
import { boolQuery, numQuery, validateBody } from '../validate.ts';
import { paginate } from './paginate.ts';

type Filter = (p: Post) => boolean;

/** The real filters (snake_case), plus the dashboard's `projectId` (contract §14). */
function filters(ctx: Ctx): Filter[] {
  const q = ctx.query;
  const out: Filter[] = [];
  const str = (name: string, f: (v: string) => Filter) => {
    const v = q.get(name);
    if (v !== null && v !== '') out.push(f(v));
  };
  const num = (name: string, f: (v: number) => Filter) => {
    const v = numQuery(q, name);
    if (v !== undefined) out.push(f(v));
  };
  str('run_id', (v) => (p) => p.run_id === v);
  str('status', (v) => (p) => p.status === v);
  str('platform', (v) => (p) => p.target_platform === v);
  str('template_name', (v) => (p) => p.template_name.toLowerCase().includes(v.toLowerCase()));
  str('search', (v) => (p) => p.content.toLowerCase().includes(v.toLowerCase()));
  const hasCta = boolQuery(q, 'has_cta');
  if (hasCta !== undefined) out.push((p) => p.has_cta === hasCta);
  const needsReview = boolQuery(q, 'needs_review');
  if (needsReview !== undefined) out.push((p) => ((p.flags ?? []).length > 0) === needsReview);
  num('min_word_count', (v) => (p) => p.word_count >= v);
  num('max_word_count', (v) => (p) => p.word_count <= v);
  num('min_readability', (v) => (p) => p.readability_score !== null && p.readability_score >= v);
  num('max_readability', (v) => (p) => p.readability_score !== null && p.readability_score <= v);
  return out;
}

/** GET /api/posts/: owner-filtered (the intended contract), paginated, with ETag and 304. */
function list(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  const fs = filters(ctx);
  limit(ctx, 'posts-list');
  const { store } = ctx.state;
  const projectId = ctx.query.get('project_id') || ctx.query.get('projectId');
  const scope = projectId ? new Set([ownedProject(store, user, projectId).id]) : visibleProjectIds(store, user);
  const rows = [...store.posts.values()].filter((p) => scope.has(p.project_id) && fs.every((f) => f(p)));
  const page = paginate(rows, ctx.query);
  const body = JSON.stringify({ items: page.items.map(postOut), metadata: page.metadata });
  const etag = `"${createHash('md5').update(body).digest('hex')}"`;
  // no-cache (not the real max-age=300): the dashboard must see new posts right after a run; ETag revalidation stays.
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding, Authorization' };
  if (ctx.req.headers['if-none-match'] === etag) return { status: 304, headers };
  return { status: 200, raw: body, contentType: 'application/json', headers };
}

function get(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'post-get');
  return json(200, postOut(ownedPost(ctx.state.store, user, ctx.params['id'] ?? '')));
}

/** PostUpdate {content} (extra forbidden): recomputes metrics, flags and status; answers camelCase. */
async function patch(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), { content: { type: 'str', required: true, min: 1, max: 50_000 } }, 'forbid');
  limit(ctx, 'post-update');
  const post = ownedPost(ctx.state.store, user, ctx.params['id'] ?? '');
  post.content = String(b['content']);
  Object.assign(post, assess(post.content));
  return json(200, postPatchOut(post));
}

export const postRoutes: Route[] = [
  { method: 'GET', path: '/api/posts/', handler: list, summary: 'List posts (filters, pagination, ETag)', tag: 'posts', auth: true },
  { method: 'GET', path: '/api/posts/{id}', handler: get, summary: 'Get a post', tag: 'posts', auth: true },
  { method: 'PATCH', path: '/api/posts/{id}', handler: patch, summary: 'Edit a post’s content', tag: 'posts', auth: true },
];
