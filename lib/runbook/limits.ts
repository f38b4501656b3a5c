/**
 * The numbers behind a result's threshold text: the inverse of `describeThreshold` (thresholds.ts)
 * and of the 5xx trigger's "rollback > 10 %". A result carries its threshold only as the text it was
 * judged against; reading the numbers back from that text records exactly what was applied,
 * overrides included, without the config at hand. Dependency-free, like the rest of lib/runbook.
 */

/** Target and alert in the result's unit; either may be absent (a trigger has only a limit). */
export interface Limits {
  /** Good strictly below this (up to and including it for an inclusive target). */
  target?: number;
  /** Fails strictly above this. */
  alert?: number;
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)`;
const UNIT = String.raw`(?:\s*(?:ms|s|%|×))?`;
// An inclusive target (a candidate/live ratio) reads "target ≤ 1.2×".
const PAIR = new RegExp(String.raw`^target [<≤] ${NUMBER}${UNIT}, alert > ${NUMBER}${UNIT}$`, 'i');
const TRIGGER = new RegExp(String.raw`^rollback > ${NUMBER}${UNIT}$`, 'i');

/** Pure: the limits a threshold text states, or an empty object for any other text (prose, "0"). */
export function parseLimits(text: string | undefined): Limits {
  if (text === undefined) return {};
  const trimmed = text.trim();
  const pair = PAIR.exec(trimmed);
  if (pair) return finite({ target: Number(pair[1]), alert: Number(pair[2]) });
  const trigger = TRIGGER.exec(trimmed);
  if (trigger) return finite({ alert: Number(trigger[1]) });
  return {};
}

function finite(l: Limits): Limits {
  const out: Limits = {};
  if (l.target !== undefined && Number.isFinite(l.target)) out.target = l.target;
  if (l.alert !== undefined && Number.isFinite(l.alert)) out.alert = l.alert;
  return out;
}
