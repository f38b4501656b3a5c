/** Pages the simulator only needs to route to (the real ones exist but no check relies on them). */
import { h, replaceChildren } from '../lib/dom.js';
import { pageHeader } from './common.js';

/** @param {string} title */
export function placeholderPage(title) {
  return (/** @type {HTMLElement} */ container) => {
    replaceChildren(container, pageHeader(title), h('p', { class: 'muted', text: 'Nothing to show in the simulator.' }));
  };
}
