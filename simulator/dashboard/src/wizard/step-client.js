/**
 * Step 1 (contract §4, the real `Wizard.tsx`): the "Select Client" card (new or existing client) and the
 * Client Profile panel. Saving a new client runs the real sequence: POST /api/clients/ (snake_case) ->
 * GET /api/clients/ -> POST /api/projects/ -> Research. An existing client is picked in a Radix-like
 * listbox; "Continue to Research" then creates a minimal project for it.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { guard } from '../lib/boundary.js';
import { continueButton, existingPicker } from './existing-client.js';
import { profileForm } from './profile-form.js';
import { saveProfile } from './save-profile.js';

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

