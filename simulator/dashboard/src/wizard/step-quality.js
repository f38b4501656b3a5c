/**
 * Step 4 (contract §4): while the project's posts query holds no post, the GenerationPanel and the
 * "Quality Gate Preview" card; as soon as it holds posts (the dashboard refetches them when the run
 * succeeds, so the success text may show only briefly), the Quality Gate and "Continue to Export" (or the
 * disabled "N posts flagged - fix before exporting").
 */
import { h, replaceChildren } from '../lib/dom.js';
import { generationPanel } from './generation.js';
import { qualityGatePanel } from './quality.js';
import { splitPosts } from './store.js';

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderQualityStep(box, ctx) {
  /** @type {ReturnType<typeof generationPanel> | null} */
  let gen = null;
  /** @type {any[] | null} */
  let shownPosts = null;
  // One host for the edit overlay for the step's lifetime: an open edit survives a refetch of the posts,
  // as the real panel's dialog state does.
  const dialogHost = h('div');

  const draw = () => {
    const posts = ctx.store.state.posts;
    if (posts === shownPosts) return; // other wizard state changed; nothing to redraw here
    shownPosts = posts;
    if (posts.length === 0) {
      gen ??= generationPanel(ctx);
      if (!gen.el.isConnected) {
        replaceChildren(
          box,
          h('div', { class: 'two-columns' }, gen.el, h('div', { class: 'card' }, h('h3', { class: 'card-title', text: 'Quality Gate Preview' }), h('p', { class: 'muted', text: 'Generate posts to see quality analysis and validation results here.' }))),
        );
      }
      return;
    }
    gen?.stop();
    gen = null;
    const { flagged } = splitPosts(posts);
    const next = h('button', { type: 'button', class: 'btn btn-primary', disabled: flagged.length > 0, text: flagged.length > 0 ? `${flagged.length} posts flagged - fix before exporting` : 'Continue to Export', onclick: () => ctx.goTo(5) });
    replaceChildren(box, qualityGatePanel(posts, ctx, dialogHost), dialogHost, h('div', { class: 'actions-row' }, next));
  };

  draw();
  const unsubscribe = ctx.store.subscribe(draw);
  return () => {
    unsubscribe();
    gen?.stop();
  };
}
