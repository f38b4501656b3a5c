/**
 * The QualityGatePanel (contract §6, the real `QualityGatePanel.tsx`): chips "Total: N", "Flagged: N"
 * (only when N > 0) and "Approved: N", sections "Flagged Posts (N)" (one warning badge per flag string,
 * "Regenerate all flagged") and "Approved Posts (N)", an "Edit" button per post. Fault qa-flags-missing
 * hides the badges and the Flagged chip only.
 */
import { h, setBusy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { hasFault } from '../lib/faults.js';
import { openEditDialog } from './edit-dialog.js';
import { splitPosts } from './store.js';

/** "Total: " and the number in two spans, as the real chips are. */
const chip = (/** @type {string} */ label, /** @type {number} */ n, /** @type {string} */ tone) => h('div', { class: `chip ${tone}` }, h('span', { class: 'strong', text: `${label}: ` }), h('span', { text: String(n) }));

/** @param {any} post @param {boolean} flaggedRow @param {() => void} edit */
function postRow(post, flaggedRow, edit) {
  const flags = Array.isArray(post.flags) ? post.flags : [];
  const badges = flaggedRow && flags.length > 0 && !hasFault('qa-flags-missing') ? h('div', { class: 'inline-row' }, flags.map((/** @type {string} */ f) => h('span', { class: 'badge badge-warning', text: String(f) }))) : null;
  return h(
    'div',
    { class: `post-row${flaggedRow ? ' post-flagged' : ''}`, dataset: { postId: post.id } },
    h('div', { class: 'post-main' }, h('div', { class: 'post-head' }, flaggedRow ? null : h('span', { class: 'ok-icon', 'aria-hidden': 'true', text: '✓' }), h('span', { class: 'strong', text: `Post ${post.id}` }), badges), h('p', { class: 'clamp', text: post.content ?? '' })),
    h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Edit', onclick: edit }),
  );
}

/**
 * @param {any[]} posts
 * @param {import('./wizard.js').WizardContext} ctx
 * @param {HTMLElement} dialogHost where the edit overlay opens
 */
export function qualityGatePanel(posts, ctx, dialogHost) {
  const { flagged, approved } = splitPosts(posts);
  const edit = (/** @type {any} */ post) => () => openEditDialog(dialogHost, post, ctx.refreshPosts);
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
    'div',
    { class: 'card quality-gate' },
    h('div', null, h('h3', { class: 'card-title', text: 'Quality Gate' }), h('p', { class: 'muted', text: 'Review all posts, edit inline, or regenerate flagged items before export.' })),
    h('div', { class: 'chips' }, chip('Total', posts.length, ''), flagged.length > 0 && !hasFault('qa-flags-missing') ? chip('Flagged', flagged.length, 'chip-warning') : null, chip('Approved', approved.length, 'chip-success')),
    flagged.length > 0
      ? h('div', { class: 'post-section' }, h('h4', { text: `Flagged Posts (${flagged.length})` }), flagged.map((p) => postRow(p, true, edit(p))), h('div', { class: 'actions-row' }, regen))
      : null,
    approved.length > 0 ? h('div', { class: 'post-section' }, h('h4', { text: `Approved Posts (${approved.length})` }), approved.map((p) => postRow(p, false, edit(p)))) : null,
    regenError,
  );
}
