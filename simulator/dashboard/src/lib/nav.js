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
 * Goes to `path` with pushState (or replaceState) and renders it.
 * @param {string} path
 * @param {{ replace?: boolean, state?: unknown }} [opts]
 */
export function navigate(path, opts) {
  if (opts?.replace) history.replaceState(opts.state ?? null, '', path);
  else history.pushState(opts?.state ?? null, '', path);
  onChange();
}
