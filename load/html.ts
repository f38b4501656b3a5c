import { THRESHOLDS, type Threshold } from '../lib/runbook/thresholds.ts';
import { decodeHistogram, percentileCurve } from './histogram.ts';
import { escapeHtml } from '../lib/report/format.ts';
import { lineChart, type RefLine, type Series } from './svg.ts';
import { liveSection } from './html-live.ts';
import { timingLine } from './lines.ts';
import type { Comparison } from './compare.ts';
import type { LatencyMs, LoadResult, TimelinePoint } from './types.ts';

/** Percentiles for the distribution chart; plotted at x = log10(1 / (1 − p)), as HdrHistogram's plotter does. */
const PERCENTILES = [0, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99];
const nines = (p: number): number => Math.log10(100 / (100 - Math.min(p, 99.999)));

const ms = (v: number | null): string => (v === null ? '—' : `${v} ms`);
const pctText = (share: number): string => `${(share * 100).toFixed(3)} %`;

/** Options of the HTML report. */
export interface LoadHtmlOptions {
  /** A saved run this one was compared with (`compareResults`). */
  baseline?: Comparison | undefined;
  /** RB-14's threshold: its target and alert are drawn on the latency charts (default: the runbook data). */
  apiP95?: Threshold | undefined;
}

function latencyRow(label: string, l: LatencyMs, extra: string): string {
  const cells = [l.min, l.p50, l.p90, l.p95, l.p99, l.max].map((v) => `<td>${ms(v)}</td>`).join('');
  return `<tr><th>${escapeHtml(label)}</th>${cells}${extra}</tr>`;
}

function thresholdLines(t: Threshold): RefLine[] {
  return [
    { y: t.target, label: `${t.id} target ${t.target} ${t.unit}`, color: '#e67700' },
    { y: t.alert, label: `${t.id} alert ${t.alert} ${t.unit}`, color: '#c92a2a' },
  ];
}

const over = (t: readonly TimelinePoint[], key: 'p50' | 'p95' | 'p99'): { x: number; y: number }[] => t.filter((p) => p[key] !== null).map((p) => ({ x: p.second, y: p[key] ?? 0 }));

function charts(r: LoadResult, t: Threshold): string {
  const tl = r.timeline;
  const step = Math.max(1, Math.ceil(tl.length / 12));
  const xTicks = tl.filter((_, i) => i % step === 0).map((p) => ({ x: p.second, label: String(p.second) }));
  const live = r.live;
  const side = live ? 'candidate ' : '';
  const series: Series[] = [
    { name: `${side}p50`, color: '#2b8a3e', points: over(tl, 'p50') },
    { name: `${side}p95`, color: '#e67700', points: over(tl, 'p95') },
    { name: `${side}p99`, color: '#c92a2a', points: over(tl, 'p99') },
  ];
  if (live) series.push({ name: 'live p50', color: '#74b816', points: over(live.timeline, 'p50'), dashed: true }, { name: 'live p95', color: '#1c7ed6', points: over(live.timeline, 'p95'), dashed: true });
  const refLines = thresholdLines(t);
  const timeChart = lineChart({ title: `Latency over time (per second, by ${r.engine === 'open' ? 'intended start' : 'send'})`, series, xLabel: 'seconds since start', yLabel: 'latency (ms)', xTicks, refLines });
  const rateChart = lineChart({
    title: 'Requests per second',
    series: [
      { name: 'sent', color: '#1c7ed6', points: tl.map((p) => ({ x: p.second, y: p.sent })) },
      { name: 'errors', color: '#c92a2a', points: tl.map((p) => ({ x: p.second, y: p.errors + p.dropped })) },
      { name: 'rate limited', color: '#7048e8', points: tl.map((p) => ({ x: p.second, y: p.rateLimited })) },
    ],
    xLabel: 'seconds since start', yLabel: 'requests', xTicks, height: 200,
  });
  const curve = (x: LoadResult): { x: number; y: number }[] => percentileCurve(decodeHistogram(x.histogram), PERCENTILES).map((c) => ({ x: nines(c.percentile), y: c.ms }));
  const dist: Series[] = [{ name: `${side}latency`, color: '#5f3dc4', points: curve(r) }];
  if (live) dist.push({ name: 'live latency', color: '#1c7ed6', points: curve(live), dashed: true });
  const distChart = lineChart({ title: 'Latency by percentile (all routes)', series: dist, xLabel: 'percentile', yLabel: 'latency (ms)', xTicks: [0, 50, 90, 99, 99.9, 99.99].map((p) => ({ x: nines(p), label: `${p}%` })), refLines });
  return `${timeChart}\n${rateChart}\n${distChart}`;
}

