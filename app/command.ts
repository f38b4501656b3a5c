import type { CheckResult } from '../lib/verdict/types.ts';
import type { FlagSpec, ParsedArgv, PositionalSpec } from './args.ts';
import type { ReportSettings } from './finish.ts';

/** What a run has established so far: a cancelled run is reported from exactly this. */
export interface Evidence {
  results: CheckResult[];
  /** `version` the target reported (/health), when it did. */
  reportedVersion?: string;
  /** Which browser ran the checks, when they ran. */
  browser?: string;
  /** The load's own lines for the summary: response vs service time, generator lag, the comparison with live. */
  loadLines?: string[];
}

export interface RunContext {
  env: NodeJS.ProcessEnv;
  /** A progress line on stdout, scrubbed of every secret known so far. */
  log: (line: string) => void;
  /** A line on stderr, scrubbed likewise. */
  warn: (line: string) => void;
  /** Aborted by the first SIGINT/SIGTERM: stop sending, clean up, return. */
  signal: AbortSignal;
  /** Aborted by a second signal: skip grace periods. */
  hurry: AbortSignal;
  /** Secrets to scrub from output and reports; a run adds the session token it gets. */
  secrets: string[];
  /** --junit strict: a command's own JUnit side files leave out the per-testcase properties too. */
  junitStrict: boolean;
}

/** What a gating command reports under, and the checks it must report (missing = error, never a pass). */
export interface GatingSettings extends ReportSettings {
  secrets: readonly string[];
  expectedIds: readonly string[];
  /** Input files that may sit in the out dir (a baseline): never removed by the clean-up. */
  keep?: readonly string[];
}

interface CommandMeta {
  name: string;
  /** One paragraph for --help. */
  summary: string;
  /** The usage line after "Usage: ", e.g. "jumpstart-gate gate --target URL [flags]". */
  usage: string;
  flags: readonly FlagSpec[];
  positional?: PositionalSpec;
  /** Extra --help text: env-only settings, exit codes. */
  notes?: string;
}

/** The validated plan, or every problem at once (exit 64 before anything is sent). */
type Planned<P> = { plan?: P; problems: string[] };
/** Pure where it can be; a plan that must read an input file (a baseline) may be async. */
type PlanFn<P> = (args: ParsedArgv, env: NodeJS.ProcessEnv) => Planned<P> | Promise<Planned<P>>;

/**
 * A gating command (gate, watch, load, k6:junit): its run fills `evidence`; the pipeline guards the
 * out dir, decides the verdict, writes every report and exits by the one table.
 */
export interface GatingSpec<P> extends CommandMeta {
  kind: 'gating';
  plan: PlanFn<P>;
  settings: (plan: P) => GatingSettings;
  run: (plan: P, ctx: RunContext, evidence: Evidence) => Promise<void>;
}

/** A command that is not a verdict (sim, demo): its run returns the exit code itself. */
export interface PlainSpec<P> extends CommandMeta {
  kind: 'plain';
  plan: PlanFn<P>;
  run: (plan: P, ctx: RunContext) => Promise<number>;
}

export type Job =
  | { kind: 'gating'; settings: GatingSettings; run: (ctx: RunContext, evidence: Evidence) => Promise<void> }
  | { kind: 'plain'; run: (ctx: RunContext) => Promise<number> };

/** A declared command with its plan type erased: what the pipeline and the bin handle. */
export interface Command extends CommandMeta {
  kind: 'gating' | 'plain';
  prepare: (args: ParsedArgv, env: NodeJS.ProcessEnv) => Promise<{ job?: Job; problems: string[] }>;
}

/** The one way to declare a command: name, flags (with what they do, default, env), plan, run. */
export function defineCommand<P>(spec: GatingSpec<P> | PlainSpec<P>): Command {
  const meta: CommandMeta = { name: spec.name, summary: spec.summary, usage: spec.usage, flags: spec.flags };
  if (spec.positional) meta.positional = spec.positional;
  if (spec.notes) meta.notes = spec.notes;
  return {
    ...meta,
    kind: spec.kind,
    prepare: async (args, env) => {
      const { plan, problems } = await spec.plan(args, env);
      if (plan === undefined || problems.length > 0) return { problems };
      if (spec.kind === 'plain') return { problems, job: { kind: 'plain', run: (ctx) => spec.run(plan, ctx) } };
      return { problems, job: { kind: 'gating', settings: spec.settings(plan), run: (ctx, evidence) => spec.run(plan, ctx, evidence) } };
    },
  };
}
