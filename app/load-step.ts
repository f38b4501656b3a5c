import type { Config } from '../lib/config/index.ts';
import { CATALOG } from '../lib/runbook/catalog.ts';
import { markAll, requireEvidence } from '../lib/verdict/evidence.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { evaluateLoad, runLoad, writeLoadReports, type LoadProgress, type LoadResult } from '../load/index.ts';
import type { LoadPlan } from './load-plan.ts';

/** RB-14, RB-15, RB-16: what every load step must report (missing = error). */
export const LOAD_IDS = CATALOG.filter((e) => e.kind === 'load').map((e) => e.id);

/** Pure: the once-a-second progress line of every load run. */
function progressLine(name: string, p: LoadProgress): string {
  const p95 = p.p95 === null ? '—' : `${Math.round(p.p95)} ms`;
  return `load ${name} ${p.elapsedS.toFixed(0)} s: ${p.sent} sent, ${p.completed} completed, ${p.errors} errors, ${p.dropped} dropped, ${p.inFlight} in flight, p95 ${p95}`;
}

export interface LoadStepInput {
  config: Config;
  plan: LoadPlan;
  token?: string;
  signal?: AbortSignal;
  log: (line: string) => void;
  /** load/<name>.json and load/<name>.html go under here. */
  outDir: string;
}

export interface LoadStepOutput {
  results: CheckResult[];
  result?: LoadResult;
}

/** The "could not run" results of a load step: severities from the catalog, the cause in each. */
export function loadNotRun(name: string, why: string): CheckResult[] {
  return markAll(LOAD_IDS, 'load', 'error', `load ${name} could not run: ${why}`);
}

/**
 * Runs one load plan, writes its JSON and HTML report and evaluates RB-14/15/16. Every way it can go
 * wrong ends as `error` results naming the cause, never a pass.
 */
export async function runLoadStep(input: LoadStepInput): Promise<LoadStepOutput> {
  const { plan, config } = input;
  const { profile } = plan;
  const what = plan.engine === 'open' ? `${profile.rate} req/s` : `${plan.connections ?? profile.connections} connections`;
  input.log(`load ${plan.name}: ${plan.engine} engine, ${what} for ${profile.durationS} s on ${profile.routes.map((r) => r.path).join(', ')} → ${new URL(config.baseUrl).origin}`);
  let result: LoadResult;
  try {
    result = await runLoad({
      target: config.baseUrl, profile, name: plan.name, engine: plan.engine, token: input.token,
      rateCap: config.rateCap, allowRateLimited: config.allowRateLimited, timeoutMs: config.requestTimeoutMs,
      ...(plan.connections !== undefined ? { connections: plan.connections } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      onProgress: (p) => input.log(progressLine(plan.name, p)),
    });
  } catch (e) {
    return { results: loadNotRun(plan.name, (e as Error).message) };
  }
  const l = result.latencyMs;
  input.log(`load ${plan.name}: ${result.requests.sent} sent, ${result.requests.errors} errors, ${result.requests.dropped} dropped; p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; lag p99 ${result.schedulingLagMs.p99 ?? '—'} ms`);
  for (const note of result.notes) input.log(`  note: ${note}`);
  const results = requireEvidence(evaluateLoad(result, config.thresholds), LOAD_IDS, 'load', (id) => `the load evaluation gave no result for ${id}`);
  return { results, result };
}

/** Writes load/<name>.json and .html (the comparison with a baseline inside, when there is one). */
export async function writeLoadStepReports(result: LoadResult, outDir: string, name: string, log: (line: string) => void, comparison?: Parameters<typeof writeLoadReports>[3]): Promise<void> {
  try {
    const written = await writeLoadReports(result, outDir, name, comparison);
    log(`load reports: ${written.json}, ${written.html}`);
  } catch (e) {
    log(`load reports not written: ${(e as Error).message}`);
  }
}
