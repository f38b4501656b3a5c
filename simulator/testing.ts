import { startSimulator, type SimulatorHandle, type SimulatorOptions } from './index.ts';
import { standInSite } from './static.ts';

/**
 * Helpers for tests that drive the simulator over real HTTP (port 0, stand-in dashboard unless a
 * dashboardDir is given). Every request has a deadline.
 */
export const TEST_EMAIL = 'operator@jumpstart.local';
export const TEST_PASSWORD = 'jumpstart-sim-password';

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  return startSimulator({ site: options.dashboardDir === undefined ? standInSite() : undefined, generationSeconds: 0.3, ...options });
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON (undefined when the body is not JSON). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary shapes
  ms: number;
}

export interface Call {
  method?: string;
  body?: unknown;
  /** Sent as is (no JSON encoding); use with a content-type header. */
  raw?: string;
  headers?: Record<string, string>;
  token?: string;
}

/** One request with a 10 s deadline; never follows redirects (the 307s are part of the contract). */
export async function call(base: string, path: string, c: Call = {}): Promise<Res> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.token !== undefined) headers['authorization'] = `Bearer ${c.token}`;
  let body: string | undefined = c.raw;
  if (c.body !== undefined) {
    body = JSON.stringify(c.body);
    headers['content-type'] ??= 'application/json';
  }
  const t0 = performance.now();
  const res = await fetch(base + path, { method: c.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed, ms: performance.now() - t0 };
}

export async function login(base: string, email = TEST_EMAIL, password = TEST_PASSWORD): Promise<string> {
  const r = await call(base, '/api/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
  return r.body.access_token as string;
}

/** A client with a full profile plus its project, created the way the wizard does. */
export async function createClientAndProject(base: string, token: string, name = 'Acme Corp'): Promise<{ clientId: string; projectId: string }> {
  const c = await call(base, '/api/clients/', {
    token,
    body: {
      name,
      business_description: 'We provide cloud-based project management software for small teams that want calm, predictable weeks.',
      ideal_customer: 'Small business owners with 5-20 employees',
      main_problem_solved: 'Scattered communication and missed deadlines',
      tone_preference: 'professional',
      platforms: ['linkedin'],
      customer_pain_points: ['too many status meetings'],
      customer_questions: [],
    },
  });
  if (c.status !== 201) throw new Error(`client create failed: ${c.status} ${c.text}`);
  const p = await call(base, '/api/projects/', {
    token,
    body: { name: `${name} - Content Project`, client_id: c.body.id, templates: [], template_quantities: {}, price_per_post: 40, research_price_per_post: 0, total_price: 0, platforms: ['linkedin'], tone: 'professional' },
  });
  if (p.status !== 201) throw new Error(`project create failed: ${p.status} ${p.text}`);
  return { clientId: c.body.id as string, projectId: p.body.id as string };
}

/** Polls a run until it leaves pending/running, within `timeoutMs`. */
export async function waitForRun(base: string, token: string, runId: string, timeoutMs = 10_000): Promise<Res> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(base, `/api/runs/${runId}`, { token });
    if (r.status !== 200 || !['pending', 'running'].includes(r.body.status)) return r;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${r.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
