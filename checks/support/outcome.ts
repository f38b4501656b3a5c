import { test } from '@playwright/test';
import { describeThreshold, evaluateThreshold, type Threshold } from '../../lib/runbook/thresholds.ts';

/**
 * How a check hands its evidence to the reporter: annotations on the running test (they also become
 * JUnit <properties>). The reporter reads `measured`, `unit`, `threshold`, `status`, `message`.
 */
export interface Evidence {
  measured?: number;
  unit?: string;
  threshold?: string;
  /** Only 'warn' needs saying: pass/fail follow from the test outcome. */
  status?: 'warn';
  message?: string;
}

function annotate(type: string, description: string): void {
  const list = test.info().annotations;
  const at = list.findIndex((a) => a.type === type);
  if (at >= 0) list.splice(at, 1);
  list.push({ type, description });
}

export function record(e: Evidence): void {
  if (e.measured !== undefined) annotate('measured', String(Math.round(e.measured * 1000) / 1000));
  if (e.unit !== undefined) annotate('unit', e.unit);
  if (e.threshold !== undefined) annotate('threshold', e.threshold);
  if (e.status !== undefined) annotate('status', e.status);
  if (e.message !== undefined) annotate('message', e.message);
}

/** Fails the check with a message that names the cause (plain Error: no matcher noise in reports). */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * A prerequisite of this check did not hold (setup login failed, an earlier step of the flow failed,
 * no browser): the check could not be evaluated, so it is an `error`, never a pass or a plain fail.
 */
export function prerequisite(message: string): never {
  annotate('status', 'error');
  annotate('prerequisite', message);
  throw new Error(`not evaluated: ${message}`);
}

/** A thresholded measurement judged: its verdict, evidence and, on warn or fail, the message saying so. */
interface ThresholdJudgement {
  state: 'pass' | 'warn' | 'fail';
  measured: number;
  unit: string;
  threshold: string;
  /** The value as reported, e.g. "3.042 s". */
  shown: string;
  message?: string;
}

/** Pure: `what` is the measurement's subject, e.g. "dashboard page load" (DESIGN.md "Runbook items → checks"). */
export function judgeThreshold(value: number, t: Threshold, what: string): ThresholdJudgement {
  const state = evaluateThreshold(value, t);
  const threshold = describeThreshold(t);
  const shown = `${Math.round(value * 1000) / 1000} ${t.unit}`;
  const base = { state, measured: value, unit: t.unit, threshold, shown };
  if (state === 'warn') return { ...base, message: `${what} ${shown} is above the target (${threshold})` };
  if (state === 'fail') return { ...base, message: `${what} ${shown} exceeds the alert threshold (${threshold})` };
  return base;
}

/**
 * Records a thresholded measurement and fails beyond the alert value; between target and alert the
 * check passes with status warn.
 */
export function judge(value: number, t: Threshold, what: string): void {
  const j = judgeThreshold(value, t, what);
  record({ measured: j.measured, unit: j.unit, threshold: j.threshold, ...(j.state === 'warn' ? { status: 'warn' as const, message: j.message } : {}) });
  ensure(j.state !== 'fail', j.message ?? '');
}
