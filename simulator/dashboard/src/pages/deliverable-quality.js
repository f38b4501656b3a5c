/** The drawer's "Quality" tab with the real texts (contract §9). */
import { h } from '../lib/dom.js';

/** "Excellent quality - 93% approval rate" and its two lower bands. */
function qualityVerdict(/** @type {number} */ ratePct) {
  const pct = `${Math.round(ratePct)}% approval rate`;
  if (ratePct >= 90) return `Excellent quality - ${pct}`;
  if (ratePct >= 70) return `Good quality - ${pct}`;
  return `Needs review - ${pct}`;
}

/** @param {any} qa the details' qaSummary */
export function qualityTab(qa) {
  const total = Number(qa?.totalPosts ?? 0);
  if (!qa || !total) return h('p', { class: 'muted', text: 'No quality metrics available' });
  const approved = Number(qa.approvedCount ?? 0);
  const flagged = Number(qa.flaggedCount ?? 0);
  const metric = (/** @type {string} */ label, /** @type {unknown} */ value) => h('div', { class: 'metric' }, h('div', { class: 'metric-label', text: label }), h('div', { class: 'metric-value', text: String(value) }));
  const fixed = (/** @type {unknown} */ v) => (typeof v === 'number' ? v.toFixed(1) : '—');
  const flags = Array.isArray(qa.commonFlags) ? qa.commonFlags : [];
  return h(
    'div',
    { class: 'quality' },
    h('h3', { text: 'Quality Summary' }),
    h('div', { class: 'metrics' }, metric('Total Posts', total), metric('Approved', approved), metric('Flagged', flagged)),
    h('p', { class: 'quality-verdict', text: qualityVerdict((approved / total) * 100) }),
    h('h3', { text: 'Content Metrics' }),
    h('div', { class: 'metrics' }, metric('Avg. words', fixed(qa.avgWordCount)), metric('Avg. readability', fixed(qa.avgReadability)), metric('With CTA', typeof qa.ctaPercentage === 'number' ? `${Math.round(qa.ctaPercentage)}%` : '—')),
    h('h3', { text: 'Common Issues' }),
    flags.length
      ? h('ul', null, flags.map((/** @type {any} */ f) => h('li', { text: typeof f === 'string' ? f : `${f.flag ?? f.name ?? ''} (${f.count ?? ''})` })))
      : h('p', { class: 'muted', text: 'No common issues' }),
  );
}
