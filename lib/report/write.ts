import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from '../verdict/types.ts';
import type { VerdictDocument } from './document.ts';
import { renderJUnit } from './junit.ts';
import { scrubText, scrubValue } from '../scrub/index.ts';
import { renderSummary, type SummaryExtras } from './summary.ts';

export interface WrittenReports {
  junit: string;
  verdict: string;
  summary: string;
  /** The summary text as written (scrubbed), for printing. */
  summaryText: string;
}

export interface WriteInput {
  outDir: string;
  results: readonly CheckResult[];
  doc: VerdictDocument;
  /** Passwords, tokens, webhook URL: replaced by *** in every file. */
  secrets: readonly string[];
  extras?: SummaryExtras;
  /** $GITHUB_STEP_SUMMARY, when set: summary.md is appended to it. */
  stepSummaryPath?: string;
}

/** The I/O edge of reporting: junit.xml, verdict.json, summary.md (+ the GitHub step summary). */
export async function writeReports(input: WriteInput): Promise<WrittenReports> {
  await mkdir(input.outDir, { recursive: true });
  const results = scrubValue([...input.results], input.secrets);
  const doc = scrubValue(input.doc, input.secrets);
  const junit = join(input.outDir, 'junit.xml');
  const verdict = join(input.outDir, 'verdict.json');
  const summary = join(input.outDir, 'summary.md');
  const summaryText = scrubText(renderSummary(doc, input.extras), input.secrets);
  await writeFile(junit, scrubText(renderJUnit(results, { timestamp: new Date(doc.startedAt) }), input.secrets));
  await writeFile(verdict, scrubText(JSON.stringify(doc, null, 2) + '\n', input.secrets));
  await writeFile(summary, summaryText);
  if (input.stepSummaryPath) await appendFile(input.stepSummaryPath, summaryText + '\n');
  return { junit, verdict, summary, summaryText };
}
