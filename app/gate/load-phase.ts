import type { Config } from '../../lib/config/index.ts';
import { markAll, requireEvidence } from '../../lib/verdict/evidence.ts';
import type { CheckResult } from '../../lib/verdict/types.ts';
import { evaluateLoad, runLoad, writeLoadReports, type LoadProgress, type LoadResult } from '../../load/index.ts';
import { withoutAuthRoutes, type LoadPlan } from '../load-plan.ts';
import { LOAD_IDS } from './modes.ts';

export interface LoadPhaseInput {
  config: Config;
  plan: LoadPlan;
  /** The checks' session (never a new login here). */
  token?: string;
  signal?: AbortSignal;
  onLine: (line: string) => void;
  /** load/<name>.json and load/<name>.html go under here. */
  outDir: string;
}

function progressLine(name: string, p: LoadProgress): string {
  const p95 = p.p95 === null ? '—' : `${Math.round(p.p95)} ms`;
  return `load ${name} ${p.elapsedS.toFixed(0)} s: ${p.sent} sent, ${p.completed} completed, ${p.errors} errors, ${p.dropped} dropped, p95 ${p95}`;
}

/**
 * Step 2b: the mode's load profile, in-process, reusing the checks' token. Without one, the
 * authenticated routes are left out (and the results say so). A crash is `error`, never a pass.
 */
export async function runLoadPhase(input: LoadPhaseInput): Promise<CheckResult[]> {
  let profile = input.plan.profile;
  let note = '';
  if (!input.token) {
    const stripped = withoutAuthRoutes(profile);
    profile = stripped.profile;
    if (stripped.dropped.length > 0) note = ` (without ${stripped.dropped.join(', ')}: no session token from the checks)`;
  }
  if (profile.routes.length === 0) return markAll(LOAD_IDS, 'gate', 'error', `load not run: every route of ${profile.name} needs a session and none is available`);
  input.onLine(`load ${profile.name}: ${profile.rate} req/s for ${profile.durationS} s on ${profile.routes.map((r) => r.path).join(', ')}${note}`);
  let result: LoadResult;
  try {
    result = await runLoad({
      target: input.config.baseUrl,
      profile,
      token: input.token,
      rateCap: input.config.rateCap,
      allowRateLimited: input.config.allowRateLimited,
      timeoutMs: input.config.requestTimeoutMs,
      ...(input.signal ? { signal: input.signal } : {}),
      onProgress: (p) => input.onLine(progressLine(profile.name, p)),
    });
  } catch (e) {
    return markAll(LOAD_IDS, 'gate', 'error', `load ${profile.name} could not run: ${(e as Error).message}`);
  }
  try {
    const written = await writeLoadReports(result, input.outDir, result.name);
    input.onLine(`load reports: ${written.json}, ${written.html}`);
  } catch (e) {
    input.onLine(`load reports not written: ${(e as Error).message}`);
  }
  const results = evaluateLoad(result, input.config.thresholds).map((r) => (note && r.message ? { ...r, message: r.message + note } : r));
  return requireEvidence(results, LOAD_IDS, 'gate', (id) => `the load evaluation gave no result for ${id}`);
}
