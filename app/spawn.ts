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
  signal?: AbortSignal;
  /** Each output line (already split), e.g. to scrub and print it. */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** After SIGINT the runner finishes its teardown (deleting the test project) and writes its reports. */
const INTERRUPT_GRACE_MS = 30_000;
const KILL_GRACE_MS = 5000;

/**
 * Runs a child in its own process group with a hard deadline. On timeout or abort the group gets
 * SIGINT first (Playwright then stops, runs its global teardown and writes its reports, as on Ctrl-C),
 * SIGTERM after a grace period, SIGKILL last. Nothing of the group survives. Never rejects.
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
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      killGroup('SIGINT');
      timers.push(setTimeout(() => killGroup('SIGTERM'), INTERRUPT_GRACE_MS), setTimeout(() => killGroup('SIGKILL'), INTERRUPT_GRACE_MS + KILL_GRACE_MS));
      for (const t of timers) t.unref();
    };
    const deadline = setTimeout(() => {
      timedOut = true;
      stop();
    }, input.timeoutMs);
    const onAbort = () => stop();
    input.signal?.addEventListener('abort', onAbort, { once: true });
    // An abort that came before the spawn fires no event: stop at once instead of waiting out the deadline.
    if (input.signal?.aborted) stop();
    createInterface({ input: child.stdout }).on('line', (l) => input.onLine(l, 'stdout'));
    createInterface({ input: child.stderr }).on('line', (l) => input.onLine(l, 'stderr'));
    const finish = (outcome: SpawnOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      for (const t of timers) clearTimeout(t);
      input.signal?.removeEventListener('abort', onAbort);
      // Leave nothing behind: the group may still hold a browser the runner forgot.
      killGroup('SIGKILL');
      resolvePromise(outcome);
    };
    child.on('error', (err) => finish({ code: null, signal: null, timedOut, spawnError: err.message }));
    child.on('close', (code, sig) => finish({ code, signal: sig, timedOut }));
  });
}
