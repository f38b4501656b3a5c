/** Formatting shared by pages. */

/** "$1,200" — the wizard's price format. */
export function money(/** @type {number} */ n) {
  return `$${n.toLocaleString('en-US')}`;
}

/** A short local date-time for tables, or "—". */
export function when(/** @type {string | null | undefined} */ iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Last path segment: the file name a download gets when Content-Disposition has none. */
export function basename(/** @type {string} */ path) {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
