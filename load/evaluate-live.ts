import { catalogEntry } from '../lib/runbook/catalog.ts';
import { LIVE_ALPHA, describeThreshold } from '../lib/runbook/thresholds.ts';
import type { CheckResult, CheckStatus } from '../lib/verdict/types.ts';
import { DEFAULT_LIVE_THRESHOLDS, compareLive, worst, type LiveThresholds } from './live.ts';
import type { LiveComparison, LiveDifference, LiveStatus } from './live-types.ts';
import type { LoadResult } from './types.ts';

type Pick2 = 'latencyStatus' | 'errorRateStatus';

/** The routes whose own judgement is not a pass, named with their reason. */
function routeNotes(c: LiveComparison, key: Pick2, reason: 0 | 1): string {
  const bad = Object.entries(c.perRoute).filter(([, d]) => d[key] !== 'pass');
  return bad.map(([path, d]) => `; ${path} (tested at p < ${Number((c.alpha / Object.keys(c.perRoute).length).toPrecision(2))}): ${d[key]}, ${d.reasons[reason] ?? ''}`).join('');
}

function statusOf(c: LiveComparison, key: Pick2, partial: boolean): CheckStatus {
  const s: LiveStatus = worst([c.overall[key], ...Object.values(c.perRoute).map((d: LiveDifference) => d[key])]);
  return partial && s !== 'fail' ? 'error' : s;
}

/**
 * Pure: the two candidate-vs-live results (major: a relative regression holds the release). Re-judged here
 * from the result's figures with these thresholds, so an override applies even to a saved result.
 */
export function liveResults(r: LoadResult, t: Partial<LiveThresholds>): CheckResult[] {
  const th: LiveThresholds = { ...DEFAULT_LIVE_THRESHOLDS, ...t };
  const c = r.live ? compareLive(r, r.live, th, r.comparison?.alpha ?? LIVE_ALPHA) : r.comparison;
  if (!c) return [];
  const when = `only a difference significant at p < ${c.alpha} is judged`;
  const head = (s: CheckStatus): string => (r.partial && s === 'error' ? 'interrupted run, not judged: ' : '');
  const lat = statusOf(c, 'latencyStatus', r.partial);
  const err = statusOf(c, 'errorRateStatus', r.partial);
  const vs = `candidate ${c.candidate} vs live ${c.live}`;
  return [
    {
      id: 'RB-14', title: `RB-14 latency vs live (${r.name})`, severity: catalogEntry('RB-14').severity, source: 'load', status: lat, unit: '×',
      ...(c.overall.p95Ratio === null ? {} : { measured: c.overall.p95Ratio }),
      threshold: describeThreshold(th.liveP95Ratio),
      message: `${head(lat)}p95 ${c.overall.candidate.p95 ?? '—'} ms vs ${c.overall.live.p95 ?? '—'} ms: ${c.overall.reasons[0] ?? ''}${routeNotes(c, 'latencyStatus', 0)}; ${vs} (${when})`,
    },
    {
      // as RB-15's own error rate: it holds; only the 5xx share is the critical rollback trigger
      id: 'RB-15', title: `RB-15 error rate vs live (${r.name})`, severity: 'major', source: 'load', status: err, unit: '%',
      measured: c.overall.errorRate.differencePct,
      threshold: describeThreshold(th.liveErrorRateDelta),
      message: `${head(err)}${c.overall.reasons[1] ?? ''}${routeNotes(c, 'errorRateStatus', 1)}; ${vs} (${when}; the measured value is the candidate's error rate minus live's, in points)`,
    },
  ];
}
