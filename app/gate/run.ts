import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isInside } from '../../lib/checks-contract/index.ts';
import { markAll } from '../../lib/verdict/evidence.ts';
import type { Evidence, RunContext } from '../command.ts';
import { withoutAuthRoutes } from '../load-plan.ts';
import { LOAD_IDS, loadNotRun, runLoadStep, writeLoadStepReports } from '../load-step.ts';
import { runChecksPhase } from './checks-phase.ts';
import { loginOnce } from './login.ts';
import { preflight } from './preflight.ts';
import type { GatePlan } from './setup.ts';

/**
 * A fresh, private session dir per run, never inside the out dir (CI uploads that): the system temp
 * dir, or the gitignored .auth/ of the repo when the out dir contains the temp dir (e.g. --out /tmp).
 */
async function freshAuthDir(outDir: string, projectRoot: string): Promise<string> {
  const base = isInside(tmpdir(), resolve(outDir)) ? join(projectRoot, '.auth') : tmpdir();
  await mkdir(base, { recursive: true, mode: 0o700 });
  return mkdtemp(join(base, 'jumpstart-gate-auth-'));
}

/** The checks get generous time, scaled by the generation threshold they wait for (RB-09). */
function checksTimeoutMs(plan: Pick<GatePlan, 'config'>): number {
  return 5 * 60_000 + 2 * plan.config.thresholds.generation.alert * 1000;
}

/** The session for the load: the checks' token, or in investigate mode one login of our own. */
async function checksOrLogin(p: GatePlan, ctx: RunContext, evidence: Evidence, authDir: string, projectRoot: string): Promise<string | undefined> {
  const { config, plan, load } = p;
  if (plan.runChecks) {
    ctx.log(`checks: playwright test (${plan.checkIds.length} runbook checks)`);
    const checks = await runChecksPhase({
      config, checkIds: plan.checkIds, authDir, projectRoot, baseEnv: ctx.env, timeoutMs: checksTimeoutMs(p),
      signal: ctx.signal, hurry: ctx.hurry, onLine: (line) => ctx.log(`  ${line}`),
    });
    evidence.results.push(...checks.results);
    if (checks.browser !== undefined) evidence.browser = checks.browser;
    return checks.token;
  }
  if (!load.profile.routes.some((r) => r.auth) || !config.email || !config.password) return undefined;
  const login = await loginOnce(config.baseUrl, config.email, config.password, config.requestTimeoutMs, ctx.signal);
  if (login.error) ctx.log(`login for the load: ${login.error}`);
  return login.token;
}

/** Step 2b: the mode's load, reusing the session; without one, the authenticated routes are left out (and said so). */
async function loadPhase(p: GatePlan, ctx: RunContext, token: string | undefined): Promise<Evidence['results']> {
  let plan = p.load;
  let note = '';
  if (!token) {
    const stripped = withoutAuthRoutes(plan.profile);
    plan = { ...plan, profile: stripped.profile };
    if (stripped.dropped.length > 0) note = ` (without ${stripped.dropped.join(', ')}: no session token)`;
  }
  if (plan.profile.routes.length === 0) return loadNotRun(plan.name, 'every route needs a session and none is available');
  const step = await runLoadStep({ config: p.config, plan, ...(token ? { token } : {}), signal: ctx.signal, log: ctx.log, outDir: p.config.outDir });
  if (step.result) await writeLoadStepReports(step.result, p.config.outDir, plan.name, ctx.log);
  return step.results.map((r) => (note && r.message ? { ...r, message: r.message + note } : r));
}

/**
 * The gate: preflight → Playwright checks → load, each phase bounded; results go into `evidence` as
 * they come, so a cancelled run reports what it had. Verdict and reports are the pipeline's (finish).
 */
export async function runGate(p: GatePlan, ctx: RunContext, evidence: Evidence, projectRoot: string): Promise<void> {
  const { config, plan } = p;
  ctx.log(`gate: ${config.mode} against ${config.baseUrl}${config.expectedVersion ? `, expecting version ${config.expectedVersion}` : ''}`);
  const pre = await preflight(config.baseUrl, config.preflightTimeoutMs, ctx.signal);
  ctx.log(`preflight: ${pre.result.status} — ${pre.result.message ?? ''}`);
  evidence.results.push(pre.result);
  if (pre.version !== undefined) evidence.reportedVersion = pre.version;
  if (!pre.ok) {
    const reason = ctx.signal.aborted ? 'not run: cancelled' : 'not run: the preflight failed (RB-01)';
    evidence.results.push(...markAll(plan.checkIds, 'gate', 'skip', reason), ...markAll(LOAD_IDS, 'gate', 'skip', reason));
    return;
  }
  const authDir = await freshAuthDir(config.outDir, projectRoot);
  try {
    const token = await checksOrLogin(p, ctx, evidence, authDir, projectRoot);
    if (token) ctx.secrets.push(token);
    if (ctx.signal.aborted) return;
    evidence.results.push(...(await loadPhase(p, ctx, token)));
  } finally {
    // The session must not outlive the run (storage state and token live here).
    await rm(authDir, { recursive: true, force: true });
  }
}
