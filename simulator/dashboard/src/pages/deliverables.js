/**
 * `/dashboard/deliverables` (contract §7, §9): rows with a status badge and "View", "Download",
 * "Mark Delivered". Download fetches the file with the Bearer header as a blob and clicks an
 * `<a download>`, so Playwright sees a `download` event exactly as on the real page.
 */
import { h, replaceChildren, setBusy } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { basename, when } from '../lib/format.js';
import { badge, lifetime, loadInto, pageHeader } from './common.js';
import { openDrawer } from './deliverable-drawer.js';

/** `attachment; filename="x.docx"` -> "x.docx" */
function fileNameFrom(/** @type {string | null} */ disposition, /** @type {string} */ fallback) {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

/** @param {any} d a DeliverableResponse */
async function download(d) {
  const { blob, headers } = await api('GET', `/api/deliverables/${encodeURIComponent(d.id)}/download`, { blob: true });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileNameFrom(headers.get('content-disposition'), basename(String(d.path ?? d.id))) });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** @param {any} d @param {() => void} reload */
function row(d, reload) {
  const dl = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Download' }));
  dl.addEventListener('click', async () => {
    setBusy(dl, true, 'Download', 'Downloading...');
    try {
      await download(d);
    } catch {
      alert('Failed to download file. Please try again.');
    } finally {
      setBusy(dl, false, 'Download', 'Downloading...');
    }
  });
  const deliver = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Mark Delivered', disabled: d.status === 'delivered' }));
  deliver.addEventListener('click', async () => {
    deliver.disabled = true;
    try {
      await api('PATCH', `/api/deliverables/${encodeURIComponent(d.id)}/mark-delivered`, { body: { delivered_at: new Date().toISOString() } });
      reload();
    } catch (err) {
      deliver.disabled = false;
      alert(`Failed to mark as delivered: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const view = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'View', onclick: () => openDrawer(d) });
  return h(
    'tr',
    { dataset: { deliverableId: d.id } },
    h('td', null, badge(String(d.status ?? 'draft'))),
    h('td', null, h('div', { class: 'strong', text: d.path ?? d.id }), h('div', { class: 'muted small', text: d.id })),
    h('td', { text: String(d.format ?? '').toUpperCase() }),
    h('td', { text: when(d.createdAt) }),
    h('td', { class: 'actions' }, view, dl, deliver),
  );
}

/** @param {HTMLElement} container */
export function renderDeliverables(container) {
  const [alive, stop] = lifetime();
  const body = h('div', { class: 'card' });
  replaceChildren(container, pageHeader('Deliverables', 'Exported content packages.'), body);
  const reload = () =>
    loadInto(
      body,
      async () => itemsOf(await api('GET', '/api/deliverables/')),
      (list) => {
        if (list.length === 0) return h('p', { class: 'muted', text: 'No deliverables yet.' });
        // Newest first, so the export a check just made is the first row.
        const sorted = [...list].sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
        return h(
          'table',
          { class: 'table' },
          h('thead', null, h('tr', null, ['Status', 'Deliverable', 'Format', 'Created', 'Actions'].map((t) => h('th', { text: t })))),
          h('tbody', null, sorted.map((d) => row(d, reload))),
        );
      },
      alive,
    );
  reload();
  return stop;
}
