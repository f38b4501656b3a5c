/** `/dashboard/clients` and `/dashboard/clients/:clientId` — simple views of the clients API. */
import { h } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { when } from '../lib/format.js';
import { cardPage, facts, pageHeader, table } from './common.js';

/** @param {HTMLElement} container */
export function renderClients(container) {
  return cardPage(
    container,
    pageHeader('Clients', 'Client profiles used by the wizard.'),
    async () => itemsOf(await api('GET', '/api/clients/')),
    (clients) =>
      table(
        ['Name', 'Tone', 'Created'],
        clients.map((/** @type {any} */ c) => [h('a', { href: `/dashboard/clients/${encodeURIComponent(c.id)}`, text: c.name }), c.tonePreference ?? '—', when(c.createdAt)]),
        'No clients yet.',
      ),
  );
}

/** @param {HTMLElement} container @param {Record<string, string>} params */
export function renderClientDetail(container, params) {
  return cardPage(
    container,
    null,
    () => api('GET', `/api/clients/${encodeURIComponent(params.clientId ?? '')}`),
    (/** @type {any} */ c) => [
      h('h1', { text: c.name }),
      facts([
        ['Business', c.businessDescription],
        ['Target Audience', c.idealCustomer],
        ['Main Problem Solved', c.mainProblemSolved],
        ['Tone', c.tonePreference],
        ['Platforms', (c.platforms ?? []).join(', ')],
      ]),
    ],
  );
}
