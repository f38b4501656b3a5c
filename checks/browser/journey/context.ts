import type { Page, Response } from '@playwright/test';
import type { ChecksSettings } from '../../env.ts';
import { apiCall, itemsOf, jsonOf, snippet, type ApiResponse } from '../../support/api.ts';
import { updateFlow } from '../../support/flow.ts';
import { ensure } from '../../support/outcome.ts';
import { unlessErrorScreen } from '../diagnose.ts';
import { uiStep } from '../ui.ts';

/** Where RB-09 … RB-11 work: the project, and whether the wizard page shows its Generate step. */
export interface Basis {
  projectId?: string;
  clientId?: string;
  /** How the project was made, for the report ("RB-08's wizard (existing client …)", "the API …"). */
  how: string;
  /** The wizard page is at this project's Generate step (else generation goes through the API). */
  atGenerate: boolean;
  /** Why there is no project, when there is none. */
  problem?: string;
}

/** State of one journey: the page, the session, what each step left for the next. */
export interface Journey {
  page: Page;
  settings: ChecksSettings;
  token: string | undefined;
  /** Where failure screenshots go (the journey test's output dir). */
  shotDir: string;
  basis?: Basis;
  /** The generation run, once generate-all answered with one. */
  run?: { id: string; status?: string; error?: string };
  /** The wizard page shows the Export step; else `exportWhy` says why not. */
  atExport: boolean;
  exportWhy?: string;
  /** Projects this journey created, in order (also in the flow state, for global teardown). */
  projects: string[];
  /** While true, POST /api/clients/ is answered by the check (the synthetic client reused). */
  reusingClient: boolean;
  pending: Promise<void>[];
}

/** A synthetic client record as GET /api/clients/ lists it (camelCase, contract §4). */
export interface ClientRecord {
  id: string;
  name: string;
  [field: string]: unknown;
}

/**
 * Records what the wizard creates, as it happens: every project id at once (global teardown deletes
 * them whatever fails next) and every client creation that reached the target (at most one per run).
 */
export function recordCreations(j: Journey): void {
  const flow = j.settings.paths.flow;
  j.page.on('response', (r: Response) => {
    if (r.request().method() !== 'POST') return;
    const path = new URL(r.url()).pathname;
    if (path === '/api/clients/' && !j.reusingClient) updateFlow(flow, (s) => void (s.clientPosts += 1));
    if (path !== '/api/projects/') return;
    updateFlow(flow, (s) => void (s.projectPosts += 1));
    j.pending.push(
      r.json().then(
        (body: { id?: unknown }) => {
          if (r.status() >= 300 || typeof body?.id !== 'string') return;
          const id = body.id;
          j.projects.push(id);
          updateFlow(flow, (s) => void s.projectIds.push(id));
        },
        () => undefined,
      ),
    );
  });
}

/** Waits (bounded) for the creations seen so far to be recorded. */
export async function settle(j: Journey): Promise<void> {
  await Promise.race([Promise.all(j.pending.splice(0)), new Promise((r) => setTimeout(r, 3000))]);
}

function requireToken(j: Journey): string {
  ensure(j.token, 'no session token from the setup login');
  return j.token;
}

/** The synthetic client when it exists (one GET /api/clients/, limited to 100/h). */
export async function findClient(j: Journey, name: string): Promise<ClientRecord | undefined> {
  const { config } = j.settings;
  const res = await apiCall(config.baseUrl, '/api/clients/', { token: requireToken(j), timeoutMs: config.requestTimeoutMs });
  ensure(res.status === 200, `GET /api/clients/ answered ${res.status}, expected 200: ${snippet(res.text)}`);
  const items = itemsOf(jsonOf(res, 'GET /api/clients/')) ?? [];
  return items.find((c): c is ClientRecord => (c as ClientRecord).name === name && typeof (c as ClientRecord).id === 'string');
}

/** POST to the target with the session token, as the dashboard would send it. */
export async function sendApi(j: Journey, path: string, body: unknown): Promise<ApiResponse> {
  const { config } = j.settings;
  return apiCall(config.baseUrl, path, { method: 'POST', body, token: requireToken(j), timeoutMs: config.requestTimeoutMs });
}

/** POST to the target with the session token; throws naming the route, status and body unless 2xx. */
export async function postApi(j: Journey, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await sendApi(j, path, body);
  ensure(res.status >= 200 && res.status < 300, `POST ${path} answered ${res.status}: ${snippet(res.text)}`);
  return jsonOf(res, `POST ${path}`) as Record<string, unknown>;
}

/** One readable UI step of the journey (in the trace), stopped early when the app crashes to its error screen. */
export function uiAct<T>(j: Journey, what: string, body: () => Promise<T>): Promise<T> {
  return uiStep(what, () => unlessErrorScreen(j.page, body));
}
