/**
 * UI faults the simulator asks for through `<meta name="sim-faults" content="a,b">` (injected into
 * index.html by the simulator server; absent on a healthy run).
 */

/** @returns {Set<string>} */
function read() {
  const meta = document.querySelector('meta[name="sim-faults"]');
  const content = meta?.getAttribute('content') ?? '';
  return new Set(content.split(',').map((s) => s.trim()).filter(Boolean));
}

const active = read();

/** True when the named fault is active for this page load. */
export function hasFault(/** @type {string} */ name) {
  return active.has(name);
}
