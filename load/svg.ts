/** A tiny, dependency-free SVG line chart: the load report is one self-contained file (no CDN). */
import { escapeHtml } from '../lib/report/format.ts';

export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  /** Drawn dashed: the second deployment of a comparison. */
  dashed?: boolean;
}

/** A horizontal reference line (a threshold), labelled at its right end. */
export interface RefLine {
  y: number;
  label: string;
  color: string;
}

/** A line more than this many times above the data would flatten it to nothing: it is named at the top instead. */
const OFF_SCALE = 10;

export interface ChartSpec {
  title: string;
  series: Series[];
  xLabel: string;
  yLabel: string;
  /** Where to draw x ticks and what to write there (x in data units). */
  xTicks: { x: number; label: string }[];
  refLines?: RefLine[];
  width?: number;
  height?: number;
}

const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function lineChart(c: ChartSpec): string {
  const W = c.width ?? 760;
  const H = c.height ?? 300;
  const m = { l: 64, r: 16, t: 28, b: 44 };
  const pts = c.series.flatMap((s) => s.points);
  if (pts.length === 0) return `<p class="empty">${escapeHtml(c.title)}: no samples</p>`;
  const xs = [...pts.map((p) => p.x), ...c.xTicks.map((t) => t.x)];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const dataMax = Math.max(...pts.map((p) => p.y), 1);
  const refs = c.refLines ?? [];
  const y1 = Math.max(dataMax, ...refs.filter((l) => l.y <= dataMax * OFF_SCALE).map((l) => l.y)) * 1.05;
  const sx = (x: number): number => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const sy = (y: number): number => H - m.b - (y / y1) * (H - m.t - m.b);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * y1);
  const grid = yTicks
    .map((y) => `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(y)}" y2="${sy(y)}" class="grid"/><text x="${m.l - 6}" y="${sy(y) + 4}" text-anchor="end">${fmt(y)}</text>`)
    .join('');
  const ticks = c.xTicks.map((t) => `<text x="${sx(t.x)}" y="${H - m.b + 16}" text-anchor="middle">${escapeHtml(t.label)}</text>`).join('');
  const lines = c.series
    .map((s) => {
      const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="6 4"' : ''}><title>${escapeHtml(s.name)}</title></path>`;
    })
    .join('');
  // entries as wide as their names (11 px text: about 6.5 px a character), so long names do not overlap
  let at = m.l + 8;
  const legend = c.series
    .map((s) => {
      const x = at;
      at += 28 + s.name.length * 6.5;
      return `<rect x="${x}" y="8" width="12" height="3" fill="${s.color}"/><text x="${x + 16}" y="13">${escapeHtml(s.name)}</text>`;
    })
    .join('');
  const offScale = refs.filter((l) => l.y > y1);
  const drawn = refs
    .filter((l) => l.y <= y1)
    .map((l) => `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(l.y)}" y2="${sy(l.y)}" stroke="${l.color}" stroke-width="1.2" stroke-dasharray="2 3" class="ref"/><text x="${W - m.r - 4}" y="${sy(l.y) - 4}" text-anchor="end" style="fill:${l.color}">${escapeHtml(l.label)}</text>`)
    .join('');
  const above = offScale.length === 0 ? '' : `<text x="${W - m.r - 4}" y="${m.t - 6}" text-anchor="end" class="ref">${escapeHtml(offScale.map((l) => l.label).join(', '))} ↑ (above this scale)</text>`;
  return `<figure><figcaption>${escapeHtml(c.title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(c.title)}">
${grid}${ticks}${drawn}${above}${lines}${legend}
<text x="${(m.l + W - m.r) / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(c.xLabel)}</text>
<text x="14" y="${(m.t + H - m.b) / 2}" transform="rotate(-90 14 ${(m.t + H - m.b) / 2})" text-anchor="middle">${escapeHtml(c.yLabel)}</text>
</svg></figure>`;
}
