/** `/dashboard/clients` and `/dashboard/clients/:clientId` — simple views of the clients API. */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { when } from '../lib/format.js';
import { lifetime, loadInto, pageHeader, table } from './common.js';

/** @param {HTMLElement} container */
export function renderClients(container) {
  const [alive, stop] = lifetime();
  const body = h('div', { class: 'card' });
  replaceChildren(container, pageHeader('Clients', 'Client profiles used by the wizard.'), body);
  loadInto(
    body,
    async () => itemsOf(await api('GET', '/api/clients/')),
    (clients) =>
      table(
        ['Name', 'Tone', 'Created'],
        clients.map((/** @type {any} */ c) => [h('a', { href: `/dashboard/clients/${encodeURIComponent(c.id)}`, text: c.name }), c.tonePreference ?? '—', when(c.createdAt)]),
        'No clients yet.',
      ),
    alive,
  );
  return stop;
}

/** @param {HTMLElement} container @param {Record<string, string>} params */
export function renderClientDetail(container, params) {
  const [alive, stop] = lifetime();
  const body = h('div', { class: 'card' });
  replaceChildren(container, body);
  loadInto(
    body,
    () => api('GET', `/api/clients/${encodeURIComponent(params.clientId ?? '')}`),
    (/** @type {any} */ c) => [
      h('h1', { text: c.name }),
      h('dl', { class: 'facts' }, [
        ['Business', c.businessDescription],
        ['Target Audience', c.idealCustomer],
        ['Main Problem Solved', c.mainProblemSolved],
        ['Tone', c.tonePreference],
        ['Platforms', (c.platforms ?? []).join(', ')],
      ].map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v || '—' })])),
    ],
    alive,
  );
  return stop;
}
