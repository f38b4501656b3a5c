/**
 * Step 1 (contract §4, the real `Wizard.tsx`): the "Select Client" card (new or existing client) and the
 * Client Profile panel. Saving a new client runs the real sequence: POST /api/clients/ (snake_case) ->
 * GET /api/clients/ -> POST /api/projects/ -> Research. An existing client is picked in a Radix-like
 * listbox; "Continue to Research" then creates a minimal project for it.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf, responseDetail } from '../lib/api.js';
import { guard } from '../lib/boundary.js';
import { hasFault } from '../lib/faults.js';
import { createSelect } from '../lib/select.js';
import { profileForm } from './profile-form.js';
import { PRICE_PER_POST, RESEARCH_PER_POST } from './store.js';

const PLACEHOLDER = '-- Select a client --';

/** Snake_case client fields from a profile (the real clientsApi converts them). @param {import('./profile-form.js').Profile} p */
function clientBody(p) {
  return {
    name: p.companyName,
    business_description: p.businessDescription,
    ideal_customer: p.idealCustomer,
    main_problem_solved: p.mainProblemSolved,
    tone_preference: p.tonePreference,
    platforms: p.platforms,
    customer_pain_points: p.customerPainPoints,
    customer_questions: p.customerQuestions,
  };
}

/** The camelCase ClientResponse as a profile (what the real effect copies into clientBrief). */
export function briefOf(/** @type {any} */ c) {
  return {
    companyName: c.name,
    businessDescription: c.businessDescription || '',
    idealCustomer: c.idealCustomer || '',
    mainProblemSolved: c.mainProblemSolved || '',
    tonePreference: c.tonePreference || 'professional',
    platforms: c.platforms || [],
    customerPainPoints: c.customerPainPoints || [],
    customerQuestions: c.customerQuestions || [],
  };
}

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderClientStep(box, ctx) {
  const { store } = ctx;
  /** @type {any[]} */
  let clients = [];
  /** @type {any} the selected existing client, once GET /api/clients/{id} answered */
  let selected = null;
  const card = h('div', { class: 'card' });
  const panel = h('div');

  const loadClients = async () => {
    clients = itemsOf(await api('GET', '/api/clients/'));
    return clients;
  };

  /** @param {import('./profile-form.js').Profile} brief @param {(busy: boolean) => void} setSubmitting */
  const save = async (brief, setSubmitting) => {
    setSubmitting(true);
    const ok = await saveProfile(ctx, brief, loadClients);
    if (ctx.alive()) setSubmitting(false);
    if (ok) ctx.goTo(2);
  };

  const draw = () =>
    guard(() => {
      const s = store.state;
      const existing = !s.creatingNewClient;
      const newButton = h('button', { type: 'button', class: `btn ${existing ? 'btn-secondary' : 'btn-primary'}`, text: 'Create New Client', onclick: () => (store.set({ creatingNewClient: true, clientId: null, clientBrief: null }), (selected = null), draw()) });
      const existingButton = h('button', { type: 'button', class: `btn ${existing ? 'btn-primary' : 'btn-secondary'}`, text: 'Use Existing Client', onclick: () => (store.set({ creatingNewClient: false, clientBrief: null }), draw()) });
      replaceChildren(
        card,
        h('h3', { class: 'card-title', text: 'Select Client' }),
        h('div', { class: 'toggle-row' }, newButton, existingButton),
        existing ? existingPicker(ctx, clients, (client) => ((selected = client), draw())) : h('p', { class: 'muted', text: 'A new client will be created from the company name in the profile below.' }),
        existing && s.clientId ? h('div', { class: 'actions-row' }, continueButton(ctx, () => selected)) : null,
      );
      const showPanel = !existing || s.clientId !== null;
      replaceChildren(panel, showPanel ? profileForm(/** @type {any} */ (s.clientBrief), save) : null);
    });

  replaceChildren(box, card, panel);
  draw();
  loadClients().then(() => ctx.alive() && !store.state.creatingNewClient && draw(), () => {});
}

/**
 * "Select Existing Client": the listbox of clients, "Select an existing client to continue" until one is
 * chosen. Fault existing-client-crash: the real list's first item has the empty value, which the
 * select rejects by throwing: the page shows the error screen.
 * @param {import('./wizard.js').WizardContext} ctx @param {any[]} clients @param {(client: any) => void} onLoaded
 */
