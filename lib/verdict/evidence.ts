import { catalogEntry } from '../runbook/catalog.ts';
import type { CheckResult } from './types.ts';

/** An `error` result for a check that should have reported and did not (missing evidence is never a pass). */
function missingEvidence(id: string, source: CheckResult['source'], why: string): CheckResult {
  const entry = catalogEntry(id);
  return { id, title: `${id} ${entry.title}`, severity: entry.severity, status: 'error', message: why, source };
}

/**
 * Pure: appends an `error` result for every expected id that has no result.
 * `why` names the producer, e.g. "checks.json has no result for RB-07".
 */
export function requireEvidence(
  results: readonly CheckResult[],
  expectedIds: readonly string[],
  source: CheckResult['source'],
  why: (id: string) => string,
): CheckResult[] {
  const present = new Set(results.map((r) => r.id));
  const missing = expectedIds.filter((id) => !present.has(id)).map((id) => missingEvidence(id, source, why(id)));
  return [...results, ...missing];
}

/** Same ids, every one marked with the same status and reason (e.g. all skipped after a failed preflight). */
export function markAll(ids: readonly string[], source: CheckResult['source'], status: 'skip' | 'error', message: string): CheckResult[] {
  return ids.map((id) => ({ ...missingEvidence(id, source, message), status }));
}
