import { requireUser } from '../auth.ts';
import { json, type Reply } from '../http.ts';
import { ownedProject, ownedRun, visibleProjectIds } from '../own.ts';
import { runOut } from '../serialize.ts';
import type { Ctx, Route } from '../state.ts';
import { newId, now, type LogEntry, type Run } from '../store.ts';
import { validateBody } from '../validate.ts';
import { skipLimit } from './paginate.ts';

const STATUSES = ['pending', 'running', 'succeeded', 'failed'];

/** Runs are not rate-limited (contract §5); the list takes the camelCase `projectId`. */
function list(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  const slice = skipLimit(ctx.query);
  const mine = visibleProjectIds(ctx.state.store, user);
  const projectId = ctx.query.get('projectId') || ctx.query.get('project_id');
  const status = ctx.query.get('status');
  const rows = [...ctx.state.store.runs.values()].filter((r) => mine.has(r.project_id) && (!projectId || r.project_id === projectId) && (!status || r.status === status));
  return json(200, slice(rows).map(runOut));
}

function get(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  return json(200, runOut(ownedRun(ctx.state.store, user, ctx.params['id'] ?? '')));
}

async function create(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), { project_id: { type: 'str', required: true }, is_batch: { type: 'bool' } }, 'forbid');
  const project = ownedProject(ctx.state.store, user, String(b['project_id']));
  const run: Run = { id: newId('run'), project_id: project.id, is_batch: b['is_batch'] === true, started_at: now(), completed_at: null, status: 'pending', logs: null, error_message: null };
  ctx.state.store.runs.set(run.id, run);
  return json(201, runOut(run));
}

function logsCheck(v: unknown): string | undefined {
  const ok = (v as unknown[]).every((e) => e !== null && typeof e === 'object' && typeof (e as LogEntry).timestamp === 'string' && typeof (e as LogEntry).message === 'string');
  return ok ? undefined : 'logs entries must be {timestamp, message}';
}

async function update(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(
    await ctx.body(),
    {
      status: { type: 'str', check: (v) => (STATUSES.includes(String(v)) ? undefined : `status must be one of ${STATUSES.join(', ')}`) },
      completed_at: { type: 'str', check: (v) => (Number.isNaN(Date.parse(String(v))) ? 'Input should be a valid datetime' : undefined) },
      logs: { type: 'any', check: (v) => (Array.isArray(v) ? logsCheck(v) : 'Input should be a valid list') },
      error_message: { type: 'str' },
    },
    'forbid',
  );
  const run = ownedRun(ctx.state.store, user, ctx.params['id'] ?? '');
  if (typeof b['status'] === 'string') run.status = b['status'];
  if (b['completed_at'] !== undefined) run.completed_at = b['completed_at'] === null ? null : new Date(String(b['completed_at'])).toISOString();
  if (b['logs'] !== undefined) run.logs = b['logs'] as LogEntry[] | null;
  if (b['error_message'] !== undefined) run.error_message = b['error_message'] as string | null;
  return json(200, runOut(run));
}

export const runRoutes: Route[] = [
  { method: 'GET', path: '/api/runs/', handler: list, summary: 'List runs (projectId, status, skip, limit)', tag: 'runs', auth: true },
  { method: 'POST', path: '/api/runs/', handler: create, summary: 'Create a run', tag: 'runs', auth: true },
  { method: 'GET', path: '/api/runs/{id}', handler: get, summary: 'Get a run (poll generation progress)', tag: 'runs', auth: true },
  { method: 'PATCH', path: '/api/runs/{id}', handler: update, summary: 'Update a run', tag: 'runs', auth: true },
];
