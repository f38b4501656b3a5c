import { formatMeasured, utcMinute } from '../report/format.ts';
import type { Regression } from './regressions.ts';
import type { RunRef } from './series.ts';

/** "run 14 (2026-12-01 02:00 UTC, version 1.4.3)" */
function describeRun(r: RunRef): string {
  return `run ${r.run} (${utcMinute(r.time)}, ${r.version === null ? 'version unknown' : `version ${r.version}`})`;
}

/** A figure in its unit, as every report writes it ("212.5 ms", "0.25 %"). */
export const formatValue = (v: number, unit: string | undefined): string => formatMeasured({ measured: v, unit }) ?? String(v);

/** One line saying what regressed, by how much, and since when. */
export function describeRegression(r: Regression): string {
  if (r.kind === 'status') {
    // "fail since run 6" would be untrue when run 6 was a warning: then say when each began.
    const now = r.mixed ? `${r.to} in run ${r.last.run}, not passing since ${describeRun(r.since)}` : `${r.to} since ${describeRun(r.since)}`;
    return `${r.title}: ${now}; last pass in run ${r.lastPass.run}`;
  }
  const z = Number.isFinite(r.z) ? `robust z ${r.z.toFixed(1)}` : `the previous ${r.baselineRuns} runs never varied`;
  return `${r.title}: ${formatValue(r.value, r.unit)} in run ${r.last.run}, far above the median ${formatValue(r.median, r.unit)} of its previous ${r.baselineRuns} runs (${z}); since ${describeRun(r.since)}`;
}

/** Pure: the regressions as plain text for stdout (the same list the trend page shows at its top). */
export function renderRegressionsText(regressions: readonly Regression[], runs: number): string {
  if (runs === 0) return 'No runs in the history: nothing to compare.';
  if (regressions.length === 0) return `No regressions in ${runs} run${runs === 1 ? '' : 's'}.`;
  return [`${regressions.length} regression${regressions.length === 1 ? '' : 's'} in ${runs} runs:`, ...regressions.map((r) => `- ${describeRegression(r)}`)].join('\n');
}
