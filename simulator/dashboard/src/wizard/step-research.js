/**
 * Step 2 (contract §4, the real `ResearchPanel.tsx`): "Research Tools" from GET /api/research/tools,
 * each tool a toggle button in its category. "Skip Research" while nothing is selected; "Continue"
 * otherwise runs each selected tool (POST /api/research/run) and moves on. The real panel first asks
 * for per-tool inputs (a data-collection form); the simulator runs the tools with empty params.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, responseDetail } from '../lib/api.js';

const CATEGORIES = [
  ['foundation', 'Client Foundation', 'Build foundational understanding'],
  ['seo', 'SEO & Competition', 'Research keywords and competitors'],
  ['market', 'Market Intelligence', 'Track trends and opportunities'],
  ['strategy', 'Strategy & Planning', 'Plan content strategy'],
  ['workshop', 'Workshop Assistants', 'Guided discovery sessions'],
];

const dollars = (/** @type {number} */ n) => `$${n.toFixed(2)}`;

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderResearchStep(box, ctx) {
  /** @type {any[]} */
  let tools = [];
  /** @type {Set<string>} */
  const selected = new Set();
  const { projectId, clientId } = ctx.store.state;
  let alive = true;

  const toolButton = (/** @type {any} */ t) => {
    const available = t.status === 'available';
    return h(
      'button',
      { type: 'button', class: `tool-card${selected.has(t.name) ? ' tool-selected' : ''}`, disabled: !available, onclick: () => available && (selected.has(t.name) ? selected.delete(t.name) : selected.add(t.name), draw()) },
      h('h5', { text: t.label ?? t.name }),
      t.description ? h('p', { class: 'muted small', text: t.description }) : null,
      h('span', { class: `badge ${available ? 'badge-ready' : ''}`, text: available ? 'Available' : 'Coming Soon' }),
      t.price ? h('span', { class: 'small', text: ` ${dollars(Number(t.price))}` }) : null,
    );
  };

  const run = async () => {
    if (selected.size === 0) return ctx.goTo(3);
    replaceChildren(box, h('div', { class: 'card' }, h('h3', { text: 'Running Research Tools' }), h('p', { class: 'muted', text: `Executing ${selected.size} research ${selected.size === 1 ? 'tool' : 'tools'}...` })));
    try {
      for (const tool of selected) await api('POST', '/api/research/run', { body: { project_id: projectId, client_id: clientId, tool, params: {} } });
    } catch (err) {
      alert(`Failed to run research tool: ${responseDetail(err)}`);
    }
    if (alive && ctx.alive()) ctx.goTo(3);
  };

  function draw() {
    const total = [...selected].reduce((sum, name) => sum + Number(tools.find((t) => t.name === name)?.price ?? 0), 0);
    replaceChildren(
      box,
      h(
        'div',
        { class: 'card' },
        h(
          'div',
          { class: 'label-row' },
          h('h3', { class: 'card-title', text: 'Research Tools' }),
          h(
            'div',
            { class: 'inline-row' },
            h('button', { type: 'button', class: 'btn btn-secondary', text: 'Select All Available', onclick: () => (tools.filter((t) => t.status === 'available').forEach((t) => selected.add(t.name)), draw()) }),
            h('button', { type: 'button', class: 'btn btn-secondary', text: 'Clear', onclick: () => (selected.clear(), draw()) }),
          ),
        ),
        h('p', { class: 'muted', text: 'Select research tools to run for this project. Research adds depth to content generation and helps identify opportunities.' }),
        total > 0 ? h('div', { class: 'alert' }, h('strong', { text: `${selected.size} tools selected` }), ` (${[...selected].join(', ')})`, h('span', { class: 'strong', text: ` ${dollars(total)}` })) : null,
        CATEGORIES.map(([name, label, description]) => {
          const group = tools.filter((t) => t.category === name);
          if (group.length === 0) return null;
          const selectAll = () => (group.filter((t) => t.status === 'available').forEach((t) => selected.add(t.name)), draw());
          return h('div', { class: 'tool-group' }, h('div', { class: 'label-row' }, h('div', null, h('h4', { text: label }), h('p', { class: 'muted small', text: description })), h('button', { type: 'button', class: 'btn-link', text: 'Select All', onclick: selectAll })), h('div', { class: 'tool-grid' }, group.map(toolButton)));
        }),
        h(
          'div',
          { class: 'step-footer' },
          h('div', { class: 'muted', text: selected.size === 0 ? 'Research is optional - you can skip this step' : 'Click "Continue" to provide required data and run research' }),
          h('button', { type: 'button', class: 'btn btn-primary', text: selected.size === 0 ? 'Skip Research' : 'Continue', disabled: !projectId || !clientId, onclick: run }),
        ),
      ),
    );
  }

  replaceChildren(box, h('div', { class: 'card' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { class: 'muted', text: 'Loading research tools...' })));
  api('GET', '/api/research/tools').then(
    (data) => {
      if (!alive) return;
      tools = Array.isArray(data) ? data : [];
      draw();
    },
    () => alive && draw(),
  );
  return () => {
    alive = false;
  };
}
