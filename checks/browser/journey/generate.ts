import { describeThreshold } from '../../../lib/runbook/thresholds.ts';
import { snippet } from '../../support/api.ts';
import { updateFlow } from '../../support/flow.ts';
import { ensure, judgeThreshold } from '../../support/outcome.ts';
import { listPosts } from '../posts.ts';
import { waitForRun } from '../run-wait.ts';
import { POSTS, WizardPage } from '../wizard-page.ts';
import { type Journey, sendApi, uiAct } from './context.ts';
import { NotEvaluated, type StepResult } from './step.ts';

/** The body the dashboard sends (contract §5): the API path generates exactly what the wizard would. */
function dashboardBody(j: Journey): Record<string, unknown> {
  return { project_id: j.basis?.projectId, client_id: j.basis?.clientId, is_batch: true, template_quantities: { '1': POSTS }, custom_topics: [] };
}

/** Starts generation: "Generate All" on the wizard page, else the same request through the API. */
async function start(j: Journey): Promise<{ status: number; text: string; via: string }> {
  const timeout = j.settings.config.requestTimeoutMs;
  if (j.basis?.atGenerate) {
    const res = await uiAct(j, 'click "Generate All"', () => new WizardPage(j.page).generateAll(timeout));
    ensure(res, `clicking "Generate All" sent no POST /api/generator/generate-all within ${timeout} ms`);
    return { status: res.status(), text: await res.text().catch(() => ''), via: 'the wizard\'s "Generate All"' };
  }
  const res = await sendApi(j, '/api/generator/generate-all', dashboardBody(j));
  return { status: res.status, text: res.text, via: "the API (the dashboard's generate-all request), as the wizard had no Generate step for the project" };
}

/** How long the wizard may take to show a failed run: its own poll of the run is every 2 s (contract §5). */
const FAILURE_SHOWN_MS = 10_000;

/**
 * A failed run is judged on what the operator sees too: wait (bounded) for the wizard's own failure box,
 * so the page has seen the failure (and logged what it logs) before the journey moves on.
 */
async function failureShown(j: Journey): Promise<string> {
  const box = j.page.getByText(/^Generation failed:/).first();
  const shown = await box.waitFor({ timeout: FAILURE_SHOWN_MS }).then(() => true, () => false);
  if (!shown) return `; the wizard did not show the failure within ${FAILURE_SHOWN_MS / 1000} s`;
  const text = (await box.textContent().catch(() => null))?.trim();
  return `; the wizard shows "${snippet(text ?? 'Generation failed')}"`;
}

/** Where the project came from, when it was not RB-08's wizard. */
function basisNote(j: Journey): string {
  return j.basis && !j.basis.how.startsWith("RB-08's") ? `; project ${j.basis.projectId} made through ${j.basis.how}` : '';
}

/**
 * RB-09: the run's one generate-all; time from its answer to the run's `succeeded` against target and
 * alert; exactly 30 posts afterwards (GET /api/posts/, every page).
 */
export async function generate(j: Journey): Promise<StepResult> {
  const b = j.basis;
  if (!b?.projectId) throw new NotEvaluated(b?.problem ?? 'no project: the wizard made none');
  const { config, paths } = j.settings;
  const t = config.thresholds.generation;
  const started = await start(j);
  const at = performance.now();
  const how = `${basisNote(j)}${started.via.startsWith('the API') ? `; generate-all sent through ${started.via}` : ''}`;
  let run: { id?: unknown; status?: unknown } | undefined;
  try {
    run = JSON.parse(started.text) as typeof run;
  } catch {
    run = undefined;
  }
  ensure(started.status === 200 && typeof run?.id === 'string', `POST /api/generator/generate-all answered ${started.status}, expected 200 with a run: ${snippet(started.text)}${how}`);
  const runId = run.id;
  j.run = { id: runId };
  updateFlow(paths.flow, (s) => void (s.runId = runId));
  console.log(`RB-09: run ${runId} started (${String(run.status)}); target < ${t.target} s, alert > ${t.alert} s`);
  const deadlineS = t.alert * 1.1 + 5; // a later finish fails either way
  const pollMs = Math.min(1000, Math.max(100, (t.target * 1000) / 20));
  const token = j.token ?? '';
  const done = await waitForRun({ baseUrl: config.baseUrl, token, runId, startedAt: at, deadlineS, pollMs, requestTimeoutMs: config.requestTimeoutMs, progress: (l) => console.log(l) });
  j.run = { id: runId, status: done.status, ...(done.errorMessage ? { error: done.errorMessage } : {}) };
  console.log(`RB-09: run ${runId} ${done.status} after ${done.seconds.toFixed(2)} s`);
  if (done.status === 'failed') {
    const seen = started.via.startsWith('the API') ? '' : await failureShown(j);
    throw new Error(`generation run ${runId} failed after ${done.seconds.toFixed(1)} s: ${done.errorMessage}${seen}${how}`);
  }
  ensure(!done.timedOut, `generation run ${runId} still "${done.status}" after ${done.seconds.toFixed(1)} s (${describeThreshold(t)})${how}`);
  const count = (await listPosts(config.baseUrl, token, b.projectId, config.requestTimeoutMs)).length;
  const { state, message, shown, ...evidence } = judgeThreshold(done.seconds, t, `generation of ${count} posts took`);
  if (state === 'fail') return { ...evidence, state, message: `${message}${how}` };
  if (count !== POSTS) return { ...evidence, state: 'fail', message: `the run created ${count} posts, expected exactly ${POSTS} (GET /api/posts/?project_id=${b.projectId})${how}` };
  return { ...evidence, state, message: `${message ?? `${count} posts in ${shown}`}${how}` };
}
