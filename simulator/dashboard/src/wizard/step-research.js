/**
 * Step 2 (contract §4): "Research Tools" from GET /api/research/tools. Optional: "Skip Research" while
 * nothing is selected, "Continue" (runs each selected tool, POST /api/research/run) otherwise.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, errorDetail } from '../lib/api.js';
import { money } from '../lib/format.js';

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderResearchStep(box, ctx) {
  /** @type {any[]} */
  let tools = [];
  /** @type {Set<string>} */
  const selected = new Set();
  const list = h('div', { class: 'tool-list' }, h('p', { class: 'muted', text: 'Loading...' }));
  const next = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Skip Research' }));
  const available = () => tools.filter((t) => t.status === 'available');

  const draw = () => {
    next.textContent = selected.size > 0 ? 'Continue' : 'Skip Research';
    /** @type {Map<string, any[]>} */
    const byCategory = new Map();
    for (const t of tools) byCategory.set(t.category ?? 'other', [...(byCategory.get(t.category ?? 'other') ?? []), t]);
    replaceChildren(
      list,
      tools.length === 0 ? h('p', { class: 'muted', text: 'No research tools available.' }) : null,
      [...byCategory].map(([category, group]) =>
        h(
          'div',
          { class: 'tool-group' },
          h('div', { class: 'label-row' }, h('h3', { class: 'group-title', text: category }), h('button', { type: 'button', class: 'btn btn-link', text: 'Select All', onclick: () => (group.filter((t) => t.status === 'available').forEach((t) => selected.add(t.name)), draw()) })),
          group.map((t) => {
            const id = `tool-${t.name}`;
            const check = h('input', { type: 'checkbox', id, checked: selected.has(t.name), disabled: t.status !== 'available' });
            check.addEventListener('change', () => {
              if (/** @type {HTMLInputElement} */ (check).checked) selected.add(t.name);
              else selected.delete(t.name);
              draw();
            });
            return h('div', { class: 'tool' }, check, h('label', { for: id }, h('span', { class: 'strong', text: t.label ?? t.name }), ` ${money(Number(t.price ?? 0))}`, t.status === 'available' ? null : h('span', { class: 'badge badge-draft', text: 'Coming soon' })), h('p', { class: 'muted small', text: t.description ?? '' }));
          }),
        ),
      ),
    );
  };

  next.addEventListener('click', async () => {
    if (selected.size === 0) return ctx.goTo(3);
    next.disabled = true;
    const { projectId, clientId } = ctx.store.state;
    try {
      for (const tool of selected) await api('POST', '/api/research/run', { body: { project_id: projectId, client_id: clientId, tool, params: {} } });
      if (ctx.alive()) ctx.goTo(3);
    } catch (err) {
      next.disabled = false;
      alert(`Research failed: ${errorDetail(err)}`);
    }
  });

  replaceChildren(
    box,
    h(
      'section',
      { class: 'card' },
      h('h2', { class: 'card-title', text: 'Research Tools' }),
      h('p', { class: 'muted', text: 'Optional research to sharpen the content strategy.' }),
      h(
        'div',
        { class: 'toggle-row' },
        h('button', { type: 'button', class: 'btn btn-secondary', text: 'Select All Available', onclick: () => (available().forEach((t) => selected.add(t.name)), draw()) }),
        h('button', { type: 'button', class: 'btn btn-secondary', text: 'Clear', onclick: () => (selected.clear(), draw()) }),
      ),
      list,
      h('div', { class: 'step-footer' }, h('p', { class: 'muted', text: 'Research is optional - you can skip this step' }), next),
    ),
  );

  let alive = true;
  api('GET', '/api/research/tools').then(
    (data) => {
      if (!alive) return;
      tools = Array.isArray(data) ? data : [];
      draw();
    },
    (err) => alive && replaceChildren(list, h('div', { class: 'alert alert-error', text: `Failed to load research tools: ${errorDetail(err)}` })),
  );
  return () => {
    alive = false;
  };
}
