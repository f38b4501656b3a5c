import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT } from '../lib/errors.ts';
import { scrubText } from '../lib/scrub/index.ts';
import { requireEvidence } from '../lib/verdict/evidence.ts';
import { parseArgv, renderHelp, type FlagSpec, type ParsedArgv } from './args.ts';
import type { Command, Evidence, GatingSettings, Job, RunContext } from './command.ts';
import { finishRun } from './finish.ts';
import { REPORT_FLAGS } from './flags.ts';
import { clearAfterUsageError, guardOutDir, rawOutDir } from './outdir.ts';
import { planReportOptions, rawHistory, withReportOptions } from './report-options.ts';
import { watchSignals, type Cancellation, type SignalSource } from './signals.ts';

/** The process edges a command runs against (tests pass their own). */
export interface CommandIO {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  signals: SignalSource;
}

/** After a cancelled run's reports are written, how long its own clean-up may still finish. */
const LAST_MOMENT_MS = 1000;

function usageError(name: string, problems: readonly string[], io: CommandIO): number {
  const list = problems.map((p) => `  - ${p}\n`).join('');
  io.err(`${name}: ${problems.length} problem(s), nothing was run:\n${list}Run with --help for usage.\n`);
  return EXIT.usage;
}

function context(io: CommandIO, cancel: Cancellation, secrets: readonly string[], junitStrict = false): RunContext {
  const ctx: RunContext = {
    env: io.env,
    log: (line) => io.out(`${scrubText(line, ctx.secrets)}\n`),
    warn: (line) => io.err(`${scrubText(line, ctx.secrets)}\n`),
    signal: cancel.signal,
    hurry: cancel.hurry,
    secrets: [...secrets],
    junitStrict,
  };
  return ctx;
}

/**
 * A gating run: guarded out dir, the run raced against the cancel budget, then the verdict and every
 * report from whatever evidence there is — a crash or a signal still ends in written reports.
 */
async function runGating(name: string, settings: GatingSettings, run: (ctx: RunContext, e: Evidence) => Promise<void>, io: CommandIO, cancel: Cancellation): Promise<number> {
  const guard = await guardOutDir(settings.outDir, name, settings.keep);
  if (!guard.lock) return usageError(name, [guard.problem ?? 'the out dir cannot be used'], io);
  const ctx = context(io, cancel, settings.secrets, settings.junit === 'strict');
  try {
    const startedAt = new Date();
    const evidence: Evidence = { results: [] };
    let crash: string | undefined;
    const running = run(ctx, evidence).catch((e: unknown) => {
      crash = scrubText(e instanceof Error ? e.message : String(e), ctx.secrets);
      ctx.warn(`${name}: ${crash}`);
    });
    await Promise.race([running, cancel.expired]);
    const cancelled = cancel.reason();
    const why = cancelled ? `not finished: cancelled by ${cancelled}` : crash ? `could not run: ${crash}` : 'no result (missing evidence)';
    const results = requireEvidence(evidence.results, settings.expectedIds, 'gate', () => why);
    const done = await finishRun({
      settings,
      results,
      startedAt,
      ...(evidence.reportedVersion !== undefined ? { reportedVersion: evidence.reportedVersion } : {}),
      ...(evidence.browser !== undefined ? { browser: evidence.browser } : {}),
      ...(evidence.loadLines?.length ? { loadLines: evidence.loadLines } : {}),
      secrets: ctx.secrets,
      ...(cancelled ? { cancelled } : {}),
      signal: cancel.signal,
      ...(io.env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: io.env.GITHUB_STEP_SUMMARY } : {}),
      log: ctx.log,
      warn: ctx.warn,
    });
    // A run the budget cut short may still be deleting its session dir: give it a last moment.
    if (cancelled) await Promise.race([running, sleep(LAST_MOMENT_MS)]);
    return done.exitCode;
  } finally {
    await guard.lock.release();
  }
}

async function runJob(name: string, job: Job, io: CommandIO): Promise<number> {
  const cancel = watchSignals(io.signals, (line) => io.err(`${line}\n`));
  try {
    if (job.kind === 'plain') return await job.run(context(io, cancel, []));
    return await runGating(name, job.settings, job.run, io, cancel);
  } catch (e) {
    io.err(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.inconclusive;
  } finally {
    cancel.dispose();
  }
}

/** A command's flags: a gating command also takes the pipeline's report options (--history, --pushgateway, --junit). */
function flagsOf(cmd: Command): readonly FlagSpec[] {
  return cmd.kind === 'gating' ? [...cmd.flags, ...REPORT_FLAGS] : cmd.flags;
}

/** The command's plan, and for a gating command its report options folded in: every problem at once. */
async function prepare(cmd: Command, args: ParsedArgv, env: NodeJS.ProcessEnv): Promise<{ job?: Job; problems: string[] }> {
  let prepared: Awaited<ReturnType<Command['prepare']>>;
  try {
    prepared = await cmd.prepare(args, env);
  } catch (e) {
    prepared = { problems: [e instanceof Error ? e.message : String(e)] };
  }
  if (cmd.kind !== 'gating') return prepared;
  const gating = prepared.job?.kind === 'gating' ? prepared.job : undefined;
  const report = await planReportOptions(args, env, gating?.settings.outDir);
  const problems = [...prepared.problems, ...report.problems];
  if (!gating || !report.options || problems.length > 0) return { problems };
  return { problems, job: { ...gating, settings: withReportOptions(gating.settings, report.options) } };
}

/**
 * The one pipeline of every command: argv → flags (every problem at once) → plan (64 before anything
 * is sent) → out-dir guard → signals → run → finish (verdict, notify, push, history, reports, scrub) → exit code.
 * It never exits the process: the bin does, with the code returned here.
 */
export async function runCommand(cmd: Command, argv: readonly string[], io: CommandIO): Promise<number> {
  const flags = flagsOf(cmd);
  const args = parseArgv(argv, flags, cmd.positional);
  if (args.help) {
    io.out(renderHelp({ ...cmd, flags }));
    return EXIT.promote;
  }
  const prepared = await prepare(cmd, args, io.env);
  const problems = [...args.problems, ...prepared.problems];
  if (problems.length > 0 || !prepared.job) {
    const history = rawHistory(args, io.env);
    if (cmd.kind === 'gating') await clearAfterUsageError(rawOutDir(args, io.env), cmd.name, history ? [history] : []);
    return usageError(cmd.name, problems.length > 0 ? problems : ['nothing to run'], io);
  }
  return runJob(cmd.name, prepared.job, io);
}
