/**
 * The deliverable drawer (contract §7, §9): "Close drawer", tabs Overview / Preview / Posts (N) /
 * Quality / History. Like the real dashboard it validates datetimes as zod's `z.string().datetime()`
 * does (UTC "Z" only), so `+00:00` data shows "Error loading deliverable details".
 */
import { h, replaceChildren } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { when } from '../lib/format.js';
import { qualityTab } from './deliverable-quality.js';

const ZOD_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

function validDetails(/** @type {any} */ d) {
  const okDate = (/** @type {unknown} */ v, nullable = false) => (nullable && (v === null || v === undefined)) || (typeof v === 'string' && ZOD_DATETIME.test(v));
  return d && typeof d.id === 'string' && okDate(d.createdAt) && okDate(d.deliveredAt, true) && okDate(d.fileModifiedAt, true);
}

/** @param {Array<[string, HTMLElement]>} tabs */
function tabView(tabs) {
  const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Deliverable details' });
  const panels = h('div', { class: 'tab-panels' });
  const select = (/** @type {number} */ index) => {
    list.querySelectorAll('[role=tab]').forEach((t, i) => {
      t.setAttribute('aria-selected', String(i === index));
      t.setAttribute('tabindex', i === index ? '0' : '-1');
    });
    panels.querySelectorAll('[role=tabpanel]').forEach((p, i) => ((/** @type {HTMLElement} */ (p)).hidden = i !== index));
  };
  tabs.forEach(([label, content], i) => {
    list.append(h('button', { type: 'button', role: 'tab', id: `drawer-tab-${i}`, 'aria-controls': `drawer-panel-${i}`, text: label, onclick: () => select(i) }));
    panels.append(h('div', { role: 'tabpanel', id: `drawer-panel-${i}`, 'aria-labelledby': `drawer-tab-${i}` }, content));
  });
  select(0);
  return [list, panels];
}

/** @param {any} d DeliverableDetails */
function detailsView(d) {
  const posts = Array.isArray(d.posts) ? d.posts : [];
  const facts = (/** @type {Array<[string, unknown]>} */ pairs) => h('dl', { class: 'facts' }, pairs.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v === null || v === undefined || v === '' ? '—' : String(v) })]));
  return tabView([
    ['Overview', facts([['Status', d.status], ['Format', String(d.format ?? '').toUpperCase()], ['Path', d.path], ['Size', d.fileSizeBytes ? `${d.fileSizeBytes} bytes` : null], ['Project', d.projectId], ['Client', d.clientId]])],
    ['Preview', d.filePreview ? h('pre', { class: 'preview', text: d.filePreview + (d.filePreviewTruncated ? '\n…' : '') }) : h('p', { class: 'muted', text: 'No preview available' })],
    [`Posts (${posts.length})`, posts.length ? h('ol', { class: 'post-list' }, posts.map((/** @type {any} */ p) => h('li', null, h('div', { class: 'strong', text: `Post ${p.id}${p.templateName ? ` · ${p.templateName}` : ''}` }), h('div', { class: 'clamp', text: p.content ?? p.contentPreview ?? '' })))) : h('p', { class: 'muted', text: 'No posts linked to this deliverable' })],
    ['Quality', qualityTab(d.qaSummary)],
    ['History', facts([['Created', when(d.createdAt)], ['File modified', when(d.fileModifiedAt)], ['Delivered', when(d.deliveredAt)], ['Proof', d.proofUrl], ['Notes', d.proofNotes]])],
  ]);
}

/** Opens the drawer for a deliverable row. @param {any} deliverable */
export function openDrawer(deliverable) {
  document.querySelector('.drawer-backdrop')?.remove();
  const body = h('div', { class: 'drawer-body' }, h('p', { class: 'muted', text: 'Loading...' }));
  const close = () => {
    backdrop.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (/** @type {KeyboardEvent} */ e) => e.key === 'Escape' && close();
  const panel = h(
    'aside',
    { class: 'drawer', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'drawer-title' },
    h('div', { class: 'drawer-head' }, h('h2', { id: 'drawer-title', text: 'Deliverable Details' }), h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close drawer', text: '✕', onclick: close })),
    body,
  );
  const backdrop = h('div', { class: 'drawer-backdrop', onclick: (/** @type {MouseEvent} */ e) => e.target === backdrop && close() }, panel);
  document.addEventListener('keydown', onKey);
  document.body.append(backdrop);
  api('GET', `/api/deliverables/${encodeURIComponent(deliverable.id)}/details`).then(
    (d) => backdrop.isConnected && replaceChildren(body, validDetails(d) ? detailsView(d) : h('div', { class: 'alert alert-error', text: 'Error loading deliverable details' })),
    () => backdrop.isConnected && replaceChildren(body, h('div', { class: 'alert alert-error', text: 'Error loading deliverable details' })),
  );
}