function existingPicker(ctx, clients, onLoaded) {
  const { store } = ctx;
  const options = clients.map((c) => ({ value: String(c.id), label: String(c.name) }));
  if (hasFault('existing-client-crash')) options.unshift({ value: '', label: PLACEHOLDER });
  const select = createSelect({
    placeholder: PLACEHOLDER,
    value: store.state.clientId ?? '',
    options,
    onValueChange: (id) => {
      store.set({ clientId: id || null, clientBrief: null });
      api('GET', `/api/clients/${encodeURIComponent(id)}`).then(
        (client) => {
          if (!ctx.alive() || store.state.clientId !== id) return;
          store.set({ clientBrief: briefOf(client) });
          onLoaded(client);
        },
        (err) => console.error('Failed to load client:', err),
      );
      onLoaded(null);
    },
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { text: 'Select Existing Client' }),
    select.el,
    store.state.clientId ? null : h('p', { class: 'muted small', text: 'Select an existing client to continue' }),
  );
}

/**
 * "Continue to Research" for an existing client: its profile must be complete (the real alerts), then a
 * minimal project. A failed create is only logged (the real mutation has no alert there).
 * @param {import('./wizard.js').WizardContext} ctx @param {() => any} selected
 */
function continueButton(ctx, selected) {
  return h('button', {
    type: 'button',
    class: 'btn btn-primary',
    text: 'Continue to Research',
    onclick: async () => {
      const client = selected();
      if (String(client?.businessDescription || '').length < 70) {
        return alert('Client profile incomplete: Business description must be at least 70 characters (required for research tools). Please complete the client profile below before continuing.');
      }
      if (String(client?.idealCustomer || '').length < 20) {
        return alert('Client profile incomplete: Target audience description must be at least 20 characters (required for research tools). Please complete the client profile below before continuing.');
      }
      const body = { name: `${client?.name || 'Client'} - Content Project`, client_id: ctx.store.state.clientId, templates: [], template_quantities: {}, price_per_post: 40, research_price_per_post: 0, total_price: 0, platforms: [], tone: 'professional' };
      try {
        const project = await api('POST', '/api/projects/', { body });
        if (!ctx.alive()) return;
        ctx.projectCreated(project.id);
        ctx.goTo(2);
      } catch (err) {
        console.error('❌ Project creation failed:', err);
      }
    },
  });
}

/**
 * The real handleSaveProfile: create (new) or update (existing) the client, then create the project with
 * what the wizard holds so far. Every failure is an alert with the real wording. Resolves true on success.
 * @param {import('./wizard.js').WizardContext} ctx @param {import('./profile-form.js').Profile} brief @param {() => Promise<any[]>} reload
 */
async function saveProfile(ctx, brief, reload) {
  const { store } = ctx;
  let clientId = store.state.clientId;
  if (store.state.creatingNewClient) {
    try {
      const client = await api('POST', '/api/clients/', { body: clientBody(brief) });
      clientId = client.id;
      store.set({ clientId });
      reload().catch(() => {});
    } catch (err) {
      console.error('❌ Client creation failed:', err);
      alert(`Failed to create client: ${responseDetail(err)}\n\nPlease check the console for details and try again.`);
      return false;
    }
  } else if (!clientId) {
    alert('Please select an existing client or create a new one.');
    return false;
  } else {
    try {
      await api('PATCH', `/api/clients/${encodeURIComponent(clientId)}`, { body: clientBody(brief) });
    } catch (err) {
      console.error('❌ Client update failed:', err);
      alert(`Failed to update client: ${responseDetail(err)}\n\nPlease check the console for details and try again.`);
      return false;
    }
  }
  const s = store.state;
  const research = s.includeResearch;
  const body = {
    name: `${brief.companyName} - Content Project`,
    client_id: clientId,
    templates: [],
    template_quantities: s.quantities,
    price_per_post: PRICE_PER_POST + (research ? RESEARCH_PER_POST : 0),
    research_price_per_post: research ? RESEARCH_PER_POST : 0,
    total_price: s.totalPrice,
    platforms: brief.platforms,
    tone: brief.tonePreference,
  };
  try {
    const project = await api('POST', '/api/projects/', { body });
    if (!ctx.alive()) return false;
    ctx.projectCreated(project.id);
  } catch (err) {
    console.error('❌ Project creation failed:', err);
    alert(`Client saved successfully, but project creation failed: ${responseDetail(err)}\n\nThe client has been saved. You can try creating the project again from the client detail page.`);
    return false;
  }
  store.set({ clientBrief: brief });
  return true;
}
