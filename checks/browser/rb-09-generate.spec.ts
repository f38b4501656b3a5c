// RB-09 — runbook "Manual Checks: generate 30 posts (verify performance < 90s)": exactly 30 posts, and
// the time from the generate-all response to the run's `succeeded` against target 90 s / alert 120 s.
// The one generate-all call of the run (10/h, and it costs LLM tokens).
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { flowStep, GENERATION_OFF, requireFlow, updateFlow } from '../support/flow.ts';
import { ensure, judge } from '../support/outcome.ts';
import { alertsSeen, test } from './fixtures.ts';
import { listPosts } from './posts.ts';
import { waitForRun } from './run-wait.ts';
import { uiStep } from './ui.ts';
import { POSTS, WizardPage } from './wizard-page.ts';

test('RB-09 generate 30 posts: exactly 30, within the generation time thresholds', async ({ flowPage }) => {
  const s = checksSettings();
  test.skip(!s.generation, GENERATION_OFF);
  const { config, paths } = s;
  const t = config.thresholds.generation;
  // Wait a bit past the alert threshold: a later finish is a failure either way.
  const deadlineS = t.alert * 1.1 + 5;
  test.setTimeout((deadlineS + 60) * 1000);

  const { token, projectId } = requireFlow(paths, 'RB-08', 'project wizard');

  await flowStep(paths.flow, 'RB-09', async () => {
    const wizard = new WizardPage(flowPage);
    const res = await uiStep('click "Generate All"', () => wizard.generateAll(), alertsSeen);
    const startedAt = performance.now();
    const body = (await res.json().catch(() => undefined)) as { id?: unknown; status?: unknown } | undefined;
    ensure(res.status() === 200 && typeof body?.id === 'string', `POST /api/generator/generate-all answered ${res.status()}, expected 200 with a run${alertsSeen()}: ${snippet(await res.text().catch(() => ''))}`);
    const runId = body.id;
    updateFlow(paths.flow, (st) => void (st.runId = runId));
    console.log(`RB-09: run ${runId} started (${String(body.status)}); target < ${t.target} s, alert > ${t.alert} s`);

    const run = await waitForRun({
      baseUrl: config.baseUrl,
      token,
      runId,
      startedAt,
      deadlineS,
      pollMs: Math.min(1000, Math.max(100, (t.target * 1000) / 20)),
      requestTimeoutMs: config.requestTimeoutMs,
      progress: (line) => console.log(line),
    });
    console.log(`RB-09: run ${runId} ${run.status} after ${run.seconds.toFixed(2)} s`);
    ensure(run.status !== 'failed', `generation run ${runId} failed after ${run.seconds.toFixed(1)} s: ${run.errorMessage}`);
    ensure(!run.timedOut, `generation run ${runId} still "${run.status}" after ${run.seconds.toFixed(1)} s (target < ${t.target} s, alert > ${t.alert} s)`);

    const count = (await listPosts(config.baseUrl, token, projectId, config.requestTimeoutMs)).length;
    judge(run.seconds, t, `generation of ${count} posts took`);
    ensure(count === POSTS, `the run created ${count} posts, expected exactly ${POSTS} (GET /api/posts/?project_id=${projectId})`);
  });
});
