import { limit, requireUser } from '../auth.ts';
import { json, type Reply } from '../http.ts';
import { ownedClient, ownedProject, owns } from '../own.ts';
import { projectOut } from '../serialize.ts';
import type { Ctx, Route } from '../state.ts';
import { deleteProjectCascade, newId, now, type Project } from '../store.ts';
import { validateBody, type Schema } from '../validate.ts';
import { paginate } from './paginate.ts';

/** The input blocklist of the real validators (XSS, template injection, SQL, shell). */
const BLOCKED = [/\.\./, /\$\{/, /<script/i, /javascript:/i, /\bon\w+\s*=/i, /;\s*(drop|delete|insert|update)\s/i, /[|`]/];

const safeText = (min: number, max: number) => (v: unknown): string | undefined => {
  const s = String(v).trim();
  if (s.length < min || s.length > max) return `must be ${min}-${max} characters`;
  return BLOCKED.some((re) => re.test(s)) ? 'contains forbidden characters or patterns' : undefined;
};

function quantitiesCheck(v: unknown): string | undefined {
  const entries = Object.entries(v as Record<string, number>);
  if (entries.length > 50) return 'template_quantities cannot exceed 50 templates';
  for (const [id, qty] of entries) {
    if (!/^\d+$/.test(id) || Number(id) < 1 || Number(id) > 100) return `template_id must be numeric: ${id}`;
    if (qty < 0 || qty > 100) return `quantity for template ${id} must be between 0 and 100`;
  }
  return undefined;
}

const price = (v: unknown): string | undefined => ((v as number) < 0 || (v as number) > 10000 ? 'must be between 0.0 and 10000.0' : undefined);

/** ProjectCreate/ProjectUpdate: camelCase and snake_case accepted, anything else 422 (TR-022). */
const common: Schema = {
  templates: { type: 'str_list' },
  template_quantities: { type: 'int_map', aliases: ['templateQuantities'], check: quantitiesCheck },
  num_posts: { type: 'int', aliases: ['numPosts'], check: (v) => ((v as number) < 1 || (v as number) > 1000 ? 'must be between 1 and 1000' : undefined) },
  price_per_post: { type: 'float', aliases: ['pricePerPost'], check: price },
  research_price_per_post: { type: 'float', aliases: ['researchPricePerPost'], check: price },
  total_price: { type: 'float', aliases: ['totalPrice'], check: price },
  platforms: { type: 'str_list' },
  tone: { type: 'str', check: safeText(3, 100) },
};
/** ProjectCreate (also what the project-create-fails fault validates before failing). */
export const createSchema: Schema = {
  name: { type: 'str', required: true, check: safeText(3, 200) },
  client_id: { type: 'str', required: true, aliases: ['clientId'], check: (v) => (/^client-.{1,43}$/.test(String(v)) ? undefined : 'client_id must start with "client-" and be 8-50 characters') },
  ...common,
};
const updateSchema: Schema = { name: { type: 'str', check: safeText(3, 200) }, status: { type: 'str' }, ...common };

/** The model validator: num_posts and total_price derived from the quantities when absent. */
function derive(p: Project): void {
  const sum = Object.values(p.template_quantities ?? {}).reduce((a, b) => a + b, 0);
  if (p.num_posts === null && sum > 0) p.num_posts = sum;
  if (p.total_price === null && p.num_posts) p.total_price = p.num_posts * ((p.price_per_post ?? 40) + (p.research_price_per_post ?? 0));
}

async function create(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), createSchema, 'forbid');
  limit(ctx, 'projects-create');
  const { store } = ctx.state;
  const client = ownedClient(store, user, String(b['client_id']));
  const p: Project = {
    id: newId('project'),
    user_id: user.id,
    client_id: client.id,
    name: String(b['name']).trim(),
    status: 'draft',
    templates: (b['templates'] as string[] | undefined) ?? null,
    template_quantities: (b['template_quantities'] as Record<string, number> | undefined) ?? null,
    num_posts: (b['num_posts'] as number | undefined) ?? null,
    price_per_post: (b['price_per_post'] as number | undefined) ?? 40,
    research_price_per_post: (b['research_price_per_post'] as number | undefined) ?? 0,
    total_price: (b['total_price'] as number | undefined) ?? null,
    platforms: (b['platforms'] as string[] | undefined) ?? [],
    tone: (b['tone'] as string | undefined) ?? 'professional',
    created_at: now(),
    updated_at: null,
  };
  derive(p);
  store.projects.set(p.id, p);
  store.counters.projectsCreated += 1;
  return json(201, projectOut(p));
}

function list(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'projects-list');
  const status = ctx.query.get('status');
  const clientId = ctx.query.get('client_id') ?? ctx.query.get('clientId');
  const rows = [...ctx.state.store.projects.values()].filter(
    (p) => owns(user, p.user_id) && (!status || p.status === status) && (!clientId || p.client_id === clientId),
  );
  const page = paginate(rows, ctx.query);
  return json(200, { items: page.items.map(projectOut), metadata: page.metadata });
}

function get(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'project-get');
  return json(200, projectOut(ownedProject(ctx.state.store, user, ctx.params['id'] ?? '')));
}

async function update(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), updateSchema, 'forbid');
  limit(ctx, 'project-update');
  const p = ownedProject(ctx.state.store, user, ctx.params['id'] ?? '');
  for (const [k, v] of Object.entries(b)) if (v !== null || !['name', 'status'].includes(k)) Object.assign(p, { [k]: v });
  p.updated_at = now();
  derive(p);
  return json(200, projectOut(p));
}

function remove(ctx: Ctx): Reply {
  const user = requireUser(ctx);
  limit(ctx, 'project-delete');
  const p = ownedProject(ctx.state.store, user, ctx.params['id'] ?? '');
  deleteProjectCascade(ctx.state.store, p.id);
  return { status: 204 };
}

export const projectRoutes: Route[] = [
  { method: 'GET', path: '/api/projects/', handler: list, summary: 'List my projects (paginated)', tag: 'projects', auth: true },
  { method: 'POST', path: '/api/projects/', handler: create, summary: 'Create a project', tag: 'projects', auth: true },
  { method: 'GET', path: '/api/projects/{id}', handler: get, summary: 'Get a project', tag: 'projects', auth: true },
  { method: 'PUT', path: '/api/projects/{id}', handler: update, summary: 'Update a project', tag: 'projects', auth: true },
  { method: 'PATCH', path: '/api/projects/{id}', handler: update, summary: 'Update a project', tag: 'projects', auth: true },
  { method: 'DELETE', path: '/api/projects/{id}', handler: remove, summary: 'Delete a project with its runs, posts and deliverables', tag: 'projects', auth: true },
];
