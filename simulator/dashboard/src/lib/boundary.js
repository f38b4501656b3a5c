/**
 * The app's error boundary (the real `components/ErrorBoundary.tsx` wraps every page): when a page
 * throws while rendering, its content is replaced by the error screen "Something Went Wrong", the
 * layout stays, and the error is logged as React logs a caught error (two console errors). The router
 * registers where the screen goes; components that re-render after a click call `guard`.
 */
import { h, replaceChildren } from './dom.js';

/** @type {((err: unknown) => void) | null} */
let onCrash = null;

/** The router's handler for the page on screen. */
export function setCrashHandler(/** @type {((err: unknown) => void) | null} */ fn) {
  onCrash = fn;
}

/** Runs a render step; a throw shows the error screen instead of escaping as an uncaught error. */
export function guard(/** @type {() => void} */ fn) {
  try {
    fn();
  } catch (err) {
    if (!onCrash) throw err;
    onCrash(err);
  }
}

/**
 * Replaces `slot` with the error screen. "Try Again" re-renders the page from scratch (the boundary's
 * reset remounts it), "Reload Application" reloads, "Go to Dashboard" loads /dashboard.
 * @param {HTMLElement} slot
 * @param {unknown} err
 * @param {() => void} retry
 */
export function showErrorScreen(slot, err, retry) {
  const error = err instanceof Error ? err : new Error(String(err));
  console.error(error);
  console.error('ErrorBoundary caught an error:', error);
  const button = (/** @type {string} */ text, /** @type {string} */ cls, /** @type {() => void} */ onclick) => h('button', { type: 'button', class: `btn ${cls} btn-block`, text, onclick });
  replaceChildren(
    slot,
    h(
      'div',
      { class: 'error-screen' },
      h(
        'div',
        { class: 'card error-card' },
        h('h1', { text: 'Something Went Wrong' }),
        h('p', { class: 'muted', text: "We encountered an unexpected error. This has been logged and we'll look into it." }),
        button('Reload Application', 'btn-primary', () => location.reload()),
        button('Go to Dashboard', 'btn-secondary', () => (location.href = '/dashboard')),
        button('Try Again', 'btn-secondary', retry),
        h('p', { class: 'muted small', text: 'If this problem persists, please contact support.' }),
      ),
    ),
  );
}
