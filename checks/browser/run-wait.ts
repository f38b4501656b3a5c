import { apiCall, jsonOf, snippet } from '../support/api.ts';

export interface RunOutcome {
  status: string;
  /** Seconds from the generate-all response to the last status seen. */
  seconds: number;
  errorMessage?: string;
  /** True when the deadline passed before the run ended. */
  timedOut: boolean;
}

export interface WaitInput {
  baseUrl: string;
  token: string;
  runId: string;
  /** performance.now() at the generate-all response. */
  startedAt: number;
  deadlineS: number;
  pollMs: number;
  requestTimeoutMs: number;
  progress: (line: string) => void;
}

/**
 * Polls GET /api/runs/{id} (not rate-limited, contract §5) until succeeded/failed or the deadline,
 * printing progress about every 5 s. Node fetch: the token must not reach a trace.
 */
export async function waitForRun(w: WaitInput): Promise<RunOutcome> {
  let lastPrint = 0;
  let status = 'unknown';
  for (let i = 0; ; i++) {
    const res = await apiCall(w.baseUrl, `/api/runs/${encodeURIComponent(w.runId)}`, { token: w.token, timeoutMs: w.requestTimeoutMs });
    const seconds = (performance.now() - w.startedAt) / 1000;
    if (res.status !== 200) throw new Error(`GET /api/runs/${w.runId} answered ${res.status} after ${seconds.toFixed(1)} s: ${snippet(res.text)}`);
    const run = jsonOf(res, `GET /api/runs/${w.runId}`) as { status?: unknown; errorMessage?: unknown };
    status = String(run.status);
    if (status === 'succeeded') return { status, seconds, timedOut: false };
    if (status === 'failed') {
      return { status, seconds, timedOut: false, errorMessage: typeof run.errorMessage === 'string' ? run.errorMessage : 'no errorMessage' };
    }
    if (seconds - lastPrint >= 5) {
      lastPrint = seconds;
      w.progress(`RB-09: run ${w.runId} ${status} after ${seconds.toFixed(0)} s (deadline ${w.deadlineS.toFixed(0)} s)`);
    }
    if (seconds > w.deadlineS) return { status, seconds, timedOut: true };
    await new Promise((r) => setTimeout(r, w.pollMs));
    if (i > 100_000) throw new Error('run polling exceeded its iteration bound');
  }
}
