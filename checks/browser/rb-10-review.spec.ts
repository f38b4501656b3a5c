// RB-10 — runbook "Manual Checks: review content (QA flags working)": the Quality Gate's Total, Flagged
// and Approved match the API's posts and every flagged post shows its flag badges. Flagged posts are
// then fixed through "Edit" so the flow can reach Export (the real app never flags anything).
import { checksSettings } from '../env.ts';
import { flowStep, GENERATION_OFF, requireFlow } from '../support/flow.ts';
import { ensure, record } from '../support/outcome.ts';
import { alertsSeen, expect, test } from './fixtures.ts';
import { listPosts, qualityCounts } from './posts.ts';
import { uiStep } from './ui.ts';
import { FIX_TEXT, WizardPage } from './wizard-page.ts';

test('RB-10 review content and QA flags: Quality Gate totals match the API, flagged posts show their flags', async ({ flowPage }) => {
  const s = checksSettings();
  test.skip(!s.generation, GENERATION_OFF);
  const { config, paths } = s;
  const { token, projectId } = requireFlow(paths, 'RB-09', 'generate 30 posts');

  await flowStep(paths.flow, 'RB-10', async () => {
    const wizard = new WizardPage(flowPage);
    const api = qualityCounts(await listPosts(config.baseUrl, token, projectId, config.requestTimeoutMs));
    await uiStep('show the Quality Gate', () => expect(wizard.qualityGate()).toBeVisible(), alertsSeen);
    // The panel renders from the dashboard's own posts query and re-renders on refetch: compare until
    // it settles on the API's numbers, then report what still differs.
    let problems: string[] = [];
    await expect
      .poll(async () => (problems = await compare(wizard, api)).length, { timeout: 8_000 })
      .toBe(0)
      .catch(() => undefined);
    const ui = { total: await wizard.chip('Total'), flagged: (await wizard.chip('Flagged')) ?? 0, approved: await wizard.chip('Approved') };
    record({ measured: api.flagged.length, unit: 'flagged posts', message: `Quality Gate Total ${ui.total} / Flagged ${ui.flagged} / Approved ${ui.approved}` });
    ensure(problems.length === 0, `Quality Gate does not match the API: ${problems.join('; ')}`);

    // "Continue to Export" stays disabled while anything is flagged: fix each post through "Edit".
    for (const post of api.flagged) {
      const res = await uiStep(`fix flagged post ${post.id} through Edit`, () => wizard.editPost(post.id, FIX_TEXT), alertsSeen);
      ensure(res.status() === 200, `PATCH /api/posts/${post.id} answered ${res.status()}, expected 200`);
    }
    const after = qualityCounts(await listPosts(config.baseUrl, token, projectId, config.requestTimeoutMs));
    ensure(after.flagged.length === 0, `posts still flagged after editing: ${after.flagged.map((p) => `${p.id} (${(p.flags ?? []).join(', ')})`).join('; ')}`);
    await uiStep('continue to the Export step', () => wizard.continueToExport(), alertsSeen);
  });
});

/** What differs between the Quality Gate on screen and the API's posts (empty when they match). */
async function compare(wizard: WizardPage, api: ReturnType<typeof qualityCounts>): Promise<string[]> {
  const problems: string[] = [];
  const total = await wizard.chip('Total');
  const flagged = await wizard.chip('Flagged');
  const approved = await wizard.chip('Approved');
  if (total !== api.total) problems.push(`Total chip shows ${total ?? 'nothing'}, the API lists ${api.total} posts`);
  if (api.flagged.length > 0 && flagged === undefined) problems.push(`no "Flagged: N" chip although the API has ${api.flagged.length} flagged posts`);
  else if ((flagged ?? 0) !== api.flagged.length) problems.push(`Flagged chip shows ${flagged}, the API has ${api.flagged.length} flagged posts`);
  if (approved !== api.approved) problems.push(`Approved chip shows ${approved ?? 'nothing'}, the API has ${api.approved} approved posts`);
  for (const post of api.flagged) {
    const row = wizard.postRow(post.id);
    if ((await row.count()) === 0) {
      problems.push(`flagged post ${post.id} is not listed`);
      continue;
    }
    for (const flag of post.flags ?? []) {
      if ((await row.getByText(flag, { exact: true }).count()) === 0) problems.push(`flagged post ${post.id} shows no "${flag}" badge`);
    }
  }
  return problems;
}
