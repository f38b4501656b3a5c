/** `/dashboard/settings` — the account and the theme toggle (the real app stores `theme` in localStorage). */
import { h, replaceChildren } from '../lib/dom.js';
import { currentUser } from '../lib/session.js';
import { pageHeader } from './common.js';

/** @param {HTMLElement} container */
export function renderSettings(container) {
  const user = currentUser();
  const theme = h('select', { id: 'theme', value: localStorage.getItem('theme') ?? 'light' }, h('option', { value: 'light', text: 'Light' }), h('option', { value: 'dark', text: 'Dark' }));
  theme.addEventListener('change', () => localStorage.setItem('theme', /** @type {HTMLSelectElement} */ (theme).value));
  replaceChildren(
    container,
    pageHeader('Settings', 'Account and preferences.'),
    h(
      'section',
      { class: 'card' },
      h('h2', { text: 'Account' }),
      h('dl', { class: 'facts' }, h('dt', { text: 'Name' }), h('dd', { text: user?.name ?? '' }), h('dt', { text: 'Email' }), h('dd', { text: user?.email ?? '' }), h('dt', { text: 'Role' }), h('dd', { text: user?.role ?? 'operator' })),
      h('div', { class: 'field' }, h('label', { for: 'theme', text: 'Theme' }), theme),
    ),
  );
}
