import { CATALOG, catalogEntry } from '../../lib/runbook/catalog.ts';
import type { CheckResult, CheckStatus } from '../../lib/verdict/types.ts';

/** What the reporter knows about one test, reduced to plain data (so the mapping is pure and tested). */
export interface TestOutcome {
  title: string;
  project: string;
  /** Playwright's status of the last result; undefined when the test never ran. */
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted' | undefined;
  annotations: ReadonlyArray<{ type: string; description?: string }>;
  error?: string;
  durationMs?: number;
}

/** "RB-07 dashboard login …" → "RB-07"; undefined for the setup step and the browser journey. */
export function checkId(title: string): string | undefined {
  return /^(RB-\d{2})\b/.exec(title)?.[1];
}

function last(o: TestOutcome, type: string): string | undefined {
  for (let i = o.annotations.length - 1; i >= 0; i--) {
    const a = o.annotations[i];
    if (a?.type === type) return a.description;
  }
  return undefined;
}

/** First lines of an error, without ANSI colour codes or stack frames, bounded. */
export function cleanMessage(message: string, max = 1200): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '').split(/\n\s*Call log:/)[0] ?? '';
  const lines = plain.split('\n').filter((l) => !/^\s+at /.test(l) && l.trim() !== '');
  const text = lines.slice(0, 6).join(' ').replace(/^Error: /, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Pure: one CheckResult for an RB test, or undefined for the setup step. `blockedBy` names the
 * prerequisite that kept a never-run test from running (e.g. the failed setup).
 */
export function toCheckResult(o: TestOutcome, blockedBy?: string): CheckResult | undefined {
  const id = checkId(o.title);
  if (!id) return undefined;
  const entry = catalogEntry(id);
  const measuredRaw = last(o, 'measured');
  const measured = measuredRaw === undefined ? undefined : Number(measuredRaw);
  const base: CheckResult = { id, title: o.title, severity: entry.severity, status: 'error', source: 'checks' };
  if (measured !== undefined && Number.isFinite(measured)) base.measured = measured;
  const unit = last(o, 'unit');
  if (unit !== undefined) base.unit = unit;
  const threshold = last(o, 'threshold');
  if (threshold !== undefined) base.threshold = threshold;
  if (o.durationMs !== undefined) base.durationMs = Math.round(o.durationMs);
  const note = last(o, 'message');
  const prereq = last(o, 'prerequisite');
  const marked = last(o, 'status');
  const set = (status: CheckStatus, message?: string): CheckResult => (message ? { ...base, status, message } : { ...base, status });

  switch (o.status) {
    case undefined:
      return set('error', `did not run: prerequisite ${blockedBy ?? 'project (setup)'} failed`);
    case 'passed':
      return set(marked === 'warn' ? 'warn' : 'pass', note);
    case 'skipped': {
      const reason = last(o, 'skip') ?? last(o, 'fixme');
      if (marked === 'error' || prereq) return set('error', `not evaluated: ${prereq ?? 'prerequisite failed'}`);
      if (reason) return set('skip', reason);
      return set('error', `did not run: prerequisite ${blockedBy ?? 'project (setup)'} failed`);
    }
    case 'interrupted':
      return set('error', `interrupted before it finished${o.error ? `: ${cleanMessage(o.error)}` : ''}`);
    case 'failed':
    case 'timedOut': {
      if (marked === 'error' || prereq) return set('error', `not evaluated: ${prereq ?? cleanMessage(o.error ?? 'prerequisite failed')}`);
      const why = o.error ? cleanMessage(o.error) : 'failed without an error message';
      return set('fail', o.status === 'timedOut' ? `timed out: ${why}` : why);
    }
  }
}

/**
 * Pure: every api/browser check of the catalog has a result — a missing one becomes an error naming
 * why (missing evidence is never a pass). `projectsRun` are the Playwright projects of this run.
 */
export function completeResults(results: readonly CheckResult[], projectsRun: readonly string[]): CheckResult[] {
  const out = [...results];
  for (const entry of CATALOG) {
    if (entry.kind !== 'api' && entry.kind !== 'browser') continue;
    if (out.some((r) => r.id === entry.id)) continue;
    const why = projectsRun.includes(entry.kind) ? 'no test reported it' : `project "${entry.kind}" was not part of this run`;
    out.push({ id: entry.id, title: `${entry.id} ${entry.title}`, severity: entry.severity, status: 'error', message: `no result: ${why}`, source: 'checks' });
  }
  const order = (id: string): number => CATALOG.findIndex((e) => e.id === id);
  return out.sort((a, b) => order(a.id) - order(b.id));
}

/** Pure: a project the run could not delete is RB-08's failure (test data left behind on the target). */
export function applyCleanup(results: readonly CheckResult[], problems: readonly string[]): CheckResult[] {
  if (problems.length === 0) return [...results];
  const why = `project cleanup failed: ${problems.join('; ')}`;
  return results.map((r) => {
    if (r.id !== 'RB-08') return r;
    if (r.status === 'pass' || r.status === 'warn' || r.status === 'skip') return { ...r, status: 'fail', message: r.message ? `${why}; ${r.message}` : why };
    return { ...r, message: r.message ? `${r.message}; ${why}` : why };
  });
}
