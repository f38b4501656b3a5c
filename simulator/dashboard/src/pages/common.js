/** Building blocks shared by the simple pages. */
import { h, replaceChildren } from '../lib/dom.js';
import { errorDetail } from '../lib/api.js';

/** Page header: h1 plus an optional subtitle. */
export function pageHeader(/** @type {string} */ title, /** @type {string} */ subtitle = '') {
  return h('div', { class: 'page-header' }, h('h1', { text: title }), subtitle ? h('p', { class: 'muted', text: subtitle }) : null);
}

/**
 * Loads data into `box`: "Loading..." first, then `draw(data)` or the error. Ignores late answers once
 * `isAlive()` is false (the user navigated away; requests are never aborted so none shows as failed).
 * @template T
 * @param {HTMLElement} box
 * @param {() => Promise<T>} load
 * @param {(data: T) => unknown} draw
 * @param {() => boolean} isAlive
 */
async function loadInto(box, load, draw, isAlive) {
  replaceChildren(box, h('p', { class: 'muted', text: 'Loading...' }));
  try {
    const data = await load();
    if (isAlive()) replaceChildren(box, draw(data));
  } catch (err) {
    if (isAlive()) replaceChildren(box, h('div', { class: 'alert alert-error', text: `Failed to load: ${errorDetail(err)}` }));
  }
}

/**
 * A simple table.
 * @param {string[]} headers
 * @param {Array<Array<unknown>>} rows
 * @param {string} empty text when there are no rows
 */
export function table(headers, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'muted', text: empty });
  return h(
    'table',
    { class: 'table' },
    h('thead', null, h('tr', null, headers.map((t) => h('th', { text: t })))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((c) => h('td', null, /** @type {any} */ (c)))))),
  );
}

/** A status badge ("draft", "ready", "delivered", "approved", …). */
export function badge(/** @type {string} */ text, /** @type {string} */ tone = text) {
  return h('span', { class: `badge badge-${tone}`, text });
}

/**
 * A page that is one card filled from the API (the list and detail pages): optional header, then
 * `loadInto` bound to the page's lifetime. Returns the page's stop function.
 * @template T
 * @param {HTMLElement} container
 * @param {Node | null} header
 * @param {() => Promise<T>} load
 * @param {(data: T) => unknown} draw
 */
export function cardPage(container, header, load, draw) {
  const [alive, stop] = lifetime();
  const body = h('div', { class: 'card' });
  replaceChildren(container, header, body);
  loadInto(body, load, draw, alive);
  return stop;
}

/** A detail page's facts list; empty values show as "—". */
export function facts(/** @type {Array<[string, unknown]>} */ pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v || '—' })]));
}

/** Returns [isAlive, stop] for a page's lifetime. */
export function lifetime() {
  let alive = true;
  return /** @type {const} */ ([() => alive, () => void (alive = false)]);
}
