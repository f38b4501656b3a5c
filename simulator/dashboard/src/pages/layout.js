/**
 * The authenticated layout (contract §9, the real `AppLayout.tsx`): a header (banner) with the product
 * name, the theme toggle, the user's name and role and "Logout"; a sidebar (complementary) holding an
 * unnamed navigation with the six links; the page in <main>; the AI Assistant sidebar after it.
 * Returns the element pages render into.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { navigate } from '../lib/nav.js';
import { clearSession, currentUser } from '../lib/session.js';
import { assistantSidebar } from './assistant.js';

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

/** Light / System / Dark, kept in localStorage "theme" like the real toggle. */
function themeToggle() {
  const apply = (/** @type {string} */ theme) => {
    localStorage.setItem('theme', theme);
    const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  };
  return h(
    'div',
    { class: 'theme-toggle' },
    [['light', 'Light theme', '☀'], ['system', 'System theme', '◐'], ['dark', 'Dark theme', '☾']].map(([value, label, icon]) => h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, onclick: () => apply(String(value)) }, h('span', { 'aria-hidden': 'true', text: icon }))),
  );
}

/** @param {HTMLElement} root @returns {HTMLElement} the content slot */
export function mountLayout(root) {
  const user = currentUser();
  const slot = h('main', { class: 'content' });
  const nav = h('nav', { class: 'sidebar' }, LINKS.map(([label, href]) => h('a', { href, text: label })));
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
    h('div', { class: 'brand' }, h('div', { class: 'brand-mark', text: 'O' }), h('div', null, h('p', { class: 'brand-title', text: 'Operator Dashboard' }), h('p', { class: 'brand-sub', text: 'Content Jumpstart' }))),
    h('div', { class: 'user-box' }, themeToggle(), h('div', { class: 'user-info' }, h('p', { class: 'user-name', text: user?.name || user?.email || '' }), h('p', { class: 'user-role', text: user?.role ?? 'operator' })), logout),
  );
  replaceChildren(root, h('div', { class: 'app-shell' }, header, h('div', { class: 'app-body' }, h('aside', { class: 'sidebar-box' }, nav), slot)), ...assistantSidebar());
  markActive(nav);
  const onRoute = () => (nav.isConnected ? markActive(nav) : document.removeEventListener('route-changed', onRoute));
  document.addEventListener('route-changed', onRoute);
  return slot;
}
