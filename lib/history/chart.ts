/**
 * One check's value over runs as inline SVG (the trend page is one self-contained file, like the load
 * report): the value, its target and alert lines, a marker per run coloured by status, and a dashed
 * line where the reported version changes.
 */
import { measuredPoints, type RunRef, type Series, type SeriesPoint } from './series.ts';
import { escapeHtml } from '../report/format.ts';
import { formatValue } from './text.ts';

export const STATUS_COLOR: Record<SeriesPoint['status'], string> = { pass: '#2b8a3e', warn: '#e67700', fail: '#c92a2a', error: '#868e96', skip: '#ced4da' };

const W = 760;
const H = 240;
const M = { l: 64, r: 16, t: 30, b: 40 };

const fmt = (n: number): string => (n === 0 ? '0' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

interface Frame {
  sx: (run: number) => number;
  sy: (y: number) => number;
  yMax: number;
}

function frame(runs: readonly RunRef[], top: number): Frame {
  const x0 = runs[0]?.run ?? 1;
  const x1 = Math.max(runs.at(-1)?.run ?? x0, x0 + 1);
  const yMax = (top > 0 ? top : 1) * 1.08;
  return { sx: (r) => M.l + ((r - x0) / (x1 - x0)) * (W - M.l - M.r), sy: (y) => H - M.b - (Math.max(0, y) / yMax) * (H - M.t - M.b), yMax };
}

function axes(f: Frame, runs: readonly RunRef[]): string {
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((k) => k * f.yMax)
    .map((y) => `<line x1="${M.l}" x2="${W - M.r}" y1="${f.sy(y).toFixed(1)}" y2="${f.sy(y).toFixed(1)}" class="grid"/><text x="${M.l - 6}" y="${(f.sy(y) + 4).toFixed(1)}" text-anchor="end">${fmt(y)}</text>`)
    .join('');
  const step = Math.max(1, Math.ceil(runs.length / 8));
  const ticks = runs
    .filter((_, i) => i % step === 0)
    .map((r) => `<text x="${f.sx(r.run).toFixed(1)}" y="${H - M.b + 15}" text-anchor="middle">#${r.run}</text><text x="${f.sx(r.run).toFixed(1)}" y="${H - M.b + 28}" text-anchor="middle">${escapeHtml(r.time.slice(5, 10))}</text>`)
    .join('');
  return grid + ticks;
}

function versionMarks(f: Frame, runs: readonly RunRef[]): string {
  return runs
    .filter((r, i) => i > 0 && r.version !== runs[i - 1]?.version)
    .map((r) => {
      const x = f.sx(r.run).toFixed(1);
      return `<g class="version-change"><line x1="${x}" x2="${x}" y1="${M.t - 4}" y2="${H - M.b}" stroke="#5f3dc4" stroke-dasharray="2 3"/><text x="${x}" y="${M.t - 8}" text-anchor="middle" fill="#5f3dc4">${escapeHtml(r.version ?? 'unknown')}</text></g>`;
    })
    .join('');
}

/** A horizontal line per run that steps where an override changed the limit. */
function limitLine(f: Frame, points: readonly SeriesPoint[], key: 'target' | 'alert', color: string): string {
  const pts = points.filter((p) => p[key] !== undefined && (p[key] ?? 0) <= f.yMax);
  if (pts.length === 0) return '';
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${f.sx(p.run).toFixed(1)},${f.sy(p[key] ?? 0).toFixed(1)}`).join('');
  const lone = pts.length === 1 ? `M${M.l},${f.sy(pts[0]?.[key] ?? 0).toFixed(1)}H${W - M.r}` : '';
  return `<path class="limit ${key}" d="${lone || d}" fill="none" stroke="${color}" stroke-width="1.2" stroke-dasharray="6 4"><title>${key}</title></path>`;
}

function markers(f: Frame, s: Series): string {
  return s.points
    .map((p) => {
      const tip = `<title>run ${p.run} · ${escapeHtml(p.time)} · ${escapeHtml(p.version ?? 'version unknown')} · ${p.measured === undefined ? 'nothing measured' : escapeHtml(formatValue(p.measured, s.unit))} · ${p.status}</title>`;
      const x = f.sx(p.run).toFixed(1);
      if (p.measured !== undefined) return `<circle class="marker status-${p.status}" cx="${x}" cy="${f.sy(p.measured).toFixed(1)}" r="4" fill="${STATUS_COLOR[p.status]}">${tip}</circle>`;
      // Nothing measured: a hollow mark on the axis keeps the run's status visible.
      return `<rect class="marker status-${p.status} unmeasured" x="${(Number(x) - 4).toFixed(1)}" y="${H - M.b - 4}" width="8" height="8" fill="none" stroke="${STATUS_COLOR[p.status]}">${tip}</rect>`;
    })
    .join('');
}

/** Pure: the chart of one series over the runs shown, or '' when it has no measured value. */
export function trendChart(s: Series, runs: readonly RunRef[]): string {
  const pts = measuredPoints(s);
  if (pts.length === 0) return '';
  const values = pts.map((p) => p.measured);
  const targets = s.points.flatMap((p) => (p.target === undefined ? [] : [p.target]));
  const alerts = s.points.flatMap((p) => (p.alert === undefined ? [] : [p.alert]));
  const top = Math.max(...values, ...targets);
  // An alert far above everything would flatten the values into the axis: then it is named, not drawn.
  const alertShown = alerts.length > 0 && Math.max(...alerts) <= 3 * Math.max(top, Number.MIN_VALUE);
  const f = frame(runs, alertShown ? Math.max(top, ...alerts) : top);
  const line = pts.map((p, i) => `${i ? 'L' : 'M'}${f.sx(p.run).toFixed(1)},${f.sy(p.measured).toFixed(1)}`).join('');
  const lastAlert = alerts.at(-1);
  const offScale = !alertShown && lastAlert !== undefined ? ` · alert ${escapeHtml(formatValue(lastAlert, s.unit))} is above this range` : '';
  const legend = `<text x="${M.l}" y="12"><tspan fill="#1c7ed6">━ value</tspan>${targets.length ? ' <tspan fill="#e67700">╌ target</tspan>' : ''}${alertShown ? ' <tspan fill="#c92a2a">╌ alert</tspan>' : ''} <tspan fill="#5f3dc4">┆ version change</tspan>${offScale}</text>`;
  const label = `${s.title} (${s.unit ?? 'value'})`;
  return `<figure class="trend" data-id="${escapeHtml(s.id)}"><figcaption>${escapeHtml(label)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(label)}">
${axes(f, runs)}${versionMarks(f, runs)}${limitLine(f, s.points, 'target', '#e67700')}${alertShown ? limitLine(f, s.points, 'alert', '#c92a2a') : ''}<path class="value" d="${line}" fill="none" stroke="#1c7ed6" stroke-width="1.8"/>${markers(f, s)}${legend}
</svg></figure>`;
}
