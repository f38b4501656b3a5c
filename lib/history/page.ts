import { escapeHtml } from '../report/format.ts';
import { STATUS_COLOR, trendChart } from './chart.ts';
import type { HistoryLine } from './line.ts';
import { findRegressions, type Regression, type RegressionOptions } from './regressions.ts';
import { measuredPoints, orderRuns, seriesOf, type Run, type Series } from './series.ts';
import { utcMinute } from '../report/format.ts';
import { describeRegression } from './text.ts';

export interface TrendOptions extends RegressionOptions {
  /** Show only the last N runs; regressions are still judged on the whole history. */
  last?: number;
  /** Lines the reader skipped, listed on the page. */
  warnings?: readonly string[];
  /** Where the history came from, for the heading. */
  source?: string;
}

export interface TrendAnalysis {
  runs: Run[];
  /** The runs the page shows (the last `last`). */
  shown: Run[];
  regressions: Regression[];
}

/** Pure: the runs in order, the ones to show, and the regressions over the whole history. */
export function analyzeHistory(entries: readonly HistoryLine[], options: TrendOptions = {}): TrendAnalysis {
  const runs = orderRuns(entries);
  const last = options.last !== undefined && options.last > 0 ? Math.floor(options.last) : runs.length;
  return { runs, shown: runs.slice(-last), regressions: findRegressions(seriesOf(runs), options) };
}

const STRIP_RUNS = 30;

function regressionsSection(regressions: readonly Regression[], runs: number): string {
  const body =
    regressions.length === 0
      ? `<p class="none">No regressions in ${runs} run${runs === 1 ? '' : 's'}.</p>`
      : `<ul>${regressions.map((r) => `<li class="regression ${r.kind}" data-id="${escapeHtml(r.id)}">${escapeHtml(describeRegression(r))}</li>`).join('')}</ul>`;
  return `<section id="regressions"><h2>Regressions</h2>${body}</section>`;
}

function warningsSection(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  const shown = warnings.slice(0, 20).map((w) => `<li>${escapeHtml(w)}</li>`).join('');
  const more = warnings.length > 20 ? `<li>… and ${warnings.length - 20} more</li>` : '';
  return `<section id="skipped"><h2>Skipped lines</h2><ul>${shown}${more}</ul></section>`;
}

function runsTable(shown: readonly Run[]): string {
  const rows = [...shown]
    .reverse()
    .slice(0, STRIP_RUNS)
    .map(({ run, line: l }) => {
      const bad = [...new Set(l.results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.id))].join(', ');
      const cells = [`#${run}`, utcMinute(l.time), l.target, l.version ?? '—', l.mode, l.verdict, String(l.exitCode), `${Math.round(l.durationMs / 1000)} s`, bad || '—'];
      return `<tr class="verdict-${escapeHtml(l.verdict)}">${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<section id="runs"><h2>Runs (newest first)</h2><table><tr><th>run</th><th>finished</th><th>target</th><th>version</th><th>mode</th><th>verdict</th><th>exit</th><th>duration</th><th>failed or errored</th></tr>${rows}</table></section>`;
}

/** Checks without a measured value: their status per run as a strip of coloured cells. */
function statusStrips(series: readonly Series[], shown: readonly Run[]): string {
  const runs = shown.slice(-STRIP_RUNS);
  const rows = series.map((s) => {
    const cells = runs.map((r) => {
      const p = s.points.find((q) => q.run === r.run);
      return p ? `<td class="cell status-${p.status}" style="background:${STATUS_COLOR[p.status]}" title="run ${r.run}: ${p.status}"></td>` : '<td class="cell"></td>';
    });
    return `<tr><th>${escapeHtml(s.title)}</th>${cells.join('')}</tr>`;
  });
  return rows.length === 0 ? '' : `<section id="statuses"><h2>Checks without a measured value (last ${runs.length} runs)</h2><table class="strip">${rows.join('')}</table></section>`;
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:24px;color:#212529}table{border-collapse:collapse;margin:8px 0 16px}
td,th{border:1px solid #dee2e6;padding:4px 8px;text-align:left}th{background:#f8f9fa}svg text{font-size:11px;fill:#495057}
.grid{stroke:#e9ecef}figure{margin:16px 0}figcaption{font-weight:600}#regressions li{margin:4px 0}
#regressions .regression{color:#c92a2a}.none{color:#2b8a3e}.strip td.cell{width:10px;padding:0;height:16px}
tr.verdict-rollback td,tr.verdict-hold td{color:#c92a2a}tr.verdict-inconclusive td{color:#868e96}`;

/**
 * Pure: the trend page, one self-contained HTML file (inline SVG, no scripts, no CDN). A caller that
 * already analysed the history passes that analysis, so it is not done twice.
 */
export function renderTrendPage(entries: readonly HistoryLine[], options: TrendOptions = {}, analysis = analyzeHistory(entries, options)): string {
  const { runs, shown, regressions } = analysis;
  const series = seriesOf(shown);
  const charts = series.filter((s) => measuredPoints(s).length > 0).map((s) => trendChart(s, shown));
  const plain = series.filter((s) => measuredPoints(s).length === 0);
  const targets = [...new Set(shown.map((r) => r.line.target))];
  const span = shown.length > 0 ? `runs ${shown[0]?.run}–${shown.at(-1)?.run} of ${runs.length}, ${utcMinute(shown[0]?.time ?? '')} to ${utcMinute(shown.at(-1)?.time ?? '')}` : 'no runs';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trend — ${escapeHtml(targets.join(', ') || 'jumpstart-gate')}</title>
<style>${STYLE}</style></head><body>
<h1>Trend of the release gate</h1>
<p>${escapeHtml(span)}${targets.length ? ` · target ${escapeHtml(targets.join(', '))}` : ''}${options.source ? ` · from ${escapeHtml(options.source)}` : ''}</p>
${regressionsSection(regressions, runs.length)}
${warningsSection(options.warnings ?? [])}
<section id="charts"><h2>Measured checks</h2>${charts.join('\n') || '<p>No measured values in these runs.</p>'}</section>
${statusStrips(plain, shown)}
${runsTable(shown)}
</body></html>
`;
}
