/**
 * Step 3 (contract §4, the real `TemplateQuantitySelector.tsx`): "Custom Template Quantities". Its own
 * summary ("Total Posts", "Per Post", "Total Price") and the button "Continue to Generation ($1,200)"
 * follow every change; the wizard (and so its Status box) only receives the quantities, research,
 * price and topics when that button is clicked. No API calls.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { money } from '../lib/format.js';
import { RESEARCH_PER_POST, totals } from './store.js';
import { TEMPLATES } from './templates-data.js';

const clamp = (/** @type {number} */ n) => Math.max(0, Math.min(100, n));

/** The footer hint for a total. */
function hint(/** @type {number} */ n) {
  if (n === 0) return 'Add at least one post to continue';
  if (n < 10) return 'Consider adding more posts for better content variety';
  return n <= 50 ? '✓ Good quantity selection' : 'Large order - generation may take longer';
}

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderTemplatesStep(box, ctx) {
  const committed = ctx.store.state;
  /** The draft: zero quantities are removed, as in the real selector. */
  const draft = { quantities: { ...committed.quantities }, includeResearch: committed.includeResearch, topics: [...committed.customTopics] };
  const setQty = (/** @type {string} */ id, /** @type {number} */ qty) => {
    if (qty > 0) draft.quantities[id] = qty;
    else delete draft.quantities[id];
    draw();
  };

  const summary = h('div', { class: 'summary' });
  const research = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'include-research', checked: draft.includeResearch }));
  const researchText = h('span');
  research.addEventListener('change', () => ((draft.includeResearch = research.checked), draw()));
  const topics = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, value: draft.topics.join(', '), placeholder: 'e.g., customer retention, churn prediction, product analytics' }));
  const topicChips = h('div', { class: 'chips' });
  topics.addEventListener('input', () => ((draft.topics = topics.value.split(',').map((s) => s.trim()).filter(Boolean)), draw()));
  const footer = h('div', { class: 'muted' });
  const next = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary' }));
  next.addEventListener('click', () => {
    const t = totals(draft.quantities, draft.includeResearch);
    ctx.store.set({ quantities: { ...draft.quantities }, includeResearch: draft.includeResearch, totalPrice: t.totalPrice, customTopics: [...draft.topics] });
    ctx.goTo(4);
  });

  /** One card, built once; `update` redraws what depends on the quantities (the input keeps its caret). */
  function card(/** @type {(typeof TEMPLATES)[number]} */ t) {
    const badge = h('span', { class: 'badge badge-ready' });
    const price = h('span', { class: 'small strong' });
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: '0', max: '100' }));
    input.addEventListener('input', () => setQty(t.id, clamp(parseInt(input.value, 10) || 0)));
    const dec = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'qty-btn', 'aria-label': 'Decrease quantity', onclick: () => setQty(t.id, Math.max(0, (draft.quantities[t.id] ?? 0) - 1)) }, h('span', { 'aria-hidden': 'true', text: '−' })));
    const inc = h('button', { type: 'button', class: 'qty-btn', 'aria-label': 'Increase quantity', onclick: () => setQty(t.id, (draft.quantities[t.id] ?? 0) + 1) }, h('span', { 'aria-hidden': 'true', text: '+' }));
    const head = h('div', { class: 'label-row' }, h('h4', { text: `#${t.id}. ${t.name}` }), badge);
    const row = h('div', { class: 'qty-row' }, dec, input, inc, price);
    const el = h('div', { class: 'template-card' }, head, h('p', { class: 'muted small', text: t.description }), h('div', { class: 'small' }, h('strong', { text: 'Best for:' }), ` ${t.bestFor}`), h('div', null, h('span', { class: 'badge', text: t.speed })), row);
    const update = (/** @type {number} */ perPost) => {
      const qty = draft.quantities[t.id] ?? 0;
      el.classList.toggle('template-chosen', qty > 0);
      badge.textContent = String(qty);
      if (qty > 0) head.append(badge);
      else badge.remove();
      price.textContent = money(qty * perPost);
      if (qty > 0) row.append(price);
      else price.remove();
      dec.disabled = qty === 0;
      // A controlled input: "abc" or "" shows 0 again, "030" stays while typed, like React's.
      if (Number(input.value) !== qty || input.value === '') input.value = String(qty);
    };
    return { el, update };
  }
  const cards = TEMPLATES.map(card);

  function draw() {
    const t = totals(draft.quantities, draft.includeResearch);
    const metric = (/** @type {string} */ value, /** @type {string} */ label) => h('div', { class: 'metric' }, h('div', { class: 'metric-value', text: value }), h('div', { class: 'metric-label', text: label }));
    replaceChildren(summary, metric(String(t.totalPosts), 'Total Posts'), metric(`$${t.perPost}`, 'Per Post'), metric(money(t.totalPrice), 'Total Price'));
    researchText.textContent = `Include topic research (+$15/post)${draft.includeResearch ? ` = +${money(t.totalPosts * RESEARCH_PER_POST)}` : ''}`;
    replaceChildren(topicChips, draft.topics.map((topic) => h('span', { class: 'chip', text: topic })));
    for (const c of cards) c.update(t.perPost);
    footer.textContent = hint(t.totalPosts);
    replaceChildren(next, 'Continue to Generation ', h('span', { class: 'small', text: `(${money(t.totalPrice)})` }));
    next.disabled = t.totalPosts === 0;
  }

  replaceChildren(
    box,
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'label-row' }, h('h3', { class: 'card-title', text: 'Custom Template Quantities' }), h('button', { type: 'button', class: 'btn btn-secondary', text: 'Clear All', onclick: () => ((draft.quantities = {}), draw()) })),
      h('p', { class: 'muted', text: 'Specify exact quantities for each template. Pricing is $40/post, with optional $15/post topic research add-on.' }),
      h(
        'div',
        { class: 'pricing' },
        summary,
        h('div', { class: 'checkbox-field' }, research, h('label', { for: 'include-research' }, researchText)),
        h('div', { class: 'topics' }, h('label', { text: 'Custom Topics (Optional)' }), h('p', { class: 'muted small', text: 'Specify topics to guide content generation. Leave empty to use research results or AI suggestions. Separate with commas.' }), topics, topicChips),
      ),
      h('div', { class: 'template-grid' }, cards.map((c) => c.el)),
      h('div', { class: 'step-footer' }, footer, next),
    ),
  );
  draw();
}
