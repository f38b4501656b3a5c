/**
 * "Edit Post <id>" (contract §6, the real QualityGatePanel's dialog): like the real one it is a plain
 * overlay rendered after the panel, not a `role=dialog` (the app's `ui/dialog.tsx` is bare divs):
 * heading "Edit Post <id>", a textarea "Enter post content...", "Cancel" and "Save Changes"
 * ("Saving...") -> PATCH /api/posts/{id} {content}. A click on the backdrop cancels; Escape does not.
 */
import { h } from '../lib/dom.js';
import { api } from '../lib/api.js';

/**
 * @param {HTMLElement} host where the overlay goes (after the Quality Gate panel)
 * @param {any} post
 * @param {() => Promise<void>} afterSave
 */
export function openEditDialog(host, post, afterSave) {
  const textarea = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 12, class: 'mono', placeholder: 'Enter post content...', value: post.content ?? '' }));
  const error = h('div', { class: 'alert alert-error', hidden: true });
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Save Changes' }));
  const cancel = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-secondary', text: 'Cancel' }));
  const flags = Array.isArray(post.flags) && post.flags.length ? h('div', { class: 'small' }, h('span', { class: 'strong', text: 'Flags: ' }), post.flags.join(', ')) : null;
  const box = h(
    'div',
    { class: 'modal' },
    h('h2', { text: `Edit Post ${post.id}` }),
    h('p', { class: 'muted small', text: 'Edit the post content below. Word count and readability will be recalculated on save.' }),
    textarea,
    h('div', { class: 'modal-info' }, flags),
    error,
    h('div', { class: 'actions-row' }, cancel, save),
  );
  const overlay = h('div', { class: 'modal-overlay' }, box);
  const close = () => overlay.remove();
  const sync = () => (save.disabled = !textarea.value.trim());
  textarea.addEventListener('input', sync);
  cancel.addEventListener('click', close);
  overlay.addEventListener('click', (e) => e.target === overlay && !cancel.disabled && close());
  save.addEventListener('click', async () => {
    if (!textarea.value.trim()) return;
    save.disabled = true;
    cancel.disabled = true;
    save.textContent = 'Saving...';
    error.hidden = true;
    try {
      await api('PATCH', `/api/posts/${encodeURIComponent(post.id)}`, { body: { content: textarea.value } });
      close();
      await afterSave().catch(() => {});
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : 'Update failed';
      error.hidden = false;
      save.textContent = 'Save Changes';
      cancel.disabled = false;
      sync();
    }
  });
  host.replaceChildren(overlay);
  sync();
  textarea.focus();
}
