/** The wizard's stepper and its "Wizard Status" box (contract §4, the real `Wizard.tsx`). */
import { h, replaceChildren } from '../lib/dom.js';
import { money } from '../lib/format.js';
import { splitPosts, totals } from './store.js';

const STEPS = ['Client Profile', 'Research', 'Templates', 'Quality Gate', 'Export'];

/**
 * A plain row of buttons, like the real WizardStepper: the index is an inline-flex badge before the
 * label, so Chromium names them "1 Client Profile" … "5 Export" as it does the real ones. Steps not
 * reached yet are disabled with the title "Complete previous steps to unlock".
 * @param {HTMLElement} box
 * @param {import('./store.js').WizardState} s
 * @param {(step: number) => void} goTo
 */
export function renderStepper(box, s, goTo) {
  replaceChildren(
    box,
    STEPS.map((label, i) => {
      const n = i + 1;
      const reached = n <= s.maxStep;
      return h(
        'button',
        {
          type: 'button',
          class: `step${n === s.step ? ' step-current' : ''}`,
          disabled: !reached,
          title: reached ? label : 'Complete previous steps to unlock',
          onclick: () => reached && goTo(n),
        },
        h('span', { class: 'step-index', text: String(n) }),
        label,
      );
    }),
  );
}

/**
 * Every line is "<strong>Label:</strong> value". Templates, Total Posts, Research and Total Price show
 * what "Continue to Generation" committed (the real box does not follow the Templates step live);
 * Generated, Flagged and Runs follow the project's posts and runs queries.
 * @param {HTMLElement} box
 * @param {import('./store.js').WizardState} s
 */
export function renderStatus(box, s) {
  const t = totals(s.quantities, s.includeResearch);
  const { flagged } = splitPosts(s.posts);
  /** @type {Array<[string, string]>} */
  const lines = [
    ['Project', s.projectName || s.projectId || 'Not created'],
    ['Client Brief', s.clientBrief ? '✓ Saved' : 'Not set'],
    ['Templates', t.selected > 0 ? `${t.selected} selected` : 'Not selected'],
    ['Total Posts', String(t.totalPosts)],
    ['Research', s.includeResearch ? 'Yes (+$15/post)' : 'No'],
    ['Total Price', s.totalPrice > 0 ? money(s.totalPrice) : 'Not calculated'],
    ['Generated', `${s.posts.length} posts`],
    ['Flagged', String(flagged.length)],
    ['Runs', String(s.runs.length)],
  ];
  replaceChildren(box, h('h3', { class: 'status-title', text: 'Wizard Status' }), h('div', { class: 'status-lines' }, lines.map(([k, v]) => h('p', null, h('strong', { text: `${k}:` }), ` ${v}`))));
}
