import { expect } from '@playwright/test';
import { listPosts, qualityCounts, type ApiPost } from '../posts.ts';
import { FIX_TEXT, ReviewPage } from '../review-page.ts';
import { type Journey, uiAct } from './context.ts';
import { NotEvaluated, type StepResult } from './step.ts';

/**
 * The input of RB-10 and RB-11: the project's posts. Only their absence makes those checks "not
 * evaluated" — never a sibling's failed assertion. A list that cannot be read while the run succeeded
 * still counts as posts that exist (the checks then fail on what a person cannot see).
 */
export async function postsOf(j: Journey): Promise<{ posts: ApiPost[] } | { listError: string }> {
  const b = j.basis;
  if (!b?.projectId) throw new NotEvaluated(b?.problem ?? 'no project: the wizard made none');
  if (!j.run) throw new NotEvaluated('no posts: generation did not start (see RB-09)');
  const { config } = j.settings;
  let posts: ApiPost[];
  try {
    posts = await listPosts(config.baseUrl, j.token ?? '', b.projectId, config.requestTimeoutMs);
  } catch (err) {
    const why = (err as Error).message;
    if (j.run.status !== 'succeeded') throw new NotEvaluated(`no posts known: the run ${j.run.status ?? 'did not finish'} and ${why}`);
    return { listError: why };
  }
  if (posts.length === 0) throw new NotEvaluated(`no posts: GET /api/posts/?project_id=${b.projectId} lists none (run ${j.run.id} ${j.run.status ?? 'did not finish'})`);
  return { posts };
}

/** What differs between the Quality Gate on screen and the API's posts (empty when they match). */
async function compare(ui: ReviewPage, api: ReturnType<typeof qualityCounts>): Promise<string[]> {
  const problems: string[] = [];
  const [total, flagged, approved] = [await ui.chip('Total'), await ui.chip('Flagged'), await ui.chip('Approved')];
  if (total !== api.total) problems.push(`Total chip shows ${total ?? 'nothing'}, the API lists ${api.total} posts`);
  if (api.flagged.length > 0 && flagged === undefined) problems.push(`no "Flagged: N" chip although the API has ${api.flagged.length} flagged posts`);
  else if ((flagged ?? 0) !== api.flagged.length) problems.push(`Flagged chip shows ${flagged}, the API has ${api.flagged.length} flagged posts`);
  if (approved !== api.approved) problems.push(`Approved chip shows ${approved ?? 'nothing'}, the API has ${api.approved} approved posts`);
  for (const post of api.flagged) {
    const row = ui.postRow(post.id);
    if ((await row.count()) === 0) {
      problems.push(`flagged post ${post.id} is not listed`);
      continue;
    }
    for (const flag of post.flags ?? []) if ((await row.getByText(flag, { exact: true }).count()) === 0) problems.push(`flagged post ${post.id} shows no "${flag}" badge`);
  }
  return problems;
}

/** Fixes the listed flagged posts through "Edit" (as an operator would), so the wizard lets export go on. */
async function fixFlagged(j: Journey, ui: ReviewPage, flagged: readonly ApiPost[]): Promise<string[]> {
  const problems: string[] = [];
  const edited: string[] = [];
  for (const post of flagged) {
    if ((await ui.postRow(post.id).count()) === 0) continue; // already named by the comparison
    try {
      const res = await uiAct(j, `fix flagged post ${post.id} through Edit`, () => ui.editPost(post.id, FIX_TEXT, j.settings.config.requestTimeoutMs));
      if (res.status() === 200) edited.push(post.id);
      else problems.push(`PATCH /api/posts/${post.id} answered ${res.status()}, expected 200`);
    } catch (err) {
      problems.push((err as Error).message.split('\n')[0] ?? 'edit failed');
      await ui.closeDialogs();
    }
  }
  if (edited.length === 0) return problems;
  const { config } = j.settings;
  const after = qualityCounts(await listPosts(config.baseUrl, j.token ?? '', j.basis?.projectId ?? '', config.requestTimeoutMs));
  const still = after.flagged.filter((p) => edited.includes(p.id));
  if (still.length) problems.push(`posts still flagged after editing: ${still.map((p) => `${p.id} (${(p.flags ?? []).join(', ')})`).join('; ')}`);
  return problems;
}

/** Moves on to the Export step when the wizard allows it; else says what the button says instead. */
async function towardsExport(j: Journey, ui: ReviewPage): Promise<void> {
  const button = ui.exportButton();
  const text = (await button.count()) > 0 ? ((await button.first().textContent()) ?? '').trim() : '';
  if (text !== 'Continue to Export' || !(await button.first().isEnabled())) {
    j.exportWhy = text ? `the wizard's button says "${text}"` : 'the wizard shows no "Continue to Export"';
    return;
  }
  await uiAct(j, 'continue to the Export step', () => ui.continueToExport());
  j.atExport = true;
}

/**
 * RB-10: the Quality Gate's Total, Flagged and Approved match the API's posts and every flagged post
 * shows its flag badges. Flagged posts are then fixed through "Edit" and the wizard moves to Export
 * (the real app never flags anything) — on the way to RB-11, whatever this check concluded.
 */
export async function review(j: Journey): Promise<StepResult> {
  const input = await postsOf(j);
  if (!j.basis?.atGenerate) throw new NotEvaluated(`the Quality Gate cannot be shown: the wizard page never reached project ${j.basis?.projectId}'s Generate step (made through ${j.basis?.how})`);
  if (j.run?.status === 'failed') throw new NotEvaluated(`the run ended failed ("${j.run.error ?? ''}"): the wizard offers no review of the posts the API lists`);
  const ui = new ReviewPage(j.page);
  await uiAct(j, 'show the Quality Gate', () => expect(ui.qualityGate()).toBeVisible());
  if ('listError' in input) return { state: 'fail', message: `the Quality Gate shows ${await ui.chip('Total')} posts but the API cannot list them: ${input.listError}` };
  const api = qualityCounts(input.posts);
  // The panel renders from the dashboard's own posts query and re-renders on refetch: compare until
  // it settles on the API's numbers, then report what still differs.
  let problems: string[] = [];
  await expect.poll(async () => (problems = await compare(ui, api)).length, { timeout: 8_000 }).toBe(0).catch(() => undefined);
  const shown = `Quality Gate Total ${await ui.chip('Total')} / Flagged ${(await ui.chip('Flagged')) ?? 0} / Approved ${await ui.chip('Approved')}`;
  const unfixed = await fixFlagged(j, ui, api.flagged);
  await towardsExport(j, ui).catch((err: Error) => void (j.exportWhy = err.message));
  const evidence = { measured: api.flagged.length, unit: 'flagged posts' };
  const failures = [
    ...(problems.length ? [`Quality Gate does not match the API: ${problems.join('; ')} (${shown})`] : []),
    ...(unfixed.length ? [`flagged posts could not be fixed through Edit: ${unfixed.join('; ')}`] : []),
  ];
  if (failures.length) return { ...evidence, state: 'fail', message: failures.join('; ') };
  return { ...evidence, state: 'pass', message: shown };
}
