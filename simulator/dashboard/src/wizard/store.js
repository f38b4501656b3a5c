/**
 * Wizard state. Like the real wizard it is in memory only: a reload starts over (contract §4).
 */

/**
 * @typedef {object} WizardState
 * @property {number} step current step 1..5
 * @property {number} maxStep highest step reached (earlier ones stay clickable)
 * @property {string | null} clientId
 * @property {string | null} projectId
 * @property {string | null} projectName
 * @property {boolean} briefSaved
 * @property {Record<string, number>} quantities template id ("1".."15") -> posts
 * @property {boolean} includeResearch
 * @property {string} customTopics raw textarea text, split on commas when sent
 * @property {any[]} posts the project's posts (snake_case, as the API lists them)
 * @property {any[]} runs
 */

/** @returns {{ state: WizardState, set: (patch: Partial<WizardState>) => void, subscribe: (fn: (s: WizardState) => void) => () => void }} */
export function createStore() {
  /** @type {WizardState} */
  const state = {
    step: 1,
    maxStep: 1,
    clientId: null,
    projectId: null,
    projectName: null,
    briefSaved: false,
    quantities: {},
    includeResearch: false,
    customTopics: '',
    posts: [],
    runs: [],
  };
  /** @type {Set<(s: WizardState) => void>} */
  const listeners = new Set();
  return {
    state,
    set(patch) {
      Object.assign(state, patch);
      for (const fn of [...listeners]) fn(state);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** Price list of the templates step: $40/post, +$15/post with topic research. */
export const PRICE_PER_POST = 40;
export const RESEARCH_PER_POST = 15;

/** @param {WizardState} s */
export function totals(s) {
  const totalPosts = Object.values(s.quantities).reduce((a, b) => a + b, 0);
  const perPost = PRICE_PER_POST + (s.includeResearch ? RESEARCH_PER_POST : 0);
  const selected = Object.values(s.quantities).filter((q) => q > 0).length;
  return { totalPosts, perPost, totalPrice: totalPosts * perPost, selected };
}

/** A post counts as flagged by status or by flags; as approved by status or by having no flags (the real rule). */
export function splitPosts(/** @type {any[]} */ posts) {
  const hasFlags = (/** @type {any} */ p) => Array.isArray(p.flags) && p.flags.length > 0;
  return {
    flagged: posts.filter((p) => p.status === 'flagged' || hasFlags(p)),
    approved: posts.filter((p) => p.status === 'approved' || !hasFlags(p)),
  };
}

/** "a, b ,, c" -> ["a", "b", "c"] */
export function topicsOf(/** @type {string} */ text) {
  return text.split(',').map((t) => t.trim()).filter(Boolean);
}
