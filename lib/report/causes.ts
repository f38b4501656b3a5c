import { reasonLabel, reasonOf, reasonWhat } from '../verdict/decide.ts';
import type { VerdictCheck } from './document.ts';

/**
 * One cause met by several checks is written once. Without a browser the seven browser checks all
 * error with the same long "no Chromium found" text; an unreachable target skips a dozen checks with
 * one reason. Reports list such a message once, numbered, with the checks it hit, and refer to it.
 */
export interface SharedCause {
  /** 1-based, in order of first appearance. */
  n: number;
  message: string;
  /** Ids of the checks it hit, in report order, without repeats. */
  ids: string[];
}

type CheckLike = Pick<VerdictCheck, 'id' | 'title' | 'severity' | 'status' | 'message'>;

/** Pure: the messages that two or more checks which did not pass have in common. */
export function sharedCauses(checks: readonly CheckLike[]): SharedCause[] {
  const byMessage = new Map<string, CheckLike[]>();
  for (const c of checks) {
    if (c.status === 'pass' || !c.message) continue;
    byMessage.set(c.message, [...(byMessage.get(c.message) ?? []), c]);
  }
  const shared = [...byMessage.entries()].filter(([, hit]) => hit.length >= 2);
  return shared.map(([message, hit], i) => ({ n: i + 1, message, ids: [...new Set(hit.map((c) => c.id))] }));
}

/** Pure: the cause a check's message is, if it is shared. */
export function causeOf(check: Pick<VerdictCheck, 'status' | 'message'>, causes: readonly SharedCause[]): SharedCause | undefined {
  if (check.status === 'pass' || !check.message) return undefined;
  return causes.find((c) => c.message === check.message);
}

interface ReasonHit {
  id: string;
  /** "RB-05 database connection (critical)": how the reason named its check. */
  label: string;
  what: string;
  cause: SharedCause;
}

/** The check a reason was made from (by decideVerdict's own wording, never parsed), when its message is a shared cause. */
function reasonCause(reason: string, checks: readonly CheckLike[], causes: readonly SharedCause[]): ReasonHit | undefined {
  for (const c of checks) {
    const cause = causeOf(c, causes);
    if (cause && reason === reasonOf(c)) return { id: c.id, label: reasonLabel(c), what: reasonWhat(c.status), cause };
  }
  return undefined;
}

/**
 * Pure: the verdict's reasons with each shared cause written once, e.g. "RB-07, RB-08, RB-09 could
 * not be evaluated: cause 1". `inline` writes the message itself instead (for a notice read on its own).
 */
export function foldReasons(reasons: readonly string[], checks: readonly CheckLike[], causes: readonly SharedCause[], inline = false): string[] {
  const groups = new Map<string, ReasonHit & { ids: string[] }>();
  const lines: Array<string | { key: string }> = [];
  for (const reason of reasons) {
    const hit = reasonCause(reason, checks, causes);
    if (!hit) {
      lines.push(reason);
      continue;
    }
    const key = `${hit.cause.n}|${hit.what}`;
    const group = groups.get(key);
    if (group) group.ids.push(hit.id);
    else {
      groups.set(key, { ...hit, ids: [hit.id] });
      lines.push({ key });
    }
  }
  return lines.map((line) => {
    if (typeof line === 'string') return line;
    const g = groups.get(line.key);
    if (!g) return '';
    // In report order (the reasons come most severe first).
    const who = g.ids.length === 1 ? g.label : g.cause.ids.filter((id) => g.ids.includes(id)).join(', ');
    return `${who} ${g.what}: ${inline ? g.cause.message : `cause ${g.cause.n}`}`;
  });
}
