/**
 * The authenticated layout (contract §9): header with product name, user name, role and "Logout";
 * sidebar links. Returns the element pages render into.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { navigate } from '../lib/nav.js';
import { clearSession, currentUser } from '../lib/session.js';

const LINKS = [
  ['Overview', '/dashboard'],
  ['Projects', '/dashboard/projects'],
  ['Clients', '/dashboard/clients'],
  ['Deliverables', '/dashboard/deliverables'],
  ['Wizard / QA', '/dashboard/wizard'],
  ['Settings', '/dashboard/settings'],
];

function markActive(/** @type {HTMLElement} */ nav) {
  for (const a of nav.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    const active = href === '/dashboard' ? location.pathname === '/dashboard' : location.pathname.startsWith(href);
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** @param {HTMLElement} root @returns {HTMLElement} the content slot */
export function mountLayout(root) {
  const user = currentUser();
  const slot = h('main', { class: 'content' });
  const nav = h('nav', { class: 'sidebar', 'aria-label': 'Main navigation' }, LINKS.map(([label, href]) => h('a', { href, text: label })));
  const logout = h('button', {
    type: 'button',
    class: 'btn btn-secondary',
    text: 'Logout',
    onclick: () => {
      clearSession();
      navigate('/login');
    },
  });
  const header = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('div', { class: 'brand-title', text: 'Operator Dashboard' }), h('div', { class: 'brand-sub', text: 'Content Jumpstart' })),
    h('div', { class: 'user-box' }, h('div', { class: 'user-info' }, h('div', { class: 'user-name', text: user?.name ?? '' }), h('div', { class: 'user-role', text: user?.role ?? 'operator' })), logout),
  );
  replaceChildren(root, h('div', { class: 'app-shell' }, header, h('div', { class: 'app-body' }, nav, slot)));
  markActive(nav);
  const onRoute = () => (nav.isConnected ? markActive(nav) : document.removeEventListener('route-changed', onRoute));
  document.addEventListener('route-changed', onRoute);
  return slot;
}
