/**
 * `/dashboard` — "Dashboard Overview" (the real `pages/Overview.tsx`): five metrics, five quick actions,
 * "Active Projects", "Pending Tasks" and "Recent Activity", computed from the projects, deliverables,
 * runs and clients lists (four calls on rate-limited routes: contract §8 warns about this). Active
 * projects are listed by name only (the real cards add a progress bar and the client).
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { money } from '../lib/format.js';
import { navigate } from '../lib/nav.js';
import { lifetime } from './common.js';

const stat = (/** @type {string} */ title, /** @type {string | number} */ value, /** @type {string} */ trend) =>
  h('div', { class: 'card stat' }, h('p', { class: 'stat-label', text: title }), h('p', { class: 'stat-value', text: String(value) }), trend ? h('p', { class: 'muted small', text: trend }) : null);

const action = (/** @type {string} */ title, /** @type {string} */ sub, /** @type {string} */ to) =>
  h('button', { type: 'button', class: 'quick-action', onclick: () => navigate(to) }, h('div', { class: 'strong', text: title }), h('div', { class: 'muted small', text: sub }));

/** @param {{ projects: any[], deliverables: any[] }} d */
function body(d) {
  const active = d.projects.filter((p) => ['generating', 'qa', 'ready'].includes(p.status));
  const completed = d.projects.filter((p) => ['delivered', 'exported'].includes(p.status)).length;
  const inReview = d.projects.filter((p) => p.status === 'qa').length;
  const due = d.deliverables.filter((x) => x.status === 'ready').length;
  const tasks = [...d.projects.filter((p) => p.status === 'qa').map((p) => `Review content for ${p.name}`), ...d.deliverables.filter((x) => x.status === 'ready').slice(0, 3).map(() => 'Approve deliverable')].slice(0, 5);
  const delivered = d.deliverables.filter((x) => x.deliveredAt).slice(0, 10);
  return [
    h('div', { class: 'stats' }, stat('Active Projects', active.length, `${d.projects.length} total`), stat('Content in Review', inReview, ''), stat('Deliveries Due Today', due, ''), stat('Quality Score', 'N/A', 'Average across recent projects'), stat('Revenue This Month', money(completed * 1800), `${completed} completed`)),
    h(
      'div',
      { class: 'card' },
      h('h2', { text: 'Quick Actions' }),
      h('div', { class: 'quick-actions' }, action('New Project', 'Start wizard', '/dashboard/wizard'), action('View Projects', `${d.projects.length} total`, '/dashboard/projects'), action('Review Content', `${inReview} pending`, '/dashboard/content-review'), action('View Analytics', 'Performance', '/dashboard/analytics'), action('View Calendar', 'Schedules', '/dashboard/calendar')),
    ),
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'label-row' }, h('h2', { text: 'Active Projects' }), h('button', { type: 'button', class: 'btn-link', text: 'View All', onclick: () => navigate('/dashboard/projects') })),
      active.length === 0 ? h('p', { class: 'muted', text: 'No active projects' }) : active.slice(0, 5).map((p) => h('p', { class: 'strong', text: p.name })),
    ),
    h('div', { class: 'card' }, h('div', { class: 'label-row' }, h('h2', { text: 'Pending Tasks' }), h('span', { class: 'muted small', text: 'Sorted by Priority' })), tasks.length === 0 ? [h('p', { class: 'strong', text: 'All caught up!' }), h('p', { class: 'muted small', text: 'No pending tasks' })] : tasks.map((t) => h('p', { text: t }))),
    h('div', { class: 'card' }, h('h2', { text: 'Recent Activity' }), delivered.length === 0 ? h('p', { class: 'muted', text: 'No recent activity' }) : delivered.map((x) => h('p', { text: `${x.projectId} marked delivered` }))),
  ];
}

/** @param {HTMLElement} container */
export function renderOverview(container) {
  const [alive, stop] = lifetime();
  const content = h('div', null, h('p', { class: 'muted', text: 'Loading...' }));
  replaceChildren(container, h('header', { class: 'page-header' }, h('h1', { text: 'Dashboard Overview' }), h('p', { class: 'muted', text: 'Real-time operational metrics, pending tasks, and recent activity.' })), content);
  // Each list on its own, like the real queries: one failing list leaves its figures at zero.
  const list = (/** @type {string} */ path) => api('GET', path).then(itemsOf, () => []);
  Promise.all([list('/api/projects/'), list('/api/deliverables/'), list('/api/clients/'), list('/api/runs/')]).then(([projects, deliverables]) => alive() && replaceChildren(content, body({ projects, deliverables })));
  return stop;
}
