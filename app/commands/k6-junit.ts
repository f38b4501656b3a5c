import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, secretValues, type Config } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';
import { PROFILE_NAMES } from '../../lib/runbook/profiles.ts';
import { k6SummaryToResults, reportName, type K6Summary } from '../../load/index.ts';
import { markAll } from '../../lib/verdict/evidence.ts';
import { stringValue, type FlagSpec, type ParsedArgv } from '../args.ts';
import { defineCommand, type Evidence, type RunContext } from '../command.ts';
import { configFlag, configFlagValues, EXIT_NOTE } from '../flags.ts';
import { LOAD_IDS, writeLoadJUnit } from '../load-step.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'k6-exit-code', type: 'value', value: 'N', description: "k6's exit code: 99 = thresholds crossed (a verdict), 100+ = the tool failed (errors, never a pass)" },
  { name: 'profile', type: 'value', value: 'NAME', description: `the profile k6 ran: ${PROFILE_NAMES.join(', ')}`, defaultText: "the summary's, else k6" },
  configFlag('baseUrl', { description: 'the target k6 loaded, for the reports (it is not contacted)', defaultText: 'k6 summary FILE' }),
  configFlag('outDir'),
  configFlag('notifyWebhook'),
];

interface K6Plan {
  file: string;
  config: Config;
  target: string;
  exitCode?: number;
  profile?: string;
}

/** Pure: flags + env → the conversion to run, or every problem at once. */
function planK6(args: ParsedArgv, env: Record<string, string | undefined>): { plan?: K6Plan; problems: string[] } {
  const problems: string[] = [];
  const file = args.positionals[0];
  if (file === undefined) problems.push('SUMMARY.json: the k6 summary file is required');
  const code = stringValue(args.values, 'k6-exit-code');
  const exitCode = code !== undefined && /^\d{1,3}$/.test(code) && Number(code) <= 255 ? Number(code) : undefined;
  if (code !== undefined && exitCode === undefined) problems.push(`--k6-exit-code: must be an integer 0..255, got ${JSON.stringify(code)}`);
  const profile = stringValue(args.values, 'profile');
  if (profile !== undefined && !(PROFILE_NAMES as readonly string[]).includes(profile)) problems.push(`--profile: ${JSON.stringify(profile)} is not one of ${PROFILE_NAMES.join(', ')}`);
  const flags = configFlagValues(args.values, FLAGS);
  const given = typeof flags.baseUrl === 'string' ? flags.baseUrl : env.CJ_BASE_URL;
  let config: Config | undefined;
  try {
    // Only the thresholds and the out dir are used: the target is not contacted.
    config = loadConfig({ env: { ...env, CJ_BASE_URL: given || 'http://localhost' }, flags });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  if (!config || file === undefined || problems.length > 0) return { problems };
  const plan: K6Plan = { file, config, target: given ? config.baseUrl : `k6 summary ${file}` };
  if (exitCode !== undefined) plan.exitCode = exitCode;
  if (profile !== undefined) plan.profile = profile;
  return { plan, problems };
}

async function readSummary(file: string): Promise<K6Summary | string> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && 'metrics' in parsed ? (parsed as K6Summary) : `${file} is not a k6 summary (no "metrics")`;
  } catch (e) {
    return `cannot read k6 summary ${file}: ${(e as Error).message}`;
  }
}

/** A missing or unreadable summary is missing evidence (errors, exit 3), not a usage error. */
async function convert(plan: K6Plan, ctx: RunContext, evidence: Evidence): Promise<void> {
  const summary = await readSummary(plan.file);
  const profile = plan.profile ?? (typeof summary === 'string' ? undefined : summary.jumpstart?.profile) ?? 'k6';
  if (typeof summary === 'string') {
    ctx.log(`note: ${summary}`);
    evidence.results.push(...markAll(LOAD_IDS, 'load', 'error', summary));
    return;
  }
  const conversion = k6SummaryToResults(summary, plan.config.thresholds, { ...(plan.exitCode !== undefined ? { exitCode: plan.exitCode } : {}), profile });
  for (const n of conversion.notes) ctx.log(`note: ${n}`);
  evidence.results.push(...conversion.results);
  const base = join(plan.config.outDir, 'load', `k6-${reportName(profile)}`);
  await writeLoadJUnit(`${base}.junit.xml`, conversion.results, `jumpstart-gate k6 ${profile}`, ctx);
  await writeFile(`${base}.results.json`, `${JSON.stringify(conversion.results, null, 2)}\n`);
}

export const k6JunitCommand = defineCommand({
  kind: 'gating',
  name: 'k6:junit',
  usage: 'jumpstart-gate k6:junit SUMMARY.json [--k6-exit-code N] [--profile NAME] [flags]',
  summary:
    "Converts a k6 summary (written by load/k6/profile.ts's handleSummary) into the suite's results: RB-14/15/16\n" +
    'judged by the same thresholds, <out>/load/k6-<profile>.{junit.xml,results.json}, and verdict.json,\n' +
    'junit.xml and summary.md like every gating command.',
  positional: { name: 'SUMMARY.json', description: 'the k6 summary file' },
  flags: FLAGS,
  notes: `Threshold overrides: CJ_API_P95_MS_*, CJ_ERROR_RATE_PCT_*, CJ_DB_P95_MS_* (env).\n${EXIT_NOTE}`,
  plan: planK6,
  settings: (plan) => ({
    command: 'k6:junit',
    outDir: plan.config.outDir,
    target: plan.target,
    mode: plan.profile ?? 'k6',
    ...(plan.config.notifyWebhook !== undefined ? { notifyWebhook: plan.config.notifyWebhook } : {}),
    requestTimeoutMs: plan.config.requestTimeoutMs,
    secrets: secretValues(plan.config),
    expectedIds: LOAD_IDS,
    keep: [plan.file],
  }),
  run: convert,
});
