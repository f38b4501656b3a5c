/**
 * The GenerationPanel (contract §5): "Generate All" -> POST /api/generator/generate-all with exactly the
 * dashboard's body (no query parameter), then GET /api/runs/{id} at once and every 2 s while the run is
 * pending or running; when it succeeds, the wizard refetches the project's runs and posts (nothing earlier).
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api } from '../lib/api.js';

const POLL_MS = 2000;
/** Polling stops after this long whatever the run says (bounded wait; the real panel gives up too). */
const POLL_LIMIT_MS = 15 * 60 * 1000;
const IDLE_TEXT = 'Run full batch generation for this project.';

/**
 * @param {import('./wizard.js').WizardContext} ctx
 * @returns {{ el: HTMLElement, stop: () => void }}
 */
export function generationPanel(ctx) {
  const text = h('p', { class: 'muted', text: IDLE_TEXT });
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary' }));
  const result = h('div');
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;

  /** Paragraph and button carry the same progress text while busy, with a spinner in the button. */
  const busy = (/** @type {string} */ msg) => {
    text.textContent = msg;
    button.disabled = true;
    replaceChildren(button, h('span', { class: 'spinner', 'aria-hidden': 'true' }), msg);
  };
  const idle = (/** @type {string} */ label, disabled = false) => {
    text.textContent = IDLE_TEXT;
    button.disabled = disabled;
    replaceChildren(button, label);
  };
  idle('Generate All');

  /** @param {string} runId @param {number} deadline */
  const poll = async (runId, deadline) => {
    if (stopped) return;
    /** @type {any} */
    let run = null;
    try {
      run = await api('GET', `/api/runs/${encodeURIComponent(runId)}`);
    } catch {
      run = null; // a failed poll is retried on the next tick, like a query refetch
    }
    if (stopped) return;
    const status = run?.status;
    if (status === 'succeeded') {
      idle('Complete', true);
      replaceChildren(result, h('div', { class: 'alert alert-success', text: 'Generation completed successfully!' }));
      ctx.refreshRuns().catch(() => {});
      ctx.refreshPosts().catch(() => {});
      return;
    }
    if (status === 'failed') {
      console.error('Generation failed:', run.errorMessage);
      idle('Generate All');
      replaceChildren(result, h('div', { class: 'alert alert-error', text: `Generation failed: ${run.errorMessage ?? 'unknown error'}` }));
      return;
    }
    if (status === 'pending') busy('Queued...');
    else if (status === 'running') busy('Generating posts...');
    if (Date.now() > deadline) {
      idle('Generate All');
      replaceChildren(result, h('div', { class: 'alert alert-error', text: 'Stopped waiting for the run after 15 minutes.' }));
      return;
    }
    timer = setTimeout(() => poll(runId, deadline), POLL_MS);
  };

  button.addEventListener('click', async () => {
    const s = ctx.store.state;
    replaceChildren(result);
    busy('Starting...');
    /** @type {any} */
    let run;
    try {
      run = await api('POST', '/api/generator/generate-all', {
        body: { project_id: s.projectId, client_id: s.clientId, is_batch: true, template_quantities: s.quantities, custom_topics: s.customTopics },
      });
    } catch (err) {
      console.error('Failed to queue generation:', err);
      if (stopped) return;
      idle('Generate All');
      const message = err instanceof Error ? err.message : String(err);
      replaceChildren(result, h('div', { class: 'alert alert-error', text: message }));
      alert(`Failed to start generation: ${message}`);
      return;
    }
    if (stopped) return;
    busy(run?.status === 'pending' ? 'Queued...' : 'Generating posts...');
    poll(run.id, Date.now() + POLL_LIMIT_MS);
  });

  const el = h('div', { class: 'card' }, h('div', { class: 'label-row' }, h('div', null, h('h3', { class: 'card-title', text: 'Generate All' }), text), button), result);
  return {
    el,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
