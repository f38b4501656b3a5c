/**
 * Step 1 (contract §4): "Select Client" (new or existing) and the Client Profile panel. Saving runs the
 * real sequence: POST /api/clients/ (snake_case) -> GET /api/clients/ -> POST /api/projects/ -> Research.
 */
import { h, replaceChildren, setBusy } from '../lib/dom.js';
import { api, errorDetail, itemsOf } from '../lib/api.js';
import { profileForm } from './profile-form.js';
import { PRICE_PER_POST } from './store.js';

/** The project the wizard creates before templates are chosen (quantities are never written back). */
function projectBody(/** @type {string} */ name, /** @type {string} */ clientId, /** @type {string[]} */ platforms, /** @type {string} */ tone) {
  return { name: `${name} - Content Project`, client_id: clientId, templates: [], template_quantities: {}, price_per_post: PRICE_PER_POST, research_price_per_post: 0, total_price: 0, platforms, tone };
}

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderClientStep(box, ctx) {
  /** @type {any[]} */
  let clients = [];
  const loadClients = async () => {
    clients = itemsOf(await api('GET', '/api/clients/'));
    return clients;
  };

  /** @param {import('./profile-form.js').Profile} p @param {HTMLButtonElement} button */
  const saveNew = async (p, button) => {
    setBusy(button, true, 'Save Profile', 'Saving...');
    /** @type {any} */
    let client;
    try {
      client = await api('POST', '/api/clients/', {
        body: {
          name: p.name,
          business_description: p.businessDescription,
          ideal_customer: p.idealCustomer,
          main_problem_solved: p.mainProblemSolved || undefined,
          tone_preference: p.tone,
          platforms: p.platforms,
          customer_pain_points: p.painPoints,
          customer_questions: p.questions.map((q) => `Q: ${q.question}\nA: ${q.answer}`),
        },
      });
    } catch (err) {
      setBusy(button, false, 'Save Profile', 'Saving...');
      alert(`Failed to create client: ${errorDetail(err)}`);
      return;
    }
    await loadClients().catch(() => {});
    try {
      const project = await api('POST', '/api/projects/', { body: projectBody(p.name, client.id, p.platforms, p.tone) });
      if (!ctx.alive()) return;
      ctx.store.set({ clientId: client.id, briefSaved: true });
      ctx.projectCreated(project.id, project.name);
      ctx.goTo(2);
    } catch (err) {
      setBusy(button, false, 'Save Profile', 'Saving...');
      alert(`Client saved successfully, but project creation failed: ${errorDetail(err)}`);
    }
  };

  const modeBox = h('div');
  const newButton = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'true', text: 'Create New Client' });
  const existingButton = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false', text: 'Use Existing Client' });
  const showMode = (/** @type {'new' | 'existing'} */ mode) => {
    newButton.setAttribute('aria-pressed', String(mode === 'new'));
    existingButton.setAttribute('aria-pressed', String(mode === 'existing'));
    replaceChildren(modeBox, mode === 'new' ? profileForm(saveNew) : existingClientPanel(ctx, () => clients));
  };
  newButton.addEventListener('click', () => showMode('new'));
  existingButton.addEventListener('click', () => showMode('existing'));

  replaceChildren(
    box,
    h('section', { class: 'card' }, h('h2', { class: 'card-title', text: 'Select Client' }), h('div', { class: 'toggle-row' }, newButton, existingButton)),
    modeBox,
  );
  showMode('new');
  loadClients().catch(() => {});
}

/**
 * "Use Existing Client": a select with the placeholder "-- Select a client --" (a native select here; the
 * real one is a Radix Select), then GET /api/clients/{id} and "Continue to Research".
 * @param {import('./wizard.js').WizardContext} ctx
 * @param {() => any[]} getClients
 */
function existingClientPanel(ctx, getClients) {
  const summary = h('div', { class: 'client-summary' });
  /** @type {any} */
  let chosen = null;
  const select = /** @type {HTMLSelectElement} */ (h('select', { 'aria-label': 'Select a client' }));
  const fill = () => replaceChildren(select, h('option', { value: '', text: '-- Select a client --' }), getClients().map((c) => h('option', { value: c.id, text: c.name })));
  fill();
  // The list may still be loading when this panel opens.
  if (getClients().length === 0) api('GET', '/api/clients/').then((d) => ctx.alive() && select.value === '' && replaceChildren(select, h('option', { value: '', text: '-- Select a client --' }), itemsOf(d).map((c) => h('option', { value: c.id, text: c.name }))), () => {});
  select.addEventListener('change', async () => {
    chosen = null;
    replaceChildren(summary);
    if (!select.value) return;
    try {
      chosen = await api('GET', `/api/clients/${encodeURIComponent(select.value)}`);
      const line = (/** @type {string} */ k, /** @type {unknown} */ v) => h('div', null, h('span', { class: 'label', text: `${k}: ` }), String(v ?? '—'));
      replaceChildren(summary, line('Company', chosen.name), line('Business', chosen.businessDescription), line('Target Audience', chosen.idealCustomer), line('Tone', chosen.tonePreference));
    } catch (err) {
      alert(`Failed to load client: ${errorDetail(err)}`);
    }
  });
  const go = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Continue to Research' }));
  go.addEventListener('click', async () => {
    if (!chosen) return alert('Please select a client first.');
    if (String(chosen.businessDescription ?? '').length < 70 || String(chosen.idealCustomer ?? '').length < 20) {
      return alert('This client profile is incomplete: the business description needs at least 70 characters and the target audience at least 20 (required for research tools).');
    }
    go.disabled = true;
    try {
      const project = await api('POST', '/api/projects/', { body: projectBody(chosen.name, chosen.id, [], 'professional') });
      if (!ctx.alive()) return;
      ctx.store.set({ clientId: chosen.id, briefSaved: true });
      ctx.projectCreated(project.id, project.name);
      ctx.goTo(2);
    } catch (err) {
      go.disabled = false;
      alert(`Failed to create project: ${errorDetail(err)}`);
    }
  });
  return h('section', { class: 'card' }, h('h2', { class: 'card-title', text: 'Existing Client' }), h('div', { class: 'field' }, select), summary, h('div', { class: 'actions-row' }, go));
}
