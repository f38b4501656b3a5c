/**
 * `/dashboard/projects` (the real `pages/Projects.tsx`): search, status filter, "New Project", and a
 * table whose rows carry "Generate" (one generate-all for the row's project) and a "More actions" menu
 * with "View Details", "Open Wizard" (the wizard with `{ projectId }` in the history state), "View
 * Deliverables" and three not-yet-built actions; sortable "Project", "Client", "Status" and "Last Run"
 * columns. Not reproduced: the pagination bar (the first 20 projects are listed); "New Project" opens the
 * wizard instead of a dialog.
 * `/dashboard/projects/:projectId` is a simple view of the project.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { when } from '../lib/format.js';
import { navigate } from '../lib/nav.js';
import { cardPage, facts, lifetime } from './common.js';
import { actionsMenu } from './actions-menu.js';

const STATUSES = ['draft', 'ready', 'generating', 'qa', 'exported', 'delivered', 'error'];
const STATUS_LABELS = /** @type {Record<string, string>} */ ({ draft: 'Draft', processing: 'Processing', qa_review: 'QA Review', ready: 'Ready', delivered: 'Delivered' });
const statusLabel = (/** @type {string} */ s) => STATUS_LABELS[s] ?? s.charAt(0).toUpperCase() + s.slice(1);

/**
 * @param {any} p a ProjectResponse
 * @param {(id: string) => string} clientName
 * @param {(p: any) => void} generate
 */
function projectRow(p, clientName, generate) {
  const templates = Array.isArray(p.templates) ? p.templates : [];
  const menu = actionsMenu([
    ['View Details', () => navigate(`/dashboard/projects/${encodeURIComponent(p.id)}`)],
    ['Open Wizard', () => navigate('/dashboard/wizard', { state: { projectId: p.id } })],
    ['View Deliverables', () => navigate(`/dashboard/deliverables?projectId=${encodeURIComponent(p.id)}`)],
    ['Duplicate Project', () => alert('Duplicate functionality coming soon')],
    ['Export Project', () => alert('Export functionality coming soon')],
    ['Archive Project', () => confirm(`Archive project "${p.name}"?`) && alert('Archive functionality coming soon')],
  ]);
  return h(
    'tr',
    null,
    h('td', null, h('div', { class: 'strong', text: p.name }), h('div', { class: 'muted small', text: `ID: ${p.id}` })),
    h('td', null, h('button', { type: 'button', class: 'btn-link', title: `View all projects for ${clientName(p.clientId)}`, text: clientName(p.clientId), onclick: () => navigate(`/dashboard/projects?clientId=${encodeURIComponent(p.clientId)}`) })),
    h('td', { text: statusLabel(String(p.status ?? 'draft')) }),
    h('td', { class: 'small', text: `${templates.slice(0, 2).join(', ')}${templates.length > 2 ? ` +${templates.length - 2}` : ''}` }),
    h('td', { text: p.lastRunAt ? when(p.lastRunAt) : '—' }),
    h('td', null, h('div', { class: 'row-actions' }, h('button', { type: 'button', class: 'btn btn-primary btn-sm', text: 'Generate', onclick: () => generate(p) }), menu)),
  );
}

