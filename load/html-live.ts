import { escapeHtml } from '../lib/report/format.ts';
import { pValueText as p } from './live.ts';
import type { LiveComparison, LiveDifference } from './live-types.ts';

const ms = (v: number | null): string => (v === null ? '—' : `${v}`);

function row(label: string, d: LiveDifference): string {
  const c = d.candidate;
  const l = d.live;
  const cells = [
    `${ms(c.p50)} / ${ms(c.p95)} / ${ms(c.p99)}`,
    `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`,
    `${ms(c.serviceP95)} / ${ms(l.serviceP95)}`,
    d.p95Ratio === null ? '—' : `${d.p95Ratio}×`,
    d.latency ? `${p(d.latency.pValue)} (δ ${d.latency.effectSize.toFixed(3)})` : '—',
    `${(c.errorRate * 100).toFixed(3)} % / ${(l.errorRate * 100).toFixed(3)} %`,
    p(d.errorRate.pValue),
    d.status,
  ];
  return `<tr><th>${escapeHtml(label)}</th>${cells.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`;
}

/** Pure: the candidate-vs-live table of the load report. */
export function liveSection(c: LiveComparison): string {
  const head = ['', 'candidate p50 / p95 / p99 ms', 'live p50 / p95 / p99 ms', 'service p95 ms (cand. / live)', 'p95 ratio', 'Mann–Whitney p', 'error rate (cand. / live)', 'Fisher p', 'status'];
  const rows = [row('all routes', c.overall), ...Object.entries(c.perRoute).map(([path, d]) => row(path, d))].join('');
  return `<h2>Candidate vs live: ${escapeHtml(c.status)}</h2>
<p>${escapeHtml(`${c.candidate} against ${c.live} on the same schedule, interleaved send by send. p95 ratio ${c.thresholds.p95Ratio}; error rate above live ${c.thresholds.errorRateDelta}; only differences significant at p < ${c.alpha} (per route p < ${Number((c.alpha / Math.max(1, Object.keys(c.perRoute).length)).toPrecision(2))}) warn or fail.`)}</p>
<table><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${rows}</table>`;
}
