import { measuredPoints, type RunRef, type Series, type SeriesPoint } from './series.ts';
import { median, robustScale, robustZ, type RobustScale } from './stats.ts';

export interface RegressionOptions {
  /** How many previous runs the last value is judged against (default 10). */
  baseline?: number;
  /** Fewest previous values a judgement needs (default 5): fewer say nothing about "usual". */
  minBaseline?: number;
  /** Robust z-score beyond which the last value is a regression (default 3.5, Iglewicz & Hoaglin). */
  z?: number;
}

const REGRESSION_DEFAULTS = { baseline: 10, minBaseline: 5, z: 3.5 } as const;

interface Common {
  id: string;
  title: string;
  unit?: string;
  /** The run where it started. */
  since: RunRef;
  /** The latest run that shows it. */
  last: RunRef;
}

/** The last value is far above the check's own recent history. */
interface JumpRegression extends Common {
  kind: 'jump';
  value: number;
  median: number;
  z: number;
  baselineRuns: number;
  basis: RobustScale['basis'];
}

/** The check passed, then turned to warn or fail, and has not passed since. */
interface StatusRegression extends Common {
  kind: 'status';
  to: 'warn' | 'fail';
  /** False when every run since the turn had status `to`; true when it was warn in some and fail in others. */
  mixed: boolean;
  lastPass: RunRef;
}

export type Regression = JumpRegression | StatusRegression;

const ref = (p: RunRef): RunRef => ({ run: p.run, time: p.time, version: p.version });
const base = (s: Series): Pick<Common, 'id' | 'title' | 'unit'> => (s.unit === undefined ? { id: s.id, title: s.title } : { id: s.id, title: s.title, unit: s.unit });

/**
 * The smallest spread worth telling apart: 5 % of the usual value, and at least 1 % of the check's
 * target, so a figure that never moved is not flagged for a change nobody would act on.
 */
function resolution(median: number, target: number | undefined): number {
  return Math.max(0.05 * Math.abs(median), target !== undefined && target > 0 ? 0.01 * target : 0);
}

/**
 * Every measured figure of the runbook (times, latencies, error rates and counts) is worse when
 * higher, so only a rise is a regression; a drop is welcome and not listed.
 */
function jump(s: Series, o: Required<RegressionOptions>): JumpRegression | undefined {
  const pts = measuredPoints(s);
  const last = pts.at(-1);
  const previous = pts.slice(-1 - o.baseline, -1);
  if (!last || previous.length < o.minBaseline) return undefined;
  const values = previous.map((p) => p.measured);
  const scale = robustScale(values, resolution(median(values), last.target));
  const z = robustZ(last.measured, scale);
  if (!(z > o.z)) return undefined;
  // Since when: the run after the last value that was still within the usual band.
  let start = pts.length - 1;
  while (start > 0 && robustZ(pts[start - 1]?.measured ?? Number.NaN, scale) > o.z) start--;
  const since = pts[start] ?? last;
  return { kind: 'jump', ...base(s), since: ref(since), last: ref(last), value: last.measured, median: scale.median, z, baselineRuns: previous.length, basis: scale.basis };
}

function statusTurn(s: Series): StatusRegression | undefined {
  // skip and error carry no judgement of the figure: they neither end nor start a streak.
  const judged = s.points.filter((p): p is SeriesPoint & { status: 'pass' | 'warn' | 'fail' } => p.status === 'pass' || p.status === 'warn' || p.status === 'fail');
  const last = judged.at(-1);
  if (!last || last.status === 'pass') return undefined;
  let start = judged.length - 1;
  while (start > 0 && judged[start - 1]?.status !== 'pass') start--;
  const lastPass = judged[start - 1];
  const since = judged[start];
  if (!lastPass || !since) return undefined;
  const mixed = judged.slice(start).some((p) => p.status !== last.status);
  return { kind: 'status', ...base(s), since: ref(since), last: ref(last), to: last.status, mixed, lastPass: ref(lastPass) };
}

/** Pure: the regressions of every series, newest start first (then by runbook id, status turns first). */
export function findRegressions(series: readonly Series[], options: RegressionOptions = {}): Regression[] {
  const o = { ...REGRESSION_DEFAULTS, ...options };
  const out: Regression[] = [];
  for (const s of series) {
    const turned = statusTurn(s);
    if (turned) out.push(turned);
    const jumped = jump(s, o);
    if (jumped) out.push(jumped);
  }
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.since.run - a.r.since.run || a.r.id.localeCompare(b.r.id) || a.i - b.i)
    .map(({ r }) => r);
}
