/**
 * `/dashboard` — "Dashboard Overview". Like the real page it loads projects, deliverables, clients and
 * runs (4 calls on rate-limited routes: contract §8 warns about this).
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { when } from '../lib/format.js';
import { badge, lifetime, loadInto, pageHeader, table } from './common.js';

/** @param {HTMLElement} container */
export function renderOverview(container) {
  const [alive, stop] = lifetime();
  const body = h('div');
  replaceChildren(container, pageHeader('Dashboard Overview', 'Projects, clients and deliverables at a glance.'), body);
  const load = async () => {
    const [projects, deliverables, clients, runs] = await Promise.all([
      api('GET', '/api/projects/'),
      api('GET', '/api/deliverables/'),
      api('GET', '/api/clients/'),
      api('GET', '/api/runs/'),
    ]);
    return { projects: itemsOf(projects), deliverables: itemsOf(deliverables), clients: itemsOf(clients), runs: itemsOf(runs) };
  };
  const stat = (/** @type {string} */ label, /** @type {number} */ n) => h('div', { class: 'stat card' }, h('div', { class: 'stat-label', text: label }), h('div', { class: 'stat-value', text: n }));
  loadInto(
    body,
    load,
    (d) => [
      h('div', { class: 'stats' }, stat('Projects', d.projects.length), stat('Clients', d.clients.length), stat('Deliverables', d.deliverables.length), stat('Runs', d.runs.length)),
      h('section', { class: 'card' }, h('h2', { text: 'Recent Projects' }), table(['Name', 'Status', 'Created'], d.projects.slice(0, 10).map((/** @type {any} */ p) => [p.name, badge(String(p.status ?? 'draft')), when(p.createdAt)]), 'No projects yet.')),
    ],
    alive,
  );
  return stop;
}
