/**
 * `/dashboard/deliverables` (contract §7, §9, the real `pages/Deliverables.tsx`): stats, search and
 * filters, and the deliverables grouped by client and project (or as a list): each row has "View",
 * "Download" ("Downloading...") and, until delivered, "Mark Delivered" (both open the drawer).
 * Download fetches the file with the Bearer header as a blob and clicks an `<a download>`, so Playwright
 * sees a `download` event exactly as on the real page; a failure alerts "Failed to download file.
 * Please try again.".
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api, itemsOf } from '../lib/api.js';
import { basename } from '../lib/format.js';
import { navigate } from '../lib/nav.js';
import { lifetime } from './common.js';
import { openDrawer } from './deliverable-drawer.js';
import { deliverableRows } from './deliverable-rows.js';

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

/** @param {HTMLElement} container */
export function renderDeliverables(container) {
  const [alive, stop] = lifetime();
  const params = new URLSearchParams(location.search);
  const projectId = params.get('projectId') ?? '';
  const clientId = params.get('clientId') ?? '';
  /** @type {any[]} */
  let list = [];
  /** @type {any[]} */
  let clients = [];
  let state = 'loading';
  let mode = 'grouped';
  const search = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Search by path, ID, client, or project...' }));
  const status = /** @type {HTMLSelectElement} */ (h('select', null, [['', 'All statuses'], ['draft', 'Draft'], ['ready', 'Ready'], ['delivered', 'Delivered']].map(([v, t]) => h('option', { value: v, text: t }))));
  const format = /** @type {HTMLSelectElement} */ (h('select', null, [['', 'All formats'], ['txt', 'TXT'], ['docx', 'DOCX'], ['pdf', 'PDF'], ['md', 'Markdown']].map(([v, t]) => h('option', { value: v, text: t }))));
  const stats = h('div', { class: 'stats' });
  const body = h('div');
  const clientName = (/** @type {string} */ id) => clients.find((c) => c.id === id)?.name ?? id;
  const onDownload = async (/** @type {any} */ d, /** @type {HTMLButtonElement} */ button) => {
    button.disabled = true;
    button.textContent = 'Downloading...';
    try {
      await download(d);
    } catch (err) {
      console.error('Download failed:', err);
      alert('Failed to download file. Please try again.');
    } finally {
      button.disabled = false;
      button.textContent = 'Download';
    }
  };

  const draw = () => {
    const stat = (/** @type {number} */ n, /** @type {string} */ label) => h('div', { class: 'card' }, h('span', { class: 'stat-value', text: String(n) }), h('p', { class: 'stat-label', text: label }));
    const by = (/** @type {string} */ s) => list.filter((d) => d.status === s).length;
    replaceChildren(stats, stat(list.length, 'Total Deliverables'), stat(by('draft'), 'Draft'), stat(by('ready'), 'Ready to Send'), stat(by('delivered'), 'Delivered'));
    const q = search.value.trim().toLowerCase();
    const shown = list.filter((d) => (!q || [d.path, d.id, d.clientId, d.projectId].some((v) => String(v ?? '').toLowerCase().includes(q))) && (!format.value || d.format === format.value));
    if (state === 'loading') return replaceChildren(body, h('div', { class: 'card' }, h('p', { class: 'muted', text: 'Loading deliverables...' })));
    if (state === 'error') return replaceChildren(body, h('div', { class: 'alert alert-error' }, h('p', { text: 'Failed to load deliverables. Please try again.' })));
    if (shown.length === 0) return replaceChildren(body, h('div', { class: 'card' }, h('p', { class: 'muted', text: 'No deliverables found.' })));
    replaceChildren(body, deliverableRows(shown, mode, { clientName, view: openDrawer, download: onDownload }));
  };
  const load = async () => {
    state = 'loading';
    draw();
    const q = new URLSearchParams();
    if (status.value) q.set('status', status.value);
    if (projectId) q.set('projectId', projectId);
    if (clientId) q.set('client_id', clientId);
    try {
      // Newest first, so the export a check just made comes first in its group.
      list = itemsOf(await api('GET', `/api/deliverables/${q.size ? `?${q}` : ''}`)).sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
      state = 'ok';
    } catch {
      state = 'error';
    }
    if (alive()) draw();
  };
  search.addEventListener('input', draw);
  format.addEventListener('change', draw);
  status.addEventListener('change', load);
  api('GET', '/api/clients/').then((c) => ((clients = itemsOf(c)), alive() && draw()), () => {});
  const viewButton = (/** @type {string} */ m, /** @type {string} */ text) => h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text, onclick: () => ((mode = m), draw()) });
  const filtered = projectId || clientId;

  replaceChildren(
    container,
    h(
      'header',
      { class: 'page-header label-row' },
      h('div', null, h('h1', null, 'Deliverables', projectId ? h('span', { class: 'muted small', text: ` • Project ${projectId}` }) : null), h('p', { class: 'muted', text: 'Track export outputs, delivery status, and proof documentation' })),
      h('div', { class: 'inline-row' }, filtered ? h('button', { type: 'button', class: 'btn btn-secondary', text: 'Clear Filters', onclick: () => navigate('/dashboard/deliverables') }) : null, h('button', { type: 'button', class: 'btn btn-secondary', text: 'Refresh', onclick: load })),
    ),
    stats,
    h('div', { class: 'card label-row' }, search, h('div', { class: 'inline-row' }, status, format, viewButton('grouped', 'Grouped'), viewButton('list', 'List'))),
    body,
  );
  load();
  return stop;
}


