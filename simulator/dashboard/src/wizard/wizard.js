/**
 * `/dashboard/wizard` — "Project Wizard" (contract §4–§7): client profile -> research -> templates ->
 * generation and quality gate -> export.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { renderStatus, renderStepper } from './chrome.js';
import { fetchAllPosts, fetchProject, fetchRuns } from './data.js';
import { createStore } from './store.js';
import { renderClientStep } from './step-client.js';
import { renderResearchStep } from './step-research.js';
import { renderTemplatesStep } from './step-templates.js';
import { renderQualityStep } from './step-quality.js';
import { renderExportStep } from './step-export.js';

/**
 * What every step gets.
 * @typedef {object} WizardContext
 * @property {ReturnType<typeof createStore>} store
 * @property {(step: number) => void} goTo moves to a step and unlocks it
 * @property {() => Promise<void>} refreshPosts
 * @property {() => Promise<void>} refreshRuns
 * @property {(projectId: string, projectName: string) => void} projectCreated
 * @property {() => boolean} alive false once the user left the page
 */

const STEP_VIEWS = [renderClientStep, renderResearchStep, renderTemplatesStep, renderQualityStep, renderExportStep];

/** @param {HTMLElement} container */
export function renderWizard(container) {
  const store = createStore();
  let alive = true;
  const stepper = h('nav', { class: 'stepper', 'aria-label': 'Wizard steps' });
  const status = h('aside', { class: 'card wizard-status' });
  const stepBox = h('div', { class: 'wizard-step' });
  /** @type {(() => void) | void} */
  let stepCleanup;
  let shownStep = 0;

  /** @type {WizardContext} */
  const ctx = {
    store,
    alive: () => alive,
    goTo(step) {
      store.set({ step, maxStep: Math.max(store.state.maxStep, step) });
    },
    async refreshPosts() {
      const id = store.state.projectId;
      if (!id) return;
      const posts = await fetchAllPosts(id);
      if (alive && store.state.projectId === id) store.set({ posts });
    },
    async refreshRuns() {
      const id = store.state.projectId;
      if (!id) return;
      const runs = await fetchRuns(id);
      if (alive && store.state.projectId === id) store.set({ runs });
    },
    projectCreated(projectId, projectName) {
      store.set({ projectId, projectName });
      // The real wizard's project queries start as soon as a project id exists; failures only leave the
      // status box stale.
      fetchProject(projectId).then((p) => alive && p?.name && store.set({ projectName: p.name }), () => {});
      ctx.refreshRuns().catch(() => {});
      ctx.refreshPosts().catch(() => {});
    },
  };

  const draw = () => {
    renderStepper(stepper, store.state, ctx.goTo);
    renderStatus(status, store.state);
    if (shownStep === store.state.step) return;
    shownStep = store.state.step;
    if (typeof stepCleanup === 'function') stepCleanup();
    replaceChildren(stepBox);
    const view = STEP_VIEWS[shownStep - 1];
    stepCleanup = view?.(stepBox, ctx);
  };
  const unsubscribe = store.subscribe(draw);

  replaceChildren(
    container,
    h('div', { class: 'page-header' }, h('h1', { text: 'Project Wizard' }), h('p', { class: 'muted', text: 'Multi-step flow for client profile → templates → generation → quality gate → export.' })),
    stepper,
    h('div', { class: 'wizard-layout' }, stepBox, status),
  );
  draw();

  return () => {
    alive = false;
    unsubscribe();
    if (typeof stepCleanup === 'function') stepCleanup();
  };
}
