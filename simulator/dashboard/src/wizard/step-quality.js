/**
 * Step 4 (contract §4): while the project's posts query is empty, the GenerationPanel and the "Quality
 * Gate Preview" card; once posts exist, the Quality Gate and "Continue to Export" (or the disabled
 * "N posts flagged - fix before exporting").
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

  const draw = () => {
    const posts = ctx.store.state.posts;
    if (posts === shownPosts) return; // other wizard state changed; nothing to redraw here
    shownPosts = posts;
    if (posts.length === 0) {
      gen ??= generationPanel(ctx);
      if (!gen.el.isConnected) {
        replaceChildren(
          box,
          gen.el,
          h('section', { class: 'card' }, h('h3', { class: 'card-title', text: 'Quality Gate Preview' }), h('p', { class: 'muted', text: 'Generate posts to see quality analysis and validation results here.' })),
        );
      }
      return;
    }
    gen?.stop();
    gen = null;
    const { flagged } = splitPosts(posts);
    const next = flagged.length === 0
      ? h('button', { type: 'button', class: 'btn btn-primary', text: 'Continue to Export', onclick: () => ctx.goTo(5) })
      : h('button', { type: 'button', class: 'btn btn-primary', disabled: true, text: `${flagged.length} posts flagged - fix before exporting` });
    replaceChildren(box, qualityGatePanel(posts, ctx), h('div', { class: 'actions-row' }, next));
  };

  draw();
  ctx.refreshPosts().catch(() => {});
  const unsubscribe = ctx.store.subscribe(draw);
  return () => {
    unsubscribe();
    gen?.stop();
  };
}
