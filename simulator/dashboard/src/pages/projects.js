/** `/dashboard/projects` and `/dashboard/projects/:projectId` — simple views of the projects API. */
import { h } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { when } from '../lib/format.js';
import { badge, cardPage, facts, pageHeader, table } from './common.js';

/** @param {HTMLElement} container */
export function renderProjects(container) {
  return cardPage(
    container,
    pageHeader('Projects', 'All content projects.'),
    async () => itemsOf(await api('GET', '/api/projects/')),
    (projects) =>
      table(
        ['Name', 'Status', 'Platforms', 'Created'],
        projects.map((/** @type {any} */ p) => [h('a', { href: `/dashboard/projects/${encodeURIComponent(p.id)}`, text: p.name }), badge(String(p.status ?? 'draft')), (p.platforms ?? []).join(', ') || '—', when(p.createdAt)]),
        'No projects yet.',
      ),
  );
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
