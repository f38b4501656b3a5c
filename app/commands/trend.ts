import { REPORT_FIELDS } from '../../lib/config/index.ts';
import { readHistory, writeTrendOf, type ParsedHistory } from '../../lib/history/index.ts';
import { stringValue, type FlagSpec, type ParsedArgv } from '../args.ts';
import { defineCommand } from '../command.ts';
import { rawOutDir, usableDir } from '../outdir.ts';
import { rawHistory } from '../report-options.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'history', type: 'value', value: 'FILE', description: 'the history the gating commands append to (--history)', env: REPORT_FIELDS.history.env, defaultText: 'none, required' },
  { name: 'out', type: 'value', value: 'DIR', description: 'where trend.html goes (created when missing)', env: 'CJ_OUT_DIR', defaultText: 'reports' },
  { name: 'last', type: 'value', value: 'N', description: 'chart only the last N runs (regressions are still judged on the whole history)', defaultText: 'every run' },
];

interface TrendPlan {
  history: string;
  parsed: ParsedHistory;
  outDir: string;
  last?: number;
}

/** Warnings shown on stderr; the page lists every skipped line. */
const SHOWN_WARNINGS = 10;
const MAX_LAST = 1_000_000;

function parseLast(raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  if (/^[0-9]+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= MAX_LAST) return Number(raw);
  problems.push(`--last: must be a whole number of runs from 1 to ${MAX_LAST}, got ${JSON.stringify(raw)}`);
  return undefined;
}

/**
 * A file with lines of which none is a history line is not a history (a verdict.json, another tool's
 * log, a format this version cannot read): a usage error, before anything is written. An empty file
 * is a history nothing was filed in yet: that is a page saying so, exit 0.
 */
async function readUsable(file: string, problems: string[]): Promise<ParsedHistory | undefined> {
  try {
    const parsed = await readHistory(file);
    if (parsed.entries.length > 0 || parsed.warnings.length === 0) return parsed;
    problems.push(`--history: ${file} holds no jumpstart-gate history line (${parsed.warnings.length} skipped; the first: ${parsed.warnings[0] ?? ''})`);
  } catch (e) {
    problems.push(`--history (${REPORT_FIELDS.history.env}): ${(e as Error).message}`);
  }
  return undefined;
}

/** Flags + env → what to draw, or every problem at once; the history is read here, before anything is written. */
async function planTrend(args: ParsedArgv, env: NodeJS.ProcessEnv): Promise<{ plan?: TrendPlan; problems: string[] }> {
  const problems: string[] = [];
  const history = rawHistory(args, env);
  if (history === undefined || history.trim() === '') problems.push(`--history (${REPORT_FIELDS.history.env}): is required`);
  const last = parseLast(stringValue(args.values, 'last'), problems);
  const outDir = rawOutDir(args, env);
  const parsed = history ? await readUsable(history, problems) : undefined;
  if (!history || !parsed || problems.length > 0) return { problems };
  // Only now: checking the out dir creates it, and a run with a usage error leaves nothing behind.
  const outProblem = await usableDir(outDir);
  if (outProblem) return { problems: [`--out (CJ_OUT_DIR): ${outProblem}`] };
  return { plan: { history, parsed, outDir, ...(last !== undefined ? { last } : {}) }, problems };
}

export const trendCommand = defineCommand({
  kind: 'plain',
  name: 'trend',
  usage: 'jumpstart-gate trend --history FILE [--out DIR] [--last N]',
  summary:
    "Draws the history of the gate's runs: <out>/trend.html (a chart per measured check with its target and\n" +
    'alert lines, status markers and version changes; no scripts, no CDN) and the regressions at its top,\n' +
    'the same list on stdout: a value far above its own recent runs (robust z > 3.5) or a check that stopped passing.',
  flags: FLAGS,
  notes:
    'Skipped history lines (corrupt, foreign, another format) are warnings on stderr and listed on the page.\n' +
    'Exit codes: 0 the page is written (regressions or not; an empty history gives a page saying so) ·\n' +
    '64 bad flags, a history that is missing, unreadable or holds no history line at all, or an unusable --out.',
  plan: planTrend,
  run: async (plan, ctx) => {
    const out = await writeTrendOf(plan.parsed, { history: plan.history, outDir: plan.outDir, ...(plan.last !== undefined ? { last: plan.last } : {}) });
    for (const w of out.warnings.slice(0, SHOWN_WARNINGS)) ctx.warn(`warning: ${w}`);
    if (out.warnings.length > SHOWN_WARNINGS) ctx.warn(`warning: … and ${out.warnings.length - SHOWN_WARNINGS} more skipped lines (listed on the page)`);
    ctx.log(out.text);
    ctx.log('');
    ctx.log(`trend page: ${out.page}`);
    return 0;
  },
});
