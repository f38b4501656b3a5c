import { loadConfig, type Config, type FieldName } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';
import type { FlagSpec, ParsedArgv } from '../args.ts';
import { configFlag, configFlagValues } from '../flags.ts';
import { planLoad, type LoadPlan } from '../load-plan.ts';
import { planFor, type ModePlan } from './modes.ts';

export const GATE_FLAGS: readonly FlagSpec[] = [
  configFlag('baseUrl'),
  configFlag('mode'),
  configFlag('expectedVersion'),
  configFlag('outDir'),
  configFlag('requestTimeoutMs'),
  configFlag('preflightTimeoutMs'),
  configFlag('chromiumPath'),
  configFlag('syntheticClient'),
  configFlag('withGeneration'),
  configFlag('loadProfile'),
  configFlag('loadDurationS'),
  configFlag('loadRate'),
  configFlag('rateCap'),
  configFlag('allowRateLimited'),
  configFlag('notifyWebhook'),
  { name: 'route', type: 'value', value: 'PATH', description: 'investigate: load this one route instead of a profile, e.g. /api/health/db (with --rate and --duration)' },
];

export interface GatePlan {
  config: Config;
  plan: ModePlan;
  load: LoadPlan;
}

/** Pure: parsed flags + env → everything the gate needs, or every problem at once (exit 64). */
export function planGate(args: ParsedArgv, env: Record<string, string | undefined>): { plan?: GatePlan; problems: string[] } {
  const problems: string[] = [];
  const flags = configFlagValues(args.values, GATE_FLAGS);
  const route = typeof args.values.route === 'string' ? args.values.route : undefined;
  const require: FieldName[] = ['baseUrl'];
  if (String(flags.mode ?? env.CJ_MODE ?? 'post-deploy') !== 'investigate') require.push('email', 'password');
  let config: Config | undefined;
  try {
    config = loadConfig({ env, flags, require });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  if (!config) return { problems };
  const plan = planFor(config.mode);
  if (route !== undefined && plan.mode !== 'investigate') problems.push('--route: only with --mode investigate');
  if (plan.mode === 'investigate' && route === undefined && config.loadProfile === undefined) {
    problems.push('--mode investigate: needs --profile NAME or --route PATH (with --rate and --duration)');
  }
  if (problems.length > 0) return { problems };
  const load = planLoad(config, { routes: route === undefined ? [] : [route], defaultProfile: plan.defaultProfile, session: plan.runChecks ? 'checks' : 'login' });
  problems.push(...load.problems);
  return load.plan && problems.length === 0 ? { plan: { config, plan, load: load.plan }, problems } : { problems };
}
