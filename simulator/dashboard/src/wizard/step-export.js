/**
 * Step 5 (contract §7, the real `ExportPanel.tsx`): "Export Package". Like the real panel it always asks
 * for DOCX (the format select and the audit-log box change nothing) and downloads nothing: downloads
 * happen on the Deliverables page. A failure shows the request's error message.
 */
import { h, setBusy } from '../lib/dom.js';
import { api } from '../lib/api.js';

/** @param {HTMLElement} box @param {import('./wizard.js').WizardContext} ctx */
export function renderExportStep(box, ctx) {
  const error = h('div', { class: 'alert alert-error', hidden: true });
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Export' }));
  button.addEventListener('click', async () => {
    const { projectId, clientId } = ctx.store.state;
    setBusy(button, true, 'Export', 'Exporting...');
    error.hidden = true;
    try {
      await api('POST', '/api/generator/export', { body: { project_id: projectId, client_id: clientId, format: 'docx' } });
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : 'Export failed';
      error.hidden = false;
    } finally {
      setBusy(button, false, 'Export', 'Exporting...');
    }
  });
  box.append(
    h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'label-row' },
        h('div', null, h('h3', { class: 'card-title', text: 'Export Package' }), h('p', { class: 'muted small', text: 'Generate txt/docx deliverable and log audit entry.' })),
        h(
          'div',
          { class: 'inline-row' },
          h('select', { value: 'docx' }, h('option', { value: 'docx', text: 'DOCX' }), h('option', { value: 'txt', text: 'TXT' })),
          h('label', { class: 'checkbox-label' }, h('input', { type: 'checkbox', checked: true }), 'Include audit log'),
          button,
        ),
      ),
      error,
    ),
  );
}
