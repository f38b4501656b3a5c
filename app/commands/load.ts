import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, secretValues, type Config } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';
import { compareResults, comparisonCheck, readLoadResult, reportName, type LoadResult } from '../../load/index.ts';
import { stringValue, type FlagSpec, type ParsedArgv } from '../args.ts';
import { defineCommand, type Evidence, type RunContext } from '../command.ts';
import { configFlag, configFlagValues, EXIT_NOTE } from '../flags.ts';
import { loginOnce } from '../gate/login.ts';
import { planLoad, type LoadPlan } from '../load-plan.ts';
import { LOAD_IDS, loadNotRun, runLoadStep, writeLoadJUnit, writeLoadStepReports } from '../load-step.ts';

const FLAGS: readonly FlagSpec[] = [
  configFlag('baseUrl'),
  configFlag('loadProfile', { defaultText: 'post-deploy' }),
  { name: 'route', type: 'list', value: 'PATH', description: 'load these routes instead of a profile (needs --rate and --duration)' },
  configFlag('loadRate'),
  configFlag('loadDurationS'),
  { name: 'engine', type: 'value', value: 'open|closed', description: 'open: constant arrival rate (honest percentiles); closed: capacity (a closed loop of --connections workers)', defaultText: "the profile's" },
  { name: 'connections', type: 'value', value: 'N', description: 'connection budget (closed engine: concurrency), 1..1000', defaultText: "the profile's" },
  { name: 'name', type: 'value', value: 'NAME', description: 'report name: <out>/load/<name>.{json,html,junit.xml}', defaultText: 'the profile name' },
  { name: 'json', type: 'value', value: 'FILE', description: 'also write the result JSON here' },
  { name: 'baseline', type: 'value', value: 'FILE', description: 'a saved load result to compare with (Mann-Whitney on the histograms)' },
  configFlag('rateCap'),
  configFlag('allowRateLimited'),
  configFlag('outDir'),
  configFlag('requestTimeoutMs'),
  configFlag('notifyWebhook'),
  configFlag('compareTo'),
];

export interface LoadCommandPlan {
  config: Config;
  load: LoadPlan;
  json?: string;
  baseline?: { file: string; result: LoadResult };
}

/** Flags + env → what to run, or every problem at once; the baseline is read here, before anything is sent. */
export async function planLoadCommand(args: ParsedArgv, env: Record<string, string | undefined>): Promise<{ plan?: LoadCommandPlan; problems: string[] }> {
  const problems: string[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig({ env, flags: configFlagValues(args.values, FLAGS) });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  const baselineFile = stringValue(args.values, 'baseline');
  let baseline: LoadCommandPlan['baseline'];
  if (baselineFile !== undefined) {
    try {
      baseline = { file: baselineFile, result: await readLoadResult(baselineFile) };
    } catch (e) {
      problems.push(`--baseline: ${(e as Error).message}`);
    }
  }
  if (!config) return { problems };
  const routes = (args.values.route as string[] | undefined) ?? [];
  const engine = stringValue(args.values, 'engine');
  const connections = stringValue(args.values, 'connections');
  const name = stringValue(args.values, 'name');
  const load = planLoad(config, { routes, defaultProfile: 'post-deploy', session: 'login', ...(engine ? { engine } : {}), ...(connections ? { connections } : {}), ...(name ? { name } : {}) });
  problems.push(...load.problems);
  if (!load.plan || problems.length > 0) return { problems };
  const json = stringValue(args.values, 'json');
  return { plan: { config, load: load.plan, ...(json ? { json } : {}), ...(baseline ? { baseline } : {}) }, problems };
}

/** One login when a route needs it, the load, the baseline comparison, the reports. */
async function runLoadCommand(plan: LoadCommandPlan, ctx: RunContext, evidence: Evidence): Promise<void> {
  const { config, load } = plan;
  let token: string | undefined;
  if (load.profile.routes.some((r) => r.auth) && config.email && config.password) {
    const login = await loginOnce(config.baseUrl, config.email, config.password, config.requestTimeoutMs, ctx.signal);
    if (!login.token) {
      evidence.results.push(...loadNotRun(load, `login for the authenticated routes failed: ${login.error ?? 'no token'}`));
      return;
    }
    token = login.token;
    ctx.secrets.push(token);
  }
  const step = await runLoadStep({ config, plan: load, ...(token ? { token } : {}), signal: ctx.signal, log: ctx.log });
  evidence.results.push(...step.results);
  evidence.loadLines = [...(evidence.loadLines ?? []), ...step.lines];
  if (!step.result) return;
  const comparison = plan.baseline ? compareResults(plan.baseline.result, step.result) : undefined;
  if (comparison) {
    evidence.results.push(comparisonCheck(comparison, load.name));
    ctx.log(`vs baseline ${plan.baseline?.file}: ${comparison.summary}`);
  }
  await writeLoadStepReports(step.result, { outDir: config.outDir, name: load.name, log: ctx.log, apiP95: config.thresholds.apiP95, ...(comparison ? { baseline: comparison } : {}) });
  // The result never holds a header or body, so no secret can be in it (and scrubbing could corrupt the base64 histogram).
  // The same document as load/<name>.json: `comparison` is compare mode's, the baseline's goes beside it.
  if (plan.json) await writeFile(plan.json, `${JSON.stringify(comparison ? { ...step.result, baselineComparison: comparison } : step.result, null, 2)}\n`);
}

export const loadCommand = defineCommand({
  kind: 'gating',
  name: 'load',
  usage: 'jumpstart-gate load --target URL [--profile NAME | --route PATH --rate N --duration S] [flags]',
  summary:
    'Ad hoc load (DESIGN.md use 3): an open-model engine that measures from each intended start (no\n' +
    'coordinated omission), or the closed engine for capacity. Writes <out>/load/<name>.{json,html,junit.xml}\n' +
    'and, like every gating command, verdict.json, junit.xml and summary.md.',
  flags: FLAGS,
  notes: `Credentials for routes that need a session: CJ_EMAIL, CJ_PASSWORD (env only; one login per run).\n${EXIT_NOTE}`,
  plan: planLoadCommand,
  settings: ({ config, load, baseline }) => ({
    command: 'load',
    outDir: config.outDir,
    target: config.baseUrl,
    mode: load.name,
    ...(config.notifyWebhook !== undefined ? { notifyWebhook: config.notifyWebhook } : {}),
    requestTimeoutMs: config.requestTimeoutMs,
    secrets: secretValues(config),
    expectedIds: LOAD_IDS,
    ...(baseline ? { keep: [baseline.file] } : {}),
  }),
  run: async (plan, ctx, evidence) => {
    await runLoadCommand(plan, ctx, evidence);
    // Kept beside the load reports for tools that read one JUnit per load run.
    const junit = join(plan.config.outDir, 'load', `${reportName(plan.load.name)}.junit.xml`);
    await writeLoadJUnit(junit, evidence.results, `jumpstart-gate load ${plan.load.name}`, ctx);
  },
});
