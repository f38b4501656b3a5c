/** `/dashboard/content-review` — the posts list without a filter, as the real page calls it. */
import { h } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { badge, cardPage, pageHeader, table } from './common.js';

/** @param {HTMLElement} container */
export function renderContentReview(container) {
  return cardPage(
    container,
    pageHeader('Content Review', 'Review generated posts.'),
    async () => itemsOf(await api('GET', '/api/posts/')),
    (posts) => table(['Post', 'Template', 'Status', 'Content'], posts.map((/** @type {any} */ p) => [p.id, p.template_name ?? '—', badge(String(p.status ?? '')), h('span', { class: 'clamp', text: p.content ?? '' })]), 'No posts yet.'),
  );
}
