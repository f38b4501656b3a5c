import { loadConfig, type Config, type FieldName } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';
import { parseArgs, type ExtraFlags } from '../args.ts';
import { planLoad, type LoadPlan } from '../load-plan.ts';
import { planFor, type ModePlan } from './modes.ts';

export const GATE_FLAGS: ExtraFlags = {
  route: { takesValue: true, help: 'investigate: load one route instead of a profile, e.g. /api/health/db (with --rate, --duration)' },
};

export interface GateSetup {
  config: Config;
  plan: ModePlan;
  load: LoadPlan;
  help: boolean;
}

/**
 * Pure: argv + env → everything the gate needs, validated up front. Throws GateError('CONFIG')
 * listing every problem (exit 64 before anything runs). `help` short-circuits validation.
 */
export function setupGate(argv: readonly string[], env: Record<string, string | undefined>): GateSetup | { help: true } {
  const args = parseArgs(argv, GATE_FLAGS);
  if (args.help) return { help: true };
  const problems = [...args.problems];
  const route = typeof args.extra.route === 'string' ? args.extra.route : undefined;
  const modeRaw = String(args.flags.mode ?? env.CJ_MODE ?? 'post-deploy');
  const require: FieldName[] = ['baseUrl'];
  if (modeRaw !== 'investigate') require.push('email', 'password');
  let config: Config | undefined;
  try {
    config = loadConfig({ env, flags: args.flags, require });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  let load: LoadPlan | undefined;
  let plan: ModePlan | undefined;
  if (config) {
    plan = planFor(config.mode);
    const willHaveToken = plan.runChecks || Boolean(config.email && config.password);
    const planned = planLoad(config, plan, route, willHaveToken);
    problems.push(...planned.problems);
    load = planned.plan;
  }
  if (problems.length > 0 || !config || !plan || !load) {
    throw new GateError('CONFIG', `invalid configuration (${problems.length} problem(s))`, problems);
  }
  return { config, plan, load, help: false };
}
