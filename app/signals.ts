/**
 * Cancellation for every command. The first SIGINT/SIGTERM stops the run (no more traffic, clean-up,
 * reports still written, verdict inconclusive); a second one shortens every wait; no signal makes the
 * process leave without its reports (only SIGKILL can). CI cancels with SIGINT, then SIGTERM about
 * 7.5 s later, then SIGKILL: everything here must be done well inside that.
 */
export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface Cancellation {
  /** Aborted by the first signal. */
  signal: AbortSignal;
  /** Aborted by the second: skip grace periods, shorten timeouts. */
  hurry: AbortSignal;
  /** "SIGINT" or "SIGTERM" once cancelled. */
  reason(): string | undefined;
  /** Resolves when a cancelled run has used up its time and must be reported as it stands. */
  expired: Promise<void>;
  dispose(): void;
}

/** After the first signal the run has this long to stop and clean up before its reports are written. */
const CANCEL_BUDGET_MS = 4000;
/** After a second signal, at most this much more. */
const HURRY_BUDGET_MS = 1500;

export function watchSignals(source: SignalSource, warn: (line: string) => void, budgets = { cancelMs: CANCEL_BUDGET_MS, hurryMs: HURRY_BUDGET_MS }): Cancellation {
  const first = new AbortController();
  const second = new AbortController();
  let reason: string | undefined;
  let expire: () => void = () => {};
  const expired = new Promise<void>((r) => (expire = r));
  const timers: NodeJS.Timeout[] = [];
  const after = (ms: number) => timers.push(setTimeout(expire, ms));
  const onSignal = (sig: NodeJS.Signals): void => {
    if (!first.signal.aborted) {
      reason = sig;
      warn(`\n${sig}: cancelling — stopping the traffic, cleaning up, writing the reports (a second signal hurries)`);
      first.abort(new Error(`cancelled by ${sig}`));
      after(budgets.cancelMs);
    } else if (!second.signal.aborted) {
      warn(`${sig} again: hurrying — reports are still written`);
      second.abort(new Error(`hurried by ${sig}`));
      after(budgets.hurryMs);
    }
  };
  source.on('SIGINT', onSignal);
  source.on('SIGTERM', onSignal);
  return {
    signal: first.signal,
    hurry: second.signal,
    reason: () => reason,
    expired,
    dispose: () => {
      source.off('SIGINT', onSignal);
      source.off('SIGTERM', onSignal);
      for (const t of timers) clearTimeout(t);
    },
  };
}
