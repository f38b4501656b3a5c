/** Verdict documents of made-up runs, built the way the gate builds them, for the history tests. */
import { buildVerdictDocument, type VerdictDocument } from '../../../lib/report/document.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult, CheckStatus } from '../../../lib/verdict/types.ts';
import { THRESHOLDS, describeThreshold, evaluateThreshold } from '../../../lib/runbook/thresholds.ts';

export interface RunSpec {
  /** Minutes after the first run. */
  at: number;
  version?: string;
  /** RB-09 generation seconds; RB-14 p95 ms; RB-12 page load ms. */
  generationS?: number;
  apiP95Ms?: number;
  pageLoadMs?: number;
  /** Status of RB-05 (nothing measured). */
  db?: CheckStatus;
}

const T0 = Date.parse('2026-11-01T02:00:00Z');

function measured(id: string, title: string, source: CheckResult['source'], value: number | undefined, t: (typeof THRESHOLDS)[keyof typeof THRESHOLDS]): CheckResult[] {
  if (value === undefined) return [];
  return [{ id, title, severity: 'major', status: evaluateThreshold(value, t), measured: value, unit: t.unit, threshold: describeThreshold(t), source }];
}

export function runDoc(spec: RunSpec): VerdictDocument {
  const results: CheckResult[] = [
    { id: 'RB-05', title: 'RB-05 database connection', severity: 'critical', status: spec.db ?? 'pass', source: 'checks' },
    ...measured('RB-09', 'RB-09 generate 30 posts', 'checks', spec.generationS, THRESHOLDS.generation),
    ...measured('RB-12', 'RB-12 dashboard page load', 'checks', spec.pageLoadMs, THRESHOLDS.pageLoad),
    ...measured('RB-14', 'RB-14 API latency p95 under load (nightly)', 'load', spec.apiP95Ms, THRESHOLDS.apiP95),
  ];
  const startedAt = new Date(T0 + spec.at * 60_000);
  return buildVerdictDocument({
    command: 'gate',
    results,
    decision: decideVerdict(results),
    target: 'https://app.example.com',
    mode: 'nightly',
    reportedVersion: spec.version ?? '1.4.2',
    startedAt,
    finishedAt: new Date(startedAt.getTime() + 95_000),
  });
}

/** Nights with steady figures and a little noise (deterministic). */
export function steadyNights(n: number, from = 0): RunSpec[] {
  return Array.from({ length: n }, (_, i) => ({ at: (from + i) * 1440, generationS: 30 + ((i * 7) % 5) * 0.6, apiP95Ms: 40 + ((i * 3) % 4), pageLoadMs: 900 + ((i * 5) % 3) * 20 }));
}
