import { limit, requireUser } from '../auth.ts';
import { detail, json, type Reply } from '../http.ts';
import { ownedDeliverable, visibleProjectIds } from '../own.ts';
import { deliverableOut } from '../serialize.ts';
import type { Ctx, Route } from '../state.ts';
import { now, type Post } from '../store.ts';
import { validateBody } from '../validate.ts';
import { skipLimit } from './paginate.ts';

function list(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  const slice = skipLimit(ctx.query);
  limit(ctx, 'deliverables-list');
  const mine = visibleProjectIds(ctx.state.store, user);
  const q = ctx.query;
  const status = q.get('status');
  const clientId = q.get('client_id');
  const projectId = q.get('project_id') ?? q.get('projectId');
  const rows = [...ctx.state.store.deliverables.values()].filter(
    (d) => mine.has(d.project_id) && (!status || d.status === status) && (!clientId || d.client_id === clientId) && (!projectId || d.project_id === projectId),
  );
  return json(200, slice(rows).map(deliverableOut));
}

function get(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'deliverable-get');
  return json(200, deliverableOut(ownedDeliverable(ctx.state.store, user, ctx.params['id'] ?? '')));
}

/** FileResponse with the type and attachment name; a deliverable without a file is the real 404. */
function download(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'deliverable-download');
  const d = ownedDeliverable(ctx.state.store, user, ctx.params['id'] ?? '');
  if (d.file === null) return detail(404, `File not found: ${d.path}`);
  const basename = d.path.split('/').at(-1) ?? 'deliverable';
  return { status: 200, raw: d.file, contentType: d.contentType, headers: { 'Content-Disposition': `attachment; filename="${basename}"` } };
}

function summary(p: Post) {
  return {
    id: p.id,
    templateName: p.template_name,
    wordCount: p.word_count,
    readabilityScore: p.readability_score,
    status: p.status,
    flags: p.flags,
    contentPreview: p.content.slice(0, 150),
  };
}

const avg = (xs: number[]): number | null => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

function details(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'deliverable-details');
  const d = ownedDeliverable(ctx.state.store, user, ctx.params['id'] ?? '');
  const posts = [...ctx.state.store.posts.values()].filter((p) => p.project_id === d.project_id);
  const flagged = posts.filter((p) => p.status === 'flagged' || (p.flags ?? []).length > 0);
  const flagCounts = new Map<string, number>();
  for (const f of flagged.flatMap((p) => p.flags ?? [])) flagCounts.set(f, (flagCounts.get(f) ?? 0) + 1);
  return json(200, {
    ...deliverableOut(d),
    filePreview: d.text.slice(0, 5000),
    filePreviewTruncated: d.text.length > 5000,
    posts: posts.map(summary),
    qaSummary: {
      avgReadability: avg(posts.flatMap((p) => (p.readability_score === null ? [] : [p.readability_score]))),
      avgWordCount: avg(posts.map((p) => p.word_count)),
      totalPosts: posts.length,
      flaggedCount: flagged.length,
      approvedCount: posts.length - flagged.length,
      ctaPercentage: posts.length === 0 ? null : Math.round((posts.filter((p) => p.has_cta).length / posts.length) * 1000) / 10,
      commonFlags: [...flagCounts].sort((a, b) => b[1] - a[1]).map(([f]) => f),
    },
    fileModifiedAt: d.created_at,
  });
}

async function markDelivered(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body().catch(() => ({})), { delivered_at: { type: 'str' }, proof_url: { type: 'str' }, proof_notes: { type: 'str' } }, 'ignore');
  limit(ctx, 'deliverable-deliver');
  const d = ownedDeliverable(ctx.state.store, user, ctx.params['id'] ?? '');
  const at = typeof b['delivered_at'] === 'string' && !Number.isNaN(Date.parse(b['delivered_at'])) ? new Date(b['delivered_at']).toISOString() : now();
  Object.assign(d, { status: 'delivered', delivered_at: at, proof_url: b['proof_url'] ?? null, proof_notes: b['proof_notes'] ?? null });
  return json(200, deliverableOut(d));
}

export const deliverableRoutes: Route[] = [
  { method: 'GET', path: '/api/deliverables/', handler: list, summary: 'List my deliverables', tag: 'deliverables', auth: true },
  { method: 'GET', path: '/api/deliverables/{id}', handler: get, summary: 'Get a deliverable', tag: 'deliverables', auth: true },
  { method: 'GET', path: '/api/deliverables/{id}/download', handler: download, summary: 'Download the deliverable file', tag: 'deliverables', auth: true },
  { method: 'GET', path: '/api/deliverables/{id}/details', handler: details, summary: 'Deliverable with preview, posts and QA summary', tag: 'deliverables', auth: true },
  { method: 'PATCH', path: '/api/deliverables/{id}/mark-delivered', handler: markDelivered, summary: 'Mark delivered', tag: 'deliverables', auth: true },
  // The dashboard calls this path (contract §7, HEAD-BUG 10); the intended contract serves it too.
  { method: 'POST', path: '/api/deliverables/{id}/deliver', handler: markDelivered, summary: 'Mark delivered (dashboard path)', tag: 'deliverables', auth: true },
];
