import { uniqueTitles } from '../report/format.ts';
import type { CheckStatus } from '../verdict/types.ts';
import type { HistoryLine } from './line.ts';

/** A run as the trend names it: its number in the whole history (1 = oldest), time and version. */
export interface RunRef {
  run: number;
  time: string;
  version: string | null;
}

export interface Run extends RunRef {
  line: HistoryLine;
}

/** One run's result of one check. */
export interface SeriesPoint extends RunRef {
  status: CheckStatus;
  measured?: number;
  target?: number;
  alert?: number;
}

/**
 * One check over runs. Keyed by title, not id: several results share an id (RB-15's error rate and
 * 5xx share; one load result per profile), and the title tells them apart. One history file per
 * environment: series are not split by target, since preview URLs may change with every deploy.
 */
export interface Series {
  id: string;
  title: string;
  unit?: string;
  points: SeriesPoint[];
}

/** Pure: the runs oldest first (by end time; ties keep file order), numbered from 1. */
export function orderRuns(entries: readonly HistoryLine[]): Run[] {
  return entries
    .map((line, i) => ({ line, i, t: Date.parse(line.time) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ line }, i) => ({ run: i + 1, time: line.time, version: line.version, line }));
}

/** Pure: every check's series, in the order of the runbook ids, then of first appearance. */
export function seriesOf(runs: readonly Run[]): Series[] {
  const byKey = new Map<string, Series>();
  for (const run of runs) {
    // Titles within one run made unique as JUnit and metrics.prom name them ("… (2)").
    const keys = uniqueTitles(run.line.results);
    run.line.results.forEach((r, i) => {
      const key = keys[i] ?? r.title;
      let s = byKey.get(key);
      if (!s) {
        s = { id: r.id, title: key, points: [] };
        byKey.set(key, s);
      }
      if (r.unit !== undefined) s.unit = r.unit;
      const p: SeriesPoint = { run: run.run, time: run.time, version: run.version, status: r.status };
      if (r.measured !== undefined) p.measured = r.measured;
      if (r.target !== undefined) p.target = r.target;
      if (r.alert !== undefined) p.alert = r.alert;
      s.points.push(p);
    });
  }
  const order = [...byKey.values()];
  return order.map((s, i) => ({ s, i })).sort((a, b) => a.s.id.localeCompare(b.s.id) || a.i - b.i).map(({ s }) => s);
}

/** Points that carry a usable measurement. */
export function measuredPoints(s: Series): Array<SeriesPoint & { measured: number }> {
  return s.points.filter((p): p is SeriesPoint & { measured: number } => p.measured !== undefined && Number.isFinite(p.measured));
}
