// RB-08 — runbook "Manual Checks: create new project via wizard": client profile (the synthetic client,
// reused when it exists: clients cannot be deleted), research skipped, templates totalling 30 posts.
// The created project is recorded at once so global teardown deletes it whatever happens next.
import { checksSettings } from '../env.ts';
import { apiCall, itemsOf, jsonOf } from '../support/api.ts';
import { flowStep, updateFlow } from '../support/flow.ts';
import { ensure, record } from '../support/outcome.ts';
import { readToken } from '../support/session.ts';
import { alertsSeen, test } from './fixtures.ts';
import { uiStep } from './ui.ts';
import { POSTS, WizardPage } from './wizard-page.ts';

test('RB-08 project wizard: client profile, research skipped, templates totalling 30 posts', async ({ flowPage }) => {
  const { config, paths } = checksSettings();
  const clientName = config.syntheticClient;
  const wizard = new WizardPage(flowPage);
  flowPage.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/projects/') updateFlow(paths.flow, (s) => void (s.projectPosts += 1));
  });
  updateFlow(paths.flow, (s) => {
    s.pagePid = process.pid;
    s.projectName = `${clientName} - Content Project`;
  });
  await flowStep(paths.flow, 'RB-08', async () => {
    const existing = await findClient(config.baseUrl, readToken(paths.token), clientName, config.requestTimeoutMs);
    await uiStep('open the wizard', () => wizard.open(), alertsSeen);
    const created = await uiStep(
      existing ? `select the existing client "${clientName}"` : `create the client "${clientName}"`,
      () => (existing ? wizard.useExistingClient(clientName, existing) : wizard.createClient(clientName)),
      alertsSeen,
    );
    const body = (await created.json().catch(() => undefined)) as { id?: unknown; name?: unknown; clientId?: unknown } | undefined;
    ensure(created.status() < 300 && typeof body?.id === 'string', `POST /api/projects/ answered ${created.status()} without a project id${alertsSeen()}`);
    const projectId = body.id;
    updateFlow(paths.flow, (s) => {
      s.projectIds.push(projectId);
      s.projectId = projectId;
      s.clientName = clientName;
      if (typeof body.clientId === 'string') s.clientId = body.clientId;
    });
    await uiStep('skip the Research step', () => wizard.skipResearch(), alertsSeen);
    await uiStep(`choose templates totalling ${POSTS} posts`, () => wizard.chooseTemplates(POSTS), alertsSeen);
    record({ measured: POSTS, unit: 'posts', message: `project ${projectId} for ${existing ? 'existing' : 'new'} client "${clientName}"` });
  });
});

/** The synthetic client's id when it exists (one GET /api/clients/, limited to 100/h). */
async function findClient(baseUrl: string, token: string | undefined, name: string, timeoutMs: number): Promise<string | undefined> {
  ensure(token, 'no session token from the setup login');
  const res = await apiCall(baseUrl, '/api/clients/', { token, timeoutMs });
  ensure(res.status === 200, `GET /api/clients/ answered ${res.status}, expected 200`);
  const items = itemsOf(jsonOf(res, 'GET /api/clients/')) ?? [];
  const hit = items.find((c) => (c as { name?: unknown }).name === name) as { id?: unknown } | undefined;
  return typeof hit?.id === 'string' ? hit.id : undefined;
}
