import { readFile } from 'node:fs/promises';
import { loadConfig } from '../lib/config/index.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { k6SummaryToResults, type K6Summary } from './k6-summary.ts';
import { PROFILE_NAMES } from '../lib/runbook/profiles.ts';

export const K6_USAGE = `usage: npm run k6:junit -- SUMMARY.json [--k6-exit-code N] [--profile NAME] [--out DIR]
Converts a k6 summary (written by load/k6/profile.ts's handleSummary) to <out>/load/k6-<profile>.junit.xml
and .results.json. Threshold overrides: CJ_API_P95_MS_*, CJ_ERROR_RATE_PCT_*, CJ_DB_P95_MS_* (env).
exit: 0 promote · 1 hold · 2 rollback · 3 inconclusive (missing/broken summary, k6 tool error) · 64 usage`;

export interface K6Args {
  file?: string;
  exitCode?: number;
  profile?: string;
  outDir?: string;
  help: boolean;
  problems: string[];
}

/** Pure argv parsing; every problem collected. */
export function parseK6Args(argv: readonly string[]): K6Args {
  const out: K6Args = { help: false, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return out.problems.push(`${a}: needs a value`), undefined;
      i += 1;
      return v;
    };
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--k6-exit-code') {
      const v = next();
      if (v !== undefined) {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 255) out.problems.push(`--k6-exit-code: must be an integer 0..255, got ${JSON.stringify(v)}`);
        else out.exitCode = n;
      }
    } else if (a === '--profile') {
      const v = next();
      if (v !== undefined && !(PROFILE_NAMES as string[]).includes(v)) out.problems.push(`--profile: ${JSON.stringify(v)} is not one of ${PROFILE_NAMES.join(', ')}`);
      else if (v !== undefined) out.profile = v;
    } else if (a === '--out') {
      const v = next();
      if (v !== undefined) out.outDir = v;
    } else if (a.startsWith('-')) out.problems.push(`${a}: unknown flag (see --help)`);
    else if (out.file === undefined) out.file = a;
    else out.problems.push(`${a}: only one summary file at a time`);
  }
  if (out.file === undefined && !out.help) out.problems.push('SUMMARY.json: the k6 summary file is required');
  return out;
}

export interface K6Converted {
  profile: string;
  results: CheckResult[];
  notes: string[];
}

/** Reads and converts; a missing or unreadable summary is missing evidence (error results), not a usage error. */
export async function convertK6File(args: K6Args & { file: string }, env: Record<string, string | undefined>): Promise<K6Converted> {
  let summary: K6Summary | undefined;
  let problem: string | undefined;
  try {
    const parsed = JSON.parse(await readFile(args.file, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || !('metrics' in parsed)) problem = `${args.file} is not a k6 summary (no "metrics")`;
    else summary = parsed as K6Summary;
  } catch (e) {
    problem = `cannot read k6 summary ${args.file}: ${(e as Error).message}`;
  }
  const profile = args.profile ?? summary?.jumpstart?.profile ?? 'k6';
  // Only the thresholds are needed; the target is not contacted.
  const config = loadConfig({ env: { ...env, CJ_BASE_URL: env.CJ_BASE_URL || 'http://localhost' } });
  if (!summary) {
    const results = (['RB-14', 'RB-15', 'RB-16'] as const).map((id): CheckResult => ({
      id, title: `${id} k6 summary (${profile})`, severity: id === 'RB-15' ? 'critical' : id === 'RB-14' ? 'major' : 'minor', status: 'error', message: problem ?? 'no summary', source: 'load',
    }));
    return { profile, results, notes: [problem ?? 'no summary'] };
  }
  const conversion = k6SummaryToResults(summary, config.thresholds, { ...(args.exitCode !== undefined ? { exitCode: args.exitCode } : {}), profile });
  return { profile, ...conversion };
}
