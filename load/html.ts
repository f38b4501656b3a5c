import { decodeHistogram, percentileCurve } from './histogram.ts';
import { escapeHtml, lineChart } from './svg.ts';
import type { Comparison } from './compare.ts';
import type { LatencyMs, LoadResult } from './types.ts';

/** Percentiles for the distribution chart; plotted at x = log10(1 / (1 − p)), as HdrHistogram's plotter does. */
const PERCENTILES = [0, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99];
const nines = (p: number): number => Math.log10(100 / (100 - Math.min(p, 99.999)));

const ms = (v: number | null): string => (v === null ? '—' : `${v} ms`);

function latencyRow(label: string, l: LatencyMs, extra: string): string {
  const cells = [l.min, l.p50, l.p90, l.p95, l.p99, l.max].map((v) => `<td>${ms(v)}</td>`).join('');
  return `<tr><th>${escapeHtml(label)}</th>${cells}${extra}</tr>`;
}

/** Pure: the result as one self-contained HTML page (inline SVG, no scripts, no CDN). */
export function renderLoadHtml(r: LoadResult, comparison?: Comparison): string {
  const t = r.timeline;
  const over = (key: 'p50' | 'p95' | 'p99'): { x: number; y: number }[] => t.filter((p) => p[key] !== null).map((p) => ({ x: p.second, y: p[key] ?? 0 }));
  const step = Math.max(1, Math.ceil(t.length / 12));
  const timeChart = lineChart({
    title: `Latency over time (per second, by ${r.engine === 'open' ? 'intended start' : 'completion'})`,
    series: [
      { name: 'p50', color: '#2b8a3e', points: over('p50') },
      { name: 'p95', color: '#e67700', points: over('p95') },
      { name: 'p99', color: '#c92a2a', points: over('p99') },
    ],
    xLabel: 'seconds since start',
    yLabel: 'latency (ms)',
    xTicks: t.filter((_, i) => i % step === 0).map((p) => ({ x: p.second, label: String(p.second) })),
  });
  const rateChart = lineChart({
    title: 'Requests per second',
    series: [
      { name: 'sent', color: '#1c7ed6', points: t.map((p) => ({ x: p.second, y: p.sent })) },
      { name: 'errors', color: '#c92a2a', points: t.map((p) => ({ x: p.second, y: p.errors + p.dropped })) },
    ],
    xLabel: 'seconds since start',
    yLabel: 'requests',
    xTicks: t.filter((_, i) => i % step === 0).map((p) => ({ x: p.second, label: String(p.second) })),
    height: 200,
  });
  const curve = percentileCurve(decodeHistogram(r.histogram), PERCENTILES);
  const distChart = lineChart({
    title: 'Latency by percentile (all routes)',
    series: [{ name: 'latency', color: '#5f3dc4', points: curve.map((c) => ({ x: nines(c.percentile), y: c.ms })) }],
    xLabel: 'percentile',
    yLabel: 'latency (ms)',
    xTicks: [0, 50, 90, 99, 99.9, 99.99].map((p) => ({ x: nines(p), label: `${p}%` })),
  });
  const q = r.requests;
  const routes = Object.values(r.perRoute)
    .map((s) => latencyRow(`${s.method} ${s.path}`, s.latencyMs, `<td>${s.requests.sent}</td><td>${s.requests.errors}</td><td>${(s.errorRate * 100).toFixed(3)} %</td>`))
    .join('');
  const facts: [string, string][] = [
    ['engine', r.engine],
    ['target', r.target],
    ['started', r.startedAt],
    ['duration', `${r.durationS} s (planned ${r.plannedDurationS} s)`],
    ['rate', `${r.targetRate === null ? 'closed loop' : `${r.targetRate} req/s asked`}, ${r.achievedRate} req/s achieved${r.maxSustainedRate === null ? '' : `, ${r.maxSustainedRate} req/s sustained`}`],
    ['requests', `${q.sent} sent, ${q.completed} completed, ${q.errors} errors (${q.timeouts} timeouts, ${q.non2xx} non-2xx, ${q.status5xx} 5xx), ${q.dropped} dropped, ${q.late} late`],
    ['error rate', `${(r.errorRate * 100).toFixed(3)} % (5xx ${(r.status5xxRate * 100).toFixed(3)} %)`],
    ['errors by kind', Object.entries(r.errorsByKind).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'],
    ['scheduling lag', r.engine === 'open' ? `p50 ${ms(r.schedulingLagMs.p50)}, p99 ${ms(r.schedulingLagMs.p99)}` : 'n/a (closed loop)'],
  ];
  if (comparison) facts.push(['vs baseline', comparison.summary]);
  const notes = r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Load ${escapeHtml(r.name)} — ${escapeHtml(r.target)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#212529}table{border-collapse:collapse;margin:8px 0 16px}
td,th{border:1px solid #dee2e6;padding:4px 8px;text-align:right}th{text-align:left;background:#f8f9fa}
svg text{font-size:11px;fill:#495057}.grid{stroke:#e9ecef}figure{margin:16px 0}figcaption{font-weight:600}
.partial{color:#c92a2a;font-weight:700}</style></head><body>
<h1>Load: ${escapeHtml(r.name)}</h1>
${r.partial ? '<p class="partial">Interrupted run: partial results.</p>' : ''}
<table>${facts.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(v)}</td></tr>`).join('')}</table>
<table><tr><th>route</th><th>min</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th><th>sent</th><th>errors</th><th>error rate</th></tr>
${latencyRow('all routes', r.latencyMs, `<td>${q.sent}</td><td>${q.errors}</td><td>${(r.errorRate * 100).toFixed(3)} %</td>`)}${routes}</table>
${notes ? `<ul>${notes}</ul>` : ''}
${timeChart}
${rateChart}
${distChart}
</body></html>
`;
}