/** @param {HTMLElement} container */
export function renderProjects(container) {
  const [alive, stop] = lifetime();
  const clientId = new URLSearchParams(location.search).get('clientId') ?? '';
  /** @type {any[]} */
  let projects = [];
  /** @type {any[]} */
  let clients = [];
  let state = 'loading';
  const search = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Search projects or ids' }));
  const status = /** @type {HTMLSelectElement} */ (h('select', null, h('option', { value: '', text: 'All statuses' }), STATUSES.map((s) => h('option', { value: s, text: s }))));
  const tbody = h('tbody');
  const title = h('h1', { text: 'Projects' });
  const clientName = (/** @type {string} */ id) => clients.find((c) => c.id === id)?.name ?? id;
  let sort = { field: '', asc: true };
  const sortBy = (/** @type {string} */ field) => ((sort = { field, asc: sort.field === field ? !sort.asc : true }), draw());
  const sorted = (/** @type {any[]} */ rows) => {
    if (!sort.field) return rows;
    const key = (/** @type {any} */ p) => String(p[sort.field] ?? '');
    return [...rows].sort((a, b) => key(a).localeCompare(key(b), undefined, { sensitivity: 'base' }) * (sort.asc ? 1 : -1));
  };

  const generate = async (/** @type {any} */ p) => {
    try {
      const run = await api('POST', '/api/generator/generate-all', { body: { project_id: p.id, client_id: p.clientId, is_batch: true } });
      alert(`Content generation started! Run ID: ${run.id}`);
    } catch (err) {
      console.error('Generation error:', err);
      alert(`Failed to start generation: ${err instanceof Error ? err.message : 'Unknown error'}`);
    }
  };
  const message = (/** @type {string} */ text, /** @type {string} */ cls) => h('tr', null, h('td', { colspan: '6', class: cls, text }));
  const draw = () => {
    title.textContent = clientId ? `Projects • ${clientName(clientId)}` : 'Projects';
    const q = search.value.trim().toLowerCase();
    const shown = projects.filter((p) => (!q || `${p.name} ${p.id}`.toLowerCase().includes(q)) && (!status.value || p.status === status.value));
    if (state === 'loading') return replaceChildren(tbody, message('Loading projects...', 'muted'));
    if (state === 'error') return replaceChildren(tbody, message('Failed to load projects.', 'alert-error'));
    replaceChildren(tbody, shown.length === 0 ? message('No projects found.', 'muted') : sorted(shown).map((p) => projectRow(p, clientName, generate)));
  };
  const load = async () => {
    state = 'loading';
    draw();
    const q = new URLSearchParams({ page: '1', page_size: '20' });
    if (clientId) q.set('clientId', clientId);
    try {
      projects = itemsOf(await api('GET', `/api/projects/?${q}`));
      state = 'ok';
    } catch {
      state = 'error';
    }
    if (alive()) draw();
  };
  search.addEventListener('input', draw);
  status.addEventListener('change', draw);
  api('GET', '/api/clients/').then((c) => ((clients = itemsOf(c)), alive() && draw()), () => {});

  const SORTABLE = /** @type {Record<string, string>} */ ({ Project: 'name', Client: 'clientId', Status: 'status', 'Last Run': 'lastRunAt' });
  const header = (/** @type {string} */ t) => h('th', null, SORTABLE[t] ? h('button', { type: 'button', class: 'btn-link', text: t, onclick: () => sortBy(SORTABLE[t] ?? '') }) : t);
  const headers = ['Project', 'Client', 'Status', 'Templates', 'Last Run', 'Actions'];
  replaceChildren(
    container,
    h(
      'header',
      { class: 'page-header label-row' },
      h('div', null, title, h('p', { class: 'muted', text: 'Search, filter, and manage active content generation projects.' })),
      h('div', { class: 'inline-row' }, clientId ? h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Clear Client Filter', onclick: () => navigate('/dashboard/projects') }) : null, h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Refresh', onclick: load })),
    ),
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'label-row' }, h('div', { class: 'inline-row' }, search, status), h('button', { type: 'button', class: 'btn btn-primary btn-sm', text: 'New Project', onclick: () => navigate('/dashboard/wizard') })),
      h('table', { class: 'table' }, h('thead', null, h('tr', null, headers.map(header))), tbody),
    ),
  );
  load();
  return stop;
}

/** @param {HTMLElement} container @param {Record<string, string>} params */
export function renderProjectDetail(container, params) {
  return cardPage(
    container,
    null,
    () => api('GET', `/api/projects/${encodeURIComponent(params.projectId ?? '')}`),
    (/** @type {any} */ p) => [
      h('h1', { text: p.name }),
      facts([
        ['Status', p.status],
        ['Client', p.clientId],
        ['Tone', p.tone],
        ['Platforms', (p.platforms ?? []).join(', ')],
        ['Created', when(p.createdAt)],
      ]),
    ],
  );
}
