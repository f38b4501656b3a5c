import type { Route } from '@playwright/test';
import { apiCall, jsonOf } from '../../support/api.ts';
import { readFlow, updateFlow } from '../../support/flow.ts';
import { ensure } from '../../support/outcome.ts';
import { POSTS, PRICE_PER_POST, WizardPage } from '../wizard-page.ts';
import { type Basis, type ClientRecord, findClient, type Journey, postApi, settle, uiAct } from './context.ts';
import type { StepResult } from './step.ts';

/** Walks the wizard from the profile to the Generate step; records the project the moment it exists. */
async function walkWizard(j: Journey, wizard: WizardPage, profile: () => Promise<void>, profileStep: string, basis: Basis): Promise<void> {
  await uiAct(j, 'open the wizard', () => wizard.open());
  const before = j.projects.length;
  await uiAct(j, profileStep, profile);
  await uiAct(j, 'skip the Research step', () => wizard.skipResearch());
  await settle(j);
  basis.projectId = j.projects.length > before ? j.projects.at(-1) : undefined;
  ensure(basis.projectId, 'the wizard reached Research, but no POST /api/projects/ answered with a project id');
  await uiAct(j, `choose templates totalling ${POSTS} posts ($${POSTS * PRICE_PER_POST})`, () => wizard.chooseTemplates(POSTS));
  await uiAct(j, 'reach the Generate step', () => wizard.expectGenerateStep());
  basis.atGenerate = true;
}

/**
 * RB-08: the runbook's "create new project via wizard" with the synthetic client — "Use Existing
 * Client" when it exists (clients cannot be deleted, so it is created once and reused), else the
 * new-client path — research skipped, 30 posts of templates, up to the Generate step.
 */
export async function wizardProject(j: Journey): Promise<StepResult> {
  const name = j.settings.config.syntheticClient;
  const existing = await findClient(j, name);
  const path = existing ? 'existing' : 'new';
  const basis: Basis = { how: `RB-08's wizard (${path} client "${name}")`, atGenerate: false, ...(existing ? { clientId: existing.id } : {}) };
  j.basis = basis;
  const wizard = new WizardPage(j.page);
  const profile = existing ? () => wizard.useExistingClient(name) : () => wizard.createClient(name);
  await walkWizard(j, wizard, profile, existing ? `select the existing client "${name}"` : `create the client "${name}"`, basis);
  return { state: 'pass', measured: POSTS, unit: 'posts', message: `project ${basis.projectId} for ${path} client "${name}", at the Generate step` };
}

/** Answers the dashboard's POST /api/clients/ with the existing synthetic client: nothing new is created. */
async function reuseClient(j: Journey, client: ClientRecord): Promise<() => Promise<void>> {
  const { config } = j.settings;
  const res = await apiCall(config.baseUrl, `/api/clients/${encodeURIComponent(client.id)}`, { token: j.token, timeoutMs: config.requestTimeoutMs });
  const record = res.status === 200 ? jsonOf(res, `GET /api/clients/${client.id}`) : client;
  const handler = (route: Route): Promise<void> =>
    route.request().method() === 'POST' ? route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(record) }) : route.fallback();
  const matcher = (url: URL): boolean => url.pathname === '/api/clients/';
  await j.page.route(matcher, handler);
  j.reusingClient = true;
  return async () => {
    j.reusingClient = false;
    await j.page.unroute(matcher, handler).catch(() => undefined);
  };
}

/**
 * When RB-08's wizard did not reach the Generate step, RB-09 … RB-11 still need a project. Tried in
 * order: the wizard's new-client path with the synthetic client reused (its creation answered by the
 * check, so the run creates no second client); else the project that path made; else a project made
 * through the API. Returns where the next checks stand, with how it was made.
 */
export async function projectAnotherWay(j: Journey, rb08: string): Promise<Basis> {
  const name = j.settings.config.syntheticClient;
  const client = await findClient(j, name).catch(() => undefined);
  const clientNote = client ? `, reusing the synthetic client "${name}" (the check answered the dashboard's POST /api/clients/ with it: clients cannot be deleted)` : '';
  const basis: Basis = { how: `the wizard's new-client path${clientNote}, as RB-08 failed`, atGenerate: false, ...(client ? { clientId: client.id } : {}) };
  let wizardProblem = '';
  // Without a client, the wizard may create the run's one client, unless a creation was already sent.
  if (client || readFlow(j.settings.paths.flow).clientPosts === 0) {
    const restore = client ? await reuseClient(j, client) : async () => undefined;
    const wizard = new WizardPage(j.page);
    try {
      await walkWizard(j, wizard, () => wizard.createClient(name), `fill the new-client profile for "${name}"`, basis);
      return basis;
    } catch (err) {
      wizardProblem = (err as Error).message.split('\n')[0] ?? 'failed';
    } finally {
      await restore();
    }
  } else {
    wizardProblem = 'not tried: this run already sent its one client creation';
  }
  if (basis.projectId) return { ...basis, how: `${basis.how}, which stopped before the Generate step (${wizardProblem})` };
  return apiProject(j, name, rb08, wizardProblem);
}

/** The last resort: the project the wizard would make, through the API (generation then goes there too). */
async function apiProject(j: Journey, name: string, rb08: string, wizardProblem: string): Promise<Basis> {
  const client = await findClient(j, name).catch(() => undefined);
  const why = `RB-08 failed (${rb08.split('; ')[0]}); the wizard's new-client path failed too (${wizardProblem})`;
  if (!client) return { how: '', atGenerate: false, problem: `no project: ${why}, and there is no synthetic client "${name}" to make one through the API` };
  const body = { name: `${name} - Content Project`, client_id: client.id, templates: [], template_quantities: {}, price_per_post: PRICE_PER_POST, research_price_per_post: 0, total_price: 0, platforms: ['linkedin'], tone: 'professional' };
  try {
    const created = await postApi(j, '/api/projects/', body);
    ensure(typeof created.id === 'string', 'POST /api/projects/ answered without a project id');
    j.projects.push(created.id);
    updateFlow(j.settings.paths.flow, (s) => void s.projectIds.push(created.id as string));
    return { projectId: created.id, clientId: client.id, how: `the API (POST /api/projects/), as ${why}`, atGenerate: false };
  } catch (err) {
    return { how: '', atGenerate: false, problem: `no project: ${why}; through the API: ${(err as Error).message}` };
  }
}
