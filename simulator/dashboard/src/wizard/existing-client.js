/**
 * "Use Existing Client": the client picker (a Radix-like listbox) and "Continue to Research".
 */
import { h } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { hasFault } from '../lib/faults.js';
import { createSelect } from '../lib/select.js';

const PLACEHOLDER = '-- Select a client --';

/** The camelCase ClientResponse as a profile (what the real effect copies into clientBrief). */
function briefOf(/** @type {any} */ c) {
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

/**
 * "Select Existing Client": the listbox of clients, "Select an existing client to continue" until one is
 * chosen. Fault existing-client-crash: the real list's first item has the empty value, which the
 * select rejects by throwing: the page shows the error screen.
 * @param {import('./wizard.js').WizardContext} ctx @param {any[]} clients @param {(client: any) => void} onLoaded
 */
export function existingPicker(ctx, clients, onLoaded) {
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
export function continueButton(ctx, selected) {
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

