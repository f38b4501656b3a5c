/** Exit codes of every entry point (DESIGN.md "Verdict"). Only scripts/ may exit. */
export const EXIT = {
  promote: 0,
  hold: 1,
  rollback: 2,
  inconclusive: 3,
  usage: 64,
} as const;

export type GateErrorCode =
  | 'CONFIG' // bad env/flags: exit 64, printed before anything runs
  | 'TARGET' // the target answered something we cannot use
  | 'TIMEOUT' // a bounded wait ran out
  | 'BROWSER' // no usable browser
  | 'EVIDENCE' // a report or metric is missing: never a pass
  | 'INTERNAL';

/** The one error class of the suite: library code throws it, entry points map `code` to exit codes. */
export class GateError extends Error {
  override name = 'GateError';
  readonly code: GateErrorCode;
  /** Every problem, when there are several (config validation reports them all at once). */
  readonly problems: readonly string[];
  constructor(code: GateErrorCode, message: string, problems: readonly string[] = []) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}
