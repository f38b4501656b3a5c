import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SpawnOutcome {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Set when the process could not be started at all. */
  spawnError?: string;
}

export interface SpawnInput {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Cancels the child: SIGINT to its group, SIGKILL after `cancelGraceMs`. */
  signal?: AbortSignal;
  /** Hurries a cancel: SIGKILL to the group at once. */
  hurry?: AbortSignal;
  /** How long a cancelled child may take to finish its teardown. */
  cancelGraceMs?: number;
  /** Each output line (already split), e.g. to scrub and print it. */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** After a timeout's SIGINT the runner finishes its teardown (deleting the test project) and writes its reports. */
const INTERRUPT_GRACE_MS = 30_000;
const KILL_GRACE_MS = 5000;
/** A cancelled run has seconds, not minutes (CI sends SIGKILL ~10 s after its first signal). */
const CANCEL_GRACE_MS = 1500;

/**
 * Runs a child in its own process group with a hard deadline. On timeout the group gets SIGINT first
 * (Playwright then stops, runs its global teardown and writes its reports, as on Ctrl-C), SIGTERM
 * after a grace period, SIGKILL last; on cancel SIGINT and SIGKILL after a short grace (the caller
 * cleans up what the child could not); on hurry SIGKILL at once. Nothing of the group survives.
 * Never rejects.
 */
export function runChild(input: SpawnInput): Promise<SpawnOutcome> {
  return new Promise((resolvePromise) => {
    const child = spawn(input.command, [...input.args], { cwd: input.cwd, env: input.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const killGroup = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    let interrupted = false;
    /**
     * SIGINT (once), then each [signal, after ms]. A later stop adds its own escalation, so the
     * earliest wins: a cancel during a timeout's 30 s grace still kills within the cancel's.
     */
    const stop = (then: ReadonlyArray<readonly [NodeJS.Signals, number]>) => {
      if (!interrupted) killGroup('SIGINT');
      interrupted = true;
      for (const [sig, ms] of then) timers.push(setTimeout(() => killGroup(sig), ms).unref());
    };
    const deadline = setTimeout(() => {
      timedOut = true;
      stop([['SIGTERM', INTERRUPT_GRACE_MS], ['SIGKILL', INTERRUPT_GRACE_MS + KILL_GRACE_MS]]);
    }, input.timeoutMs);
    const onAbort = () => stop([['SIGKILL', input.cancelGraceMs ?? CANCEL_GRACE_MS]]);
    const onHurry = () => killGroup('SIGKILL');
    input.signal?.addEventListener('abort', onAbort, { once: true });
    input.hurry?.addEventListener('abort', onHurry, { once: true });
    // An abort that came before the spawn fires no event: stop at once instead of waiting out the deadline.
    if (input.signal?.aborted) onAbort();
    if (input.hurry?.aborted) onHurry();
    createInterface({ input: child.stdout }).on('line', (l) => input.onLine(l, 'stdout'));
    createInterface({ input: child.stderr }).on('line', (l) => input.onLine(l, 'stderr'));
    const finish = (outcome: SpawnOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      for (const t of timers) clearTimeout(t);
      input.signal?.removeEventListener('abort', onAbort);
      input.hurry?.removeEventListener('abort', onHurry);
      // Leave nothing behind: the group may still hold a browser the runner forgot.
      killGroup('SIGKILL');
      resolvePromise(outcome);
    };
    child.on('error', (err) => finish({ code: null, signal: null, timedOut, spawnError: err.message }));
    child.on('close', (code, sig) => finish({ code, signal: sig, timedOut }));
  });
}
