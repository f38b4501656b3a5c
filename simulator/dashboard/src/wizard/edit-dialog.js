/**
 * "Edit Post <id>" dialog (contract §6): textarea, "Cancel", "Save Changes" ("Saving...") ->
 * PATCH /api/posts/{id} {content}, then the caller refetches.
 */
import { h } from '../lib/dom.js';
import { api } from '../lib/api.js';

/**
 * @param {any} post
 * @param {() => Promise<void>} afterSave
 */
export function openEditDialog(post, afterSave) {
  const title = `edit-post-title-${post.id}`;
  const textarea = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 12, class: 'mono', placeholder: 'Enter post content...', value: post.content ?? '' }));
  const error = h('div', { class: 'alert alert-error', hidden: true });
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Save Changes' }));
  const cancel = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-secondary', text: 'Cancel' }));
  const flags = Array.isArray(post.flags) && post.flags.length ? h('p', { class: 'muted small' }, h('span', { class: 'strong', text: 'Flags: ' }), post.flags.join(', ')) : null;
  const dialog = /** @type {HTMLDialogElement} */ (
    h(
      'dialog',
      { class: 'modal', 'aria-labelledby': title },
      h('h2', { id: title, text: `Edit Post ${post.id}` }),
      h('p', { class: 'muted small', text: 'Edit the post content below. Word count and readability will be recalculated on save.' }),
      textarea,
      flags,
      error,
      h('div', { class: 'actions-row' }, cancel, save),
    )
  );
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const sync = () => (save.disabled = !textarea.value.trim());
  textarea.addEventListener('input', sync);
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    if (!cancel.disabled) close();
  });
  save.addEventListener('click', async () => {
    if (!textarea.value.trim()) return;
    save.disabled = true;
    cancel.disabled = true;
    save.textContent = 'Saving...';
    error.hidden = true;
    try {
      await api('PATCH', `/api/posts/${encodeURIComponent(post.id)}`, { body: { content: textarea.value } });
      await afterSave().catch(() => {});
      close();
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : 'Update failed';
      error.hidden = false;
      save.textContent = 'Save Changes';
      cancel.disabled = false;
      sync();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  sync();
}
