/**
 * Routes of the real dashboard (contract §9): `/` -> `/dashboard`, `/login`, protected `/dashboard/*`
 * (needs `user` and `access_token` in localStorage), anything else -> `/dashboard`.
 */
import { setCrashHandler, showErrorScreen } from './boundary.js';
import { replaceChildren } from './dom.js';
import { navigate, setNavigationHandler } from './nav.js';
import { isAuthenticated } from './session.js';
import { renderLogin } from '../pages/login.js';
import { mountLayout } from '../pages/layout.js';
import { renderOverview } from '../pages/overview.js';
import { renderProjects, renderProjectDetail } from '../pages/projects.js';
import { renderClients, renderClientDetail } from '../pages/clients.js';
import { renderDeliverables } from '../pages/deliverables.js';
import { renderSettings } from '../pages/settings.js';
import { renderContentReview } from '../pages/content-review.js';
import { placeholderPage } from '../pages/placeholder.js';
import { renderWizard } from '../wizard/wizard.js';

/**
 * A page renders into its container and may return a cleanup (timers, listeners).
 * @typedef {(container: HTMLElement, params: Record<string, string>) => (void | (() => void))} Page
 */

/** @type {Array<[RegExp, Page]>} */
const DASHBOARD_ROUTES = [
  [/^$/, renderOverview],
  [/^projects$/, renderProjects],
  [/^projects\/(?<projectId>[^/]+)$/, renderProjectDetail],
  [/^clients$/, renderClients],
  [/^clients\/(?<clientId>[^/]+)$/, renderClientDetail],
  [/^content-review$/, renderContentReview],
  [/^deliverables$/, renderDeliverables],
  [/^analytics$/, placeholderPage('Analytics')],
  [/^calendar$/, placeholderPage('Content Calendar')],
  [/^templates$/, placeholderPage('Template Library')],
  [/^team$/, placeholderPage('Team')],
  [/^notifications$/, placeholderPage('Notifications')],
  [/^audit$/, placeholderPage('Audit Trail')],
  [/^wizard$/, renderWizard],
  [/^settings$/, renderSettings],
];

/** @type {HTMLElement} */
let root;
/** @type {HTMLElement | null} the layout's content slot while a dashboard page is shown */
let slot = null;
/** @type {(() => void) | void} */
let cleanup;

function normalize(/** @type {string} */ path) {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function render() {
  const path = normalize(location.pathname);
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  setCrashHandler(null);
  if (path === '/login') {
    slot = null;
    cleanup = renderLogin(root);
    return;
  }
  const m = /^\/dashboard(?:\/(.*))?$/.exec(path);
  if (!m) return navigate('/dashboard', { replace: true });
  if (!isAuthenticated()) return navigate('/login', { replace: true });
  const sub = m[1] ?? '';
  for (const [re, page] of DASHBOARD_ROUTES) {
    const hit = re.exec(sub);
    if (!hit) continue;
    if (!slot || !slot.isConnected) slot = mountLayout(root);
    window.scrollTo(0, 0);
    mountPage(slot, page, { ...hit.groups });
    document.dispatchEvent(new CustomEvent('route-changed'));
    return;
  }
  navigate('/dashboard', { replace: true });
}

/**
 * Renders a page inside the error boundary: a throw while rendering (now or in a later `guard`ed
 * re-render) replaces the page with the error screen; "Try Again" mounts it afresh.
 * @param {HTMLElement} target @param {Page} page @param {Record<string, string>} params
 */
function mountPage(target, page, params) {
  const crash = (/** @type {unknown} */ err) => {
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;
    setCrashHandler(null);
    showErrorScreen(target, err, () => mountPage(target, page, params));
  };
  replaceChildren(target);
  setCrashHandler(crash);
  try {
    cleanup = page(target, params);
  } catch (err) {
    crash(err);
  }
}

/** Same-origin links navigate with pushState instead of reloading the page. */
function onLinkClick(/** @type {MouseEvent} */ e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = /** @type {Element | null} */ (e.target)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || a.hasAttribute('download') || a.target) return;
  const href = a.getAttribute('href') ?? '';
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
  e.preventDefault();
  if (href !== location.pathname) navigate(href);
}

/** Starts the app in `container`. */
export function startRouter(/** @type {HTMLElement} */ container) {
  root = container;
  setNavigationHandler(render);
  window.addEventListener('popstate', render);
  document.addEventListener('click', onLinkClick);
  render();
}
