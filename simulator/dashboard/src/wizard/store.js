/**
 * Wizard state. Like the real wizard it is in memory only: a reload starts over (contract §4), except
 * what "Open Wizard" passes in the history state (`projectId`, `clientId`).
 */

/**
 * @typedef {object} WizardState
 * @property {number} step current step 1..5
 * @property {number} maxStep highest step reached (earlier ones stay clickable)
 * @property {boolean} creatingNewClient "Create New Client" (true) or "Use Existing Client"
 * @property {string | null} clientId
 * @property {string | null} projectId
 * @property {string | null} projectName the project query's name, once loaded
 * @property {object | null} clientBrief the saved (or the selected existing client's) profile
 * @property {Record<string, number>} quantities template id -> posts, as committed by "Continue to Generation"
 * @property {boolean} includeResearch committed with the quantities
 * @property {number} totalPrice committed with the quantities
 * @property {string[]} customTopics committed with the quantities
 * @property {any[]} posts the project's posts query (snake_case, as the API lists them)
 * @property {any[]} runs the project's runs query
 */

/** @param {Partial<WizardState>} [initial] */
export function createStore(initial = {}) {
  /** @type {WizardState} */
  const state = {
    step: 1,
    maxStep: 1,
    creatingNewClient: true,
    clientId: null,
    projectId: null,
    projectName: null,
    clientBrief: null,
    quantities: {},
    includeResearch: false,
    totalPrice: 0,
    customTopics: [],
    posts: [],
    runs: [],
    ...initial,
  };
  /** @type {Set<(s: WizardState) => void>} */
  const listeners = new Set();
  return {
    state,
    /** @param {Partial<WizardState>} patch */
    set(patch) {
      Object.assign(state, patch);
      for (const fn of [...listeners]) fn(state);
    },
    /** @param {(s: WizardState) => void} fn */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** Price list of the templates step: $40/post, +$15/post with topic research. */
export const PRICE_PER_POST = 40;
export const RESEARCH_PER_POST = 15;

/** Totals of a quantity map (the templates step's live summary, the status box's committed one). */
export function totals(/** @type {Record<string, number>} */ quantities, /** @type {boolean} */ includeResearch) {
  const totalPosts = Object.values(quantities).reduce((a, b) => a + b, 0);
  const perPost = PRICE_PER_POST + (includeResearch ? RESEARCH_PER_POST : 0);
  return { totalPosts, perPost, totalPrice: totalPosts * perPost, selected: Object.keys(quantities).length };
}

/** A post counts as flagged by status or by flags; as approved by status or by having no flags (the real rule). */
export function splitPosts(/** @type {any[]} */ posts) {
  const hasFlags = (/** @type {any} */ p) => Array.isArray(p.flags) && p.flags.length > 0;
  return {
    flagged: posts.filter((p) => p.status === 'flagged' || hasFlags(p)),
    approved: posts.filter((p) => p.status === 'approved' || !hasFlags(p)),
  };
}
