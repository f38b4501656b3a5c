/** `/dashboard/projects` and `/dashboard/projects/:projectId` — simple views of the projects API. */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { when } from '../lib/format.js';
import { badge, lifetime, loadInto, pageHeader, table } from './common.js';

/** @param {HTMLElement} container */
export function renderProjects(container) {
  const [alive, stop] = lifetime();
  const body = h('div', { class: 'card' });
  replaceChildren(container, pageHeader('Projects', 'All content projects.'), body);
  loadInto(
    body,
    async () => itemsOf(await api('GET', '/api/projects/')),
    (projects) =>
      table(
        ['Name', 'Status', 'Platforms', 'Created'],
        projects.map((/** @type {any} */ p) => [h('a', { href: `/dashboard/projects/${encodeURIComponent(p.id)}`, text: p.name }), badge(String(p.status ?? 'draft')), (p.platforms ?? []).join(', ') || '—', when(p.createdAt)]),
        'No projects yet.',
      ),
    alive,
  );
  return stop;
}

/** @param {HTMLElement} container @param {Record<string, string>} params */
export function renderProjectDetail(container, params) {
  const [alive, stop] = lifetime();
  const body = h('div', { class: 'card' });
  replaceChildren(container, body);
  loadInto(
    body,
    () => api('GET', `/api/projects/${encodeURIComponent(params.projectId ?? '')}`),
    (/** @type {any} */ p) => [
      h('h1', { text: p.name }),
      h('dl', { class: 'facts' }, [
        ['Status', p.status],
        ['Client', p.clientId],
        ['Tone', p.tone ?? '—'],
        ['Platforms', (p.platforms ?? []).join(', ') || '—'],
        ['Created', when(p.createdAt)],
      ].map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v ?? '—' })])),
    ],
    alive,
  );
  return stop;
}
