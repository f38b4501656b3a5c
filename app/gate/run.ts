import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { secretValues } from '../../lib/config/index.ts';
import { scrubText } from '../../lib/report/scrub.ts';
import { markAll } from '../../lib/verdict/evidence.ts';
import type { CheckResult } from '../../lib/verdict/types.ts';
import { runChecksPhase } from './checks-phase.ts';
import { finishRun, type FinishOutput } from '../finish.ts';
import { runLoadPhase } from './load-phase.ts';
import { loginOnce } from './login.ts';
import { LOAD_IDS } from './modes.ts';
import { preflight } from './preflight.ts';
import type { GateSetup } from './setup.ts';

export interface GateDeps {
  env: NodeJS.ProcessEnv;
  /** Where package.json and playwright.config.ts are. */
  projectRoot: string;
  log: (line: string) => void;
  signal?: AbortSignal;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

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
export function checksTimeoutMs(setup: Pick<GateSetup, 'config'>): number {
  return 5 * 60_000 + 2 * setup.config.thresholds.generation.alert * 1000;
}

/** Step 2: checks (or, in investigate mode, the one login its routes may need), then load. */
async function runPhases(setup: Omit<GateSetup, 'help'>, deps: GateDeps, log: (line: string) => void, secrets: string[]): Promise<{ results: CheckResult[]; browser?: string }> {
  const { config, plan, load } = setup;
  const results: CheckResult[] = [];
  let browser: string | undefined;
  const authDir = await freshAuthDir(config.outDir, deps.projectRoot);
  try {
    let token: string | undefined;
    if (plan.runChecks) {
      log(`checks: playwright test (${plan.checkIds.length} runbook checks)`);
      const checks = await runChecksPhase({
        config,
        checkIds: plan.checkIds,
        authDir,
        projectRoot: deps.projectRoot,
        baseEnv: deps.env,
        timeoutMs: checksTimeoutMs(setup),
        ...(deps.signal ? { signal: deps.signal } : {}),
        onLine: (line) => log(`  ${line}`),
      });
      results.push(...checks.results);
      browser = checks.browser;
      token = checks.token;
    } else if (load.profile.routes.some((r) => r.auth) && config.email && config.password) {
      const login = await loginOnce(config.baseUrl, config.email, config.password, config.requestTimeoutMs, deps.signal);
      if (login.error) log(`login for the load: ${login.error}`);
      token = login.token;
    }
    if (token) secrets.push(token);
    const signal = deps.signal ? { signal: deps.signal } : {};
    results.push(...(await runLoadPhase({ config, plan: load, ...(token ? { token } : {}), ...signal, onLine: log, outDir: config.outDir })));
  } finally {
    // The session must not outlive the run (storage state and token live here).
    await rm(authDir, { recursive: true, force: true });
  }
  return browser !== undefined ? { results, browser } : { results };
}

/**
 * The gate (issue 5): preflight → Playwright checks → load → verdict → reports. Every phase is
 * bounded; whatever happens, reports are written and the exit code follows the verdict.
 */
export async function runGate(setup: Omit<GateSetup, 'help'>, deps: GateDeps): Promise<FinishOutput> {
  const { config, plan } = setup;
  const startedAt = new Date();
  const secrets = [...secretValues(config)];
  const log = (line: string) => deps.log(scrubText(line, secrets));
  log(`gate: ${config.mode} against ${config.baseUrl}${config.expectedVersion ? `, expecting version ${config.expectedVersion}` : ''}`);
  const pre = await preflight(config.baseUrl, config.preflightTimeoutMs, deps.signal);
  log(`preflight: ${pre.result.status} — ${pre.result.message ?? ''}`);
  const results: CheckResult[] = [pre.result];
  let browser: string | undefined;
  if (pre.ok) {
    const phases = await runPhases(setup, deps, log, secrets);
    results.push(...phases.results);
    browser = phases.browser;
  } else {
    const reason = deps.signal?.aborted ? 'not run: interrupted' : 'not run: the target did not answer the preflight (RB-01)';
    results.push(...markAll(plan.checkIds, 'gate', 'skip', reason), ...markAll(LOAD_IDS, 'gate', 'skip', reason));
  }
  return finishRun({
    command: 'gate',
    config,
    results,
    startedAt,
    ...(pre.version !== undefined ? { reportedVersion: pre.version } : {}),
    ...(browser !== undefined ? { browser } : {}),
    secrets,
    ...(deps.env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: deps.env.GITHUB_STEP_SUMMARY } : {}),
    log,
  });
}
