import { limit, requireUser } from '../auth.ts';
import { json, type Reply } from '../http.ts';
import { ownedClient, owns } from '../own.ts';
import { clientOut } from '../serialize.ts';
import type { Ctx, Route } from '../state.ts';
import { newId, now, type Client } from '../store.ts';
import { validateBody, type Schema } from '../validate.ts';
import { skipLimit } from './paginate.ts';

const PLATFORMS = ['linkedin', 'twitter', 'facebook', 'blog', 'email', 'multi', 'generic'];
const platformCheck = (v: unknown): string | undefined =>
  (v as string[]).every((p) => PLATFORMS.includes(p)) ? undefined : `platforms must be among ${PLATFORMS.join(', ')}`;

/** ClientCreate/ClientUpdate (extra="forbid"): the dashboard sends snake_case. */
const fields = (nameRequired: boolean): Schema => ({
  name: { type: 'str', required: nameRequired, min: 1, max: 200 },
  email: { type: 'email' },
  business_description: { type: 'str' },
  ideal_customer: { type: 'str' },
  main_problem_solved: { type: 'str' },
  tone_preference: { type: 'str' },
  platforms: { type: 'str_list', check: platformCheck },
  customer_pain_points: { type: 'str_list' },
  customer_questions: { type: 'str_list' },
});

async function list(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const slice = skipLimit(ctx.query);
  limit(ctx, 'clients-list');
  const mine = [...ctx.state.store.clients.values()].filter((c) => owns(user, c.user_id));
  return json(200, slice(mine).map(clientOut));
}

async function create(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), fields(true), 'forbid');
  limit(ctx, 'clients-create');
  const str = (k: string): string | null => (typeof b[k] === 'string' ? (b[k] as string) : null);
  const list = (k: string): string[] | null => (Array.isArray(b[k]) ? (b[k] as string[]) : null);
  const c: Client = {
    id: newId('client'),
    user_id: user.id,
    name: String(b['name']),
    email: str('email'),
    business_description: str('business_description'),
    ideal_customer: str('ideal_customer'),
    main_problem_solved: str('main_problem_solved'),
    tone_preference: str('tone_preference') ?? 'professional',
    platforms: list('platforms'),
    customer_pain_points: list('customer_pain_points'),
    customer_questions: list('customer_questions'),
    created_at: now(),
  };
  ctx.state.store.clients.set(c.id, c);
  return json(201, clientOut(c));
}

function get(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'client-get');
  return json(200, clientOut(ownedClient(ctx.state.store, user, ctx.params['id'] ?? '')));
}

async function update(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), fields(false), 'forbid');
  limit(ctx, 'client-update');
  const c = ownedClient(ctx.state.store, user, ctx.params['id'] ?? '');
  for (const [k, v] of Object.entries(b)) if (k !== 'name' || typeof v === 'string') Object.assign(c, { [k]: v });
  return json(200, clientOut(c));
}

export const clientRoutes: Route[] = [
  { method: 'GET', path: '/api/clients/', handler: list, summary: 'List my clients', tag: 'clients', auth: true },
  { method: 'POST', path: '/api/clients/', handler: create, summary: 'Create a client (no delete exists)', tag: 'clients', auth: true },
  { method: 'GET', path: '/api/clients/{id}', handler: get, summary: 'Get a client', tag: 'clients', auth: true },
  { method: 'PATCH', path: '/api/clients/{id}', handler: update, summary: 'Update a client', tag: 'clients', auth: true },
];
