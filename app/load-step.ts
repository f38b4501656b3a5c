import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Config } from '../lib/config/index.ts';
import { renderJUnit } from '../lib/report/junit.ts';
import { CATALOG, catalogEntry } from '../lib/runbook/catalog.ts';
import type { Threshold } from '../lib/runbook/thresholds.ts';
import { markAll, requireEvidence } from '../lib/verdict/evidence.ts';
import { scrubText } from '../lib/scrub/index.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { evaluateLoad, liveLine, runLoad, timingLine, writeLoadReports, type Comparison, type LoadProgress, type LoadResult } from '../load/index.ts';
import type { RunContext } from './command.ts';
import { leftOutNote, type LoadPlan } from './load-plan.ts';

/** RB-14, RB-15, RB-16: what every load step must report (missing = error). */
export const LOAD_IDS = CATALOG.filter((e) => e.kind === 'load').map((e) => e.id);

/** Pure: the once-a-second progress line of every load run. */
function progressLine(name: string, p: LoadProgress): string {
  const p95 = p.p95 === null ? '—' : `${Math.round(p.p95)} ms`;
  return `load ${name} ${p.elapsedS.toFixed(0)} s: ${p.sent} sent, ${p.completed} completed, ${p.errors} errors, ${p.dropped} dropped, ${p.inFlight} in flight, p95 ${p95}`;
}

/** Pure: one side's counts and percentiles, for the console. */
function countsLine(r: LoadResult): string {
  const l = r.latencyMs;
  const ms = (v: number | null): string => (v === null ? '—' : `${v} ms`);
  return `${r.requests.sent} sent, ${r.requests.errors} errors, ${r.requests.dropped} dropped; p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)}`;
}

export interface LoadStepInput {
  config: Config;
  plan: LoadPlan;
  token?: string;
  signal?: AbortSignal;
  log: (line: string) => void;
}

export interface LoadStepOutput {
  results: CheckResult[];
  result?: LoadResult;
  /** For the summary: response time beside service time and the generator's lag, the comparison with live, what was left out. */
  lines: string[];
}

/**
 * The candidate-vs-live results in a given state (the load could not run, or the preflight failed). Titled
 * as load/evaluate-live.ts titles the measured ones, so a run that measured nothing still lists them.
 */
function liveMarked(plan: Pick<LoadPlan, 'name' | 'compareTo'>, status: 'skip' | 'error', message: string, source: CheckResult['source'] = 'load'): CheckResult[] {
  if (plan.compareTo === undefined) return [];
  const base = { source, severity: 'major' as const, status, message };
  return [
    { ...base, id: 'RB-14', title: `RB-14 latency vs live (${plan.name})`, severity: catalogEntry('RB-14').severity },
    { ...base, id: 'RB-15', title: `RB-15 error rate vs live (${plan.name})` },
  ];
}

/** The "could not run" (or "not run") results of a load step: severities from the catalog, the cause in each. */
export function loadNotRun(plan: Pick<LoadPlan, 'name' | 'compareTo'>, why: string, status: 'skip' | 'error' = 'error', source: CheckResult['source'] = 'load'): CheckResult[] {
  const message = status === 'error' ? `load ${plan.name} could not run: ${why}` : why;
  return [...markAll(LOAD_IDS, source, status, message), ...liveMarked(plan, status, message, source)];
}

/** Pure: whose delay the latency is, and how the candidate compares with live (the summary's and the console's lines). */
function stepLines(name: string, r: LoadResult): string[] {
  const lines = [`${name}: ${timingLine(r)}`];
  if (r.comparison) lines.push(`${name}: ${liveLine(r.comparison)}`);
  return lines;
}

