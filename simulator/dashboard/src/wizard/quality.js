/**
 * The QualityGatePanel (contract §6): chips "Total: N", "Flagged: N" (only when N > 0), "Approved: N",
 * sections "Flagged Posts (N)" / "Approved Posts (N)" with one warning badge per flag string, "Edit",
 * "Regenerate all flagged". Fault "qa-flags-missing" hides the badges and the Flagged chip only.
 */
import { h, setBusy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { hasFault } from '../lib/faults.js';
import { openEditDialog } from './edit-dialog.js';
import { splitPosts } from './store.js';

/** @param {any} post @param {boolean} flaggedRow @param {import('./wizard.js').WizardContext} ctx */
function postRow(post, flaggedRow, ctx) {
  const flags = Array.isArray(post.flags) ? post.flags : [];
  const badges = flaggedRow && !hasFault('qa-flags-missing') ? flags.map((/** @type {string} */ f) => h('span', { class: 'badge badge-warning', text: String(f) })) : [];
  return h(
    'div',
    { class: `post-row${flaggedRow ? ' post-flagged' : ''}`, dataset: { postId: post.id } },
    h('div', { class: 'post-main' }, h('div', { class: 'post-head' }, h('span', { class: 'strong', text: `Post ${post.id}` }), badges), h('p', { class: 'clamp', text: post.content ?? '' })),
    h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Edit', onclick: () => openEditDialog(post, ctx.refreshPosts) }),
  );
}

/** @param {any[]} posts @param {import('./wizard.js').WizardContext} ctx */
export function qualityGatePanel(posts, ctx) {
  const { flagged, approved } = splitPosts(posts);
  const showFlagged = flagged.length > 0 && !hasFault('qa-flags-missing');
  const regenError = h('div', { class: 'alert alert-error', hidden: true });
  const regen = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Regenerate all flagged' }));
  regen.addEventListener('click', async () => {
    setBusy(regen, true, 'Regenerate all flagged', 'Regenerating...');
    regenError.hidden = true;
    try {
      await api('POST', '/api/generator/regenerate', { body: { project_id: ctx.store.state.projectId, post_ids: flagged.map((p) => p.id), reason: 'quality_gate_flags' } });
      await ctx.refreshPosts();
    } catch (err) {
      regenError.textContent = err instanceof Error ? err.message : 'Regeneration failed';
      regenError.hidden = false;
    } finally {
      if (regen.isConnected) setBusy(regen, false, 'Regenerate all flagged', 'Regenerating...');
    }
  });
  return h(
    'section',
    { class: 'card quality-gate', 'aria-labelledby': 'quality-gate-title' },
    h('h3', { id: 'quality-gate-title', class: 'card-title', text: 'Quality Gate' }),
    h('p', { class: 'muted', text: 'Review all posts, edit inline, or regenerate flagged items before export.' }),
    h(
      'div',
      { class: 'chips' },
      h('span', { class: 'chip', text: `Total: ${posts.length}` }),
      showFlagged ? h('span', { class: 'chip chip-warning', text: `Flagged: ${flagged.length}` }) : null,
      h('span', { class: 'chip chip-success', text: `Approved: ${approved.length}` }),
    ),
    flagged.length > 0
      ? h('div', { class: 'post-section' }, h('h4', { text: `Flagged Posts (${flagged.length})` }), flagged.map((p) => postRow(p, true, ctx)), h('div', { class: 'actions-row' }, regen))
      : null,
    approved.length > 0 ? h('div', { class: 'post-section' }, h('h4', { text: `Approved Posts (${approved.length})` }), approved.map((p) => postRow(p, false, ctx))) : null,
    regenError,
  );
}