function facts(r: LoadResult, baseline: Comparison | undefined): [string, string][] {
  const q = r.requests;
  const out: [string, string][] = [
    ['engine', r.engine],
    ['target', r.target],
    ['started', r.startedAt],
    ['duration', `${r.durationS} s (planned ${r.plannedDurationS} s)`],
    ['rate', `${r.targetRate === null ? 'closed loop' : `${r.targetRate} req/s asked`}, ${r.achievedRate} req/s achieved${r.maxSustainedRate === null ? '' : `, ${r.maxSustainedRate} req/s sustained`}`],
    ['requests', `${q.sent} sent, ${q.completed} completed, ${q.errors} errors (${q.timeouts} timeouts, ${q.non2xx} error statuses, ${q.status5xx} 5xx), ${q.dropped} dropped, ${q.late} late`],
    ['rate limited', q.rateLimited + q.rateLimitSkipped === 0 ? 'none' : `${q.rateLimited} × 429, ${q.rateLimitSkipped} sends skipped while paused; ${r.rateLimitPauses.map((p) => `${p.path} at ${p.atS} s for ${p.pauseS} s (Retry-After: ${p.retryAfter ?? 'none'})`).join('; ')}`],
    ['error rate', `${pctText(r.errorRate)} (5xx ${pctText(r.status5xxRate)})`],
    ['errors by kind', Object.entries(r.errorsByKind).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'],
    ['timing', timingLine(r)],
  ];
  if (baseline) out.push(['vs baseline', baseline.summary]);
  if (r.comparison) out.push(['vs live', r.comparison.summary]);
  return out;
}

/** Pure: the result as one self-contained HTML page (inline SVG, no scripts, no CDN). */
export function renderLoadHtml(r: LoadResult, opts: LoadHtmlOptions = {}): string {
  const q = r.requests;
  const routeExtra = (sent: number, errors: number, rate: number, svc: number | null, ok: number | null): string =>
    `<td>${ms(svc)}</td><td>${ms(ok)}</td><td>${sent}</td><td>${errors}</td><td>${pctText(rate)}</td>`;
  const routes = Object.values(r.perRoute)
    .map((s) => latencyRow(`${s.method} ${s.path}`, s.latencyMs, routeExtra(s.requests.sent, s.requests.errors, s.errorRate, s.serviceTimeMs.p95, s.success.latencyMs.p95)))
    .join('');
  const notes = r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Load ${escapeHtml(r.name)} — ${escapeHtml(r.target)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#212529}table{border-collapse:collapse;margin:8px 0 16px}
td,th{border:1px solid #dee2e6;padding:4px 8px;text-align:right}th{text-align:left;background:#f8f9fa}
svg text{font-size:11px;fill:#495057}.grid{stroke:#e9ecef}figure{margin:16px 0}figcaption{font-weight:600}
.partial{color:#c92a2a;font-weight:700}</style></head><body>
<h1>Load: ${escapeHtml(r.name)}</h1>
${r.partial ? '<p class="partial">Interrupted run: partial results.</p>' : ''}
<table>${facts(r, opts.baseline).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(v)}</td></tr>`).join('')}</table>
<p>Latency is from each request's intended start (open engine) to its last byte; service time from the send.</p>
<table><tr><th>route</th><th>min</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th><th>service p95</th><th>2xx p95</th><th>sent</th><th>errors</th><th>error rate</th></tr>
${latencyRow('all routes', r.latencyMs, routeExtra(q.sent, q.errors, r.errorRate, r.serviceTimeMs.p95, null))}${routes}</table>
${notes ? `<ul>${notes}</ul>` : ''}
${r.comparison ? liveSection(r.comparison) : ''}
${charts(r, opts.apiP95 ?? THRESHOLDS.apiP95)}
</body></html>
`;
}
