import { createHash } from 'node:crypto';
import { limit, requireUser } from '../auth.ts';
import { buildDeliverableDocx, DOCX_TYPE } from '../docx.ts';
import { startGeneration } from '../generation.ts';
import { HttpError, json, type Reply } from '../http.ts';
import { ownedProject } from '../own.ts';
import { deliverableOut, runOut } from '../serialize.ts';
import type { Ctx, Route } from '../state.ts';
import { newId, now, type Deliverable, type Run } from '../store.ts';
import { validateBody } from '../validate.ts';

/** Generator routes use the project wording for ownership: "You don't own this project". */
function projectFor(ctx: Ctx, userId: string, projectId: string) {
  const user = ctx.state.store.users.get(userId);
  if (!user) throw new HttpError(401, 'User not found');
  return ownedProject(ctx.state.store, user, projectId);
}

/**
 * generate-all as intended (contract §5): body alone or with ?project_id=, 200 with a running RunResponse,
 * posts produced in the background. Order: 401 → 422 → limit → 404 project → 403 → 404 client.
 */
async function generateAll(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(
    await ctx.body(),
    {
      project_id: { type: 'str', required: true },
      client_id: { type: 'str', required: true },
      is_batch: { type: 'bool' },
      template_quantities: { type: 'int_map' },
      custom_topics: { type: 'str_list' },
    },
    'ignore',
  );
  limit(ctx, 'generate-all');
  const project = projectFor(ctx, user.id, ctx.query.get('project_id') || String(b['project_id']));
  const clientId = String(b['client_id']);
  const client = ctx.state.store.clients.get(clientId);
  if (!client) throw new HttpError(404, `Client ${clientId} not found`);
  const run: Run = { id: newId('run'), project_id: project.id, is_batch: b['is_batch'] !== false, started_at: now(), completed_at: null, status: 'pending', logs: null, error_message: null };
  ctx.state.store.runs.set(run.id, run);
  ctx.state.stats.generations += 1;
  const response = runOut({ ...run, status: 'running' });
  startGeneration(ctx.state, run, project, client, (b['template_quantities'] as Record<string, number> | null | undefined) ?? null, (b['custom_topics'] as string[] | null | undefined) ?? []);
  return json(200, response);
}

/** The real regenerate is a synchronous stub: a succeeded non-batch run, posts unchanged. */
async function regenerate(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), { project_id: { type: 'str', required: true }, post_ids: { type: 'str_list', required: true } }, 'ignore');
  limit(ctx, 'regenerate');
  const project = projectFor(ctx, user.id, String(b['project_id']));
  const n = (b['post_ids'] as string[]).length;
  const t = now();
  const logs = ['Regeneration started', `Regenerated ${n} posts`, 'Status: completed'].map((message) => ({ timestamp: t, message }));
  const run: Run = { id: newId('run'), project_id: project.id, is_batch: false, started_at: t, completed_at: null, status: 'succeeded', logs, error_message: null };
  ctx.state.store.runs.set(run.id, run);
  return json(200, runOut(run));
}

const fileSafe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'client';

/** Export writes a real file (the real HEAD writes none): DOCX for "docx", plain text otherwise. */
async function exportDeliverable(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), { project_id: { type: 'str', required: true }, format: { type: 'str' } }, 'ignore');
  limit(ctx, 'export');
  const project = projectFor(ctx, user.id, String(b['project_id']));
  const { store } = ctx.state;
  const client = store.clients.get(project.client_id);
  const posts = [...store.posts.values()].filter((p) => p.project_id === project.id);
  const format = typeof b['format'] === 'string' ? b['format'] : 'txt';
  const generatedAt = new Date();
  const stamp = generatedAt.toISOString().replace(/\D/g, '').slice(0, 14);
  const base = `${fileSafe(client?.name ?? project.name)}_${stamp}_deliverable`;
  let file: Buffer;
  let text: string;
  let contentType: string;
  let ext: string;
  if (format.toLowerCase() === 'docx') {
    ({ file, text } = await buildDeliverableDocx({ client, project, posts, generatedAt }));
    contentType = DOCX_TYPE;
    ext = 'docx';
  } else {
    text = posts.map((p, i) => `Post ${i + 1}: ${p.template_name}\n${p.content}\n`).join('\n');
    file = Buffer.from(text, 'utf8');
    contentType = 'text/plain; charset=utf-8';
    ext = 'txt';
  }
  const d: Deliverable = {
    id: newId('del'),
    project_id: project.id,
    client_id: project.client_id,
    run_id: null,
    format,
    path: `${fileSafe(project.name)}/${base}.${ext}`,
    status: 'ready',
    created_at: now(),
    delivered_at: null,
    proof_url: null,
    proof_notes: null,
    checksum: createHash('sha256').update(file).digest('hex'),
    file_size_bytes: file.length,
    file,
    contentType,
    text,
  };
  store.deliverables.set(d.id, d);
  return json(200, deliverableOut(d));
}

export const generatorRoutes: Route[] = [
  { method: 'POST', path: '/api/generator/generate-all', handler: generateAll, summary: 'Start batch generation (background run)', tag: 'generator', auth: true },
  { method: 'POST', path: '/api/generator/regenerate', handler: regenerate, summary: 'Regenerate posts (stub)', tag: 'generator', auth: true },
  { method: 'POST', path: '/api/generator/export', handler: exportDeliverable, summary: 'Export a deliverable file', tag: 'generator', auth: true },
];