/** Every check of the step, missing ones as errors; in compare mode the two "vs live" results too. */
function stepResults(plan: LoadPlan, r: LoadResult, config: Config): CheckResult[] {
  const results = requireEvidence(evaluateLoad(r, config.thresholds), LOAD_IDS, 'load', (id) => `the load evaluation gave no result for ${id}`);
  if (plan.compareTo !== undefined && !r.comparison) results.push(...liveMarked(plan, 'error', 'the load result holds no comparison with live: nothing was judged'));
  // Every figure was measured without these routes: each result says so, not only the summary.
  const without = plan.leftOut?.length ? ` (without ${plan.leftOut.join(', ')}: left out of the comparison, a session never goes to the live deployment)` : '';
  return without ? results.map((x) => ({ ...x, message: `${x.message ?? ''}${without}` })) : results;
}

/**
 * Runs one load plan (in compare mode the same schedule to the live deployment too) and evaluates RB-14/15/16
 * and the "vs live" results. Every way it can go wrong ends as `error` results naming the cause, never a pass.
 */
export async function runLoadStep(input: LoadStepInput): Promise<LoadStepOutput> {
  const { plan, config } = input;
  const { profile } = plan;
  const what = plan.engine === 'open' ? `${profile.rate} req/s` : `${plan.connections ?? profile.connections} connections`;
  const live = plan.compareTo === undefined ? '' : ` and, on the same schedule, ${new URL(plan.compareTo).origin} (live)`;
  input.log(`load ${plan.name}: ${plan.engine} engine, ${what} for ${profile.durationS} s on ${profile.routes.map((r) => r.path).join(', ')} → ${new URL(config.baseUrl).origin}${live}`);
  const note = leftOutNote(plan);
  if (note) input.log(`load ${plan.name}: ${note}`);
  let result: LoadResult;
  try {
    result = await runLoad({
      target: config.baseUrl, profile, name: plan.name, engine: plan.engine,
      // Compare mode loads no route that needs a session: the load holds no token at all then.
      ...(plan.compareTo !== undefined ? { compareTo: plan.compareTo } : { token: input.token }),
      thresholds: config.thresholds,
      rateCap: config.rateCap, allowRateLimited: config.allowRateLimited, timeoutMs: config.requestTimeoutMs,
      ...(plan.connections !== undefined ? { connections: plan.connections } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      onProgress: (p) => input.log(progressLine(plan.name, p)),
    });
  } catch (e) {
    return { results: loadNotRun(plan, (e as Error).message), lines: [] };
  }
  input.log(`load ${plan.name}: ${countsLine(result)}`);
  if (result.live) input.log(`load ${plan.name} (live): ${countsLine(result.live)}`);
  for (const n of result.notes) input.log(`  note: ${n}`);
  const lines = stepLines(plan.name, result);
  for (const line of lines) input.log(`load ${line}`);
  // Said on the console before the load; the result JSON and the summary say it too.
  if (note) result.notes.push(note);
  return { results: stepResults(plan, result, config), result, lines: note ? [...lines, `${plan.name}: ${note}`] : lines };
}

export interface StepReports {
  outDir: string;
  name: string;
  log: (line: string) => void;
  /** RB-14's threshold as configured: the latency charts draw its target and alert lines. */
  apiP95: Threshold;
  /** A saved result compared with (`--baseline`). */
  baseline?: Comparison;
}

/** Writes load/<name>.json and .html (the comparison with a baseline inside, when there is one). */
export async function writeLoadStepReports(result: LoadResult, o: StepReports): Promise<void> {
  try {
    const written = await writeLoadReports(result, o.outDir, o.name, o.baseline, o.apiP95);
    o.log(`load reports: ${written.json}, ${written.html}`);
  } catch (e) {
    o.log(`load reports not written: ${(e as Error).message}`);
  }
}

/** A load run's own JUnit file beside its reports (load/<name>.junit.xml, load/k6-<profile>.junit.xml): --junit strict and scrubbed like junit.xml. */
export async function writeLoadJUnit(path: string, results: readonly CheckResult[], suite: string, ctx: Pick<RunContext, 'junitStrict' | 'secrets'>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, scrubText(renderJUnit(results, { name: suite, strict: ctx.junitStrict }), ctx.secrets));
}
