/** The wizard's stepper and its "Wizard Status" box (contract §4). */
import { h, replaceChildren } from '../lib/dom.js';
import { money } from '../lib/format.js';
import { splitPosts, totals } from './store.js';

export const STEPS = ['Client Profile', 'Research', 'Templates', 'Quality Gate', 'Export'];

/**
 * Buttons whose accessible names are "1Client Profile" … "5Export": the index and the label are inline
 * spans with no whitespace between them, exactly like the real stepper.
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
          class: `step${n === s.step ? ' step-current' : ''}${n < s.step ? ' step-done' : ''}`,
          disabled: !reached,
          title: reached ? label : 'Complete previous steps to unlock',
          'aria-current': n === s.step ? 'step' : undefined,
          onclick: () => goTo(n),
        },
        h('span', { class: 'step-index', text: String(n) }),
        h('span', { class: 'step-label', text: label }),
      );
    }),
  );
}

/**
 * @param {HTMLElement} box
 * @param {import('./store.js').WizardState} s
 */
export function renderStatus(box, s) {
  const t = totals(s);
  const { flagged } = splitPosts(s.posts);
  const lines = [
    `Project: ${s.projectName ?? s.projectId ?? 'Not created'}`,
    `Client Brief: ${s.briefSaved ? '✓ Saved' : 'Not set'}`,
    `Templates: ${t.selected > 0 ? `${t.selected} selected` : 'Not selected'}`,
    `Total Posts: ${t.totalPosts}`,
    `Research: ${s.includeResearch ? 'Yes (+$15/post)' : 'No'}`,
    `Total Price: ${t.totalPrice > 0 ? money(t.totalPrice) : 'Not calculated'}`,
    `Generated: ${s.posts.length} posts`,
    `Flagged: ${flagged.length}`,
    `Runs: ${s.runs.length}`,
  ];
  replaceChildren(box, h('h2', { class: 'card-title', text: 'Wizard Status' }), h('ul', { class: 'status-lines' }, lines.map((text) => h('li', { text }))));
}
