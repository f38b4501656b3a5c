/**
 * History-API navigation. The router registers itself here so pages can navigate without importing the
 * router (which imports the pages).
 */

/** @type {() => void} */
let onChange = () => {};

export function setNavigationHandler(/** @type {() => void} */ fn) {
  onChange = fn;
}

/**
 * Goes to `path` with pushState (or replaceState) and renders it. The history entry is shaped like
 * React Router's, `{ usr: state, key, idx }`, so state handed over (e.g. "Open Wizard"'s projectId) sits
 * where it sits on the real dashboard and survives a reload the same way.
 * @param {string} path
 * @param {{ replace?: boolean, state?: unknown }} [opts]
 */
export function navigate(path, opts) {
  const idx = Number(/** @type {any} */ (history.state)?.idx ?? 0);
  const entry = { usr: opts?.state ?? null, key: Math.random().toString(36).slice(2, 10), idx: opts?.replace ? idx : idx + 1 };
  if (opts?.replace) history.replaceState(entry, '', path);
  else history.pushState(entry, '', path);
  onChange();
}

/** The state handed over with the current history entry (React Router's `location.state`). */
export function locationState() {
  return /** @type {any} */ (history.state)?.usr ?? null;
}
