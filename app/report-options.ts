/**
 * The options every gating command takes for filing its run beyond the out dir (--history,
 * --pushgateway, --junit): read and checked by the pipeline before anything is sent, then folded into
 * the command's report settings.
 */
import { loadReportOptions, REPORT_FIELDS, reportSecrets, type ReportOptions } from '../lib/config/index.ts';
import { historyPathProblem } from '../lib/history/index.ts';
import { stringValue, type ParsedArgv } from './args.ts';
import type { GatingSettings } from './command.ts';
import { reportFlagValues } from './flags.ts';
import { runOwnedPathProblem } from './outdir.ts';

const HISTORY = `${REPORT_FIELDS.history.env} (${REPORT_FIELDS.history.flag})`;

/**
 * Every problem with the options at once: bad values, and a history file that cannot be written or
 * sits where the run's own clean-up or reports would take it (`outDir`, when the command's plan has one).
 */
export async function planReportOptions(args: ParsedArgv, env: NodeJS.ProcessEnv, outDir: string | undefined): Promise<{ options?: ReportOptions; problems: string[] }> {
  const { options, problems } = loadReportOptions({ env, flags: reportFlagValues(args.values) });
  const history = rawHistory(args, env)?.trim();
  if (history) {
    const unusable = await historyPathProblem(history);
    if (unusable) problems.push(`${HISTORY}: ${unusable}`);
    const owned = outDir === undefined ? undefined : await runOwnedPathProblem(outDir, history);
    if (owned) problems.push(`${HISTORY}: ${owned}; keep it outside the out dir or beside the reports`);
  }
  return options && problems.length === 0 ? { options, problems } : { problems };
}

/** The history as given (flag, else env), for a usage error's clean-up to leave alone: no plan exists then. */
export function rawHistory(args: ParsedArgv, env: NodeJS.ProcessEnv): string | undefined {
  return stringValue(args.values, REPORT_FIELDS.history.flag.slice(2)) ?? (env[REPORT_FIELDS.history.env] || undefined);
}

/** A gating command's settings with the options: their secrets scrubbed everywhere, the history never cleared. */
export function withReportOptions(settings: GatingSettings, options: ReportOptions): GatingSettings {
  return {
    ...settings,
    secrets: [...settings.secrets, ...reportSecrets(options)],
    keep: [...(settings.keep ?? []), ...(options.history ? [options.history] : [])],
    junit: options.junit,
    ...(options.history ? { history: options.history } : {}),
    ...(options.pushgateway ? { pushgateway: options.pushgateway } : {}),
  };
}
