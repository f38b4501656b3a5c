/**
 * `/dashboard/wizard` — "Project Wizard" (contract §4–§7, the real `pages/Wizard.tsx`): client profile ->
 * research -> templates -> generation and quality gate -> export, then the "Wizard Status" box.
 * "Open Wizard" on the Projects page passes `{ projectId }` as location state (`history.state.usr`, where
 * React Router keeps it): the wizard then shows
 * that project in its status box (and its runs and posts), still starting at the client step.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { guard } from '../lib/boundary.js';
import { locationState } from '../lib/nav.js';
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
 * @property {(projectId: string) => void} projectCreated
 * @property {() => boolean} alive false once the user left the page
 */

const STEP_VIEWS = [renderClientStep, renderResearchStep, renderTemplatesStep, renderQualityStep, renderExportStep];

/** Steps 2, 4 and 5 render only once both a project and a client exist (as in the real wizard). */
const NEEDS_PROJECT_AND_CLIENT = new Set([2, 4, 5]);

/** `{ projectId, clientId }` handed over by navigate(…, { state }) */
function handedOver() {
  const st = locationState();
  const str = (/** @type {unknown} */ v) => (typeof v === 'string' && v !== '' ? v : null);
  return { projectId: str(st?.projectId), clientId: str(st?.clientId) };
}

/** @param {HTMLElement} container */
export function renderWizard(container) {
  const store = createStore(handedOver());
  let alive = true;
  const stepper = h('div', { class: 'stepper' });
  const status = h('div', { class: 'card wizard-status' });
  const stepBox = h('div', { class: 'wizard-step' });
  /** @type {(() => void) | void} */
  let stepCleanup;
  /** @type {string} */
  let shown = '';

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
    projectCreated(projectId) {
      store.set({ projectId, projectName: null, posts: [], runs: [] });
      loadProject();
    },
  };

  // The project's queries start as soon as a project id exists; a failure only leaves the box stale.
  function loadProject() {
    const id = store.state.projectId;
    if (!id) return;
    fetchProject(id).then((p) => alive && store.state.projectId === id && p?.name && store.set({ projectName: p.name }), () => {});
    ctx.refreshRuns().catch(() => {});
    ctx.refreshPosts().catch(() => {});
  }

  const draw = () =>
    guard(() => {
      const s = store.state;
      renderStepper(stepper, s, ctx.goTo);
      renderStatus(status, s);
      const visible = !NEEDS_PROJECT_AND_CLIENT.has(s.step) || (s.projectId !== null && s.clientId !== null);
      const key = visible ? String(s.step) : '';
      if (key === shown) return;
      shown = key;
      if (typeof stepCleanup === 'function') stepCleanup();
      stepCleanup = undefined;
      replaceChildren(stepBox);
      if (visible) stepCleanup = STEP_VIEWS[s.step - 1]?.(stepBox, ctx);
    });
  const unsubscribe = store.subscribe(draw);

  replaceChildren(
    container,
    h('header', { class: 'page-header' }, h('h1', { text: 'Project Wizard' }), h('p', { class: 'muted', text: 'Multi-step flow for client profile → templates → generation → quality gate → export.' })),
    stepper,
    stepBox,
    status,
  );
  draw();
  loadProject();

  return () => {
    alive = false;
    unsubscribe();
    if (typeof stepCleanup === 'function') stepCleanup();
  };
}
