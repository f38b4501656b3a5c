/** The Deliverables page's two views: grouped by client and project (the default), or one table. */
import { h } from '../lib/dom.js';
import { navigate } from '../lib/nav.js';
import { badge } from './common.js';

/** "11 KB" / "1.5 MB" / "0 B", like the real formatFileSize (one decimal below 10). */
function fileSize(/** @type {number | null | undefined} */ bytes) {
  if (bytes === undefined || bytes === null) return 'Unknown';
  if (bytes === 0) return '0 B';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i += 1;
  }
  return size < 10 ? `${size.toFixed(1)} ${units[i]}` : `${Math.round(size)} ${units[i]}`;
}

/** "SBS_Client_20261201_120407_deliverable.docx" -> "SBS Client Deliverable" (the real getDeliverableName). */
function displayName(/** @type {string} */ path) {
  const file = path.split(/[/\\]/).pop() || path;
  return file
    .replace(/\.(txt|docx|pdf|md)$/i, '')
    .replace(/_\d{8}_\d{6}/, '')
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const created = (/** @type {string} */ iso) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/**
 * @typedef {{ clientName: (id: string) => string, view: (d: any) => void, download: (d: any, button: HTMLButtonElement) => void }} RowActions
 * @param {any} d @param {RowActions} act
 */
function actions(d, act) {
  const dl = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Download' }));
  dl.addEventListener('click', () => act.download(d, dl));
  return h(
    'div',
    { class: 'row-actions' },
    h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'View', onclick: () => act.view(d) }),
    dl,
    d.status !== 'delivered' ? h('button', { type: 'button', class: 'btn btn-secondary btn-sm', text: 'Mark Delivered', onclick: () => act.view(d) }) : null,
    d.proofUrl ? h('a', { href: d.proofUrl, target: '_blank', rel: 'noopener noreferrer', text: 'Proof' }) : null,
  );
}

/** @param {any} d @param {RowActions} act */
function groupedRow(d, act) {
  return h(
    'div',
    { class: 'deliverable-row', dataset: { deliverableId: d.id } },
    h(
      'div',
      { class: 'post-main' },
      h('div', { class: 'inline-row' }, h('span', { class: 'strong', text: displayName(String(d.path ?? '')) }), badge(String(d.status ?? 'draft')), h('span', { class: 'muted small', text: fileSize(d.fileSizeBytes) })),
      h('p', { class: 'mono small muted', text: d.path }),
      h('div', { class: 'muted small' }, `Created ${created(d.createdAt)}`, d.runId ? ` Run #${d.runId}` : '', d.deliveredAt ? ` Delivered ${created(d.deliveredAt)}` : ''),
    ),
    actions(d, act),
  );
}

/** @param {any[]} list @param {string} mode @param {RowActions} act */
export function deliverableRows(list, mode, act) {
  if (mode === 'list') {
    const head = ['File', 'Client/Project', 'Format', 'Status', 'Created', 'Actions'];
    return h(
      'table',
      { class: 'table card' },
      h('thead', null, h('tr', null, head.map((t) => h('th', { text: t })))),
      h('tbody', null, list.map((d) => h('tr', { dataset: { deliverableId: d.id } }, h('td', null, h('p', { class: 'strong', text: displayName(String(d.path ?? '')) }), h('p', { class: 'mono small muted', text: `${d.path} • ${fileSize(d.fileSizeBytes)}` })), h('td', null, h('button', { type: 'button', class: 'btn-link', text: act.clientName(d.clientId), onclick: () => navigate(`/dashboard/clients/${d.clientId}`) }), h('p', { class: 'muted small', text: d.projectId })), h('td', { text: String(d.format ?? '').toUpperCase() }), h('td', null, badge(String(d.status ?? 'draft'))), h('td', { text: created(d.createdAt) }), h('td', null, actions(d, act))))),
    );
  }
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  for (const d of list) groups.set(`${d.clientId}::${d.projectId}`, [...(groups.get(`${d.clientId}::${d.projectId}`) ?? []), d]);
  return [...groups.values()].map((items) => {
    const { clientId, projectId } = items[0];
    return h(
      'div',
      { class: 'card deliverable-group' },
      h(
        'div',
        { class: 'label-row' },
        h(
          'div',
          { class: 'inline-row' },
          h('button', { type: 'button', class: 'btn-link', title: `View client ${act.clientName(clientId)}`, text: `Client: ${act.clientName(clientId)}`, onclick: () => navigate(`/dashboard/clients/${clientId}`) }),
          h('button', { type: 'button', class: 'btn-link', title: `View project ${projectId}`, text: `Project: ${projectId}`, onclick: () => navigate(`/dashboard/projects/${projectId}`) }),
        ),
        h('span', { class: 'muted small', text: `${items.length} deliverable${items.length !== 1 ? 's' : ''}` }),
      ),
      items.map((d) => groupedRow(d, act)),
    );
  });
}
