export { describeFlags, parseArgs, type ExtraFlags, type ParsedArgs } from './args.ts';
export { finishRun, type FinishInput, type FinishOutput } from './finish.ts';
export { planLoad, type LoadPlan } from './load-plan.ts';
export { LOAD_IDS, planFor, type ModePlan } from './modes.ts';
export { preflight, type PreflightOutcome } from './preflight.ts';
export { checksTimeoutMs, runGate, type GateDeps } from './run.ts';
export { GATE_FLAGS, setupGate, type GateSetup } from './setup.ts';
export { abortOnSignals, exitCodeFor, PROJECT_ROOT, reportUsage } from './cli.ts';
