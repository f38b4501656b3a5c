/**
 * Step 3 (contract §4): "Custom Template Quantities" — 15 cards with −/+ and a 0–100 number input,
 * topic research, custom topics, a price summary and "Continue to Generation ($1,200)". No API calls.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { money } from '../lib/format.js';
import { totals } from './store.js';
import { TEMPLATES } from './templates-data.js';

const clamp = (/** @type {number} */ n) => Math.max(0, Math.min(100, Math.trunc(n)));

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderTemplatesStep(box, ctx) {
  const { store } = ctx;
  /** @type {Map<string, HTMLInputElement>} */
  const inputs = new Map();
  const setQty = (/** @type {string} */ id, /** @type {number} */ qty) => {
    const quantities = { ...store.state.quantities };
    if (qty > 0) quantities[id] = qty;
    else delete quantities[id];
    store.set({ quantities });
  };

  const cards = TEMPLATES.map((t) => {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: '0', max: '100', step: '1', value: String(store.state.quantities[t.id] ?? 0), 'aria-label': `${t.name} quantity` }));
    input.addEventListener('input', () => {
      const n = clamp(Number(input.value) || 0);
      // Only rewrite the field when clamping changed it, so typing is not fought.
      if (input.value !== '' && String(n) !== input.value) input.value = String(n);
      setQty(t.id, n);
    });
    inputs.set(t.id, input);
    const step = (/** @type {number} */ d) => () => {
      const n = clamp((store.state.quantities[t.id] ?? 0) + d);
      input.value = String(n);
      setQty(t.id, n);
    };
    return h(
      'div',
      { class: 'template-card' },
      h('h4', { text: `#${t.id}. ${t.name}` }),
      h('p', { class: 'muted small', text: t.description }),
      h(
        'div',
        { class: 'qty-row' },
        h('button', { type: 'button', class: 'qty-btn', 'aria-label': 'Decrease quantity', text: '−', onclick: step(-1) }),
        input,
        h('button', { type: 'button', class: 'qty-btn', 'aria-label': 'Increase quantity', text: '+', onclick: step(1) }),
      ),
    );
  });

  const research = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'include-research', checked: store.state.includeResearch }));
  research.addEventListener('change', () => store.set({ includeResearch: research.checked }));
  const topics = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'custom-topics', rows: 2, value: store.state.customTopics, placeholder: 'e.g., customer retention, churn prediction, product analytics' }));
  topics.addEventListener('input', () => store.set({ customTopics: topics.value }));

  const totalPosts = h('div', { class: 'metric-value' });
  const perPost = h('div', { class: 'metric-value' });
  const totalPrice = h('div', { class: 'metric-value' });
  const next = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', onclick: () => ctx.goTo(4) }));
  const drawSummary = () => {
    const t = totals(store.state);
    totalPosts.textContent = String(t.totalPosts);
    perPost.textContent = money(t.perPost);
    totalPrice.textContent = money(t.totalPrice);
    next.textContent = `Continue to Generation (${money(t.totalPrice)})`;
    next.disabled = t.totalPosts === 0;
  };

  const clearAll = () => {
    for (const input of inputs.values()) input.value = '0';
    store.set({ quantities: {} });
  };

  replaceChildren(
    box,
    h(
      'section',
      { class: 'card' },
      h('div', { class: 'label-row' }, h('h2', { class: 'card-title', text: 'Custom Template Quantities' }), h('button', { type: 'button', class: 'btn btn-secondary', text: 'Clear All', onclick: clearAll })),
      h('p', { class: 'muted', text: 'Choose how many posts of each template to generate: $40/post, with optional $15/post topic research add-on.' }),
      h('div', { class: 'template-grid' }, cards),
      h('div', { class: 'field checkbox-field' }, research, h('label', { for: 'include-research', text: 'Include topic research (+$15/post)' })),
      h('div', { class: 'field' }, h('label', { for: 'custom-topics', text: 'Custom Topics (Optional)' }), topics),
      h(
        'div',
        { class: 'summary' },
        h('div', { class: 'metric' }, h('div', { class: 'metric-label', text: 'Total Posts' }), totalPosts),
        h('div', { class: 'metric' }, h('div', { class: 'metric-label', text: 'Per Post' }), perPost),
        h('div', { class: 'metric' }, h('div', { class: 'metric-label', text: 'Total Price' }), totalPrice),
      ),
      h('div', { class: 'actions-row' }, next),
    ),
  );
  drawSummary();
  return store.subscribe(drawSummary);
}
