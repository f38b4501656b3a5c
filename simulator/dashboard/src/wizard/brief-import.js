/**
 * The "📁 Import Client Brief" section (collapsed by default, like the real one). The real upload posts
 * to `/briefs/parse` without `/api` and gets the SPA's HTML back (contract §4, a HEAD bug); the
 * simulator has no brief parser, so the open section says so instead of uploading.
 */
import { h } from '../lib/dom.js';

export function briefImportSection() {
  const sign = h('span', { class: 'muted', text: '+' });
  const body = h('div', { hidden: true }, h('p', { class: 'muted small', text: 'Upload a client brief file (.txt or .md) to auto-populate form fields.' }), h('p', { class: 'muted small', text: 'Brief import is not available in the simulator.' }));
  const toggle = h('button', { type: 'button', class: 'collapse-toggle' }, h('span', { class: 'strong', text: '📁 Import Client Brief' }), sign);
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    sign.textContent = body.hidden ? '+' : '−';
  });
  return h('div', { class: 'brief-import' }, toggle, body);
}
